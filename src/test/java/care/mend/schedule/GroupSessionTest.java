package care.mend.schedule;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static care.mend.schedule.TherapyGroupTest.MONDAY;
import static care.mend.schedule.TherapyGroupTest.MON_WED_THU;
import static care.mend.schedule.TherapyGroupTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.problem.ProblemCode;
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
}
