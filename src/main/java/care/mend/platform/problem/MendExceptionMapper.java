package care.mend.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Domain and service failures: the exception already carries its code and a detail safe to show. */
@Provider
public class MendExceptionMapper implements ExceptionMapper<MendException> {

    @Override
    public Response toResponse(MendException exception) {
        return ProblemResponses.of(exception.toProblem());
    }
}
