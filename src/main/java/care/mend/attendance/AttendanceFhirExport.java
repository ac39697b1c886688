package care.mend.attendance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * The signed attendance as a FHIR R4 {@code collection} Bundle, built with HAPI FHIR's R4 structures. Every entry's
 * {@code fullUrl} is a {@code urn:uuid:} (name-based on Mend's id, so the same record has the same one in every
 * export) and every reference points at an entry of the Bundle:
 * <ul>
 *   <li>{@code Organization} per site; {@code Group} per therapy group (managed by the site);</li>
 *   <li>{@code Patient} per patient, by Mend's pseudonymous id only (no name);</li>
 *   <li>{@code EpisodeOfCare} per enrollment: its period is the enrollment's dates as FHIR dates
 *       ({@code 2026-10-01}), which are already the program's local dates;</li>
 *   <li>{@code Encounter} per session ({@code subject} the Group, {@code period} the room's open to close);</li>
 *   <li>{@code Encounter} per patient and session ({@code subject} the Patient, {@code partOf} the session's,
 *       {@code episodeOfCare}, {@code period} first admitted to last left, {@code length} the minutes present);</li>
 *   <li>{@code Observation}s per check-in at join of a row's patient and session ({@link CheckInObservations}:
 *       mood, craving, medication);</li>
 *   <li>{@code Provenance} per amended record ({@code target} its Encounter; {@code recorded}, {@code reason},
 *       {@code activity} UPDATE and {@code agent} of the latest amendment), and a {@code Practitioner} per author
 *       with a staff record (identifier and display name; an author without one is named by identifier only).</li>
 * </ul>
 * Times are instants with the session's UTC offset ({@code 2026-11-02T18:02:00-06:00}); {@code class} is
 * {@code VR} (virtual) from v3 ActCode.
 *
 * <p>Mend's status, as FHIR R4's {@code Encounter.status} and the
 * {@code https://mend.care/fhir/StructureDefinition/attendance-status} extension (the full definitions, and the other
 * extensions: {@code attendance-credited}, {@code attendance-amended}, {@code excuse-reason},
 * {@code attendance-flags}, {@code telehealth-modality}, {@code telehealth-minutes}, are in
 * {@code src/docs/fhir-export.md}):
 * <table>
 *   <caption>Attendance status</caption>
 *   <tr><th>Mend</th><th>Encounter.status</th><th>period, length</th></tr>
 *   <tr><td>PRESENT, PARTIAL</td><td>finished</td><td>yes</td></tr>
 *   <tr><td>EXCUSED, some minutes present</td><td>finished</td><td>yes</td></tr>
 *   <tr><td>EXCUSED, no minute present</td><td>cancelled</td><td>no</td></tr>
 *   <tr><td>ABSENT</td><td>cancelled</td><td>no</td></tr>
 * </table>
 * <table>
 *   <caption>Telehealth modality (of the minutes with media flowing)</caption>
 *   <tr><th>telehealth-modality</th><th>when</th><th>CPT modifier</th></tr>
 *   <tr><td>audio-video</td><td>audio-video minutes at least the audio-only ones</td><td>95</td></tr>
 *   <tr><td>audio-only</td><td>more audio-only minutes than audio-video ones</td><td>93</td></tr>
 *   <tr><td>none</td><td>no media flowed (absent, or connected without media)</td><td>none</td></tr>
 * </table>
 * Minutes in the room with no media flowing are their own figure in {@code telehealth-minutes} and never count as
 * video.
 */
public final class AttendanceFhirExport {

    public static final String MEDIA_TYPE = "application/fhir+json";

    /** Where Mend's extensions are defined (src/docs/fhir-export.md) and its identifier systems named. */
    static final String MEND = "https://mend.care/fhir/";
    static final String EXTENSION = MEND + "StructureDefinition/";
    static final String STATUS = EXTENSION + "attendance-status";
    static final String CREDITED = EXTENSION + "attendance-credited";
    static final String AMENDED = EXTENSION + "attendance-amended";
    static final String EXCUSE_REASON = EXTENSION + "excuse-reason";
    static final String MODALITY = EXTENSION + "telehealth-modality";
    static final String MINUTES = EXTENSION + "telehealth-minutes";
    static final String FLAGS = EXTENSION + "attendance-flags";
    static final String IDENTIFIER = MEND + "sid/";

