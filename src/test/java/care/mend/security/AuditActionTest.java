package care.mend.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rows written before V10 carry older action names; they are read, and found by a filter, as what they were. */
class AuditActionTest {

    @Test
    void everyOlderNameReadsAsTheActionItWas() {
        assertThat(AuditAction.ofStored("READ_ATTENDANCE")).contains(AuditAction.READ_SHEET);
        assertThat(AuditAction.ofStored("LIST_MEMBERSHIPS")).contains(AuditAction.READ_ROSTER);
        assertThat(AuditAction.ofStored("LIST_PATIENT")).contains(AuditAction.LIST_PATIENTS);
        assertThat(AuditAction.ofStored("LIST_ENROLLMENT")).contains(AuditAction.LIST_ENROLLMENTS);
        assertThat(AuditAction.ofStored("LIST_ATTENDANCE-REPORT")).contains(AuditAction.READ_REPORT);
        assertThat(AuditAction.ofStored("LIST_ATTENDANCE-EXPORT-CSV")).contains(AuditAction.EXPORT_CSV);
        assertThat(AuditAction.ofStored("LIST_ATTENDANCE-EXPORT-FHIR")).contains(AuditAction.EXPORT_FHIR);
        for (String unchanged : new String[] {"READ_PATIENT", "READ_ENROLLMENT", "READ_MEMBERSHIP", "JOIN_ROOM"}) {
            assertThat(AuditAction.ofStored(unchanged)).contains(AuditAction.valueOf(unchanged));
        }
        assertThat(AuditAction.ofStored("SOMETHING_ELSE")).isEmpty();
    }

    @Test
    void aFilterFindsAnActionUnderEveryNameItWasStoredAs() {
        assertThat(AuditAction.READ_REPORT.storedNames())
                .containsExactlyInAnyOrder("READ_REPORT", "LIST_ATTENDANCE-REPORT");
        assertThat(AuditAction.SIGN_OFF.storedNames()).containsExactly("SIGN_OFF");
    }

    @Test
    void everyNameFitsTheColumn() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(action.name().length()).isLessThanOrEqualTo(64);
        }
    }
}
