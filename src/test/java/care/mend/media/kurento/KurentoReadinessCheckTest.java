package care.mend.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import care.mend.media.kurento.KurentoMediaServer.NodeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code media-servers} reports: the check itself stays UP (signaling must keep serving), and its data says
 * truthfully which media servers answer, with one summary field to alert on.
 */
class KurentoReadinessCheckTest {

    @Test
    void noMediaServerAnsweringIsMediaDown() {
        assertThat(KurentoReadinessCheck.data(List.of(new NodeStatus("kms-0", false, 0))))
                .containsExactly(
                        entry("media", "DOWN"),
                        entry("kms-reachable", 0L),
                        entry("kms-configured", 1),
                        entry("kms-0", "DOWN"),
                        entry("kms-0-elements", 0));
    }

    @Test
    void oneOfTwoAnsweringIsDegradedAndEachIsNamedByIndex() {
        assertThat(KurentoReadinessCheck.data(List.of(new NodeStatus("kms-0", true, 42),
                new NodeStatus("kms-1", false, 0))))
                .containsEntry("media", "DEGRADED")
                .containsEntry("kms-reachable", 1L)
                .containsEntry("kms-configured", 2)
                .containsEntry("kms-0", "UP")
                .containsEntry("kms-0-elements", 42)
                .containsEntry("kms-1", "DOWN");
    }

    @Test
    void everyOneAnsweringIsMediaUp() {
        assertThat(KurentoReadinessCheck.data(List.of(new NodeStatus("kms-0", true, 3))))
                .containsEntry("media", "UP").containsEntry("kms-reachable", 1L);
    }

    @Test
    void noMediaServerConfiguredSaysSo() {
        assertThat(KurentoReadinessCheck.notConfigured())
                .containsEntry("media", "NOT_CONFIGURED")
                .containsEntry("kms-reachable", 0)
                .containsEntry("configured", "none");
    }
}
