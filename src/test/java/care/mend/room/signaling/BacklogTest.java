package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BacklogTest {

    @Test
    void aConnectionHoldsAtMostTheBoundAndRoomComesBackAsMessagesAreHandled() {
        Backlog backlog = new Backlog(SignalingLimits.MAX_PENDING_MESSAGES);
        for (int i = 0; i < SignalingLimits.MAX_PENDING_MESSAGES; i++) {
            assertThat(backlog.enter()).isTrue();
        }
        assertThat(backlog.enter()).as("one over the bound").isFalse();
        assertThat(backlog.waiting()).isEqualTo(SignalingLimits.MAX_PENDING_MESSAGES);
        backlog.leave();
        assertThat(backlog.enter()).isTrue();
        assertThat(backlog.enter()).isFalse();
    }
}
