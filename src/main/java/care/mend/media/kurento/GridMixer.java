package care.mend.media.kurento;

import static care.mend.media.kurento.KurentoEndpoints.releaseWhenMade;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kurento.client.Composite;
import org.kurento.client.HubPort;

/**
 * A room's Composite, which mixes every publisher into one grid for low-bandwidth viewers, with its HubPorts. A
 * Composite decodes and re-encodes every stream for as long as it exists, watched or not (on KMS 7.3.0 with two
 * publishers: +25 to +36 points of one core over the whole SFU's 11 to 12), and publishers report their flow without
 * it. So a room has one only while someone watches the grid: made when the first viewer subscribes, released when the
 * last leaves.
 *
 * <p>Each HubPort sends the mix of every other port's input, never its own. So a participant has one port
 * ({@link KurentoParticipant#port}), whatever it does: its publisher feeds it and its grid endpoint is fed by it, and
 * the grid it receives is everyone but itself. A viewer fed by a port of its own, apart from the one its publisher
 * feeds, would hear its own voice back, late by the mixer: unusable in a group. The participant's port is made by
 * its publish or its grid subscription, whichever needs it first; it goes once it neither publishes nor watches, or
 * with every other port when the grid goes.
 *
 * <p>The room counts viewers under its own lock ({@link #watch}, {@link #unwatch}). Objects are asked for there, as
 * futures, and made by {@link #flush}, outside that lock: a KMS call may wait for the client's connection.
 */
final class GridMixer {

    private final RoomPipeline pipe;
    private final CompletableFuture<Composite> composite = new CompletableFuture<>();
    /** Guarded by the room's lock: grid subscriptions under way or in place. */
    private int watchers;
    /** Guarded by this. */
    private boolean making;
    private boolean closed;
    private final List<CompletableFuture<HubPort>> toMake = new ArrayList<>();

    GridMixer(RoomPipeline pipe) {
        this.pipe = pipe;
    }

    RoomPipeline pipe() {
        return pipe;
    }

    boolean watched() {
        return watchers > 0;
    }

    void watch() {
        watchers++;
    }

    /** One viewer fewer; true when nobody watches any more, so the caller releases the mixer. */
    boolean unwatch() {
        watchers = Math.max(0, watchers - 1);
        return watchers == 0;
    }

    /** A HubPort of the Composite, made on the next {@link #flush}. */
    synchronized CompletableFuture<HubPort> port() {
        CompletableFuture<HubPort> port = new CompletableFuture<>();
        if (closed) {
            port.completeExceptionally(new IllegalStateException("the grid is released"));
        } else {
            toMake.add(port);
        }
        return port;
    }

    /** Makes what was asked for: the Composite (once), then each port once the Composite exists. */
    void flush() {
        boolean makeComposite;
        List<CompletableFuture<HubPort>> ports;
        synchronized (this) {
            if (closed) {
                return;
            }
            makeComposite = !making;
            making = true;
            ports = List.copyOf(toMake);
            toMake.clear();
        }
        if (makeComposite) {
            pipe.gate().<Composite>call(new Composite.Builder(pipe.pipeline())::buildAsync).whenComplete((c, f) -> {
                if (f != null) {
                    composite.completeExceptionally(f);
                } else {
                    pipe.node().created(1);
                    composite.complete(c);
                }
            });
        }
        for (CompletableFuture<HubPort> port : ports) {
            composite.thenCompose(c -> pipe.gate().<HubPort>call(new HubPort.Builder(c)::buildAsync))
                    .whenComplete((hp, f) -> {
                        if (f != null) {
                            port.completeExceptionally(f);
                        } else {
                            pipe.node().created(1);
                            port.complete(hp);
                        }
                    });
        }
    }

    /**
     * No more ports; the Composite to release once it exists (it never will if it was never asked for). The ports
     * already handed out are released by whoever holds them.
     */
    synchronized CompletableFuture<Composite> close() {
        closed = true;
        toMake.forEach(p -> p.completeExceptionally(new IllegalStateException("the grid is released")));
        toMake.clear();
        if (!making) {
            composite.completeExceptionally(new IllegalStateException("the grid is released"));
        }
        return composite;
    }

    /**
     * What releasing a grid nobody watches takes, in order: the participants' HubPorts, then the Composite. Decided
     * under the room's lock, issued by {@link #run} (or its two steps) where the room's release order puts it: after
     * the endpoints that feed the ports or are fed by them.
     */
    record Release(List<CompletableFuture<HubPort>> hubPorts, CompletableFuture<Composite> mixer, KmsNode node) {

        static final Release NONE = new Release(List.of(), null, null);

        CompletableFuture<Void> ports() {
            return CompletableFuture.allOf(hubPorts.stream().map(p -> releaseWhenMade(p, node))
                    .toArray(CompletableFuture[]::new));
        }

        CompletableFuture<Void> composite() {
            return releaseWhenMade(mixer, node);
        }

        CompletableFuture<Void> run() {
            return ports().thenCompose(ignored -> composite());
        }
    }
}
