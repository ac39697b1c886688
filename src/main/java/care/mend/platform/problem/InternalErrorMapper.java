package care.mend.platform.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: anything not mapped elsewhere. The caller gets a 500 problem with an opaque incident id and no
 * stack trace; the server log gets the trace under the same id. A lost optimistic-lock race is not our failure
 * but the caller's stale view, so it is a 409 to retry.
 */
@Provider
public class InternalErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(InternalErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof OptimisticLockException) {
                return ProblemResponses.of(Problem.of(ProblemCode.CONCURRENT_MODIFICATION,
                        "Another request changed this resource; read it again and retry"));
            }
            if (cause instanceof MendException mend) {
                // A domain failure wrapped by a container layer (a transaction or CDI interceptor).
                return ProblemResponses.of(mend.toProblem());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return logged(exception);
    }

    static Response logged(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        // SEVERE with the trace, but no request content: the trace is ours, the input may be health data.
        LOG.log(Level.SEVERE, "MEND-PLATFORM-500 incident " + incident, exception);
        return ProblemResponses.of(Problem.of(ProblemCode.INTERNAL_ERROR,
                "An internal error occurred; quote the incident id to support").withInstance("urn:uuid:" + incident));
    }
}
