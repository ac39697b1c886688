package care.mend.platform.problem;

import java.util.List;

/**
 * A failure the domain or a service knows how to explain: it carries a {@link ProblemCode} and a detail that is
 * safe to show the caller (no names, no health data). Thrown before anything changes, so a refused request leaves
 * no trace in the data.
 */
public class MendException extends RuntimeException {

    private final ProblemCode code;
    private final List<Problem.FieldError> fieldErrors;

    public MendException(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public MendException(ProblemCode code, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ProblemCode code() {
        return code;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Problem toProblem() {
        return Problem.of(code, getMessage(), fieldErrors);
    }

    /** A clinical rule refused the change (HTTP 409). */
    public static MendException rule(ProblemCode code, String detail) {
        return new MendException(code, detail);
    }

    /** No {@code kind} has that id (HTTP 404). The detail names the kind, never the record's content. */
    public static MendException notFound(String kind, Object id) {
        return new MendException(ProblemCode.NOT_FOUND, "No " + kind + " with id " + id);
    }

    /** A single invalid field that Bean Validation cannot express (HTTP 400). */
    public static MendException invalidField(String field, String message) {
        return new MendException(ProblemCode.VALIDATION_FAILED, "The request has invalid fields",
                List.of(new Problem.FieldError(field, message)));
    }
}
