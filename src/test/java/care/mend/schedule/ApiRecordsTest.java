package care.mend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.MendAssertions;
import care.mend.platform.Page;
import care.mend.program.CreatePatientRequest;
import care.mend.program.CreateProgramRequest;
import care.mend.program.EmergencyContactBody;
import care.mend.program.Patient;
import care.mend.program.PatientResponse;
import care.mend.program.UpdatePatientRequest;
import care.mend.security.ChosenNameRequest;
import care.mend.platform.QueryParams;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The transfer records as the server reads and writes them: JSON-B defaults (Yasson) and Bean Validation. */
class ApiRecordsTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static Set<String> invalidPaths(Object request) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        return violations.stream().map(v -> v.getPropertyPath().toString())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aGroupRequestReadsFromPlainJson() {
        UUID program = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        CreateGroupRequest request = JSONB.fromJson("""
                {"name": "Evening group", "programId": "%s", "capacity": 12,
                 "schedule": {"timeZone": "America/Chicago", "slots": [
                   {"dayOfWeek": "MONDAY", "startTime": "18:00", "lengthMinutes": 180},
                   {"dayOfWeek": "THURSDAY", "startTime": "18:00:00", "lengthMinutes": 180}]},
                 "facilitatorIds": ["%s"]}""".formatted(program, staff), CreateGroupRequest.class);

