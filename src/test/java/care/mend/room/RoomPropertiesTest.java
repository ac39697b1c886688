package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.FakeMediaServer;
import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.SdpOffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of joins, leaves, drops, resumes, controls, media work and time, with media work completing at
 * random moments. Whatever happens: seats are never exceeded, the attendance ledger tells a consistent story, and
 * once the session is over nothing is left on the media server and the room is gone from the registry.
 */
class RoomPropertiesTest {

    private static final String[] SUBJECTS = {"f1", "f2", "f3", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9",
        "p10", "p11", "p12", "p13", "p14", "stranger"};

    enum Kind {
        JOIN, JOIN_AGAIN, LEAVE, DROP, RESUME, ADMIT, DECLINE, REMOVE, REMOVE_AND_BAR, PUBLISH, SUBSCRIBE, ICE,
        GATHER, FLOW, COMPLETE_ONE, COMPLETE_ALL, ADVANCE, LOCK, UNLOCK, MUTE_ALL, AUDIO_ONLY, HAND, END
    }

    record Step(Kind kind, int a, int b, int seconds) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just(Kind.JOIN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.JOIN_AGAIN)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.ADMIT)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.PUBLISH)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.SUBSCRIBE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.ICE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.COMPLETE_ONE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.COMPLETE_ALL)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.DROP)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.RESUME)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.ADVANCE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.LEAVE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Kind.DECLINE, Kind.REMOVE, Kind.REMOVE_AND_BAR)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Kind.GATHER, Kind.FLOW, Kind.AUDIO_ONLY, Kind.HAND)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Kind.LOCK, Kind.UNLOCK, Kind.MUTE_ALL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.END)));
        Arbitrary<Step> step = Combinators.combine(kind, Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 150)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 500)
    void nothingLeaksSeatsHoldAndTheLedgerIsConsistent(@ForAll("steps") List<Step> steps, @ForAll boolean autoAdmit,
            @ForAll boolean endByFacilitator) {
        FakeMediaServer media = new FakeMediaServer().manual();
        RoomFixture fx = new RoomFixture(media, Runnable::run, RoomConfig.DEFAULTS);
        if (autoAdmit) {
            fx.autoAdmit();
        }
        Run run = new Run(fx);
        for (Step step : steps) {
            run.apply(step);
            assertSeatsHeld(fx.recorder.presence());
            assertThat(media.liveRooms()).as("media rooms at once").isLessThanOrEqualTo(1);
        }
        run.finish(endByFacilitator);

        assertThat(fx.registry.size()).isZero();
        assertThat(media.pendingWork()).isZero();
        assertThat(media.liveObjects()).as("live media objects").isZero();
        assertThat(media.problems()).isEmpty();
        assertThat(media.liveRooms()).isZero();
        assertLedgerConsistent(fx.recorder.presence());
        assertThat(fx.recorder.lifecycle().stream().filter(l -> l.startsWith("live"))).hasSizeLessThanOrEqualTo(1);
        assertThat(fx.recorder.lifecycle().stream().filter(l -> l.startsWith("ended"))).hasSizeLessThanOrEqualTo(1);
    }

    /** Drives one room; remembers everyone who ever joined and their latest token. */
    private static final class Run {
        private final RoomFixture fx;
        private final List<RoomEntry> joined = new ArrayList<>();
        private final Map<ParticipantId, ResumeToken> tokens = new HashMap<>();

        Run(RoomFixture fx) {
            this.fx = fx;
        }

        private RoomEntry pick(int i) {
            return joined.isEmpty() ? null : joined.get(i % joined.size());
        }

        private <T> CompletionStage<T> inRoom(java.util.function.Function<Room, CompletionStage<T>> command) {
            return fx.registry.inRoom(fx.sessionId, command);
        }

        private final List<RoomEntry> dropped = new ArrayList<>();

        void apply(Step s) {
            RoomEntry a = pick(s.a());
            RoomEntry b = pick(s.b());
            boolean control = switch (s.kind()) {
                case ADMIT, DECLINE, REMOVE, REMOVE_AND_BAR, LOCK, UNLOCK, MUTE_ALL, END -> true;
                default -> false;
            };
            List<RoomEntry> facilitators = joined.stream().filter(e -> e.role() == RoomRole.FACILITATOR).toList();
            if (control && s.a() % 4 != 0 && !facilitators.isEmpty()) {
                a = facilitators.get(s.a() % facilitators.size());
            }
            if (s.kind() == Kind.RESUME && s.a() % 4 != 0 && !dropped.isEmpty()) {
                a = dropped.remove(s.a() % dropped.size());
            }
            if (s.kind() == Kind.DROP && a != null) {
                dropped.add(a);
            }
            applyTo(s, a, b);
        }

        private void applyTo(Step s, RoomEntry a, RoomEntry b) {
            switch (s.kind()) {
                case JOIN, JOIN_AGAIN -> {
                    String subject = s.kind() == Kind.JOIN ? SUBJECTS[s.a() % SUBJECTS.length]
                            : a == null ? "p1" : subjectOf(a);
                    remember(fx.registry.join(fx.plan(), subject));
                }
                case LEAVE -> ifAny(a, () -> fx.registry.leave(fx.sessionId, a.participantId()));
                case DROP -> ifAny(a, () -> fx.registry.connectionLost(fx.sessionId, a.participantId()));
                case RESUME -> ifAny(a, () -> remember(fx.registry.resume(fx.sessionId,
                        s.b() % 5 == 0 ? subjectOf(b) : subjectOf(a), tokens.get(a.participantId()))));
                case ADMIT -> ifAny(a, () -> inRoom(r -> r.admit(a.participantId(), b.participantId())));
                case DECLINE -> ifAny(a, () -> inRoom(r -> r.decline(a.participantId(), b.participantId())));
                case REMOVE -> ifAny(a, () -> inRoom(r -> r.remove(a.participantId(), b.participantId(), false)));
                case REMOVE_AND_BAR -> ifAny(a, () -> inRoom(r -> r.remove(a.participantId(), b.participantId(),
                        true)));
                case PUBLISH -> ifAny(a, () -> inRoom(r -> r.publish(a.participantId(), new SdpOffer("v=0"))));
                case SUBSCRIBE -> ifAny(a, () -> inRoom(r -> r.subscribe(a.participantId(), b.participantId(),
                        new SdpOffer("v=0"))));
                case ICE -> ifAny(a, () -> inRoom(r -> r.addIceCandidate(a.participantId(),
                        s.seconds() % 2 == 0 || a.equals(b)
                                ? MediaEndpointRef.publisher(a.participantId().value())
                                : MediaEndpointRef.subscriber(a.participantId().value(), b.participantId().value()),
                        new IceCandidate("candidate:" + s.seconds(), "0", 0))));
                case GATHER -> ifAny(a, () -> {
                    FakeMediaServer.FakeMediaRoom room = fx.media.room(fx.sessionId.toString());
                    if (room != null && !room.isReleased()) {
                        room.gather(MediaEndpointRef.publisher(a.participantId().value()),
                                new IceCandidate("candidate:x", "0", 0));
                    }
                    return CompletableFuture.completedFuture(null);
                });
                case FLOW -> ifAny(a, () -> {
                    FakeMediaServer.FakeMediaRoom room = fx.media.room(fx.sessionId.toString());
                    if (room != null && !room.isReleased()) {
                        room.flow(a.participantId().value(), MediaModality.values()[s.b() % 3]);
                    }
                    return CompletableFuture.completedFuture(null);
                });
                case COMPLETE_ONE -> fx.media.completeOne();
                case COMPLETE_ALL -> fx.media.completeAll();
                case ADVANCE -> fx.scheduler.advance(Duration.ofSeconds(s.seconds()));
                case LOCK -> ifAny(a, () -> inRoom(r -> r.lock(a.participantId())));
                case UNLOCK -> ifAny(a, () -> inRoom(r -> r.unlock(a.participantId())));
                case MUTE_ALL -> ifAny(a, () -> inRoom(r -> r.muteAll(a.participantId())));
                case AUDIO_ONLY -> ifAny(a, () -> inRoom(r -> r.setAudioOnly(a.participantId(), s.b() % 2 == 0)));
                case HAND -> ifAny(a, () -> inRoom(r -> r.raiseHand(a.participantId())));
                case END -> ifAny(a, () -> inRoom(r -> r.end(a.participantId())));
                default -> throw new IllegalStateException(s.kind().name());
            }
        }

        private String subjectOf(RoomEntry entry) {
            return entry.snapshot().you().subject();
        }

        private void ifAny(RoomEntry a, java.util.function.Supplier<CompletionStage<?>> call) {
            if (a != null) {
                call.get();
            }
        }

        private CompletionStage<RoomEntry> remember(CompletionStage<RoomEntry> stage) {
            CompletableFuture<RoomEntry> f = stage.toCompletableFuture();
            if (f.isDone() && !f.isCompletedExceptionally()) {
                RoomEntry entry = f.join();
                if (!tokens.containsKey(entry.participantId())) {
                    joined.add(entry);
                }
                tokens.put(entry.participantId(), entry.resumeToken());
            }
            return stage;
        }

        /** Ends the session, by a facilitator or by everyone leaving and the clock running past the end. */
        void finish(boolean endByFacilitator) {
            fx.media.completeAll();
            if (endByFacilitator) {
                for (RoomEntry e : joined) {
                    inRoom(r -> r.end(e.participantId()));
                }
            }
            for (RoomEntry e : joined) {
                fx.registry.leave(fx.sessionId, e.participantId());
            }
            fx.media.completeAll();
            fx.scheduler.advance(Duration.ofHours(12));
            fx.media.completeAll();
        }
    }

    private static void assertSeatsHeld(List<PresenceEvent> ledger) {
        Map<RoomRole, Integer> seated = new HashMap<>();
        for (PresenceEvent e : ledger) {
            int delta = switch (e.kind()) {
                case ADMITTED -> 1;
                case LEFT, SESSION_ENDED -> -1;
                default -> 0;
            };
            int now = seated.merge(e.role(), delta, Integer::sum);
            assertThat(now).isLessThanOrEqualTo(e.role() == RoomRole.PATIENT ? 12 : 2).isNotNegative();
        }
    }

    /** Each participant: ADMITTED, then drops and resumes alternating, then LEFT or SESSION_ENDED, nothing after. */
    private static void assertLedgerConsistent(List<PresenceEvent> ledger) {
        Set<String> keys = new HashSet<>();
        Map<ParticipantId, String> state = new HashMap<>();
        java.time.Instant last = java.time.Instant.MIN;
        for (PresenceEvent e : ledger) {
            assertThat(keys.add(e.idempotencyKey())).as("unique key").isTrue();
            assertThat(e.at()).isAfterOrEqualTo(last);
            last = e.at();
            String before = state.getOrDefault(e.participantId(), "none");
            String after = switch (e.kind()) {
                case ADMITTED -> expect(before, "none", "connected");
                case CONNECTION_LOST -> expect(before, "connected", "dropped");
                case RESUMED -> expect(before, "dropped", "connected");
                case MODALITY_CHANGED, MEDIA_CHOSEN -> expect(before, before.equals("gone") || before.equals("none")
                        ? "seated" : before, before);
                case LEFT, SESSION_ENDED -> expect(before, before.equals("connected") || before.equals("dropped")
                        ? before : "seated", "gone");
            };
            state.put(e.participantId(), after);
        }
        assertThat(state.values()).as("everyone seated has left by the end").allMatch("gone"::equals);
    }

    private static String expect(String actual, String expected, String next) {
        assertThat(actual).isEqualTo(expected);
        return next;
    }
}
