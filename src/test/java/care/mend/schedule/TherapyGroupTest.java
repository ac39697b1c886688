package care.mend.schedule;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.platform.problem.ProblemCode;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TherapyGroupTest {

    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final WeeklySchedule MON_WED_THU = new WeeklySchedule(ZoneId.of("America/Chicago"), List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.THURSDAY, LocalTime.of(18, 0), 180)));

    private final UUID programId = UUID.randomUUID();
    private final UUID facilitatorId = UUID.randomUUID();
    private final List<Membership> memberships = new ArrayList<>();

    private TherapyGroup group(int capacity) {
        return new TherapyGroup("Evening group", programId, UUID.randomUUID(), capacity, MON_WED_THU,
                Set.of(facilitatorId), NOW);
    }

    private Enrollment enrolled(UUID patientId) {
        return new Enrollment(patientId, programId, MONDAY, null, NOW);
    }

    /** Admits a new enrolled patient and keeps the membership, as the service would store it. */
    private Membership admitNew(TherapyGroup group, LocalDate from) {
        UUID patientId = UUID.randomUUID();
        Membership m = group.admit(patientId, from, enrolled(patientId), memberships, NOW);
        memberships.add(m);
        return m;
    }

    @Test
    void twelvePatientsFitTheThirteenthIsRefused() {
        TherapyGroup group = group(12);
        for (int i = 0; i < 12; i++) {
            admitNew(group, MONDAY);
        }
        UUID thirteenth = UUID.randomUUID();
        assertRefused(() -> group.admit(thirteenth, MONDAY, enrolled(thirteenth), memberships, NOW),
                ProblemCode.GROUP_FULL);
        assertRefused(() -> group.admit(thirteenth, MONDAY.plusYears(1), enrolled(thirteenth), memberships, NOW),
                ProblemCode.GROUP_FULL);
    }

    @Test
    void anEndedMembershipFreesItsPlaceAfterItsLastDay() {
        TherapyGroup group = group(6);
        for (int i = 0; i < 6; i++) {
            admitNew(group, MONDAY);
        }
        LocalDate lastDay = MONDAY.plusWeeks(2);
        memberships.get(0).end(lastDay, null, NOW);
        UUID next = UUID.randomUUID();

        assertRefused(() -> group.admit(next, lastDay, enrolled(next), memberships, NOW), ProblemCode.GROUP_FULL);
        Membership admitted = group.admit(next, lastDay.plusDays(1), enrolled(next), memberships, NOW);
        assertThat(admitted.fromDate()).isEqualTo(lastDay.plusDays(1));
        assertThat(admitted.groupId()).isEqualTo(group.id());
        assertThat(admitted.isOpen()).isTrue();
    }

    @Test
    void aFutureAdmissionCountsOnEveryDayFromTheNewMembersStart() {
        TherapyGroup group = group(6);
        for (int i = 0; i < 5; i++) {
            admitNew(group, MONDAY);
        }
        admitNew(group, MONDAY.plusWeeks(3)); // the sixth place is taken from week 3 on
        UUID early = UUID.randomUUID();
        // Today there are 5 members, but from week 3 there would be 7.
        assertRefused(() -> group.admit(early, MONDAY, enrolled(early), memberships, NOW), ProblemCode.GROUP_FULL);

        // If one of the five leaves before week 3, the early patient fits.
        memberships.get(0).end(MONDAY.plusWeeks(3).minusDays(1), null, NOW);
        assertThat(group.admit(early, MONDAY.plusDays(1), enrolled(early), memberships, NOW)).isNotNull();
    }

    @Test
    void onlyEnrolledPatientsJoin() {
        TherapyGroup group = group(12);
        UUID patient = UUID.randomUUID();
        Enrollment otherProgram = new Enrollment(patient, UUID.randomUUID(), MONDAY, null, NOW);
        Enrollment othersEnrollment = enrolled(UUID.randomUUID());
        Enrollment ended = enrolled(patient);
        ended.endWith(EnrollmentStatus.WITHDRAWN, MONDAY, "moved", NOW);
        Enrollment bounded = new Enrollment(patient, programId, MONDAY.plusDays(7), MONDAY.plusDays(60), NOW);

        assertRefused(() -> group.admit(patient, MONDAY, null, memberships, NOW), ProblemCode.PATIENT_NOT_ENROLLED);
        assertRefused(() -> group.admit(patient, MONDAY, otherProgram, memberships, NOW),
                ProblemCode.PATIENT_NOT_ENROLLED);
        assertRefused(() -> group.admit(patient, MONDAY, othersEnrollment, memberships, NOW),
                ProblemCode.PATIENT_NOT_ENROLLED);
        assertRefused(() -> group.admit(patient, MONDAY, ended, memberships, NOW), ProblemCode.PATIENT_NOT_ENROLLED);
        assertRefused(() -> group.admit(patient, MONDAY.plusDays(6), bounded, memberships, NOW),
                ProblemCode.PATIENT_NOT_ENROLLED);
        assertRefused(() -> group.admit(patient, MONDAY.plusDays(61), bounded, memberships, NOW),
                ProblemCode.PATIENT_NOT_ENROLLED);
        assertThat(group.admit(patient, MONDAY.plusDays(60), bounded, memberships, NOW)).isNotNull();
    }

    @Test
    void aPatientIsAMemberOnceAtATime() {
        TherapyGroup group = group(12);
        Membership first = admitNew(group, MONDAY.plusWeeks(1));
        UUID patient = first.patientId();
        Enrollment enrollment = enrolled(patient);

        assertRefused(() -> group.admit(patient, MONDAY, enrollment, memberships, NOW), ProblemCode.ALREADY_MEMBER);
        assertRefused(() -> group.admit(patient, MONDAY.plusWeeks(5), enrollment, memberships, NOW),
                ProblemCode.ALREADY_MEMBER);

        first.end(MONDAY.plusWeeks(2), null, NOW);
        assertRefused(() -> group.admit(patient, MONDAY.plusWeeks(2), enrollment, memberships, NOW),
                ProblemCode.ALREADY_MEMBER);
        assertThat(group.admit(patient, MONDAY.plusWeeks(2).plusDays(1), enrollment, memberships, NOW)).isNotNull();
    }

    @Test
    void capacityCantDropBelowTheMembers() {
        TherapyGroup group = group(12);
        for (int i = 0; i < 8; i++) {
            admitNew(group, MONDAY);
        }
        assertRefused(() -> group.changeCapacity(7, memberships, MONDAY), ProblemCode.CAPACITY_BELOW_MEMBERS);
        assertThat(group.capacity()).isEqualTo(12);
        group.changeCapacity(8, memberships, MONDAY);
        assertThat(group.capacity()).isEqualTo(8);

        // Members who have left by today don't count.
        memberships.get(0).end(MONDAY.plusDays(1), null, NOW);
        memberships.get(1).end(MONDAY.plusDays(1), null, NOW);
        group.changeCapacity(6, memberships, MONDAY.plusDays(2));
        assertThat(group.capacity()).isEqualTo(6);
    }

    @Test
    void capacityIsSixToTwelve() {
        assertInvalidField(() -> group(5), "capacity");
        assertInvalidField(() -> group(13), "capacity");
        TherapyGroup group = group(6);
        assertInvalidField(() -> group.changeCapacity(13, List.of(), MONDAY), "capacity");
    }

    @Test
    void membershipsOfAnotherGroupAreAProgrammingError() {
        TherapyGroup group = group(12);
        TherapyGroup other = group(12);
        Membership foreign = admitNew(other, MONDAY);
        UUID patient = UUID.randomUUID();
        assertThatThrownBy(() -> group.admit(patient, MONDAY, enrolled(patient), List.of(foreign), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void facilitatorsAreAssignedOnceAndTheLastOneStays() {
        TherapyGroup group = group(12);
        UUID second = UUID.randomUUID();
        group.assignFacilitator(second);
        assertThat(group.facilitatorIds()).containsExactlyInAnyOrder(facilitatorId, second);
        assertRefused(() -> group.assignFacilitator(second), ProblemCode.FACILITATOR_ALREADY_ASSIGNED);

        group.unassignFacilitator(facilitatorId);
        assertThat(group.facilitatorIds()).containsExactly(second);
        assertRefused(() -> group.unassignFacilitator(facilitatorId), ProblemCode.FACILITATOR_NOT_ASSIGNED);
        assertRefused(() -> group.unassignFacilitator(second), ProblemCode.LAST_FACILITATOR);
    }

    @Test
    void aGroupStartsWithAFacilitatorAndAFreshIdentity() {
        assertInvalidField(() -> new TherapyGroup("G", programId, UUID.randomUUID(), 12, MON_WED_THU, Set.of(), NOW),
                "facilitatorIds");
        TherapyGroup group = group(12);
        assertThat(group.id()).isNotEqualTo(group(12).id());
        assertThat(group.isAutoAdmit()).isFalse();
        assertThat(group.schedule()).isEqualTo(MON_WED_THU);
    }
}
