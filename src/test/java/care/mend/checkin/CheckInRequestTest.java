package care.mend.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The check-in's request as the API reads it (JSON-B) and validates it (Bean Validation), before any rule. */
class CheckInRequestTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static Set<String> invalid(String json) {
        CheckInRequest request = JSONB.fromJson(json, CheckInRequest.class);
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aCheckInReadsFromPlainJsonAndIsValidatedFieldByField() {
        UUID session = UUID.randomUUID();
        CheckInRequest request = JSONB.fromJson("""
                {"sessionId":"%s","mood":2,"craving":8,"medication":"NOT_PRESCRIBED","note":"Hello"}"""
                .formatted(session), CheckInRequest.class);
        assertThat(request.answers()).isEqualTo(new CheckIn.Answers(2, 8, MedicationAnswer.NOT_PRESCRIBED, "Hello"));
        assertThat(VALIDATOR.validate(request)).isEmpty();

        assertThat(invalid("{}")).containsExactlyInAnyOrder("sessionId", "mood", "medication");
        assertThat(invalid("""
                {"sessionId":"%s","mood":11,"craving":-1,"medication":"TAKEN","note":"%s"}"""
                .formatted(session, "x".repeat(CheckIn.NOTE_MAX + 1)))).containsExactlyInAnyOrder("mood", "craving",
                "note");
        assertThat(invalid("""
                {"sessionId":"%s","mood":5,"medication":"TAKEN","note":"a\\u0000b"}""".formatted(session)))
                .containsExactly("note");
    }
}
