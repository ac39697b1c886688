package care.mend.attendance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The FHIR export's validator ({@link AttendanceFhirExportTest}'s: HAPI's {@code FhirValidator} with the R4
 * definitions and Mend's own) for tests outside this package, such as the integration tests that validate what the
 * server exported.
 */
public final class FhirExportValidation {

    private FhirExportValidation() {
    }

    /** The validation errors of a Bundle as JSON, each as "location: message"; the accepted warnings are not errors. */
    public static synchronized List<String> errors(String what, String json) {
        if (AttendanceFhirExportTest.validator == null) {
            try {
                AttendanceFhirExportTest.validator();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return AttendanceFhirExportTest.errors(what, AttendanceFhirExportTest.validator.validateWithResult(json))
                .stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    }
}
