package care.mend.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document with Mend's extension members {@code code} (a {@link ProblemCode} name) and
 * {@code errors} (the offending fields, empty when the problem is not about fields).
 *
 * @param type     a URI reference naming the problem type; Mend uses {@code urn:mend:problem:<code>}
 * @param instance a URI reference for this occurrence; for internal errors, the id logged on the server
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: its path in the request (for example {@code body.capacity}) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemCode code, String detail) {
        return of(code, detail, List.of());
    }

    public static Problem of(ProblemCode code, String detail, List<FieldError> errors) {
        return new Problem("urn:mend:problem:" + code.name().toLowerCase().replace('_', '-'), code.title(),
                code.status(), detail, null, code.name(), errors);
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, code, errors);
    }
}
