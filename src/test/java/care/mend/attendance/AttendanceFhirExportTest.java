package care.mend.attendance;

import static care.mend.attendance.AttendanceStatus.ABSENT;
import static care.mend.attendance.AttendanceStatus.EXCUSED;
import static care.mend.attendance.AttendanceStatus.PARTIAL;
import static care.mend.attendance.AttendanceStatus.PRESENT;
import static care.mend.media.MediaModality.AUDIO_ONLY;
import static care.mend.media.MediaModality.AUDIO_VIDEO;
import static care.mend.media.MediaModality.NONE;
import static care.mend.room.PresenceKind.ADMITTED;
import static care.mend.room.PresenceKind.CONNECTION_LOST;
import static care.mend.room.PresenceKind.LEFT;
import static care.mend.room.PresenceKind.MODALITY_CHANGED;
import static care.mend.room.PresenceKind.RESUMED;
import static care.mend.room.PresenceKind.SESSION_ENDED;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import care.mend.media.MediaModality;
import care.mend.program.Enrollment;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FHIR export of one evening session in Chicago with a patient for every status, read back and validated against
 * the R4 structure definitions offline. The records come from the real calculation over presence events, so the
 * figures checked are the ledger's.
 */
class AttendanceFhirExportTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    // Monday 2 November 2026, 18:00 in Chicago (CST, -06:00; daylight time ended the day before).
    static final LocalDate DATE = LocalDate.of(2026, 11, 2);
    static final Instant START = DATE.atTime(18, 0).atZone(CHICAGO).toInstant();
    static final Instant END = START.plusSeconds(180 * 60);
    // Enrolled from 1 October, when Chicago was on daylight time: a UTC midnight would be 30 September there.
    static final LocalDate ENROLLED_FROM = LocalDate.of(2026, 10, 1);

    static final UUID SESSION = UUID.randomUUID();
    static final UUID SITE = UUID.randomUUID();
    static final UUID PROGRAM = UUID.randomUUID();
    static final UUID GROUP = UUID.randomUUID();

    /** The validator takes seconds to load the R4 definitions: one for the class. */
    static FhirValidator validator;

    /** Mend's extensions, code systems and value sets, as documented in src/docs/fhir-export.md. */
    static final Path DEFINITIONS = Path.of("src/docs/fhir");

    static List<IBaseResource> definitions;

    static ValidationSupportChain support;

    @BeforeAll
    static void validator() throws IOException {
        long started = System.nanoTime();
        FhirContext context = AttendanceFhirExport.context();
        PrePopulatedValidationSupport mend = new PrePopulatedValidationSupport(context);
        try (Stream<Path> files = Files.list(DEFINITIONS)) {
            definitions = files.filter(file -> file.toString().endsWith(".json")).sorted().map(file -> {
                try {
                    return context.newJsonParser().parseResource(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        definitions.forEach(mend::addResource);
        // Everything the validator reads comes from the classpath and the files above: no terminology server, no
        // package download.
        support = new ValidationSupportChain(new DefaultProfileValidationSupport(context), mend,
                new SnapshotGeneratingValidationSupport(context), new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        // An extension the files above do not define is an error, not a note.
        instanceValidator.setAnyExtensionsAllowed(false);
        validator = context.newValidator().registerValidatorModule(instanceValidator);
        System.out.printf("FHIR validator built in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** Prints every message and returns the errors; the accepted warnings are listed in src/docs/fhir-export.md. */
    static List<SingleValidationMessage> errors(String what, ValidationResult result) {
        result.getMessages().forEach(m -> System.out.println("FHIR validation of " + what + ": " + m.getSeverity()
                + " " + m.getLocationString() + ": " + m.getMessage()));
        return result.getMessages().stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
    }

    /** One synthetic patient: their events in the room, whether and why they were excused, where they said. */
    record Case(String name, List<PresenceEvent> events, String excuse, String location) {
    }

    static final class Events {
        private final List<PresenceEvent> list = new ArrayList<>();
        private final String participant = "p-" + UUID.randomUUID();
        private long sequence;

        Events at(int minute, PresenceKind kind, MediaModality modality) {
            sequence++;
            list.add(new PresenceEvent(SESSION, new ParticipantId(participant), "subject-" + participant,
                    RoomRole.PATIENT, kind, modality, START.plusSeconds(minute * 60L),
                    participant + ":" + kind + ":" + sequence));
            return this;
        }

        List<PresenceEvent> list() {
            return list;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("present, video throughout", new Events().at(-5, ADMITTED, AUDIO_VIDEO)
                        .at(180, SESSION_ENDED, AUDIO_VIDEO).list(), null, "Home (synthetic)"),
                new Case("late, audio only for most of it", new Events().at(20, ADMITTED, AUDIO_VIDEO)
                        .at(40, MODALITY_CHANGED, AUDIO_ONLY).at(180, SESSION_ENDED, AUDIO_ONLY).list(), null, null),
                new Case("left early, after a reconnection gap", new Events().at(0, ADMITTED, AUDIO_VIDEO)
                        .at(90, CONNECTION_LOST, AUDIO_VIDEO).at(96, RESUMED, AUDIO_VIDEO).at(150, LEFT, AUDIO_VIDEO)
                        .list(), null, null),
                new Case("late and left early, so partial", new Events().at(30, ADMITTED, AUDIO_ONLY)
                        .at(140, LEFT, AUDIO_ONLY).list(), null, null),
                new Case("partial, no media at first", new Events().at(0, ADMITTED, NONE)
                        .at(25, MODALITY_CHANGED, AUDIO_VIDEO).at(70, LEFT, AUDIO_VIDEO).list(), null, null),
                new Case("present with no media ever flowing", new Events().at(0, ADMITTED, NONE)
                        .at(180, SESSION_ENDED, NONE).list(), null, null),
                new Case("absent", List.of(), null, null),
                new Case("excused after 30 minutes", new Events().at(0, ADMITTED, AUDIO_VIDEO)
                        .at(30, LEFT, AUDIO_VIDEO).list(), "Medical appointment (synthetic)", null),
                new Case("excused, never came", List.of(), "Family emergency (synthetic)", null));
    }

    /** The records the cases sign to, keyed by a patient id. */
    static Map<UUID, AttendanceRecord> records() {
        Map<UUID, AttendanceRecord> records = new LinkedHashMap<>();
        for (Case c : cases()) {
            SessionAttendance a = AttendanceCalculator.calculate(START, END, END, c.events(), c.excuse() != null,
                    AttendanceRules.DEFAULT);
            if (c.excuse() != null) {
                // As AttendanceService.signOff writes it.
                a = a.withExplanation(AttendanceRecord.EXCUSED_BECAUSE + c.excuse());
            }
            UUID patient = UUID.randomUUID();
            records.put(patient, new AttendanceRecord(SESSION, patient, a, c.location(), END.plusSeconds(600)));
        }
        return records;
    }

    /** A record as the report query returns it (AttendanceReportsOnH2Test runs the query itself). */
    static AttendanceReportRow row(AttendanceRecord r) {
        return new AttendanceReportRow(r.id(), SESSION, DATE, CHICAGO, START, END, START.minusSeconds(600), END,
                SITE, PROGRAM, "Evening IOP (synthetic)", GROUP, "Evening group (synthetic)", r.patientId(),
                "Patient " + r.patientId().toString().substring(0, 4) + " (synthetic)", r.firstAdmitted(),
                r.lastLeft(), r.currentStatus(), r.currentMinutes(), r.minutesAudioVideo(), r.minutesAudioOnly(),
                r.minutesNoMedia(), r.gapMinutes(), r.flags().lateMinutes(), r.flags().late(),
                r.flags().leftEarlyMinutes(), r.flags().leftEarly(), r.flags().gapCount(),
                r.originalSplit().audioVideo(), r.originalSplit().audioOnly(), r.originalSplit().noMedia(),
                r.currentCredited(), !r.amendments().isEmpty(),
                "facilitator-subject", r.attestedLocation(), r.originalExplanation(), null, r.originalStatus(),
                r.originalMinutes(), r.originalCredited());
    }

    static final UUID AUTHOR_STAFF = UUID.randomUUID();
    static final String AUTHOR_NAME = "Supervisor S. (synthetic)";
    static final String AUTHOR_SUBJECT = "supervisor-subject-" + UUID.randomUUID();
    static final String ADMIN_SUBJECT = "admin-subject-" + UUID.randomUUID();

    /**
     * The report rows of the records, two of them amended as AttendanceReports returns them: the absent patient found
     * present by a supervisor with a staff record, the partial one that was on time credited below the credit minutes
     * by an admin without one (the late one stays partial, with its flags).
     */
    static List<AttendanceReportRow> rowsWithAmendments(Map<UUID, AttendanceRecord> records) {
        Instant amendedAt = END.plusSeconds(86_400);
        List<AttendanceReportRow> rows = new ArrayList<>();
        for (AttendanceRecord r : records.values()) {
            AttendanceReportRow.LatestAmendment latest = null;
            long credit = AttendanceRules.DEFAULT.creditMinutes(180);
            if (r.originalStatus() == ABSENT) {
                r.amend(new AttendanceCorrection(PRESENT, 150, true, new ModalityMinutes(0, 150, 0),
                        "Joined by phone (synthetic)", null), credit, AUTHOR_SUBJECT, amendedAt);
                latest = new AttendanceReportRow.LatestAmendment(amendedAt, AUTHOR_SUBJECT, AUTHOR_STAFF, AUTHOR_NAME,
                        "Joined by phone (synthetic)", null);
            } else if (r.originalStatus() == PARTIAL && !r.flags().late()) {
                r.amend(new AttendanceCorrection(PRESENT, r.currentMinutes(), true, null, "Room log (synthetic)",
                        "Director agreed (synthetic)"), credit, ADMIN_SUBJECT, amendedAt);
                latest = new AttendanceReportRow.LatestAmendment(amendedAt, ADMIN_SUBJECT, null, null,
                        "Room log (synthetic)", "Director agreed (synthetic)");
            }
            AttendanceReportRow row = row(r);
            rows.add(latest == null ? row : row.withAmendment(latest));
        }
        return rows;
    }

    @Test
    void everyStatusExportsAsValidFhirR4WithTheLedgersFigures() {
        Map<UUID, AttendanceRecord> records = records();
        assertThat(records.values()).extracting(AttendanceRecord::currentStatus)
                .containsOnly(PRESENT, PARTIAL, ABSENT, EXCUSED);
        // Flags beside the status: a credited late patient, a credited one who left early, an uncredited one both.
        assertThat(records.values()).anyMatch(r -> r.currentStatus() == PRESENT && r.flags().late())
                .anyMatch(r -> r.currentStatus() == PRESENT && r.flags().leftEarly())
                .anyMatch(r -> r.currentStatus() == PARTIAL && r.flags().late() && r.flags().leftEarly());
        List<AttendanceReportRow> rows = rowsWithAmendments(records);
        List<Enrollment> enrollments = records.keySet().stream()
                .map(patient -> new Enrollment(patient, PROGRAM, ENROLLED_FROM, DATE.plusWeeks(8), START)).toList();

        Bundle built = AttendanceFhirExport.bundle(rows, enrollments, END.plusSeconds(3600));
        assertThat(built.getEntry()).allSatisfy(entry -> assertThat("urn:uuid:" + entry.getResource().getIdElement()
                .getIdPart()).as("Resource.id is the fullUrl's uuid").isEqualTo(entry.getFullUrl()));
        String json = AttendanceFhirExport.json(built);
        Bundle bundle = AttendanceFhirExport.context().newJsonParser().parseResource(Bundle.class, json);

        assertThat(json).as("no patient names").doesNotContain(rows.stream()
                .map(AttendanceReportRow::patientDisplayName).toArray(String[]::new));
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        Map<String, Resource> byUrl = new LinkedHashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            assertThat(entry.getFullUrl()).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(byUrl.put(entry.getFullUrl(), entry.getResource())).as("unique fullUrl").isNull();
        }
        everyReferenceResolves(bundle, byUrl);
        assertThat(byUrl.values()).extracting(r -> r.getResourceType().name()).containsOnly("Organization", "Group",
                "Patient", "Practitioner", "EpisodeOfCare", "Encounter", "Provenance");
        provenanceOfEachAmendedRecord(rows, byUrl);

        EpisodeOfCare episode = byUrl.values().stream().filter(EpisodeOfCare.class::isInstance)
                .map(EpisodeOfCare.class::cast).findFirst().orElseThrow();
        assertThat(episode.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-10-01");
        assertThat(episode.getPeriod().getStartElement().getPrecision()).isEqualTo(TemporalPrecisionEnum.DAY);
        assertThat(episode.getPeriod().hasEnd()).as("an open enrollment's period is open").isFalse();
        assertThat(episode.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);

        Encounter session = encounterWith(byUrl, "group-session", SESSION);
        assertThat(session.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-11-02T17:50:00-06:00");
        assertThat(session.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-02T21:00:00-06:00");
        assertThat(byUrl.get(session.getSubject().getReference())).isInstanceOf(Group.class);

        for (AttendanceRecord record : records.values()) {
            Encounter e = encounterWith(byUrl, "attendance-record", record.id());
            assertThat(byUrl.get(e.getPartOf().getReference())).isSameAs(session);
            assertThat(byUrl.get(e.getEpisodeOfCareFirstRep().getReference())).isInstanceOf(EpisodeOfCare.class);
            assertThat(e.getClass_().getCode()).isEqualTo("VR");
            assertThat(code(e, AttendanceFhirExport.STATUS)).isEqualTo(record.currentStatus().name());
            assertThat(((BooleanType) e.getExtensionByUrl(AttendanceFhirExport.CREDITED).getValue()).booleanValue())
                    .isEqualTo(record.currentCredited());
            Extension minutes = e.getExtensionByUrl(AttendanceFhirExport.MINUTES);
            assertThat(minutesIn(minutes, "audioVideo")).isEqualTo(record.minutesAudioVideo());
            assertThat(minutesIn(minutes, "audioOnly")).isEqualTo(record.minutesAudioOnly());
            assertThat(minutesIn(minutes, "noMedia")).isEqualTo(record.minutesNoMedia());
            assertThat(minutesIn(minutes, "reconnectionGap")).isEqualTo(record.gapMinutes());
            Extension flags = e.getExtensionByUrl(AttendanceFhirExport.FLAGS);
            AttendanceFlags f = record.flags();
            assertThat(((BooleanType) flags.getExtensionByUrl("late").getValue()).booleanValue()).isEqualTo(f.late());
            assertThat(((BooleanType) flags.getExtensionByUrl("leftEarly").getValue()).booleanValue())
                    .isEqualTo(f.leftEarly());
            assertThat(((IntegerType) flags.getExtensionByUrl("reconnectionGaps").getValue()).getValue())
                    .isEqualTo(f.gapCount());
            if (record.firstAdmitted() == null) {
                assertThat(flags.getExtensionByUrl("lateMinutes")).as("never admitted: no figure").isNull();
                assertThat(flags.getExtensionByUrl("leftEarlyMinutes")).isNull();
                assertThat(flags.getExtensionByUrl("audioOnlyPercent")).isNull();
            } else {
                assertThat(minutesIn(flags, "lateMinutes")).isEqualTo(f.lateMinutes());
                assertThat(minutesIn(flags, "leftEarlyMinutes")).isEqualTo(f.leftEarlyMinutes());
                assertThat(((IntegerType) flags.getExtensionByUrl("audioOnlyPercent").getValue()).getValue())
                        .isEqualTo(f.audioOnlyPercent());
            }
            boolean attended = record.currentStatus() != ABSENT
                    && !(record.currentStatus() == EXCUSED && record.currentMinutes() == 0);
            assertThat(e.getStatus()).isEqualTo(attended ? Encounter.EncounterStatus.FINISHED
                    : Encounter.EncounterStatus.CANCELLED);
            if (attended) {
                assertThat(e.getLength().getValue().intValue()).isEqualTo(record.currentMinutes());
                assertThat(e.getLength().getCode()).isEqualTo("min");
                if (record.firstAdmitted() == null) {
                    assertThat(e.hasPeriod()).as("amended to present: no stay was measured").isFalse();
                } else {
                    assertThat(e.getPeriod().getStart().toInstant()).isEqualTo(record.firstAdmitted());
                    assertThat(e.getPeriod().getEnd().toInstant()).isEqualTo(record.lastLeft());
                    assertThat(e.getPeriod().getStartElement().getValueAsString()).endsWith("-06:00");
                }
            } else {
                assertThat(e.hasLength()).isFalse();
                assertThat(e.hasPeriod()).isFalse();
            }
            String modality = code(e, AttendanceFhirExport.MODALITY);
            if (record.minutesAudioVideo() == 0) {
                assertThat(modality).as("no video minute, never video").isNotEqualTo("audio-video");
            }
            assertThat(modality).isEqualTo(record.minutesAudioVideo() + record.minutesAudioOnly() == 0 ? "none"
                    : record.minutesAudioOnly() > record.minutesAudioVideo() ? "audio-only" : "audio-video");
            Extension excuse = e.getExtensionByUrl(AttendanceFhirExport.EXCUSE_REASON);
            if (record.currentStatus() == EXCUSED) {
                assertThat(((StringType) excuse.getValue()).getValue()).endsWith("(synthetic)")
                        .isEqualTo(AttendanceRecord.excuseReasonIn(record.explanation()));
            } else {
                assertThat(excuse).isNull();
            }
        }
        // The cases cover what a payer asks about.
        assertThat(records.values()).anyMatch(r -> r.minutesAudioOnly() > r.minutesAudioVideo())
                .anyMatch(r -> r.minutesNoMedia() > 0 && r.minutesAudioVideo() == 0 && r.minutesAudioOnly() == 0)
                .anyMatch(r -> r.gapMinutes() > 0).anyMatch(AttendanceRecord::currentCredited)
                .anyMatch(r -> !r.currentCredited() && r.currentMinutes() > 0);

        long started = System.nanoTime();
        ValidationResult result = validator.validateWithResult(json);
        System.out.printf("FHIR validation of %d entries: %d ms%n", bundle.getEntry().size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(errors("the export", result)).as("validation errors").isEmpty();
    }

    @Test
    void checkInsExportAsValidObservationsOfThePatientsEncounter() {
        List<AttendanceRecord> records = List.copyOf(records().values());
        AttendanceRecord flagged = records.get(0);
        AttendanceRecord calm = records.get(1);
        Instant checkedIn = START.minusSeconds(900);
        care.mend.program.CheckInPlan substanceUse = new care.mend.program.CheckInPlan(true, true, 3, 7);
        care.mend.program.CheckInPlan mentalHealth = new care.mend.program.CheckInPlan(true, false, 3, 7);
        care.mend.checkin.CheckIn low = new care.mend.checkin.CheckIn(SESSION, flagged.patientId(),
                new care.mend.checkin.CheckIn.Answers(2, 8, care.mend.checkin.MedicationAnswer.NOT_TAKEN,
                        "A private note (synthetic)"), substanceUse, checkedIn);
        care.mend.checkin.CheckIn noCraving = new care.mend.checkin.CheckIn(SESSION, calm.patientId(),
                new care.mend.checkin.CheckIn.Answers(7, null, care.mend.checkin.MedicationAnswer.NOT_PRESCRIBED,
                        null), mentalHealth, checkedIn);
        care.mend.checkin.CheckIn elsewhere = new care.mend.checkin.CheckIn(UUID.randomUUID(), calm.patientId(),
                new care.mend.checkin.CheckIn.Answers(5, null, care.mend.checkin.MedicationAnswer.TAKEN, null),
                mentalHealth, checkedIn);

        Bundle built = AttendanceFhirExport.bundle(records.stream().map(AttendanceFhirExportTest::row).toList(),
                List.of(), List.of(low, noCraving, elsewhere), END);
        String json = AttendanceFhirExport.json(built);
        Bundle bundle = AttendanceFhirExport.context().newJsonParser().parseResource(Bundle.class, json);

        Map<String, Resource> byUrl = new LinkedHashMap<>();
        bundle.getEntry().forEach(entry -> byUrl.put(entry.getFullUrl(), entry.getResource()));
        everyReferenceResolves(bundle, byUrl);
        List<org.hl7.fhir.r4.model.Observation> observations = byUrl.values().stream()
                .filter(org.hl7.fhir.r4.model.Observation.class::isInstance)
                .map(org.hl7.fhir.r4.model.Observation.class::cast).toList();
        assertThat(observations).as("mood, craving and medication; mood and medication; none for another session")
                .hasSize(5);
        assertThat(json).as("the note to the facilitator stays in Mend").doesNotContain("A private note");
        for (org.hl7.fhir.r4.model.Observation o : observations) {
            assertThat(o.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
            assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
            assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("urn:mend:checkin");
            assertThat(byUrl.get(o.getSubject().getReference())).isInstanceOf(org.hl7.fhir.r4.model.Patient.class);
            Encounter encounter = (Encounter) byUrl.get(o.getEncounter().getReference());
            assertThat(encounter.getSubject().getReference()).isEqualTo(o.getSubject().getReference());
            assertThat(byUrl.get(encounter.getPartOf().getReference())).as("partOf the session's Encounter")
                    .isSameAs(encounterWith(byUrl, "group-session", SESSION));
            assertThat(o.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(checkedIn);
            assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-02T17:45:00-06:00");
        }
        org.hl7.fhir.r4.model.Observation mood = observation(observations, flagged.id(), "mood");
        assertThat(((IntegerType) mood.getValue()).getValue()).isEqualTo(2);
        assertThat(mood.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("L");
        org.hl7.fhir.r4.model.Observation craving = observation(observations, flagged.id(), "craving");
        assertThat(((IntegerType) craving.getValue()).getValue()).isEqualTo(8);
        assertThat(craving.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
        assertThat(observation(observations, flagged.id(), "medication-today").getValueCodeableConcept()
                .getCodingFirstRep().getCode()).isEqualTo("not-taken");
        assertThat(observation(observations, calm.id(), "mood").hasInterpretation()).isFalse();
        assertThat(observation(observations, calm.id(), "medication-today").getValueCodeableConcept()
                .getCodingFirstRep().getCode()).isEqualTo("not-prescribed");

        assertThat(errors("the export with check-ins", validator.validateWithResult(json))).as("validation errors")
                .isEmpty();
    }

    /** The Observation of this code on the patient's Encounter of the record. */
    private static org.hl7.fhir.r4.model.Observation observation(List<org.hl7.fhir.r4.model.Observation> all,
                                                                 UUID recordId, String code) {
        return all.stream().filter(o -> o.getEncounter().getReference()
                        .equals(AttendanceFhirExport.urn("Encounter", recordId))
                        && o.getCode().getCodingFirstRep().getCode().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void mendsOwnDefinitionsAreValidFhir() {
        assertThat(definitions).hasSize(12);
        List<String> errors = new ArrayList<>();
        for (IBaseResource definition : definitions) {
            String name = definition.fhirType() + "/" + definition.getIdElement().getIdPart();
            if (!(definition instanceof StructureDefinition profile)) {
                errors(name, validator.validateWithResult(definition))
                        .forEach(m -> errors.add(name + ": " + m.getMessage()));
            } else {
                // Offline, the validator cannot re-derive a profile's snapshot from the core package (it is not
                // loaded as one: ERROR_GENERATING_SNAPSHOT) and takes seconds to say so. The chain derives it here,
                // and the export's validation applies it (see anUndefinedOrMisusedExtensionIsAnError).
                StructureDefinition snapshot = (StructureDefinition) support.generateSnapshot(
                        new ValidationSupportContext(support), profile.copy(), profile.getUrl(), profile.getUrl(),
                        profile.getName());
                assertThat(snapshot.getSnapshot().getElement()).as(name).isNotEmpty()
                        .anyMatch(e -> e.getPath().equals("Extension.url")
                                && profile.getUrl().equals(e.getFixed().primitiveValue()));
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void anUndefinedOrMisusedExtensionIsAnError() {
        AttendanceRecord record = records().values().iterator().next();
        Bundle bundle = AttendanceFhirExport.bundle(List.of(row(record)), List.of(), END);
        Encounter attendance = (Encounter) bundle.getEntry().get(bundle.getEntry().size() - 1).getResource();
        attendance.getExtensionByUrl(AttendanceFhirExport.STATUS).setValue(new CodeType("ASLEEP"));
        attendance.addExtension(AttendanceFhirExport.EXTENSION + "undefined", new BooleanType(true));

        List<SingleValidationMessage> errors = errors("a broken export", validator.validateWithResult(bundle));

        assertThat(errors).anyMatch(m -> m.getMessage().contains("ASLEEP"))
                .anyMatch(m -> m.getMessage().contains("undefined"));
    }

    @Test
    void anEndedEnrollmentEndsOnItsLastDay() {
        AttendanceRecord record = records().values().iterator().next();
        Enrollment enrollment = new Enrollment(record.patientId(), PROGRAM, ENROLLED_FROM, null, START);
        enrollment.endWith(care.mend.program.EnrollmentStatus.COMPLETED, DATE, "Completed (synthetic)", END);

        Bundle bundle = AttendanceFhirExport.bundle(List.of(row(record)), List.of(enrollment), END);

        EpisodeOfCare episode = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(EpisodeOfCare.class::isInstance).map(EpisodeOfCare.class::cast).findFirst().orElseThrow();
        assertThat(episode.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-02");
        assertThat(episode.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    }

    @Test
    void theSameRecordHasTheSameUrnInEveryExportAndTypesNeverShareOne() {
        AttendanceRecord record = records().values().iterator().next();
        List<String> first = fullUrls(AttendanceFhirExport.bundle(List.of(row(record)), List.of(), END));
        List<String> second = fullUrls(AttendanceFhirExport.bundle(List.of(row(record)), List.of(), START));

        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
        assertThat(AttendanceFhirExport.urn("Encounter", SESSION)).isNotEqualTo(AttendanceFhirExport.urn("Group",
                SESSION));
    }

    private static List<String> fullUrls(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
    }

    private static void everyReferenceResolves(Bundle bundle, Map<String, Resource> byUrl) {
        List<String> dangling = new ArrayList<>();
        int resolved = 0;
        for (Resource resource : byUrl.values()) {
            for (Reference reference : AttendanceFhirExport.context().newTerser()
                    .getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                if (reference.hasReference()) {
                    resolved++;
                    if (!byUrl.containsKey(reference.getReference())) {
                        dangling.add(resource.getResourceType() + " -> " + reference.getReference());
                    }
                } else if (reference.hasIdentifier()) {
                    // An amendment's author without a staff record: their identity-provider subject, as an id.
                    assertThat(reference.getIdentifier().getSystem())
                            .isEqualTo(AttendanceFhirExport.IDENTIFIER + "idp-subject");
                    assertThat(reference.hasDisplay()).isFalse();
                } else {
                    // Only the patient's own words for where they were: a display, pointing at nothing.
                    assertThat(reference.getDisplay()).isEqualTo("Home (synthetic)");
                }
            }
        }
        assertThat(dangling).as("references to no entry").isEmpty();
        assertThat(resolved).isGreaterThan(bundle.getEntry().size());
    }

    /** A Provenance per amended record: its Encounter, the time, the reasons, UPDATE, the author by name or id. */
    private static void provenanceOfEachAmendedRecord(List<AttendanceReportRow> rows, Map<String, Resource> byUrl) {
        List<Provenance> provenances = byUrl.values().stream().filter(Provenance.class::isInstance)
                .map(Provenance.class::cast).toList();
        List<AttendanceReportRow> amended = rows.stream().filter(row -> row.amendment() != null).toList();
        assertThat(amended).hasSize(2);
        assertThat(provenances).hasSameSizeAs(amended);
        for (AttendanceReportRow row : amended) {
            Provenance p = provenances.stream().filter(candidate -> candidate.getTargetFirstRep().getReference()
                    .equals(AttendanceFhirExport.urn("Encounter", row.recordId()))).findFirst().orElseThrow();
            assertThat(byUrl.get(p.getTargetFirstRep().getReference())).isInstanceOf(Encounter.class);
            assertThat(p.getRecorded().toInstant()).isEqualTo(row.amendment().amendedAt());
            assertThat(p.getRecordedElement().getValueAsString()).endsWith("-06:00");
            assertThat(p.getActivity().getCodingFirstRep().getCode()).isEqualTo("UPDATE");
            assertThat(p.getReasonFirstRep().getText()).isEqualTo(row.amendment().reason());
            Reference who = p.getAgentFirstRep().getWho();
            if (row.amendment().authorStaffId() != null) {
                assertThat(byUrl.get(who.getReference())).isInstanceOf(Practitioner.class);
                assertThat(who.getDisplay()).isEqualTo(AUTHOR_NAME);
                assertThat(p.getReason()).hasSize(1);
            } else {
                assertThat(who.hasReference()).isFalse();
                assertThat(who.getIdentifier().getValue()).isEqualTo(ADMIN_SUBJECT);
                assertThat(p.getReason()).extracting(r -> r.getText())
                        .contains("Credited below the program's credit minutes: Director agreed (synthetic)");
            }
            assertThat(who.getDisplay()).as("a subject is never shown as a name")
                    .isNotEqualTo(row.amendment().authorSubject());
            Encounter e = (Encounter) byUrl.get(AttendanceFhirExport.urn("Encounter", row.recordId()));
            assertThat(((BooleanType) e.getExtensionByUrl(AttendanceFhirExport.AMENDED).getValue()).booleanValue())
                    .isTrue();
        }
    }

    private static Encounter encounterWith(Map<String, Resource> byUrl, String system, UUID id) {
        return byUrl.values().stream().filter(Encounter.class::isInstance).map(Encounter.class::cast)
                .filter(e -> e.getIdentifierFirstRep().getSystem().equals(AttendanceFhirExport.IDENTIFIER + system)
                        && e.getIdentifierFirstRep().getValue().equals(id.toString()))
                .collect(Collectors.collectingAndThen(Collectors.toList(), found -> {
                    assertThat(found).hasSize(1);
                    return found.get(0);
                }));
    }

    private static String code(Encounter e, String url) {
        return ((CodeType) e.getExtensionByUrl(url).getValue()).getValue();
    }

    private static int minutesIn(Extension minutes, String part) {
        Duration duration = (Duration) minutes.getExtensionByUrl(part).getValue();
        assertThat(duration.getCode()).isEqualTo("min");
        return duration.getValue().intValueExact();
    }
}
