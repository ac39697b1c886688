package care.mend.program;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PatientTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final EmergencyContact CONTACT = new EmergencyContact("Contact C.", "+1 (555) 010-0001");

    @Test
    void aPatientIsPseudonymous() {
        Patient patient = new Patient("demo-patient-1", "Patient A. (demo)", CONTACT, NOW);
        assertThat(patient.idpSubject()).isEqualTo("demo-patient-1");
        assertThat(patient.displayName()).isEqualTo("Patient A. (demo)");
        assertThat(patient.emergencyContact()).isEqualTo(CONTACT);
    }

    @Test
    void subjectNameAndEmergencyContactAreRequired() {
        assertInvalidField(() -> new Patient(" ", "P.", CONTACT, NOW), "idpSubject");
        assertInvalidField(() -> new Patient("sub", "", CONTACT, NOW), "displayName");
        assertInvalidField(() -> new Patient("sub", "P.", null, NOW), "emergencyContact");
        assertInvalidField(() -> new EmergencyContact("C.", "call me"), "emergencyContact.phone");
        assertInvalidField(() -> new EmergencyContact(null, "555 0100"), "emergencyContact.name");
    }

    @Test
    void displayNameAndContactChange() {
        Patient patient = new Patient("sub", "P.", CONTACT, NOW);
        patient.rename("Q.");
        patient.changeEmergencyContact(new EmergencyContact("D.", "555 0199"));
        assertThat(patient.displayName()).isEqualTo("Q.");
        assertThat(patient.emergencyContact().phone()).isEqualTo("555 0199");
    }

    @Test
    void theGroupSeesTheChosenNameByDefaultTheFirstWordOfTheDisplayName() {
        assertThat(new Patient("sub", "Ana Alvarez", CONTACT, NOW).chosenName()).isEqualTo("Ana");
        assertThat(new Patient("sub", "Bo", CONTACT, NOW).chosenName()).isEqualTo("Bo");
        Patient chosen = new Patient("sub", "Ana Alvarez", " Annie ", CONTACT, NOW);
        assertThat(chosen.chosenName()).isEqualTo("Annie");
        chosen.chooseName("Ana");
        assertThat(chosen.chosenName()).isEqualTo("Ana");
        assertThat(chosen.displayName()).isEqualTo("Ana Alvarez");
        assertInvalidField(() -> chosen.chooseName(" "), "chosenName");
        assertInvalidField(() -> chosen.chooseName("x".repeat(Patient.CHOSEN_NAME_MAX + 1)), "chosenName");
    }

    @Test
    void theEmailAddressIsOptionalStrippedAndChecked() {
        Patient patient = new Patient("sub", "P.", CONTACT, NOW);
        assertThat(patient.email()).isNull();
        patient.changeEmail("  pat.test@example.org ");
        assertThat(patient.email()).isEqualTo("pat.test@example.org");
        patient.changeEmail(" ");
        assertThat(patient.email()).as("blank removes it").isNull();
        patient.changeEmail("pat.test@example.org");
        patient.changeEmail(null);
        assertThat(patient.email()).isNull();
        for (String bad : new String[] {"pat", "pat@", "@example.org", "pat@example", "pat@@example.org",
                "pat test@example.org", "pat@example..org", "pat@example.org.", "pat\u0007@example.org"}) {
            assertInvalidField(() -> patient.changeEmail(bad), "email");
        }
        String local = "x".repeat(Patient.EMAIL_MAX - "@example.org".length());
        patient.changeEmail(local + "@example.org");
        assertThat(patient.email()).hasSize(Patient.EMAIL_MAX);
        assertInvalidField(() -> patient.changeEmail("x" + local + "@example.org"), "email");
        assertThat(patient.email()).as("a refused address changes nothing").hasSize(Patient.EMAIL_MAX);
    }

    @Test
    void staffMembersAreDeactivatedNotDeleted() {
        StaffMember staff = new StaffMember("demo-facilitator", "Demo Facilitator", NOW);
        assertThat(staff.isActive()).isTrue();
        staff.deactivate();
        assertThat(staff.isActive()).isFalse();
        assertInvalidField(() -> new StaffMember(null, "X", NOW), "idpSubject");
    }
}
