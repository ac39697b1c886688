package care.mend.room.signaling;

import care.mend.media.IceCandidate;
import care.mend.media.SdpOffer;
import care.mend.room.ParticipantId;
import care.mend.room.ResumeToken;
import care.mend.room.Room;
import care.mend.room.RoomEntry;
import care.mend.room.RoomException;
import care.mend.room.RoomPlan;
import care.mend.room.RoomRegistry;
import care.mend.security.CurrentUser;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One signaling connection's session logic, free of the WebSocket API: it turns the client's messages into calls on
 * the {@link RoomRegistry} and the results into replies, and it is what the {@link SignalingNotifier} delivers the
 * room's events to. It never touches a socket: everything leaves through its {@link OutboundQueue}.
 *
 * <p>A connection speaks for at most one participant at a time. It becomes bound in the result callback of
 * {@code join} or {@code resume}, which the room completes on its outbound lane after the events of the same step,
 * so that the reply ({@code joined}) precedes every later event for that participant. It stops being bound when the
 * participant is dismissed, leaves, is resumed on another connection, or when the connection closes (then the room
 * hears {@code connectionLost} and holds the seat for the grace period).
 *
 * <p>{@link #handle} is called on this connection's own serial lane (never the container's thread): messages of one
 * connection are handled in order. Results come back on rooms' lanes; the fields they touch are volatile or
 * guarded by the directory's atomic operations. Every request gets exactly one reply: its own ({@code joined},
 * {@code resumed}, {@code sdpAnswer}), {@code ok}, or {@code error}.
 */
final class SignalingConnection {

    private static final Logger LOG = Logger.getLogger(SignalingConnection.class.getName());

    /** The participant this connection speaks for, in which room. */
    private volatile ConnectionDirectory.Key binding;
    /** A join or resume is under way. Only the connection's lane sets it; results clear it. */
    private volatile boolean entering;
    private volatile boolean closed;

    private final CurrentUser user;
    private final OutboundQueue out;
    private final RoomRegistry registry;
    private final RoomPlans plans;
    private final ConnectionDirectory directory;
    private final OverrideRecords overrides;
    /** Where database writes that follow a room's answer run: never on the room's lane. */
    private final Executor blocking;

    SignalingConnection(CurrentUser user, OutboundQueue out, RoomRegistry registry, RoomPlans plans,
            ConnectionDirectory directory) {
        this(user, out, registry, plans, directory, OverrideRecords.NONE, Runnable::run);
    }

