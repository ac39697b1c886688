package care.mend.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Failures raised by JAX-RS itself (no such path, wrong method, a body or parameter that cannot be read) as
 * problem documents. A body that is not JSON, or JSON of the wrong shape, reaches here as a 400.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Problem problem;
        if (exception instanceof NotFoundException) {
            problem = Problem.of(ProblemCode.NOT_FOUND, "No resource at this path");
        } else if (exception instanceof ForbiddenException) {
            problem = Problem.of(ProblemCode.ACCESS_DENIED, "You may not do this or see this record");
        } else if (exception instanceof NotAllowedException) {
            problem = Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "This method is not supported at this path");
        } else if (exception instanceof NotSupportedException) {
            problem = Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
        } else if (exception instanceof NotAcceptableException) {
            problem = Problem.of(ProblemCode.NOT_ACCEPTABLE, "This resource answers in application/json");
        } else if (exception instanceof BadRequestException || exception.getResponse().getStatus() == 400) {
            problem = Problem.of(ProblemCode.MALFORMED_BODY, "The request body or a parameter could not be read");
        } else {
            int status = exception.getResponse().getStatus();
            if (status >= 500) {
                return InternalErrorMapper.logged(exception);
            }
            // Anything else JAX-RS raises keeps its status; the code says it is not one of ours.
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known == null ? "HTTP " + status : known.getReasonPhrase();
            problem = new Problem("about:blank", title, status, title, null, "HTTP_" + status, null);
        }
        return ProblemResponses.of(problem);
    }
}
