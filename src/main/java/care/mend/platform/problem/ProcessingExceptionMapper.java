package care.mend.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * RESTEasy wraps a body that JSON-B cannot read (not JSON, a string where a number belongs, an unknown enum
 * constant) in a {@link ProcessingException}: that is the client's mistake, a 400. A {@link MendException} inside is
 * answered as itself. Any other processing failure is ours, a logged 500.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MendException mend) {
                // Our own refusal from inside a reader, such as a body past the size limit.
                return ProblemResponses.of(mend.toProblem());
            }
            if (cause instanceof JsonbException) {
                return ProblemResponses.of(Problem.of(ProblemCode.MALFORMED_BODY,
                        "The request body is not valid JSON of the expected shape"));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return InternalErrorMapper.logged(exception);
    }
}
