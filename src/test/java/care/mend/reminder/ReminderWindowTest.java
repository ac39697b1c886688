package care.mend.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.GroupSessionStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderWindowTest {

    static final Instant START = Instant.parse("2026-03-03T00:00:00Z");
    static final Duration LEAD = Duration.ofHours(2);

    @Test
    void dueFromTheLeadBeforeTheStartUntilTheStart() {
        assertThat(ReminderWindow.isDue(GroupSessionStatus.SCHEDULED, START, START.minus(LEAD).minusSeconds(1), LEAD))
                .as("a second before the lead").isFalse();
        assertThat(ReminderWindow.isDue(GroupSessionStatus.SCHEDULED, START, START.minus(LEAD), LEAD))
                .as("exactly the lead before").isTrue();
        assertThat(ReminderWindow.isDue(GroupSessionStatus.SCHEDULED, START, START.minusSeconds(60), LEAD))
                .as("a run that missed the moment still sends before the start").isTrue();
        assertThat(ReminderWindow.isDue(GroupSessionStatus.SCHEDULED, START, START, LEAD))
                .as("at the start: too late to tell anyone").isFalse();
        assertThat(ReminderWindow.isDue(GroupSessionStatus.SCHEDULED, START, START.plusSeconds(60), LEAD)).isFalse();
    }

    @Test
    void onlyForASessionThatWillTakePlace() {
        Instant now = START.minus(Duration.ofMinutes(30));
        assertThat(ReminderWindow.isDue(GroupSessionStatus.LIVE, START, now, LEAD))
                .as("a room opened early still meets at the start").isTrue();
        for (GroupSessionStatus status : new GroupSessionStatus[] {GroupSessionStatus.CANCELLED,
                GroupSessionStatus.ENDED, GroupSessionStatus.NOT_HELD}) {
            assertThat(ReminderWindow.isDue(status, START, now, LEAD)).as(status.name()).isFalse();
        }
    }
}
