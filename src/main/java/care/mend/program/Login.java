package care.mend.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * A record's login as Mend knows it: its state and, after a failed attempt, why. The subject that links the record to
 * the identity provider's user stays on the record ({@code idpSubject}); this is what Mend did about it.
 *
 * <p>Transitions: NONE or FAILED to INVITED or ACTIVE (made or linked), to FAILED (an attempt failed, the subject kept
 * if the user was made); any linked state to DISABLED; DISABLED back to ACTIVE or INVITED only by enabling. A problem
 * is kept only beside FAILED, and beside DISABLED when the identity provider has not disabled the user yet.
 */
@Embeddable
public class Login {

    @Enumerated(EnumType.STRING)
    @Column(name = "login_state", nullable = false, length = 16)
    private LoginState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "login_problem", length = 32)
    private LoginProblem problem;

    protected Login() {
        // for JPA
    }

    private Login(LoginState state, LoginProblem problem) {
        this.state = Objects.requireNonNull(state, "state");
        this.problem = problem;
    }

    public static Login none() {
        return new Login(LoginState.NONE, null);
    }

    public static Login active() {
        return new Login(LoginState.ACTIVE, null);
    }

    public static Login invited() {
        return new Login(LoginState.INVITED, null);
    }

    public static Login failed(LoginProblem problem) {
        return new Login(LoginState.FAILED, Objects.requireNonNull(problem, "problem"));
    }

    /** @param problem null when the identity provider disabled the user too, or why it did not */
    public static Login disabled(LoginProblem problem) {
        return new Login(LoginState.DISABLED, problem);
    }

    public LoginState state() {
        return state;
    }

    /** Why the last attempt failed, or null. */
    public LoginProblem problem() {
        return problem;
    }

    public boolean isDisabled() {
        return state == LoginState.DISABLED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Login login && login.state == state && login.problem == problem;
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, problem);
    }

    @Override
    public String toString() {
        return problem == null ? state.name() : state + "(" + problem + ")";
    }
}
