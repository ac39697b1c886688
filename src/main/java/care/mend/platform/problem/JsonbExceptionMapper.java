package care.mend.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B failures while reading a body (not JSON, a string where a number belongs, an unknown enum constant).
 * The parser's message is not passed on: it can echo the client's input, which may hold health data.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return ProblemResponses.of(Problem.of(ProblemCode.MALFORMED_BODY,
                "The request body is not valid JSON of the expected shape"));
    }
}