    static final Coding UPDATE = new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE",
            "revise");
    static final Coding AUTHOR = new Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
            "author", "Author");

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

    /**
     * @param rows        the report rows to export
     * @param enrollments the enrollments of the rows' patients (those covering a row become its episode of care)
     */
    public static Bundle bundle(List<AttendanceReportRow> rows, List<Enrollment> enrollments, Instant generatedAt) {
        return bundle(rows, enrollments, List.of(), generatedAt);
    }

    /**
     * @param checkIns the rows' patients' check-ins: each one of a row's patient and session becomes its
     *                 Observations ({@link CheckInObservations}); others are left out
     */
    public static Bundle bundle(List<AttendanceReportRow> rows, List<Enrollment> enrollments,
                                List<care.mend.checkin.CheckIn> checkIns, Instant generatedAt) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(generatedAt));
        bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
        // One map per resource type, so that the Bundle lists them in this order.
        Map<String, Resource> sites = new LinkedHashMap<>();
        Map<String, Resource> groups = new LinkedHashMap<>();
        Map<String, Resource> patients = new LinkedHashMap<>();
        Map<String, Resource> episodes = new LinkedHashMap<>();
        Map<String, Resource> sessions = new LinkedHashMap<>();
        Map<String, Resource> attendances = new LinkedHashMap<>();
        Map<String, Resource> practitioners = new LinkedHashMap<>();
        Map<String, Resource> provenances = new LinkedHashMap<>();
        Map<String, Resource> observations = new LinkedHashMap<>();
        Map<List<UUID>, AttendanceReportRow> rowOf = new LinkedHashMap<>();
        for (AttendanceReportRow row : rows) {
            rowOf.put(List.of(row.sessionId(), row.patientId()), row);
            sites.computeIfAbsent(urn("Organization", row.siteId()), key -> organization(row));
            groups.computeIfAbsent(urn("Group", row.groupId()), key -> group(row));
            patients.computeIfAbsent(urn("Patient", row.patientId()), key -> patient(row));
            sessions.computeIfAbsent(urn("Encounter", row.sessionId()), key -> sessionEncounter(row));
            Optional<Enrollment> enrollment = enrollmentOf(row, enrollments);
            enrollment.ifPresent(e -> episodes.computeIfAbsent(urn("EpisodeOfCare", e.id()), key -> episode(e, row)));
            attendances.put(urn("Encounter", row.recordId()), patientEncounter(row, enrollment));
            AttendanceReportRow.LatestAmendment amendment = row.amendment();
            if (amendment != null) {
                if (amendment.authorStaffId() != null) {
                    practitioners.computeIfAbsent(urn("Practitioner", amendment.authorStaffId()),
                            key -> practitioner(amendment));
                }
                provenances.put(urn("Provenance", row.recordId()), provenance(row, amendment));
            }
        }
        for (care.mend.checkin.CheckIn checkIn : checkIns) {
            AttendanceReportRow row = rowOf.get(List.of(checkIn.sessionId(), checkIn.patientId()));
            if (row != null) {
                CheckInObservations.of(checkIn, row).forEach(e -> observations.put(e.fullUrl(), e.observation()));
            }
        }
        for (Map<String, Resource> resources : List.of(sites, groups, patients, practitioners, episodes, sessions,
                attendances, observations, provenances)) {
            resources.forEach((fullUrl, resource) -> bundle.addEntry().setFullUrl(fullUrl).setResource(resource));
        }
        return bundle;
    }

    public static String json(Bundle bundle) {
        return context().newJsonParser().setPrettyPrint(false).encodeResourceToString(bundle);
    }

    /** Encounter.status for a row; see the table above. */
    static Encounter.EncounterStatus encounterStatus(AttendanceReportRow row) {
        return switch (row.status()) {
            case PRESENT, PARTIAL -> Encounter.EncounterStatus.FINISHED;
            case EXCUSED -> row.minutesPresent() > 0 ? Encounter.EncounterStatus.FINISHED
                    : Encounter.EncounterStatus.CANCELLED;
            case ABSENT -> Encounter.EncounterStatus.CANCELLED;
            // A session not held writes no records, so no report row has it; were one to, nothing took place.
            case NOT_HELD -> Encounter.EncounterStatus.CANCELLED;
        };
    }

    /** The telehealth-modality code for a row; see the table above. */
    static String modalityCode(AttendanceReportRow row) {
        return switch (row.modality()) {
            case "AUDIO_ONLY" -> "audio-only";
            case "AUDIO_VIDEO" -> "audio-video";
            default -> "none";
        };
    }

    /** The resource's {@code urn:uuid:}, the same for the same Mend id in every export, distinct per type. */
    public static String urn(String type, UUID mendId) {
        return "urn:uuid:" + uuid(type, mendId);
    }

    private static UUID uuid(String type, UUID mendId) {
        return UUID.nameUUIDFromBytes((MEND + type + "/" + mendId).getBytes(StandardCharsets.UTF_8));
    }

    private static <T extends Resource> T identified(T resource, String type, UUID mendId) {
        resource.setId(uuid(type, mendId).toString());
        return resource;
    }

    private static Organization organization(AttendanceReportRow row) {
        Organization site = identified(new Organization(), "Organization", row.siteId());
        site.addIdentifier().setSystem(IDENTIFIER + "site").setValue(row.siteId().toString());
        return site;
    }

    private static Group group(AttendanceReportRow row) {
        Group group = identified(new Group(), "Group", row.groupId());
        group.addIdentifier().setSystem(IDENTIFIER + "therapy-group").setValue(row.groupId().toString());
        group.setType(Group.GroupType.PERSON).setActual(true).setName(row.groupName());
        group.setManagingEntity(new Reference(urn("Organization", row.siteId())));
        return group;
    }

    private static Patient patient(AttendanceReportRow row) {
        Patient patient = identified(new Patient(), "Patient", row.patientId());
        patient.addIdentifier().setSystem(IDENTIFIER + "patient").setValue(row.patientId().toString());
        return patient;
    }

    private static Encounter sessionEncounter(AttendanceReportRow row) {
        Encounter encounter = identified(new Encounter(), "Encounter", row.sessionId());
        encounter.addIdentifier().setSystem(IDENTIFIER + "group-session").setValue(row.sessionId().toString());
        // Reports hold signed sessions only, and a session is signed after it ended.
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(VIRTUAL.copy());
        encounter.addType(new CodeableConcept().setText("Intensive outpatient group psychotherapy session"));
        encounter.setServiceType(new CodeableConcept().setText(row.programName() + " / " + row.groupName()));
        encounter.setSubject(new Reference(urn("Group", row.groupId())));
        encounter.setPeriod(period(row.roomOpened() != null ? row.roomOpened() : row.scheduledStart(),
                row.roomClosed() != null ? row.roomClosed() : row.scheduledEnd(), row.timeZone()));
        encounter.setServiceProvider(new Reference(urn("Organization", row.siteId())));
        return encounter;
    }

    private static Encounter patientEncounter(AttendanceReportRow row, Optional<Enrollment> enrollment) {
        Encounter encounter = identified(new Encounter(), "Encounter", row.recordId());
        encounter.addIdentifier().setSystem(IDENTIFIER + "attendance-record").setValue(row.recordId().toString());
        Encounter.EncounterStatus status = encounterStatus(row);
        encounter.setStatus(status);
        encounter.setClass_(VIRTUAL.copy());
        encounter.addType(new CodeableConcept().setText(switch (modalityCode(row)) {
            case "audio-only" -> "Group telehealth, audio-only";
            case "audio-video" -> "Group telehealth, audio-video";
            default -> "Group telehealth, no media";
        }));
        encounter.setSubject(new Reference(urn("Patient", row.patientId())));
        encounter.setPartOf(new Reference(urn("Encounter", row.sessionId())));
        enrollment.ifPresent(e -> encounter.addEpisodeOfCare(new Reference(urn("EpisodeOfCare", e.id()))));
        encounter.setServiceProvider(new Reference(urn("Organization", row.siteId())));
        if (row.attestedLocation() != null) {
            // The patient's own words, not a managed Location resource: a reference by display only.
            encounter.addLocation().setLocation(new Reference().setDisplay(row.attestedLocation()))
                    .setStatus(Encounter.EncounterLocationStatus.COMPLETED);
        }
        if (status == Encounter.EncounterStatus.FINISHED) {
            if (row.firstAdmitted() != null) {
                encounter.setPeriod(period(row.firstAdmitted(), row.lastLeft() != null ? row.lastLeft()
                        : row.roomClosed(), row.timeZone()));
            }
            encounter.setLength(minutes(row.minutesPresent()));
        }
        encounter.addExtension(STATUS, new CodeType(row.status().name()));
        encounter.addExtension(CREDITED, new BooleanType(row.credited()));
        encounter.addExtension(AMENDED, new BooleanType(row.amended()));
        if (row.excuseReason() != null) {
            encounter.addExtension(EXCUSE_REASON, new StringType(row.excuseReason()));
        }
        encounter.addExtension(MODALITY, new CodeType(modalityCode(row)));
        Extension minutes = encounter.addExtension().setUrl(MINUTES);
        minutes.addExtension("audioVideo", minutes(row.minutesAudioVideo()));
        minutes.addExtension("audioOnly", minutes(row.minutesAudioOnly()));
        minutes.addExtension("noMedia", minutes(row.minutesNoMedia()));
        minutes.addExtension("reconnectionGap", minutes(row.gapMinutes()));
        // Late and left early are not statuses (since V11): flags with their figures, beside the status.
        AttendanceFlags f = row.flags();
        Extension flags = encounter.addExtension().setUrl(FLAGS);
        flags.addExtension("late", new BooleanType(f.late()));
        if (f.lateMinutes() != null) {
            flags.addExtension("lateMinutes", minutes(f.lateMinutes()));
        }
        flags.addExtension("leftEarly", new BooleanType(f.leftEarly()));
        if (f.leftEarlyMinutes() != null) {
            flags.addExtension("leftEarlyMinutes", minutes(f.leftEarlyMinutes()));
        }
        flags.addExtension("reconnectionGaps", new IntegerType(f.gapCount()));
        if (f.audioOnlyPercent() != null) {
            flags.addExtension("audioOnlyPercent", new IntegerType(f.audioOnlyPercent()));
        }
        return encounter;
    }

    private static Practitioner practitioner(AttendanceReportRow.LatestAmendment amendment) {
        Practitioner practitioner = identified(new Practitioner(), "Practitioner", amendment.authorStaffId());
        practitioner.addIdentifier().setSystem(IDENTIFIER + "staff").setValue(amendment.authorStaffId().toString());
        if (amendment.authorDisplayName() != null) {
            practitioner.addName().setText(amendment.authorDisplayName());
        }
        return practitioner;
    }

    /**
     * The latest amendment of a row's record. The author is their Practitioner entry (shown by their display name);
     * one without a staff record is named by their identity-provider subject as an identifier, never as a name.
     */
    private static Provenance provenance(AttendanceReportRow row, AttendanceReportRow.LatestAmendment amendment) {
        Provenance provenance = identified(new Provenance(), "Provenance", row.recordId());
        provenance.addTarget(new Reference(urn("Encounter", row.recordId())));
        provenance.setRecordedElement(new InstantType(Date.from(amendment.amendedAt()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(row.timeZone())));
        provenance.addReason().setText(amendment.reason());
        if (amendment.creditOverrideReason() != null) {
            provenance.addReason().setText("Credited below the program's credit minutes: "
                    + amendment.creditOverrideReason());
        }
        provenance.setActivity(new CodeableConcept(UPDATE.copy()));
        Reference author;
        if (amendment.authorStaffId() != null) {
            author = new Reference(urn("Practitioner", amendment.authorStaffId()))
                    .setDisplay(amendment.authorDisplayName());
        } else {
            author = new Reference().setIdentifier(new Identifier().setSystem(IDENTIFIER + "idp-subject")
                    .setValue(amendment.authorSubject()));
        }
        provenance.addAgent().setType(new CodeableConcept(AUTHOR.copy())).setWho(author);
        return provenance;
    }

    private static EpisodeOfCare episode(Enrollment enrollment, AttendanceReportRow row) {
        EpisodeOfCare episode = identified(new EpisodeOfCare(), "EpisodeOfCare", enrollment.id());
        episode.addIdentifier().setSystem(IDENTIFIER + "enrollment").setValue(enrollment.id().toString());
        episode.setStatus(enrollment.status() == EnrollmentStatus.ENROLLED ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        episode.addType(new CodeableConcept().setText("Intensive outpatient program: " + row.programName()));
        episode.setPatient(new Reference(urn("Patient", enrollment.patientId())));
        episode.setManagingOrganization(new Reference(urn("Organization", row.siteId())));
        // The enrollment's dates are the program's local dates: FHIR dates, not instants at some midnight. An open
        // enrollment has no end (its planned end is a plan, not the period's end).
        Period period = new Period().setStartElement(date(enrollment.startDate()));
        if (enrollment.endDate() != null) {
            period.setEndElement(date(enrollment.endDate()));
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

    private static Duration minutes(int minutes) {
        Duration duration = new Duration();
        duration.setValue(minutes).setUnit("min").setSystem(UCUM).setCode("min");
        return duration;
    }

    private static DateTimeType date(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    private static Period period(Instant start, Instant end, ZoneId zone) {
        Period period = new Period().setStartElement(instant(start, zone));
        if (end != null) {
            period.setEndElement(instant(end, zone));
        }
        return period;
    }

    private static DateTimeType instant(Instant at, ZoneId zone) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(zone));
    }
}
