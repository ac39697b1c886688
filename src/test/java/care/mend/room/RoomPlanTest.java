package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan's roster: the room's one question, "what is this subject in this session?". */
class RoomPlanTest {

    @Test
    void theRosterGivesEachSubjectOneRoleAFacilitatorFirst() {
        RoomPlan plan = new RoomPlan(UUID.randomUUID(), RoomFixture.START, RoomFixture.END, Set.of("f1", "both"),
                Set.of("p1", "both"), false);

        assertThat(plan.roster()).containsOnlyKeys("f1", "p1", "both");
        assertThat(plan.roleOf("f1")).isEqualTo(RoomRole.FACILITATOR);
        assertThat(plan.roleOf("both")).as("staff somehow also on the patients' list")
                .isEqualTo(RoomRole.FACILITATOR);
        assertThat(plan.roleOf("p1")).isEqualTo(RoomRole.PATIENT);
        assertThatThrownBy(() -> plan.roleOf("stranger")).isInstanceOfSatisfying(RoomException.class,
                e -> assertThat(e.code()).isEqualTo(RoomErrorCode.NOT_A_MEMBER));
    }

    @Test
    void theRosterIsACopy() {
        Map<String, RoomPlan.RosterEntry> roster = new HashMap<>();
        roster.put("p1", new RoomPlan.RosterEntry(RoomRole.PATIENT));
        RoomPlan plan = new RoomPlan(UUID.randomUUID(), RoomFixture.START, RoomFixture.END, roster, false);

        roster.put("p2", new RoomPlan.RosterEntry(RoomRole.PATIENT));

        assertThat(plan.roster()).containsOnlyKeys("p1");
        assertThatThrownBy(() -> plan.roster().put("p3", new RoomPlan.RosterEntry(RoomRole.PATIENT)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
