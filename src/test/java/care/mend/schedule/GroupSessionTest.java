package care.mend.schedule;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static care.mend.schedule.TherapyGroupTest.MONDAY;
import static care.mend.schedule.TherapyGroupTest.MON_WED_THU;
import static care.mend.schedule.TherapyGroupTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.problem.ProblemCode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GroupSessionTest {

    private GroupSession session() {
        return new GroupSession(UUID.randomUUID(), SessionScheduler.expand(MON_WED_THU, MONDAY, MONDAY).get(0), NOW);
    }

    @Test
    void cancellingKeepsTheRecordWithItsReason() {
        GroupSession s = session();
        s.cancel("  Facilitator ill  ", NOW);
        assertThat(s.status()).isEqualTo(GroupSessionStatus.CANCELLED);
        assertThat(s.cancellationReason()).isEqualTo("Facilitator ill");
        assertThat(s.cancelledAt()).isEqualTo(NOW);
        assertThat(s.localDate()).isEqualTo(MONDAY);
    }

    @Test
    void aCancellationNeedsAReason() {
        GroupSession s = session();
        assertInvalidField(() -> s.cancel(" ", NOW), "reason");
        assertInvalidField(() -> s.cancel(null, NOW), "reason");
        assertThat(s.status()).isEqualTo(GroupSessionStatus.SCHEDULED);
    }

    @Test
    void onlyAScheduledSessionIsCancelled() {
        GroupSession cancelled = session();
        cancelled.cancel("closed", NOW);
        assertRefused(() -> cancelled.cancel("again", NOW), ProblemCode.SESSION_NOT_CANCELLABLE);
        assertThat(cancelled.cancellationReason()).isEqualTo("closed");

        GroupSession live = session();
        live.goLive(NOW);
        assertRefused(() -> live.cancel("too late", NOW), ProblemCode.SESSION_NOT_CANCELLABLE);

        GroupSession ended = session();
        ended.goLive(NOW);
        ended.end(NOW.plusSeconds(3 * 3600));
        assertThat(ended.status()).isEqualTo(GroupSessionStatus.ENDED);
        assertRefused(() -> ended.cancel("too late", NOW), ProblemCode.SESSION_NOT_CANCELLABLE);
    }

    @Test
    void liveAndEndedFollowTheLifecycle() {
        GroupSession s = session();
        assertRefused(() -> s.end(NOW), ProblemCode.INVALID_STATUS_TRANSITION);
        s.goLive(NOW);
        assertRefused(() -> s.goLive(NOW), ProblemCode.INVALID_STATUS_TRANSITION);
        assertThat(s.liveAt()).isEqualTo(NOW);
    }

    private static final Duration GRACE = Duration.ofMinutes(30);

    @Test
    void aSessionNeverLiveIsNotHeldOnlyOnceItsEndPlusTheGraceHasPassed() {
        GroupSession s = session();
        Instant end = s.endsAt();
        assertThat(s.isOverdue(end, GRACE)).isFalse();
        assertThat(s.isOverdue(end.plus(GRACE), GRACE)).as("exactly at the end of the grace").isFalse();
        assertRefused(() -> s.markNotHeld(end.plus(GRACE).minusSeconds(1), GRACE),
                ProblemCode.INVALID_STATUS_TRANSITION);
        assertThat(s.status()).isEqualTo(GroupSessionStatus.SCHEDULED);

        Instant after = end.plus(GRACE).plusSeconds(1);
        assertThat(s.isOverdue(after, GRACE)).isTrue();
        s.markNotHeld(after, GRACE);
        assertThat(s.status()).isEqualTo(GroupSessionStatus.NOT_HELD);
        assertThat(s.notHeldAt()).isEqualTo(after);
        assertThat(s.liveAt()).isNull();
        assertThat(s.isOverdue(after.plusSeconds(60), GRACE)).as("no longer a candidate").isFalse();
    }

    @Test
    void cancelledLiveAndEndedSessionsAreNeverNotHeld() {
        GroupSession cancelled = session();
        cancelled.cancel("Clinic closed", NOW);
        GroupSession live = session();
        live.goLive(live.startsAt());
        GroupSession ended = session();
        ended.goLive(ended.startsAt());
        ended.end(ended.endsAt());
        Instant muchLater = NOW.plus(Duration.ofDays(30));
        for (GroupSession s : new GroupSession[] {cancelled, live, ended}) {
            GroupSessionStatus before = s.status();
            assertThat(s.isOverdue(muchLater, GRACE)).isFalse();
            assertRefused(() -> s.markNotHeld(muchLater, GRACE), ProblemCode.INVALID_STATUS_TRANSITION);
            assertThat(s.status()).isEqualTo(before);
            assertThat(s.notHeldAt()).isNull();
        }
    }

    @Test
    void aNotHeldSessionChangesNoFurther() {
        GroupSession s = session();
        Instant later = s.endsAt().plus(Duration.ofHours(1));
        s.markNotHeld(later, GRACE);
        assertRefused(() -> s.markNotHeld(later.plusSeconds(60), GRACE), ProblemCode.INVALID_STATUS_TRANSITION);
        assertRefused(() -> s.goLive(later), ProblemCode.INVALID_STATUS_TRANSITION);
        assertRefused(() -> s.cancel("too late", later), ProblemCode.SESSION_NOT_CANCELLABLE);
        assertThat(s.notHeldAt()).isEqualTo(later);
    }

    @Test
    void aZeroGraceMeansRightAfterTheEnd() {
        GroupSession s = session();
        assertThat(s.isOverdue(s.endsAt(), Duration.ZERO)).isFalse();
        assertThat(s.isOverdue(s.endsAt().plusMillis(1), Duration.ZERO)).isTrue();
    }

    // ---- beyond the weekly pattern ----

    private static PlannedSession at(java.time.LocalDate day, int hour, int minutes) {
        return SessionScheduler.plan(day, java.time.LocalTime.of(hour, 0), minutes, MON_WED_THU.zone());
    }

    @Test
    void aOneOffNeedsItsReasonAndStandsForNoPatternSlot() {
        UUID group = UUID.randomUUID();
        assertInvalidField(() -> new GroupSession(group, at(MONDAY, 10, 90), GroupSessionKind.ONE_OFF, " ", NOW),
                "reason");
        GroupSession oneOff = new GroupSession(group, at(MONDAY, 10, 90), GroupSessionKind.ONE_OFF, "Extra group",
                NOW);
        assertThat(oneOff.kind()).isEqualTo(GroupSessionKind.ONE_OFF);
        assertThat(oneOff.reason()).isEqualTo("Extra group");
        assertThat(oneOff.patternSlot()).isEmpty();
        assertThat(oneOff.rostersMembers()).isTrue();
        assertThat(new GroupSession(group, at(MONDAY, 10, 90), GroupSessionKind.MAKE_UP, "Missed Monday", NOW)
                .rostersMembers()).as("a make-up session is for its guests").isFalse();
        assertThat(session().patternSlot()).contains(new GroupSessionRepository.SlotKey(MONDAY,
                java.time.LocalTime.of(18, 0)));
    }

    @Test
    void aMovedSessionKeepsItsIdentityItsPatternSlotAndItsFirstStart() {
        GroupSession s = session();
        UUID id = s.id();
        Instant first = s.startsAt();
        Instant now = first.minus(Duration.ofDays(2));

        s.reschedule(at(MONDAY.plusDays(1), 17, 120), "Room booked", now);
        s.reschedule(at(MONDAY.plusDays(1), 16, 120), "  Earlier after all ", now.plusSeconds(60));

        assertThat(s.id()).isEqualTo(id);
        assertThat(s.originalStartsAt()).as("the start before the first move").isEqualTo(first);
        assertThat(s.rescheduleReason()).isEqualTo("Earlier after all");
        assertThat(s.rescheduledAt()).isEqualTo(now.plusSeconds(60));
        assertThat(s.localDate()).isEqualTo(MONDAY.plusDays(1));
        assertThat(Duration.between(s.startsAt(), s.endsAt())).isEqualTo(Duration.ofMinutes(120));
        assertThat(s.patternSlot()).contains(new GroupSessionRepository.SlotKey(MONDAY,
                java.time.LocalTime.of(18, 0)));
        assertThat(s.status()).isEqualTo(GroupSessionStatus.SCHEDULED);
    }

    @Test
    void onlyAScheduledSessionThatHasNotStartedMovesAndNeverIntoThePast() {
        GroupSession s = session();
        Instant before = s.startsAt().minus(Duration.ofHours(1));
        assertInvalidField(() -> s.reschedule(at(MONDAY.plusDays(1), 17, 120), " ", before), "reason");
        assertRefused(() -> s.reschedule(at(MONDAY.minusDays(1), 17, 120), "Typo", before),
                ProblemCode.SESSION_IN_THE_PAST);
        assertRefused(() -> s.reschedule(at(MONDAY.plusDays(1), 17, 120), "Late", s.startsAt()),
                ProblemCode.SESSION_NOT_RESCHEDULABLE);
        s.goLive(s.startsAt().minus(Duration.ofMinutes(10)));
        assertRefused(() -> s.reschedule(at(MONDAY.plusDays(1), 17, 120), "Live", before),
                ProblemCode.SESSION_NOT_RESCHEDULABLE);
        GroupSession cancelled = session();
        cancelled.cancel("Closed", before);
        assertRefused(() -> cancelled.reschedule(at(MONDAY.plusDays(1), 17, 120), "Back on", before),
                ProblemCode.SESSION_NOT_RESCHEDULABLE);
        assertThat(cancelled.originalStartsAt()).isNull();
    }

    @Test
    void aSessionHeldWithoutTheRoomIsRecordedEndedAndNeverLiveOnceItsEndHasPassed() {
        GroupSession s = new GroupSession(UUID.randomUUID(), at(MONDAY, 10, 60), GroupSessionKind.ONE_OFF,
                "Held in the clinic during the video outage", NOW);
        assertInvalidField(() -> s.recordHeldElsewhere(s.endsAt().minusSeconds(1)), "alreadyHappened");
        assertThat(s.status()).isEqualTo(GroupSessionStatus.SCHEDULED);

        s.recordHeldElsewhere(s.endsAt());

        assertThat(s.status()).isEqualTo(GroupSessionStatus.ENDED);
        assertThat(s.endedAt()).isEqualTo(s.endsAt());
        assertThat(s.liveAt()).isNull();
        assertThat(s.recordedAfterTheFact()).isTrue();
        GroupSession held = session();
        held.goLive(NOW);
        held.end(NOW.plusSeconds(60));
        assertThat(held.recordedAfterTheFact()).isFalse();
    }

    @Test
    void sessionsOverlapWhenTheyShareAnInstantNotWhenOneEndsAsTheOtherStarts() {
        GroupSession s = new GroupSession(UUID.randomUUID(), at(MONDAY, 10, 60), GroupSessionKind.ONE_OFF, "Extra",
                NOW);
        assertThat(s.overlaps(s.endsAt(), s.endsAt().plusSeconds(3600))).isFalse();
        assertThat(s.overlaps(s.startsAt().minusSeconds(3600), s.startsAt())).isFalse();
        assertThat(s.overlaps(s.endsAt().minusSeconds(60), s.endsAt().plusSeconds(3600))).isTrue();
        assertThat(s.overlaps(s.startsAt().plusSeconds(60), s.startsAt().plusSeconds(120))).isTrue();
    }
}
