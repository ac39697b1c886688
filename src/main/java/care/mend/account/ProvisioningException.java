package care.mend.account;

import care.mend.program.LoginProblem;
import java.util.Objects;

/**
 * The identity provider did not do what Mend asked. The message names the step and the HTTP status, never the
 * person (no address, no name, no id): it goes to the log.
 */
public class ProvisioningException extends RuntimeException {

    private final LoginProblem problem;

    public ProvisioningException(LoginProblem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ProvisioningException(LoginProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public LoginProblem problem() {
        return problem;
    }
}
