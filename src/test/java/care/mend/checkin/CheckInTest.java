package care.mend.checkin;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.program.CheckInPlan;
import care.mend.schedule.GroupSession;
import care.mend.schedule.PlannedSession;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A check-in's rules without a database: the answers by the plan, the flags by its thresholds, when it is open. */
class CheckInTest {

    static final CheckInPlan ASKS_CRAVING = new CheckInPlan(true, true, 3, 7);
    static final Instant AT = Instant.parse("2026-03-02T23:40:00Z");

    static CheckIn checkIn(Integer mood, Integer craving, CheckInPlan plan) {
        return new CheckIn(UUID.randomUUID(), UUID.randomUUID(), new CheckIn.Answers(mood, craving,
                MedicationAnswer.TAKEN, null), plan, AT);
    }

    @Test
    void lowMoodAndHighCravingAreFlaggedAtTheirThresholdsInclusive() {
        assertThat(checkIn(3, 7, ASKS_CRAVING).lowMood()).isTrue();
        assertThat(checkIn(3, 7, ASKS_CRAVING).highCraving()).isTrue();
        assertThat(checkIn(4, 6, ASKS_CRAVING).lowMood()).isFalse();
        assertThat(checkIn(4, 6, ASKS_CRAVING).highCraving()).isFalse();
        assertThat(checkIn(0, 10, ASKS_CRAVING).toString()).as("no answers in logs").doesNotContain("10");
        assertThat(checkIn(5, null, new CheckInPlan(true, false, 3, 0)).highCraving())
                .as("no craving asked: never high").isFalse();
    }

    @Test
    void theAnswersAreCheckedByThePlan() {
        assertInvalidField(() -> checkIn(null, 5, ASKS_CRAVING), "mood");
        assertInvalidField(() -> checkIn(-1, 5, ASKS_CRAVING), "mood");
        assertInvalidField(() -> checkIn(5, 11, ASKS_CRAVING), "craving");
        assertInvalidField(() -> checkIn(5, null, ASKS_CRAVING), "craving");
        assertInvalidField(() -> checkIn(5, 5, new CheckInPlan(true, false, 3, 7)), "craving");
        assertInvalidField(() -> new CheckIn(UUID.randomUUID(), UUID.randomUUID(), new CheckIn.Answers(5, 5, null,
                null), ASKS_CRAVING, AT), "medication");
        assertInvalidField(() -> new CheckIn(UUID.randomUUID(), UUID.randomUUID(), new CheckIn.Answers(5, 5,
                MedicationAnswer.TAKEN, "a\u2028b"), ASKS_CRAVING, AT), "note");
    }

    @Test
    void openOnTheSessionsLocalDayUntilItsEnd() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        WeeklySchedule evening = new WeeklySchedule(chicago,
                List.of(new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180)));
        PlannedSession planned = SessionScheduler.expand(evening, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))
                .get(0);
        GroupSession session = new GroupSession(UUID.randomUUID(), planned, AT.minusSeconds(86_400 * 7));
        // 21:00 in Chicago is 03:00 UTC the next day: still the session's day there, and before its end.
        assertThat(CheckIns.isOpen(session, session.endsAt().minusSeconds(1))).isTrue();
        assertThat(CheckIns.isOpen(session, session.endsAt())).isFalse();
        assertThat(CheckIns.isOpen(session, LocalDate.of(2026, 3, 2).atStartOfDay(chicago).toInstant())).isTrue();
        assertThat(CheckIns.isOpen(session, LocalDate.of(2026, 3, 2).atStartOfDay(chicago).toInstant()
                .minusSeconds(1))).as("the evening before").isFalse();
        session.cancel("Closed (synthetic)", AT);
        assertThat(CheckIns.isOpen(session, session.startsAt())).isFalse();
    }
}
