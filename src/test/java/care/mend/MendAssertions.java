package care.mend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the domain's refusals. */
public final class MendAssertions {

    private MendAssertions() {
    }

    /** Asserts that {@code call} throws a {@link MendException} with {@code code}, and returns it. */
    public static MendException assertRefused(ThrowingCallable call, ProblemCode code) {
        MendException e = catchThrowableOfType(MendException.class, call);
        assertThat(e).as("expected a MendException with code %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        return e;
    }

    /** Asserts that {@code call} is refused as an invalid {@code field} (HTTP 400). */
    public static MendException assertInvalidField(ThrowingCallable call, String field) {
        MendException e = assertRefused(call, ProblemCode.VALIDATION_FAILED);
        assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly(field);
        return e;
    }
}
