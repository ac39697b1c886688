package care.mend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.program.CreatePatientRequest;
import care.mend.program.EmergencyContactBody;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link PlainText}: text without control characters or unpaired surrogates, on one line unless multi-line. */
class PlainTextTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void ordinaryTextOfEveryScriptIsPlain() {
        for (String text : new String[] {"", "Dana O'Neil-Smith", "José Müller", "Ærøskøbing", "Zoë 🙂 family 👨‍👩‍👧",
                "محمد", "幸子", "नमस्ते", "tab-free, comma, (brackets) & + 555 0100", "\u00a0non-breaking"}) {
            assertThat(PlainTextValidator.problemOf(text, false)).as(text).isNull();
        }
    }

    @Test
    void controlCharactersAreRefused() {
        for (String text : new String[] {"A\u0000B", "\u0000", "tab\there", "line\nbreak", "cr\rhere", "bell\u0007",
                "del\u007f", "c1\u0085", "esc\u001b[31m", "line\u2028separator", "para\u2029graph"}) {
            assertThat(PlainTextValidator.problemOf(text, false)).as(escaped(text))
                    .isEqualTo("must be plain text on one line: no control characters");
        }
    }

    @Test
    void unpairedSurrogatesAreRefusedPairedOnesAreNot() {
        assertThat(PlainTextValidator.problemOf("\ud83d\ude42", false)).isNull();
        for (String text : new String[] {"\ud800", "a\ud800b", "\udc00", "end\ud83d", "\ude42\ud83d"}) {
            assertThat(PlainTextValidator.problemOf(text, false)).as(escaped(text))
                    .isEqualTo("must be valid Unicode text (no unpaired surrogates)");
        }
    }

    @Test
    void aMultiLineTextKeepsLineFeedsOnly() {
        assertThat(PlainTextValidator.problemOf("first line\nsecond line\n", true)).isNull();
        for (String text : new String[] {"crlf\r\n", "tab\t", "nul\u0000", "ls\u2028"}) {
            assertThat(PlainTextValidator.problemOf(text, true)).as(escaped(text))
                    .isEqualTo("must be plain text: no control characters other than line feeds");
        }
        assertThat(PlainTextValidator.problemOf("\ud800\n", true)).contains("surrogates");
    }

    @Test
    void aRequestRecordReportsTheFieldAndNeverTheValue() {
        CreatePatientRequest request = new CreatePatientRequest("sub\u0000x", "Dana\u0000", "Dee\u2028",
                new EmergencyContactBody("Lee\ud800", "+1 555 0100"), null);

        Map<String, String> errors = VALIDATOR.validate(request).stream().collect(
                Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage));

        assertThat(errors).containsOnlyKeys("idpSubject", "displayName", "chosenName", "emergencyContact.name");
        assertThat(errors.get("displayName")).isEqualTo("must be plain text on one line: no control characters");
        assertThat(errors.get("emergencyContact.name")).contains("unpaired surrogates");
        assertThat(errors.values()).noneMatch(message -> message.contains("Dana") || message.contains("Lee")
                || message.contains("Dee"));
    }

    @Test
    void nullIsLeftToNotNull() {
        Set<ConstraintViolation<Holder>> violations = VALIDATOR.validate(new Holder(null, null));
        assertThat(violations).isEmpty();
    }

    @Test
    void aMessageOfTheCallersOwnIsKept() {
        assertThat(VALIDATOR.validate(new Holder("a\u0000", "b\u0000"))).extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder("must be plain text on one line: no control characters", "is not a note");
    }

    record Holder(@PlainText String line, @PlainText(multiline = true, message = "is not a note") String note) {
    }

    private static String escaped(String text) {
        return text.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).collect(Collectors.joining());
    }
}
