package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.program.Enrollment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class AttendanceFhirExportTest {

    private static final Instant START = Instant.parse("2026-11-03T00:00:00Z");

    private static AttendanceReportRow row(UUID session, UUID patient, UUID program, AttendanceStatus status,
                                           int minutes, int audioOnly) {
        return new AttendanceReportRow(UUID.randomUUID(), session, LocalDate.of(2026, 11, 2),
                java.time.ZoneId.of("America/Chicago"), START, START.plusSeconds(10800), START.minusSeconds(300),
                START.plusSeconds(10800), UUID.randomUUID(), program, "Evening IOP", UUID.randomUUID(), "Evening group",
                patient, "Patient A. (demo)", minutes > 0 ? START.plusSeconds(120) : null,
                minutes > 0 ? START.plusSeconds(10800) : null, status, minutes, minutes - audioOnly, audioOnly, 0, 0,
                minutes >= 135, false, "facilitator-sub", minutes > 0 ? "Home (demo)" : null, null);
    }

    @Test
    void theBundleParsesBackWithItsFigures() {
        UUID session = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID absentPatient = UUID.randomUUID();
        Enrollment enrollment = new Enrollment(patient, program, LocalDate.of(2026, 10, 1), null, START);
        List<AttendanceReportRow> rows = List.of(row(session, patient, program, AttendanceStatus.PRESENT, 175, 120),
                row(session, absentPatient, program, AttendanceStatus.ABSENT, 0, 0));

        String json = AttendanceFhirExport.json(AttendanceFhirExport.bundle(rows, List.of(enrollment), START));
        Bundle parsed = AttendanceFhirExport.context().newJsonParser().parseResource(Bundle.class, json);

        assertThat(parsed.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        List<Resource> resources = parsed.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        assertThat(resources).filteredOn(EpisodeOfCare.class::isInstance).hasSize(1);
        List<Encounter> encounters = resources.stream().filter(Encounter.class::isInstance)
                .map(Encounter.class::cast).toList();
        assertThat(encounters).hasSize(3);
        Encounter group = encounters.stream().filter(e -> !e.hasSubject()).findFirst().orElseThrow();
        Encounter present = encounters.stream()
                .filter(e -> e.hasSubject() && e.getSubject().getReference().equals("Patient/" + patient))
                .findFirst().orElseThrow();
        assertThat(present.getClass_().getCode()).isEqualTo("VR");
        assertThat(present.getLength().getValue().intValue()).isEqualTo(175);
        assertThat(present.getLength().getCode()).isEqualTo("min");
        assertThat(present.getPartOf().getReference()).isEqualTo("Encounter/" + group.getIdElement().getIdPart());
        assertThat(present.getEpisodeOfCareFirstRep().getReference()).isEqualTo("EpisodeOfCare/enrollment-"
                + enrollment.id());
        assertThat(present.getPeriod().getStart().toInstant()).isEqualTo(START.plusSeconds(120));
        assertThat(present.getTypeFirstRep().getText()).contains("audio-only");
        Encounter absent = encounters.stream()
                .filter(e -> e.hasSubject() && e.getSubject().getReference().equals("Patient/" + absentPatient))
                .findFirst().orElseThrow();
        assertThat(absent.getStatus()).isEqualTo(Encounter.EncounterStatus.CANCELLED);
        assertThat(absent.hasLength()).isFalse();
        assertThat(present.getLocationFirstRep().getLocation().getDisplay()).isEqualTo("Home (demo)");
        assertThat(absent.hasLocation()).isFalse();
        assertThat(json).doesNotContain("Patient A.");
    }
}