        assertThat(invalidPaths(request)).isEmpty();
        assertThat(request.autoAdmit()).isNull();
        assertThat(request.schedule().domainSlots()).containsExactly(
                new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
                new ScheduleSlot(DayOfWeek.THURSDAY, LocalTime.of(18, 0), 180));
        assertThat(request.facilitatorIds()).containsExactly(staff);
    }

    @Test
    void requestsAreValidatedFieldByField() {
        assertThat(invalidPaths(new CreateGroupRequest(" ", null, 13, null,
                new ScheduleBody(null, List.of(new SlotBody(null, LocalTime.NOON, 20))), Set.of())))
                .containsExactlyInAnyOrder("name", "programId", "capacity", "schedule.slots[0].dayOfWeek",
                        "schedule.slots[0].lengthMinutes", "facilitatorIds");
        assertThat(invalidPaths(new CreatePatientRequest("sub", "P.", null,
                new EmergencyContactBody("C.", "call me"), null))).containsExactly("emergencyContact.phone");
        assertThat(invalidPaths(new CreatePatientRequest("sub", "P.", "",
                new EmergencyContactBody("C.", "555 0100"), null))).containsExactly("chosenName");
        assertThat(invalidPaths(new UpdatePatientRequest("P.", "x".repeat(Patient.CHOSEN_NAME_MAX + 1),
                new EmergencyContactBody("C.", "555 0100"), null)))
                .containsExactly("chosenName");
        EmergencyContactBody contact = new EmergencyContactBody("C.", "555 0100");
        assertThat(invalidPaths(new CreatePatientRequest("sub", "P.", null, contact, "not-an-address")))
                .containsExactly("email");
        assertThat(invalidPaths(new CreatePatientRequest("sub", "P.", null, contact,
                "x".repeat(Patient.EMAIL_MAX) + "@example.org"))).contains("email");
        assertThat(invalidPaths(new CreatePatientRequest("sub", "P.", null, contact, "pat.test@example.org")))
                .isEmpty();
        assertThat(invalidPaths(new UpdatePatientRequest("P.", null, contact, "pat\u2028@example.org")))
                .containsExactly("email");
        assertThat(invalidPaths(new UpdatePatientRequest("P.", null, contact, ""))).as("blank: removes it").isEmpty();
        assertThat(invalidPaths(new CreateProgramRequest(UUID.randomUUID(), "P", null, 19, 3, 180, null)))
                .containsExactlyInAnyOrder("kind", "requiredSessions");
        assertThat(invalidPaths(new CancelSessionRequest(""))).containsExactly("reason");
        assertThat(invalidPaths(new ChosenNameRequest(" "))).containsExactly("chosenName");
        assertThat(invalidPaths(new ChosenNameRequest("Ana\u0007"))).containsExactly("chosenName");
        assertThat(invalidPaths(new ChosenNameRequest("x".repeat(Patient.CHOSEN_NAME_MAX + 1))))
                .containsExactly("chosenName");
        assertThat(invalidPaths(new ChosenNameRequest("Ana"))).isEmpty();
    }

    @Test
    void responsesWriteIsoDatesAndTimes() {
        TherapyGroup group = new TherapyGroup("Evening group", UUID.randomUUID(), UUID.randomUUID(), 12,
                TherapyGroupTest.MON_WED_THU, Set.of(UUID.randomUUID()), TherapyGroupTest.NOW);
        GroupSession session = new GroupSession(group.id(), SessionScheduler.expand(group.schedule(),
                TherapyGroupTest.MONDAY, TherapyGroupTest.MONDAY).get(0), TherapyGroupTest.NOW);

        String json = JSONB.toJson(new Page<>(List.of(GroupSessionResponse.from(session)), 0, 50, 1));
        assertThat(json).contains("\"items\":[", "\"page\":0", "\"size\":50", "\"total\":1",
                "\"localDate\":\"2026-03-02\"", "\"startLocalTime\":\"18:00:00\"",
                "\"startsAt\":\"2026-03-03T00:00:00Z\"", "\"timeZone\":\"America/Chicago\"",
                "\"status\":\"SCHEDULED\"");
        session.markNotHeld(session.endsAt().plusSeconds(3600), java.time.Duration.ofMinutes(30));
        assertThat(JSONB.toJson(GroupSessionResponse.from(session))).contains("\"status\":\"NOT_HELD\"",
                "\"notHeldAt\":\"2026-03-03T04:00:00Z\"");
        assertThat(JSONB.toJson(GroupResponse.from(group))).contains("\"dayOfWeek\":\"MONDAY\"",
                "\"capacity\":12", "\"autoAdmit\":false");
    }

    @Test
    void aPatientResponseCarriesTheEmailAddressAndOmitsItWhenThereIsNone() {
        Patient patient = new Patient("sub", "Pat P. (test)", new care.mend.program.EmergencyContact("C.", "555 0100"),
                TherapyGroupTest.NOW);
        assertThat(JSONB.toJson(PatientResponse.from(patient))).doesNotContain("email");
        patient.changeEmail("pat.test@example.org");
        assertThat(JSONB.toJson(PatientResponse.from(patient))).contains("\"email\":\"pat.test@example.org\"");
    }

    @Test
    void queryParametersAreParsedOrNamed() {
        assertThat(QueryParams.date("from", "2026-03-02")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(QueryParams.date("from", " ")).isNull();
        assertThat(QueryParams.enumValue("status", "cancelled", GroupSessionStatus.class))
                .isEqualTo(GroupSessionStatus.CANCELLED);
        MendAssertions.assertInvalidField(() -> QueryParams.uuid("groupId", "42"), "groupId");
        MendAssertions.assertInvalidField(() -> QueryParams.date("to", "03/02/2026"), "to");
        MendAssertions.assertInvalidField(() -> QueryParams.enumValue("status", "DONE", GroupSessionStatus.class),
                "status");
        MendAssertions.assertInvalidField(() -> QueryParams.zone("timeZone", "Mars/Olympus"), "timeZone");
        MendAssertions.assertInvalidField(() -> QueryParams.bool("active", "yes"), "active");
    }

    @Test
    void sessionsBeyondThePatternReadFromPlainJsonAndAreValidated() {
        UUID patient = UUID.randomUUID();
        CreateSessionRequest makeUp = JSONB.fromJson("""
                {"date": "2026-03-05", "startTime": "14:00", "lengthMinutes": 90, "reason": "Make-up",
                 "kind": "MAKE_UP", "patientIds": ["%s"]}""".formatted(patient), CreateSessionRequest.class);
        assertThat(invalidPaths(makeUp)).isEmpty();
        assertThat(makeUp.kindOrDefault()).isEqualTo(GroupSessionKind.MAKE_UP);
        assertThat(makeUp.startTime()).isEqualTo(LocalTime.of(14, 0));
        assertThat(makeUp.alreadyHappened()).isNull();
        assertThat(JSONB.fromJson("{\"date\":\"2026-03-05\",\"startTime\":\"14:00\",\"lengthMinutes\":90,"
                + "\"reason\":\"Extra\"}", CreateSessionRequest.class).kindOrDefault()).isEqualTo(GroupSessionKind.ONE_OFF);

        assertThat(invalidPaths(new CreateSessionRequest(null, null, 20, "\u0007", null, null, null)))
                .containsExactlyInAnyOrder("date", "startTime", "lengthMinutes", "reason");
        assertThat(invalidPaths(new RescheduleSessionRequest(null, null, 400, " ")))
                .containsExactlyInAnyOrder("lengthMinutes", "reason");
        assertThat(invalidPaths(new RescheduleSessionRequest(LocalDate.of(2026, 3, 5), null, null, "Holiday")))
                .isEmpty();
        assertThat(invalidPaths(new AddGuestRequest(null, null, ""))).containsExactlyInAnyOrder("patientId",
                "reason");
    }

    @Test
    void aMovedSessionSaysWhereItCameFrom() {
        GroupSession session = new GroupSession(UUID.randomUUID(), SessionScheduler.expand(
                TherapyGroupTest.MON_WED_THU, TherapyGroupTest.MONDAY, TherapyGroupTest.MONDAY).get(0),
                TherapyGroupTest.NOW);
        session.reschedule(SessionScheduler.plan(TherapyGroupTest.MONDAY.plusDays(1), LocalTime.of(17, 0), 180,
                TherapyGroupTest.MON_WED_THU.zone()), "Holiday", TherapyGroupTest.NOW);

        assertThat(JSONB.toJson(GroupSessionResponse.from(session))).contains("\"kind\":\"SCHEDULED\"",
                "\"originalStartsAt\":\"2026-03-03T00:00:00Z\"", "\"rescheduleReason\":\"Holiday\"",
                "\"startsAt\":\"2026-03-03T23:00:00Z\"", "\"localDate\":\"2026-03-03\"",
                "\"recordedAfterTheFact\":false");
    }
}