    SignalingConnection(CurrentUser user, OutboundQueue out, RoomRegistry registry, RoomPlans plans,
            ConnectionDirectory directory, OverrideRecords overrides, Executor blocking) {
        this.user = Objects.requireNonNull(user, "user");
        this.out = Objects.requireNonNull(out, "out");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** Handles one decoded message. Never throws. */
    void handle(ClientMessage message) {
        String requestId = message.requestId();
        try {
            if (message instanceof ClientMessage.Join join) {
                join(join);
            } else if (message instanceof ClientMessage.Resume resume) {
                resume(resume);
            } else if (message instanceof ClientMessage.Ping) {
                // In a room or not: the answer only shows that the link carries messages both ways.
                out.send(new ServerMessage.Ok(requestId));
            } else if (message instanceof ClientMessage.Leave) {
                // Leaving is idempotent: a second leave (or one after a dismissal) has nothing left to do.
                ConnectionDirectory.Key key = binding;
                if (key == null) {
                    out.send(new ServerMessage.Ok(requestId));
                } else {
                    reply(requestId, registry.leave(key.sessionId(), key.participantId()));
                }
            } else {
                roomCommand(message);
            }
        } catch (IllegalArgumentException e) {
            // A value the records let through but the room's types refuse (subscribing to oneself, say).
            error(SignalingErrorCode.INVALID_MESSAGE, requestId);
        } catch (RuntimeException e) {
            internalError(e, requestId);
        }
    }

    private void roomCommand(ClientMessage message) {
        String requestId = message.requestId();
        ConnectionDirectory.Key key = requireBinding(requestId);
        if (key == null) {
            return;
        }
        ParticipantId me = key.participantId();
        UUID session = key.sessionId();
        if (message instanceof ClientMessage.Admit m) {
            // An "admit anyway" is written down (record and access log) before the facilitator hears ok.
            reply(requestId, in(session, room -> room.admit(me, id(m.participantId()), m.overrideReason()))
                    .thenCompose(admission -> admission == null || !admission.overridden()
                            ? CompletableFuture.<Void>completedFuture(null)
                            : CompletableFuture.runAsync(() -> overrides.record(user, session, admission), blocking)));
        } else if (message instanceof ClientMessage.Decline m) {
            reply(requestId, in(session, room -> room.decline(me, id(m.participantId()))));
        } else if (message instanceof ClientMessage.Remove m) {
            reply(requestId, in(session, room -> room.remove(me, id(m.participantId()), m.bar())));
        } else if (message instanceof ClientMessage.AskToMute m) {
            reply(requestId, in(session, room -> room.askToMute(me, id(m.participantId()))));
        } else if (message instanceof ClientMessage.MuteAll) {
            reply(requestId, in(session, room -> room.muteAll(me)));
        } else if (message instanceof ClientMessage.Lock) {
            reply(requestId, in(session, room -> room.lock(me)));
        } else if (message instanceof ClientMessage.Unlock) {
            reply(requestId, in(session, room -> room.unlock(me)));
        } else if (message instanceof ClientMessage.EndSession) {
            reply(requestId, in(session, room -> room.end(me)));
        } else if (message instanceof ClientMessage.Mute m) {
            reply(requestId, in(session, room -> room.mute(me, id(m.participantId()))));
        } else if (message instanceof ClientMessage.Unmute m) {
            reply(requestId, in(session, room -> room.unmute(me, id(m.participantId()))));
        } else if (message instanceof ClientMessage.RaiseHand) {
            reply(requestId, in(session, room -> room.raiseHand(me)));
        } else if (message instanceof ClientMessage.LowerHand m) {
            ParticipantId target = m.participantId() == null ? me : id(m.participantId());
            reply(requestId, in(session, room -> room.lowerHand(me, target)));
        } else if (message instanceof ClientMessage.SetAudioOnly m) {
            reply(requestId, in(session, room -> room.setAudioOnly(me, m.enabled())));
        } else if (message instanceof ClientMessage.SetLowBandwidth m) {
            reply(requestId, in(session, room -> room.setLowBandwidth(me, m.enabled())));
        } else if (message instanceof ClientMessage.Publish m) {
            SdpOffer offer = new SdpOffer(m.sdpOffer());
            answer(requestId, EndpointName.publisher(), in(session, room -> room.publish(me, offer, m.audioOnly())));
        } else if (message instanceof ClientMessage.Subscribe m) {
            ParticipantId publisher = id(m.publisherId());
            SdpOffer offer = new SdpOffer(m.sdpOffer());
            answer(requestId, EndpointName.subscriberOf(m.publisherId()),
                    in(session, room -> room.subscribe(me, publisher, offer)));
        } else if (message instanceof ClientMessage.SubscribeGrid m) {
            SdpOffer offer = new SdpOffer(m.sdpOffer());
            answer(requestId, EndpointName.grid(), in(session, room -> room.subscribeGrid(me, offer)));
        } else if (message instanceof ClientMessage.IceCandidate m) {
            IceCandidate candidate = new IceCandidate(m.candidate(), m.sdpMid(), m.sdpMLineIndex());
            reply(requestId, in(session, room -> room.addIceCandidate(me, m.endpoint().toRef(me.value()),
                    candidate)));
        } else if (message instanceof ClientMessage.IceCandidates m) {
            java.util.List<IceCandidate> candidates = m.candidates().stream()
                    .map(c -> new IceCandidate(c.candidate(), c.sdpMid(), c.sdpMLineIndex())).toList();
            reply(requestId, in(session, room -> room.addIceCandidates(me, m.endpoint().toRef(me.value()),
                    candidates)));
        } else {
            error(SignalingErrorCode.UNKNOWN_TYPE, requestId);
        }
    }

    // ---- join and resume ----

    private void join(ClientMessage.Join join) {
        String requestId = join.requestId();
        if (!startEntering(requestId)) {
            return;
        }
        RoomPlan plan;
        try {
            plan = plans.planFor(user, join.sessionId(), join.attestedLocation(), join.jurisdiction());
        } catch (RoomPlans.Refusal refusal) {
            entering = false;
            error(refusal.code(), requestId);
            return;
        } catch (RuntimeException e) {
            entering = false;
            throw e;
        }
        registry.join(plan, user.subject()).whenComplete((entry, failure) -> {
            if (failure != null) {
                entering = false;
                failed(failure, requestId);
                return;
            }
            bind(entry);
            out.send(new ServerMessage.Joined(requestId, entry.participantId().value(), entry.role(),
                    entry.snapshot().you().status(), entry.resumeToken().value(), RoomView.of(entry.snapshot())));
            afterBinding();
        });
    }

    private void resume(ClientMessage.Resume resume) {
        String requestId = resume.requestId();
        if (!startEntering(requestId)) {
            return;
        }
        registry.resume(resume.sessionId(), user.subject(), new ResumeToken(resume.resumeToken()))
                .whenComplete((entry, failure) -> {
                    if (failure != null) {
                        entering = false;
                        failed(failure, requestId);
                        return;
                    }
                    bind(entry);
                    out.send(new ServerMessage.Resumed(requestId, entry.participantId().value(), entry.role(),
                            entry.snapshot().you().status(), entry.resumeToken().value(),
                            RoomView.of(entry.snapshot())));
                    afterBinding();
                });
    }

    private boolean startEntering(String requestId) {
        if (binding != null || entering) {
            error(SignalingErrorCode.ALREADY_IN_ROOM, requestId);
            return false;
        }
        entering = true;
        return true;
    }

    /** Runs on the room's outbound lane, before the room delivers any later event for this participant. */
    private void bind(RoomEntry entry) {
        ConnectionDirectory.Key key = new ConnectionDirectory.Key(entry.sessionId(), entry.participantId());
        binding = key;
        entering = false;
        directory.bind(key, this).ifPresent(previous -> previous.replacedBy(key));
    }

    /** A connection that closed while its join was under way gives the participant back to the grace period. */
    private void afterBinding() {
        if (closed) {
            closed();
        }
    }

    /** Another connection resumed this participant: this one no longer speaks for it, and is closed. */
    private void replacedBy(ConnectionDirectory.Key key) {
        if (key.equals(binding)) {
            binding = null;
        }
        out.close(SignalingCloseReason.RESUMED_ELSEWHERE);
    }

    // ---- from the room ----

    /** A room event for the participant this connection speaks for. */
    void deliver(ServerMessage message) {
        out.send(message);
    }

    /** The participant is out of the room; the connection stays open and may join again. */
    void dismissed(ConnectionDirectory.Key key) {
        if (directory.unbind(key, this) && key.equals(binding)) {
            binding = null;
        }
    }

    // ---- from the transport ----

    /** The socket closed or was found dead. Idempotent; the room holds the seat for the grace period. */
    void closed() {
        closed(null);
    }

    /**
     * The socket was found dead: silent since {@code silentSince} (the heartbeat's last sign of life), which is when
     * the room counts the participant as gone. Null: now.
     */
    void closed(java.time.Instant silentSince) {
        closed = true;
        ConnectionDirectory.Key key = binding;
        if (key != null && directory.unbind(key, this)) {
            binding = null;
            registry.connectionLost(key.sessionId(), key.participantId(), silentSince);
        }
    }

    /** Sends a heartbeat ping, behind queued messages. */
    void ping() {
        out.ping();
    }

    /** Closes the socket with a reason; {@link #closed()} follows from the transport. */
    void close(SignalingCloseReason reason) {
        out.close(reason);
    }

    /** Closes the socket after what is queued (the error that explains why); true for the call that started it. */
    boolean closeAfterQueued(SignalingCloseReason reason) {
        return out.closeAfterQueued(reason);
    }

    /** The caller this connection speaks for. */
    CurrentUser user() {
        return user;
    }

    boolean isClosed() {
        return closed || out.isClosed();
    }

    /** Queues a message for the client (the welcome, refusals found before decoding). */
    void send(ServerMessage message) {
        out.send(message);
    }

    // ---- replies ----

    private ConnectionDirectory.Key requireBinding(String requestId) {
        ConnectionDirectory.Key key = binding;
        if (key == null) {
            error(SignalingErrorCode.NOT_IN_ROOM, requestId);
        }
        return key;
    }

    private <T> CompletionStage<T> in(UUID session, Function<Room, CompletionStage<T>> command) {
        return registry.inRoom(session, command);
    }

    private void reply(String requestId, CompletionStage<Void> result) {
        result.whenComplete((ignored, failure) -> {
            if (failure == null) {
                out.send(new ServerMessage.Ok(requestId));
            } else {
                failed(failure, requestId);
            }
        });
    }

    private void answer(String requestId, EndpointName endpoint, CompletionStage<care.mend.media.SdpAnswer> result) {
        result.whenComplete((answer, failure) -> {
            if (failure == null) {
                out.send(new ServerMessage.SdpAnswer(requestId, endpoint, answer.sdp()));
            } else {
                failed(failure, requestId);
            }
        });
    }

    private void failed(Throwable failure, String requestId) {
        RoomException.of(failure).ifPresentOrElse(
                refusal -> error(SignalingErrorCode.of(refusal.code()), requestId),
                () -> internalError(failure, requestId));
    }

    private void error(SignalingErrorCode code, String requestId) {
        out.send(ServerMessage.ErrorMessage.of(code, requestId));
    }

    private void internalError(Throwable failure, String requestId) {
        String incident = UUID.randomUUID().toString();
        // The trace is ours; the message content is not logged: it may be health data.
        LOG.log(Level.SEVERE, "MEND-SIGNALING message handling failed, incident " + incident, failure);
        out.send(new ServerMessage.ErrorMessage(SignalingErrorCode.INTERNAL_ERROR,
                SignalingErrorCode.INTERNAL_ERROR.message() + " (incident " + incident + ")", requestId));
    }

    private static ParticipantId id(String value) {
        return new ParticipantId(value);
    }
}
