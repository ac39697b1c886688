package care.mend.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for a {@link Problem}; the single place that sets the problem media type. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
