package care.mend.attendance;

import ca.uhn.fhir.context.FhirContext;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The signed attendance as a FHIR R4 collection Bundle, built with HAPI FHIR's R4 structures: an EpisodeOfCare per
 * enrollment, a group Encounter per session, and an Encounter per patient and session ({@code subject} the patient,
 * {@code partOf} the group Encounter, {@code period} from first admission to last departure, {@code length} in
 * minutes, class virtual, {@code episodeOfCare} the enrollment). Patients appear by Mend's pseudonymous id only.
 */
public final class AttendanceFhirExport {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String BASE = "urn:mend:fhir/";
    static final String PATIENT_SYSTEM = "urn:mend:patient";
    static final Coding VIRTUAL = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual");
    static final String UCUM = "http://unitsofmeasure.org";

    /** Creating a FHIR context scans the model (seconds); one serves the whole application. */
    private static final class Holder {
        static final FhirContext R4 = FhirContext.forR4();
    }

    private AttendanceFhirExport() {
    }

    public static FhirContext context() {
        return Holder.R4;
    }

    public static Bundle bundle(List<AttendanceReportRow> rows, List<Enrollment> enrollments, Instant generatedAt) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(generatedAt));
        bundle.setIdentifier(new Identifier().setSystem("urn:mend:export").setValue(UUID.randomUUID().toString()));
        Map<String, Resource> resources = new LinkedHashMap<>();
        Set<UUID> patients = new LinkedHashSet<>();
        for (AttendanceReportRow row : rows) {
            patients.add(row.patientId());
            resources.computeIfAbsent("Encounter/session-" + row.sessionId(), key -> groupEncounter(row));
            Optional<Enrollment> enrollment = enrollmentOf(row, enrollments);
            enrollment.ifPresent(e -> resources.computeIfAbsent("EpisodeOfCare/enrollment-" + e.id(),
                    key -> episode(e)));
            resources.put("Encounter/attendance-" + row.recordId(), patientEncounter(row, enrollment));
        }
        for (UUID patient : patients) {
            Patient resource = new Patient();
            resource.setId("Patient/" + patient);
            resource.addIdentifier().setSystem(PATIENT_SYSTEM).setValue(patient.toString());
            resources.put("Patient/" + patient, resource);
        }
        resources.forEach((key, resource) -> bundle.addEntry().setFullUrl(BASE + key).setResource(resource));
        return bundle;
    }

    public static String json(Bundle bundle) {
        return context().newJsonParser().setPrettyPrint(false).encodeResourceToString(bundle);
    }

    private static Encounter groupEncounter(AttendanceReportRow row) {
        Encounter encounter = new Encounter();
        encounter.setId("Encounter/session-" + row.sessionId());
        encounter.addIdentifier().setSystem("urn:mend:group-session").setValue(row.sessionId().toString());
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(VIRTUAL.copy());
        encounter.addType(new CodeableConcept().setText("Intensive outpatient group psychotherapy session"));
        encounter.setServiceType(new CodeableConcept().setText(row.programName() + " / " + row.groupName()));
        encounter.setPeriod(period(row.roomOpened() != null ? row.roomOpened() : row.scheduledStart(),
                row.roomClosed() != null ? row.roomClosed() : row.scheduledEnd()));
        return encounter;
    }

    private static Encounter patientEncounter(AttendanceReportRow row, Optional<Enrollment> enrollment) {
        Encounter encounter = new Encounter();
        encounter.setId("Encounter/attendance-" + row.recordId());
        encounter.addIdentifier().setSystem("urn:mend:attendance-record").setValue(row.recordId().toString());
        boolean attended = row.status() != AttendanceStatus.ABSENT && row.status() != AttendanceStatus.EXCUSED;
        encounter.setStatus(attended ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.CANCELLED);
        encounter.setClass_(VIRTUAL.copy());
        encounter.addType(new CodeableConcept().setText(row.modality().equals("AUDIO_ONLY")
                ? "Group telehealth, audio-only" : "Group telehealth, audio-video"));
        encounter.setSubject(new Reference("Patient/" + row.patientId()));
        encounter.setPartOf(new Reference("Encounter/session-" + row.sessionId()));
        enrollment.ifPresent(e -> encounter.addEpisodeOfCare(new Reference("EpisodeOfCare/enrollment-" + e.id())));
        if (row.attestedLocation() != null) {
            // The patient's own words, not a managed Location resource: a reference by display only.
            encounter.addLocation().setLocation(new Reference().setDisplay(row.attestedLocation()))
                    .setStatus(Encounter.EncounterLocationStatus.COMPLETED);
        }
        if (attended && row.firstAdmitted() != null) {
            encounter.setPeriod(period(row.firstAdmitted(), row.lastLeft() != null ? row.lastLeft()
                    : row.roomClosed()));
            Duration length = new Duration();
            length.setValue(row.minutesPresent()).setUnit("min").setSystem(UCUM).setCode("min");
            encounter.setLength(length);
        }
        return encounter;
    }

    private static EpisodeOfCare episode(Enrollment enrollment) {
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.setId("EpisodeOfCare/enrollment-" + enrollment.id());
        episode.addIdentifier().setSystem("urn:mend:enrollment").setValue(enrollment.id().toString());
        episode.setStatus(enrollment.status() == EnrollmentStatus.ENROLLED ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        episode.setPatient(new Reference("Patient/" + enrollment.patientId()));
        episode.addType(new CodeableConcept().setText("Intensive outpatient program"));
        LocalDate end = enrollment.endDate() != null ? enrollment.endDate() : enrollment.plannedEndDate();
        Period period = new Period().setStart(Date.from(enrollment.startDate().atStartOfDay(ZoneOffset.UTC)
                .toInstant()));
        if (end != null) {
            period.setEnd(Date.from(end.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        episode.setPeriod(period);
        return episode;
    }

    private static Optional<Enrollment> enrollmentOf(AttendanceReportRow row, List<Enrollment> enrollments) {
        return enrollments.stream()
                .filter(e -> e.patientId().equals(row.patientId()) && e.programId().equals(row.programId()))
                .filter(e -> !row.date().isBefore(e.startDate())
                        && (e.endDate() == null || !row.date().isAfter(e.endDate())))
                .findFirst();
    }

    private static Period period(Instant start, Instant end) {
        Period period = new Period().setStart(Date.from(start));
        if (end != null) {
            period.setEnd(Date.from(end));
        }
        return period;
    }
}
