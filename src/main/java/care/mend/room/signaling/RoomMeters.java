package care.mend.room.signaling;

import care.mend.room.RoomCensus;
import care.mend.room.RoomMetrics;
import care.mend.room.RoomRegistry;
import care.mend.room.RoomRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The live rooms' meters, on the server's Micrometer registry (in Prometheus names):
 * <ul>
 * <li>{@code mend_rooms_live}: rooms open now;</li>
 * <li>{@code mend_room_participants{state="waiting|present|reconnecting"}}: participants of all rooms by state;</li>
 * <li>{@code mend_room_joins_total{role="patient|facilitator"}} and {@code mend_room_resumes_total}: accepted joins
 * and resumes;</li>
 * <li>{@code mend_signaling_errors_total{code="ROOM_FULL|..."}}: error replies on the signaling socket by their stable
 * code.</li>
 * </ul>
 * Tags are closed sets (states, roles, codes): never a session, a participant or a person.
 *
 * <p>Every meter is made through the registry's own {@code counter}, {@code gauge} and {@code timer}: the registry
 * WildFly injects into a deployment tags and exports only those, while a meter built with {@code Counter.builder(…)
 * .register(…)} stays in the deployment's own copy and never reaches the scrape (found with the integration test).
 * The same holds for {@code KurentoMeters} and {@code PresenceMeters}.
 */
final class RoomMeters implements RoomMetrics {

    static final String ROOMS_LIVE = "mend.rooms.live";
    static final String PARTICIPANTS = "mend.room.participants";
    static final String JOINS = "mend.room.joins";
    static final String RESUMES = "mend.room.resumes";
    static final String SIGNALING_ERRORS = "mend.signaling.errors";

    private final MeterRegistry meters;
    private final Map<RoomRole, Counter> joins = new EnumMap<>(RoomRole.class);
    private final Counter resumes;
    private final Map<SignalingErrorCode, Counter> errors = new EnumMap<>(SignalingErrorCode.class);

    RoomMeters(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
        for (RoomRole role : RoomRole.values()) {
            joins.put(role, meters.counter(JOINS, "role", tagValue(role.name())));
        }
        resumes = meters.counter(RESUMES);
        // Every code from the start, so that a rate of zero is a series and not a missing one.
        for (SignalingErrorCode code : SignalingErrorCode.values()) {
            errors.put(code, meters.counter(SIGNALING_ERRORS, "code", code.name()));
        }
    }

    /** The gauges that read the registry at each scrape. */
    void watch(RoomRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        meters.gauge(ROOMS_LIVE, Tags.empty(), registry, RoomRegistry::size);
        participants(registry, "waiting", RoomCensus::waiting);
        participants(registry, "present", RoomCensus::present);
        participants(registry, "reconnecting", RoomCensus::reconnecting);
    }

    private void participants(RoomRegistry registry, String state, ToIntFunction<RoomCensus> count) {
        meters.gauge(PARTICIPANTS, Tags.of("state", state), registry, r -> count.applyAsInt(r.census()));
    }

    @Override
    public void joined(RoomRole role) {
        joins.get(role).increment();
    }

    @Override
    public void resumed() {
        resumes.increment();
    }

    void error(SignalingErrorCode code) {
        errors.get(code).increment();
    }

    private static String tagValue(String constant) {
        return constant.toLowerCase(java.util.Locale.ROOT);
    }
}
