package care.mend.schedule;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static care.mend.schedule.TherapyGroupTest.MONDAY;
import static care.mend.schedule.TherapyGroupTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.problem.ProblemCode;
import care.mend.program.EnrollmentEnded;
import care.mend.program.EnrollmentStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private final UUID groupId = UUID.randomUUID();

    private Membership membership() {
        return new Membership(groupId, UUID.randomUUID(), MONDAY, NOW);
    }

    @Test
    void activeFromTheFirstThroughTheLastDay() {
        Membership m = membership();
        assertThat(m.isActiveOn(MONDAY.minusDays(1))).isFalse();
        assertThat(m.isActiveOn(MONDAY.plusYears(3))).isTrue();
        m.end(MONDAY.plusDays(10), "moved to another group", NOW);
        assertThat(m.isActiveOn(MONDAY.plusDays(10))).isTrue();
        assertThat(m.isActiveOn(MONDAY.plusDays(11))).isFalse();
        assertThat(m.endReason()).isEqualTo("moved to another group");
        assertThat(m.endedAt()).isEqualTo(NOW);
    }

    @Test
    void aMembershipEndsOnce() {
        Membership m = membership();
        m.end(MONDAY.plusDays(3), null, NOW);
        assertRefused(() -> m.end(MONDAY.plusDays(5), null, NOW), ProblemCode.MEMBERSHIP_ENDED);
        assertThat(m.toDate()).isEqualTo(MONDAY.plusDays(3));
    }

    @Test
    void theEarliestEndIsTheDayBeforeItBegan() {
        Membership m = membership();
        assertInvalidField(() -> m.end(MONDAY.minusDays(2), null, NOW), "toDate");
        m.end(MONDAY.minusDays(1), "called off", NOW);
        assertThat(m.isActiveOnOrAfter(MONDAY.minusDays(10))).isFalse();
        assertThat(TherapyGroup.peakMembersFrom(MONDAY.minusDays(10), List.of(m))).isZero();
    }

    @Test
    void anEndedEnrollmentEndsTheMembershipOnItsLastDay() {
        Membership m = membership();
        m.endBecause(new EnrollmentEnded(UUID.randomUUID(), m.patientId(), UUID.randomUUID(),
                EnrollmentStatus.DISCHARGED, MONDAY.plusWeeks(4)), NOW);
        assertThat(m.toDate()).isEqualTo(MONDAY.plusWeeks(4));
        assertThat(m.endReason()).isEqualTo("Enrollment discharged");
    }

    @Test
    void anEndedEnrollmentCallsOffAMembershipThatHadNotBegun() {
        Membership m = membership();
        m.endBecause(new EnrollmentEnded(UUID.randomUUID(), m.patientId(), UUID.randomUUID(),
                EnrollmentStatus.WITHDRAWN, MONDAY.minusDays(5)), NOW);
        assertThat(m.toDate()).isEqualTo(MONDAY.minusDays(1));
        assertThat(m.isActiveOn(MONDAY)).isFalse();
    }

    @Test
    void aVoidedMembershipCountsOnNoDayAndKeepsWhoVoidedItAndWhy() {
        Membership m = membership();
        m.voidEnteredInError("  Wrong patient chosen  ", "admin-subject", NOW);
        assertThat(m.isVoided()).isTrue();
        assertThat(m.voidReason()).isEqualTo("Wrong patient chosen");
        assertThat(m.voidedBy()).isEqualTo("admin-subject");
        assertThat(m.voidedAt()).isEqualTo(NOW);
        assertThat(m.isActiveOn(MONDAY)).as("not even its first day").isFalse();
        assertThat(m.isActiveOnOrAfter(MONDAY.minusYears(1))).isFalse();
        assertThat(m.isOpen()).as("an enrollment's end has nothing to end").isFalse();
        assertThat(m.toDate()).as("its dates stay as entered").isNull();
        assertThat(TherapyGroup.peakMembersFrom(MONDAY, List.of(m))).as("no place taken").isZero();
    }

    @Test
    void aVoidedMembershipIsFinalAndDistinctFromEnding() {
        Membership m = membership();
        m.voidEnteredInError("Entered in the wrong group", "admin-subject", NOW);
        assertRefused(() -> m.voidEnteredInError("again", "admin-subject", NOW), ProblemCode.MEMBERSHIP_VOIDED);
        assertRefused(() -> m.end(MONDAY.plusDays(3), null, NOW), ProblemCode.MEMBERSHIP_VOIDED);
        assertThat(m.voidReason()).isEqualTo("Entered in the wrong group");
        assertThat(m.toDate()).isNull();
    }

    @Test
    void anEndedMembershipMayStillBeVoidedAsAnErrorButNeedsAReason() {
        Membership m = membership();
        m.end(MONDAY.plusDays(3), "moved", NOW);
        assertInvalidField(() -> m.voidEnteredInError("  ", "admin-subject", NOW), "reason");
        assertInvalidField(() -> m.voidEnteredInError("x".repeat(Membership.REASON_MAX + 1), "admin-subject", NOW),
                "reason");
        assertThat(m.isVoided()).isFalse();
        m.voidEnteredInError("Never attended: wrong record", "admin-subject", NOW);
        assertThat(m.isActiveOn(MONDAY)).isFalse();
        assertThat(m.toDate()).as("the end stays as it was").isEqualTo(MONDAY.plusDays(3));
    }
}
