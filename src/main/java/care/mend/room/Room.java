package care.mend.room;

import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.MediaRoom;
import care.mend.media.MediaRoomListener;
import care.mend.media.MediaServer;
import care.mend.media.MediaUnavailableException;
import care.mend.media.SdpAnswer;
import care.mend.media.SdpOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live form of one scheduled group session: who is waiting, who is seated, who is reconnecting, and what each
 * participant has chosen (mute, hand, audio only, low bandwidth). The aggregate root of live rooms.
 *
 * <h2>Lifecycle</h2>
 * A room is created by the first join within the session's window ({@link RoomRegistry}), is OPEN (or LOCKED by a
 * facilitator, and OPEN again), and ENDS when a facilitator ends the session or when it has stayed empty past the
 * scheduled end. An ended room has no participants, has released its media, and is gone from the registry; the
 * session cannot be joined again.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>At most {@link RoomConfig#maxPatients()} patients and {@link RoomConfig#maxFacilitators()} facilitators hold a
 * seat, counting those reconnecting. A patient who joins while every patient seat is taken is refused
 * ({@link RoomErrorCode#ROOM_FULL}) and the room is unchanged. A waiting patient holds no seat: the room checks
 * capacity again at admission, and a refused admission leaves the patient waiting and the room unchanged.</li>
 * <li>A patient is never seated without an admission, by a facilitator or, with {@code autoAdmit}, by the room while
 * a facilitator is present and the room is not locked. A facilitator is seated on joining.</li>
 * <li>Locking stops new patient joins only: waiting patients keep waiting and a facilitator may still admit them;
 * automatic admission pauses while locked. Facilitators, and resuming participants, may always come in.</li>
 * <li>Only the participant can unmute themselves. A facilitator can ask someone to mute, mute them, or mute all
 * patients.</li>
 * <li>A dropped participant keeps its participant, seat or queue place, and flags for the grace period, and comes
 * back with its single-use resume token, which only its own subject can use.</li>
 * <li>A participant barred from the session cannot join it again.</li>
 * <li>Once the room ends, no media object of it remains: endpoints of every participant are released (subscribers,
 * then the publisher), then the pipeline.</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * Every command runs as one step on the room's own {@link SerialExecutor}: steps of one room never overlap, and
 * the caller never waits (it gets a {@link CompletionStage}). A step only changes memory. What it produces (events
 * for participants, presence events, the session's lifecycle, command results) goes to the room's outbound lane, in
 * order, after the step; media calls go to the room's media lane and their completions come back as new steps. No
 * lock is held anywhere; all fields below are confined to the steps.
 */
public final class Room {

    private static final System.Logger LOG = System.getLogger(Room.class.getName());

    private final UUID sessionId;
    private final RoomConfig config;
    private final RoomRuntime runtime;
    private final MediaServer mediaServer;
    private final RoomOutlets outlets;
    private final Consumer<Room> onRetired;

    private final SerialExecutor steps;
    private final SerialExecutor outbound;
    private final SerialExecutor mediaLane;

    // Confined to the steps.
    private RoomPlan plan;
    private RoomStatus status = RoomStatus.OPEN;
    private final Map<ParticipantId, Participant> participants = new LinkedHashMap<>();
    private final Map<String, ParticipantId> resumeTokens = new HashMap<>();
    private final Set<String> barred = new HashSet<>();
    private long nextQueueTicket;
    private boolean wentLive;
    private boolean retired;
    private RoomScheduler.Cancellable emptyTimer;
    private final IceCandidateBuffer ice;
    private final List<Runnable> effects = new ArrayList<>();

    // Media, also confined to the steps: requested once, lazily; operations wait in order until it exists.
    // One slot per media room asked for: a room emptied and filled again gets a new slot, and work issued for one slot
    // never reaches another's media room.
    private MediaSlot media;
    private final List<CompletableFuture<Void>> mediaRemovals = new ArrayList<>();
    private final Set<ParticipantId> mediaTouched = new HashSet<>();

    /** The one field read outside the steps: counts for monitoring, replaced whole after each step. */
    private volatile RoomCensus census = RoomCensus.EMPTY;

    Room(RoomPlan plan, RoomConfig config, RoomRuntime runtime, MediaServer mediaServer, RoomOutlets outlets,
            Consumer<Room> onRetired) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.sessionId = plan.sessionId();
        this.config = Objects.requireNonNull(config, "config");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.mediaServer = Objects.requireNonNull(mediaServer, "mediaServer");
        this.outlets = Objects.requireNonNull(outlets, "outlets");
        this.onRetired = Objects.requireNonNull(onRetired, "onRetired");
        this.steps = new SerialExecutor(runtime.executor());
        this.outbound = new SerialExecutor(runtime.executor());
        this.mediaLane = new SerialExecutor(runtime.executor());
        this.ice = new IceCandidateBuffer(config.iceBufferLimit());
    }

    public UUID sessionId() {
        return sessionId;
    }

    /** Who is waiting, present and reconnecting, as of the last finished step; safe to read from any thread. */
    public RoomCensus census() {
        return census;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Joining, resuming, leaving

    /**
     * Joins the subject: a facilitator of the group is seated at once; an allowed patient waits (and may be admitted
     * at once with {@code autoAdmit}). The plan replaces the room's.
     *
     * @param role the subject's role on the fresh plan's roster, as {@link RoomRegistry#join} found it: the roster
     *             is asked once, there
     */
    CompletionStage<RoomEntry> join(RoomPlan freshPlan, String subject, RoomRole role) {
        Objects.requireNonNull(freshPlan, "freshPlan");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        if (!freshPlan.sessionId().equals(sessionId)) {
            throw new IllegalArgumentException("a plan of another session");
        }
        return command(() -> {
            requireNotEnded();
            plan = freshPlan;
            renameFromPlan();
            plan.checkNotTooEarly(now(), config.openLead());
            if (barred.contains(subject)) {
                throw new RoomException(RoomErrorCode.REMOVED_FROM_SESSION);
            }
            Participant already = participants.values().stream().filter(p -> p.subject.equals(subject)).findFirst()
                    .orElse(null);
            if (already != null) {
                // A reloaded page, a crashed browser, the phone after the laptop: the person takes their own seat
                // (or queue place) back at once, as a resume would; signaling closes the old connection.
                return takeBack(already);
            }
            Participant p;
            if (role == RoomRole.FACILITATOR) {
                if (seated(RoomRole.FACILITATOR) >= config.maxFacilitators()) {
                    throw new RoomException(RoomErrorCode.FACILITATORS_FULL);
                }
                p = add(subject, role, ParticipantStatus.WAITING);
                seat(p);
            } else {
                if (status == RoomStatus.LOCKED) {
                    throw new RoomException(RoomErrorCode.ROOM_LOCKED);
                }
                // Every patient seat is taken (counting those reconnecting): say so now rather than leave the
                // patient waiting for a seat that only a leave can free.
                if (seated(RoomRole.PATIENT) >= config.maxPatients()) {
                    throw new RoomException(RoomErrorCode.ROOM_FULL);
                }
                p = add(subject, role, ParticipantStatus.WAITING);
            }
            LOG.log(System.Logger.Level.DEBUG, "MEND-ROOM {0}: {1} {2} joined as {3}", sessionId, role, p.id, p.status);
            autoAdmit();
            return entryFor(p);
        });
    }

    /**
     * Takes back a participant after a dropped connection: same participant, seat or queue place, flags. The token
     * is used up and a new one comes with the entry. Works whether or not the drop was noticed yet.
     */
    CompletionStage<RoomEntry> resume(String subject, ResumeToken token) {
        return command(() -> {
            requireNotEnded();
            ParticipantId id = token == null ? null : resumeTokens.get(token.value());
            Participant p = id == null ? null : participants.get(id);
            // A token shown by someone else is refused but not burnt: the rightful client may still need it.
            if (p == null || !p.subject.equals(subject)) {
                throw new RoomException(RoomErrorCode.RESUME_TOKEN_INVALID);
            }
            resumeTokens.remove(token.value());
            return takeBack(p);
        });
    }

    /**
     * The participant's person is back on a new connection (by resume, or by joining again): same participant, seat
     * or queue place and flags, a new token. A seat held for the grace period ends its gap in attendance here; a seat
     * whose old connection still looked alive has none to record (signaling closes that connection).
     */
    private RoomEntry takeBack(Participant p) {
        issueToken(p);
        if (!p.connected) {
            p.connected = true;
            cancelGrace(p);
            if (p.isPresent()) {
                presence(p, PresenceKind.RESUMED);
            }
        }
        p.lastSnapshot = null;
        LOG.log(System.Logger.Level.DEBUG, "MEND-ROOM {0}: {1} is back", sessionId, p.id);
        autoAdmit();
        return entryFor(p);
    }

    /** The participant leaves. Idempotent: leaving twice, or leaving a room one never joined, does nothing. */
    public CompletionStage<Void> leave(ParticipantId id) {
        return command(() -> {
            Participant p = participants.get(id);
            if (p != null) {
                dismiss(p, LeaveReason.LEFT);
                autoAdmit();
            }
            return null;
        });
    }

    /**
     * The transport saw the participant's connection die (closed, or silent past the heartbeat's limit). The seat is
     * held for the grace period; unknown or already-dropped participants are ignored.
     */
    public CompletionStage<Void> connectionLost(ParticipantId id) {
        return connectionLost(id, null);
    }

    /**
     * As {@link #connectionLost(ParticipantId)}, for a connection found silent since {@code since} (a stall neither
     * side saw close): the gap starts there, not when the heartbeat gave up, so stalled seconds never count as
     * presence. Never earlier than the participant's last recorded event; null or later than now: now.
     */
    public CompletionStage<Void> connectionLost(ParticipantId id, Instant since) {
        return command(() -> {
            Participant p = participants.get(id);
            if (p == null || !p.connected) {
                return null;
            }
            p.connected = false;
            long epoch = ++p.connectionEpoch;
            if (p.isPresent()) {
                Instant at = now();
                if (since != null && since.isBefore(at)) {
                    at = p.lastPresenceAt != null && since.isBefore(p.lastPresenceAt) ? p.lastPresenceAt : since;
                }
                presence(p, PresenceKind.CONNECTION_LOST, at);
            }
            p.graceTimer = runtime.scheduler().schedule(config.gracePeriod(),
                    () -> internal(() -> graceExpired(id, epoch)));
            return null;
        });
    }

    private void graceExpired(ParticipantId id, long epoch) {
        Participant p = participants.get(id);
        if (p != null && !p.connected && p.connectionEpoch == epoch) {
            LOG.log(System.Logger.Level.DEBUG, "MEND-ROOM {0}: {1} did not come back in time", sessionId, id);
            dismiss(p, LeaveReason.GRACE_EXPIRED);
            autoAdmit();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Facilitator controls

    /** Seats a waiting patient. Admitting someone already seated does nothing (two facilitators may both click). */
    public CompletionStage<Void> admit(ParticipantId facilitator, ParticipantId patient) {
        return admit(facilitator, patient, null).thenApply(admission -> null);
    }

    /**
     * Seats a waiting patient; a patient flagged outside licensure only with {@code overrideReason} ("admit anyway"),
     * else {@link RoomErrorCode#LICENSURE_OVERRIDE_REQUIRED} and the patient keeps waiting. A reason given for a
     * patient who is not flagged is not needed, and not kept.
     *
     * @param overrideReason the facilitator's reason, already checked; null when none was given
     * @return what the admission was: the caller records an override ({@link Admission#overridden()}); null when the
     *         patient was already seated
     */
    public CompletionStage<Admission> admit(ParticipantId facilitator, ParticipantId patient, String overrideReason) {
        return command(() -> {
            Participant by = requireFacilitator(facilitator);
            Participant p = requireParticipant(patient);
            if (!p.isWaiting()) {
                return null;
            }
            if (p.outsideLicensure && overrideReason == null) {
                throw new RoomException(RoomErrorCode.LICENSURE_OVERRIDE_REQUIRED);
            }
            if (seated(RoomRole.PATIENT) >= config.maxPatients()) {
                throw new RoomException(RoomErrorCode.ROOM_FULL);
            }
            seat(p);
            return p.outsideLicensure ? Admission.overridden(p.subject, by.subject, overrideReason, now())
                    : Admission.plain(p.subject, by.subject, now());
        });
    }

    /** Sends a waiting patient away; they may join again. */
    public CompletionStage<Void> decline(ParticipantId facilitator, ParticipantId patient) {
        return command(() -> {
            requireFacilitator(facilitator);
            Participant p = requireParticipant(patient);
            if (!p.isWaiting()) {
                throw new RoomException(RoomErrorCode.NOT_ALLOWED, "Only a waiting participant can be declined");
            }
            dismiss(p, LeaveReason.DECLINED);
            return null;
        });
    }

    /**
     * Removes a patient, waiting or seated; with {@code bar}, the person cannot join this session again. A
     * facilitator cannot remove a facilitator.
     */
    public CompletionStage<Void> remove(ParticipantId facilitator, ParticipantId target, boolean bar) {
        return command(() -> {
            requireFacilitator(facilitator);
            Participant p = requireParticipant(target);
            if (p.isFacilitator()) {
                throw new RoomException(RoomErrorCode.NOT_ALLOWED, "A facilitator cannot be removed");
            }
            if (bar) {
                barred.add(p.subject);
            }
            dismiss(p, bar ? LeaveReason.REMOVED_AND_BARRED : LeaveReason.REMOVED);
            autoAdmit();
            return null;
        });
    }

    /** Asks a participant to mute; nothing changes until they do. */
    public CompletionStage<Void> askToMute(ParticipantId facilitator, ParticipantId target) {
        return command(() -> {
            requireFacilitator(facilitator);
            Participant p = requirePresent(target);
            tell(p, new RoomEvent.MuteRequested(facilitator));
            return null;
        });
    }

    /** Mutes every seated patient who is not muted yet. Only each of them can unmute. */
    public CompletionStage<Void> muteAll(ParticipantId facilitator) {
        return command(() -> {
            requireFacilitator(facilitator);
            for (Participant p : participants.values()) {
                if (p.isPresent() && !p.isFacilitator() && !p.muted) {
                    p.muted = true;
                    tell(p, new RoomEvent.Muted(facilitator));
                }
            }
            return null;
        });
    }

    /** No new patient joins; see the class comment for what stays possible. */
    public CompletionStage<Void> lock(ParticipantId facilitator) {
        return command(() -> {
            requireFacilitator(facilitator);
            status = RoomStatus.LOCKED;
            return null;
        });
    }

    public CompletionStage<Void> unlock(ParticipantId facilitator) {
        return command(() -> {
            requireFacilitator(facilitator);
            status = RoomStatus.OPEN;
            autoAdmit();
            return null;
        });
    }

    /**
     * Ends the session: every participant leaves (seated ones with a SESSION_ENDED presence event), media is
     * released, the session is reported ended, and the room leaves the registry.
     */
    public CompletionStage<Void> end(ParticipantId facilitator) {
        return command(() -> {
            requireFacilitator(facilitator);
            endSession();
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Participant actions

    /**
     * Mutes {@code target}: anyone may mute themselves; a facilitator may mute anyone, who is then told so.
     */
    public CompletionStage<Void> mute(ParticipantId actor, ParticipantId target) {
        return command(() -> {
            Participant a = requireParticipant(actor);
            Participant p = requireParticipant(target);
            if (a != p && !a.isFacilitator()) {
                throw new RoomException(RoomErrorCode.NOT_A_FACILITATOR);
            }
            if (!p.muted) {
                p.muted = true;
                if (a != p) {
                    tell(p, new RoomEvent.Muted(actor));
                }
            }
            return null;
        });
    }

    /** Unmutes the actor. Nobody, facilitators included, can unmute someone else. */
    public CompletionStage<Void> unmute(ParticipantId actor, ParticipantId target) {
        return command(() -> {
            Participant a = requireParticipant(actor);
            if (!actor.equals(target)) {
                throw new RoomException(RoomErrorCode.NOT_ALLOWED, "Only participants unmute themselves");
            }
            a.muted = false;
            return null;
        });
    }

    public CompletionStage<Void> raiseHand(ParticipantId actor) {
        return command(() -> {
            Participant a = requirePresent(actor);
            a.handRaised = true;
            return null;
        });
    }

    /** Lowers a hand: one's own, or anyone's for a facilitator (after giving them the floor). */
    public CompletionStage<Void> lowerHand(ParticipantId actor, ParticipantId target) {
        return command(() -> {
            Participant a = requireParticipant(actor);
            Participant p = requireParticipant(target);
            if (a != p && !(a.isFacilitator() && a.isPresent())) {
                throw new RoomException(RoomErrorCode.NOT_A_FACILITATOR);
            }
            p.handRaised = false;
            return null;
        });
    }

    /** Switches to sending audio only, or back to audio and video. */
    public CompletionStage<Void> setAudioOnly(ParticipantId actor, boolean audioOnly) {
        return command(() -> {
            // The choice; what it does to the media (a new publish without video) shows in the modality the media
            // server reports.
            choose(requireParticipant(actor), audioOnly);
            return null;
        });
    }

    /** Low-bandwidth mode: the client receives less; the room shows it to others so they understand. */
    public CompletionStage<Void> setLowBandwidth(ParticipantId actor, boolean lowBandwidth) {
        return command(() -> {
            Participant a = requireParticipant(actor);
            if (a.lowBandwidth != lowBandwidth && media != null && mediaTouched.contains(actor)) {
                // The client drops what the other mode received: the media server stops sending it too (one
                // stream per publisher when the grid comes in; the grid, and with its last viewer the mixer, when
                // the streams come back).
                String me = actor.value();
                List<String> from = lowBandwidth ? participants.keySet().stream().map(ParticipantId::value)
                        .filter(id -> !id.equals(me)).toList() : List.of(MediaEndpointRef.GRID);
                for (String publisher : from) {
                    ice.forget(MediaEndpointRef.GRID.equals(publisher) ? MediaEndpointRef.grid(me)
                            : MediaEndpointRef.subscriber(me, publisher));
                    withMedia(m -> m.unsubscribe(me, publisher), failure -> { });
                }
            }
            a.lowBandwidth = lowBandwidth;
            return null;
        });
    }

    /** The room as {@code viewer} may see it. */
    public CompletionStage<RoomSnapshot> snapshot(ParticipantId viewer) {
        return command(() -> snapshotFor(requireParticipant(viewer)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Media

    /** Publishes the seated participant's stream; the stage completes with the media server's answer. */
    public CompletionStage<SdpAnswer> publish(ParticipantId actor, SdpOffer offer) {
        return publish(actor, offer, null);
    }

    /**
     * Publishes the seated participant's stream, audio only or with video as {@code audioOnly} says (null: as the
     * participant last chose). One step: the choice is the participant's only once the media server has answered, so
     * a refused publish changes nothing.
     */
    public CompletionStage<SdpAnswer> publish(ParticipantId actor, SdpOffer offer, Boolean audioOnly) {
        Objects.requireNonNull(offer, "offer");
        return this.<CompletionStage<SdpAnswer>>command(() -> {
            Participant a = requirePresent(actor);
            boolean sendsAudioOnly = audioOnly == null ? a.audioOnly : audioOnly;
            CompletableFuture<SdpAnswer> answer = new CompletableFuture<>();
            MediaModality modality = sendsAudioOnly ? MediaModality.AUDIO_ONLY : MediaModality.AUDIO_VIDEO;
            String pid = actor.value();
            mediaTouched.add(actor);
            // A new offer means a new endpoint: its candidates wait for it rather than go to the one it replaces.
            ice.rearm(MediaEndpointRef.publisher(pid));
            withMedia(m -> m.publish(pid, offer, modality)
                    .whenComplete((ok, failure) -> internal(() -> published(actor, sendsAudioOnly, ok, failure,
                            answer))),
                    failure -> internal(() -> published(actor, sendsAudioOnly, null, failure, answer)));
            return answer;
        }).thenCompose(Function.identity());
    }

    private void published(ParticipantId id, boolean audioOnly, SdpAnswer answer, Throwable failure,
            CompletableFuture<SdpAnswer> result) {
        Participant p = participants.get(id);
        if (failure != null) {
            ice.forget(MediaEndpointRef.publisher(id.value()));
            settle(result, null, mediaRefusal("a publish failed", failure));
            return;
        }
        if (p == null || !p.isPresent()) {
            // The participant left while the endpoint was being made: release what was made after their removal.
            if (status != RoomStatus.ENDED) {
                removeMedia(id);
            }
            settle(result, null, new RoomException(status == RoomStatus.ENDED
                    ? RoomErrorCode.SESSION_ENDED : RoomErrorCode.UNKNOWN_PARTICIPANT));
            return;
        }
        p.publishing = true;
        choose(p, audioOnly);
        flushIce(MediaEndpointRef.publisher(id.value()));
        // Nothing flows through a new endpoint yet: the modality is what the media server reports, never what the
        // offer hoped for (media flow events set it within a second or two of the browser sending).
        changeModality(p, MediaModality.NONE);
        settle(result, answer, null);
    }

    /**
     * What a failed media call tells the client: {@code MEDIA_UNAVAILABLE} when no media server is configured at all
     * (trying again cannot help), {@code MEDIA_FAILED} when the media server failed or cannot be reached now (the
     * client retries). An expected outcome, logged at DEBUG only.
     */
    private static RoomException mediaRefusal(String what, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause()
                && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MediaUnavailableException) {
            return new RoomException(RoomErrorCode.MEDIA_UNAVAILABLE);
        }
        // DEBUG: while a media server is down every page retries, and the media server logs the outage once itself.
        LOG.log(System.Logger.Level.DEBUG, "MEND-ROOM media: " + what, failure);
        return new RoomException(RoomErrorCode.MEDIA_FAILED);
    }

    /** Subscribes the seated participant to a publishing participant's stream. */
    public CompletionStage<SdpAnswer> subscribe(ParticipantId actor, ParticipantId publisher, SdpOffer offer) {
        Objects.requireNonNull(offer, "offer");
        return this.<CompletionStage<SdpAnswer>>command(() -> {
            requirePresent(actor);
            Participant pub = requirePresent(publisher);
            if (actor.equals(publisher)) {
                throw new RoomException(RoomErrorCode.NOT_ALLOWED, "A participant does not subscribe to itself");
            }
            if (!pub.publishing) {
                throw new RoomException(RoomErrorCode.NOT_PUBLISHING);
            }
            CompletableFuture<SdpAnswer> answer = new CompletableFuture<>();
            mediaTouched.add(actor);
            ice.rearm(MediaEndpointRef.subscriber(actor.value(), publisher.value()));
            withMedia(m -> m.subscribe(actor.value(), publisher.value(), offer)
                    .whenComplete((ok, failure) -> internal(() -> subscribed(actor, publisher, ok, failure, answer))),
                    failure -> internal(() -> subscribed(actor, publisher, null, failure, answer)));
            return answer;
        }).thenCompose(Function.identity());
    }

    private void subscribed(ParticipantId subscriberId, ParticipantId publisherId, SdpAnswer answer,
            Throwable failure, CompletableFuture<SdpAnswer> result) {
        if (failure != null) {
            ice.forget(MediaEndpointRef.subscriber(subscriberId.value(), publisherId.value()));
            settle(result, null, mediaRefusal("a subscribe failed", failure));
            return;
        }
        Participant s = participants.get(subscriberId);
        Participant pub = participants.get(publisherId);
        if (s == null || !s.isPresent() || pub == null || !pub.isPresent()) {
            if (status != RoomStatus.ENDED && media != null) {
                String sid = subscriberId.value();
                String pid = publisherId.value();
                withMedia(m -> m.unsubscribe(sid, pid), failure2 -> { });
            }
            settle(result, null, new RoomException(status == RoomStatus.ENDED
                    ? RoomErrorCode.SESSION_ENDED : RoomErrorCode.UNKNOWN_PARTICIPANT));
            return;
        }
        flushIce(MediaEndpointRef.subscriber(subscriberId.value(), publisherId.value()));
        settle(result, answer, null);
    }

    /**
     * Low-bandwidth viewing: the seated participant receives every publisher mixed into one grid, through one
     * endpoint, instead of one subscription per publisher.
     */
    public CompletionStage<SdpAnswer> subscribeGrid(ParticipantId actor, SdpOffer offer) {
        Objects.requireNonNull(offer, "offer");
        return this.<CompletionStage<SdpAnswer>>command(() -> {
            requirePresent(actor);
            CompletableFuture<SdpAnswer> answer = new CompletableFuture<>();
            mediaTouched.add(actor);
            MediaEndpointRef ref = MediaEndpointRef.grid(actor.value());
            ice.rearm(ref);
            withMedia(m -> m.subscribeGrid(actor.value(), offer)
                    .whenComplete((ok, failure) -> internal(() -> gridSubscribed(actor, ok, failure, answer))),
                    failure -> internal(() -> gridSubscribed(actor, null, failure, answer)));
            return answer;
        }).thenCompose(Function.identity());
    }

    private void gridSubscribed(ParticipantId id, SdpAnswer answer, Throwable failure,
            CompletableFuture<SdpAnswer> result) {
        if (failure != null) {
            ice.forget(MediaEndpointRef.grid(id.value()));
            settle(result, null, mediaRefusal("a grid subscription failed", failure));
            return;
        }
        Participant p = participants.get(id);
        if (p == null || !p.isPresent()) {
            if (status != RoomStatus.ENDED) {
                removeMedia(id);
            }
            settle(result, null, new RoomException(status == RoomStatus.ENDED
                    ? RoomErrorCode.SESSION_ENDED : RoomErrorCode.UNKNOWN_PARTICIPANT));
            return;
        }
        flushIce(MediaEndpointRef.grid(id.value()));
        settle(result, answer, null);
    }

    /**
     * A browser's ICE candidate for one of its own endpoints. Candidates that arrive before the endpoint exists are
     * buffered and passed on, in order, once it does.
     */
    public CompletionStage<Void> addIceCandidate(ParticipantId actor, MediaEndpointRef endpoint,
            IceCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return addIceCandidates(actor, endpoint, List.of(candidate));
    }

    /**
     * Several candidates of one of the browser's own endpoints, in one step: all are taken, or none (an endpoint the
     * participant has not offered, or whose negotiation failed, is refused with {@code UNKNOWN_ENDPOINT}, so what a
     * client can make the room hold is bounded by the endpoints it really has).
     */
    public CompletionStage<Void> addIceCandidates(ParticipantId actor, MediaEndpointRef endpoint,
            List<IceCandidate> candidates) {
        Objects.requireNonNull(endpoint, "endpoint");
        List<IceCandidate> batch = List.copyOf(candidates);
        return command(() -> {
            requirePresent(actor);
            if (!endpoint.ownerId().equals(actor.value())) {
                throw new RoomException(RoomErrorCode.NOT_ALLOWED, "Candidates go to one's own endpoints only");
            }
            if (!ice.isKnown(endpoint)) {
                throw new RoomException(RoomErrorCode.UNKNOWN_ENDPOINT);
            }
            for (IceCandidate candidate : batch) {
                if (ice.offer(endpoint, candidate)) {
                    sendIce(endpoint, candidate);
                }
            }
            return null;
        });
    }

    private void flushIce(MediaEndpointRef endpoint) {
        for (IceCandidate candidate : ice.ready(endpoint)) {
            sendIce(endpoint, candidate);
        }
    }

    private void sendIce(MediaEndpointRef endpoint, IceCandidate candidate) {
        withMedia(m -> m.addIceCandidate(endpoint, candidate).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.DEBUG, "MEND-ROOM media: a candidate was refused", failure);
            }
        }), failure -> { });
    }

    /** The media room's reports come back as steps. */
    private final class MediaEvents implements MediaRoomListener {
        @Override
        public void iceCandidateFound(MediaEndpointRef endpoint, IceCandidate candidate) {
            internal(() -> {
                Participant owner = participants.get(new ParticipantId(endpoint.ownerId()));
                if (owner != null && owner.isPresent()) {
                    tell(owner, new RoomEvent.IceCandidateFound(endpoint, candidate));
                }
            });
        }

        @Override
        public void mediaFlowChanged(String participantId, MediaModality modality) {
            internal(() -> {
                Participant p = participants.get(new ParticipantId(participantId));
                if (p != null && p.isPresent()) {
                    changeModality(p, modality);
                }
            });
        }

        @Override
        public void mediaInterrupted() {
            internal(() -> {
                // Every endpoint died with the media server: nobody publishes until clients negotiate again.
                ice.clear();
                for (Participant p : participants.values()) {
                    if (p.isPresent()) {
                        p.publishing = false;
                        changeModality(p, MediaModality.NONE);
                        tell(p, new RoomEvent.MediaInterrupted());
                    }
                }
                LOG.log(System.Logger.Level.WARNING, "MEND-ROOM media interrupted in a room");
            });
        }

        @Override
        public void mediaRestored() {
            internal(() -> {
                for (Participant p : participants.values()) {
                    if (p.isPresent()) {
                        tell(p, new RoomEvent.MediaRestored());
                    }
                }
                LOG.log(System.Logger.Level.INFO, "MEND-ROOM media restored in a room: clients renegotiate");
            });
        }
    }

    /** Requests the current media room once; later calls do nothing until it is released. */
    private void ensureMedia() {
        if (media != null || status == RoomStatus.ENDED) {
            return;
        }
        MediaSlot slot = new MediaSlot();
        media = slot;
        MediaEvents listener = new MediaEvents();
        mediaLane.execute(() -> {
            CompletionStage<MediaRoom> created;
            try {
                created = mediaServer.createRoom(sessionId.toString(), listener);
            } catch (RuntimeException e) {
                created = CompletableFuture.failedFuture(e);
            }
            created.whenComplete((room, failure) -> internal(() -> mediaCreated(slot, room, failure)));
        });
    }

    private void mediaCreated(MediaSlot slot, MediaRoom room, Throwable failure) {
        List<MediaOp> waiting = List.copyOf(slot.queue);
        slot.queue.clear();
        if (failure != null) {
            // Expected while no media server answers (the media server logs that once); the next publish asks again.
            LOG.log(System.Logger.Level.DEBUG, "MEND-ROOM media: the media room could not be created", failure);
            if (media == slot) {
                media = null;
            }
            waiting.forEach(op -> op.failed.accept(failure));
            return;
        }
        slot.room = room;
        // Work queued for this slot runs on its room, including its release if the slot was let go meanwhile.
        waiting.forEach(op -> mediaLane.execute(() -> op.run(room)));
    }

    /** Runs a media call on the media lane, in issue order, once the current media room exists. */
    private void withMedia(Consumer<MediaRoom> call, Consumer<Throwable> failed) {
        ensureMedia();
        if (media == null) {
            failed.accept(new IllegalStateException("no media room"));
            return;
        }
        on(media, new MediaOp(call, failed));
    }

    private void on(MediaSlot slot, MediaOp op) {
        MediaRoom room = slot.room;
        if (room != null) {
            mediaLane.execute(() -> op.run(room));
        } else {
            slot.queue.add(op);
        }
    }

    /** A media room asked for: made once, with the work that waits for it. Confined to the room's steps. */
    private static final class MediaSlot {
        MediaRoom room;
        final List<MediaOp> queue = new ArrayList<>();
    }

    private record MediaOp(Consumer<MediaRoom> call, Consumer<Throwable> failed) {
        void run(MediaRoom room) {
            try {
                call.accept(room);
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }
    }

    /**
     * Releases every endpoint that involves the participant (its subscriptions, others' subscriptions to it, then its
     * publisher). Also called when a publish or subscribe completes for someone already gone, so nothing made after
     * a removal outlives it.
     */
    private void removeMedia(ParticipantId id) {
        ice.forgetParticipant(id.value());
        if (media == null) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        mediaRemovals.removeIf(CompletableFuture::isDone);
        mediaRemovals.add(done);
        String pid = id.value();
        withMedia(m -> m.removeParticipant(pid).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "MEND-ROOM media: releasing a participant's endpoints failed",
                        failure);
            }
            done.complete(null);
        }), failure -> done.complete(null));
    }

    /** Releases the pipeline after every participant's endpoints: subscribers, publishers, then the pipeline. */
    private void releaseMedia() {
        MediaSlot slot = media;
        if (slot == null) {
            return;
        }
        media = null;
        CompletableFuture<?>[] before = mediaRemovals.toArray(CompletableFuture[]::new);
        mediaRemovals.clear();
        on(slot, new MediaOp(m -> CompletableFuture.allOf(before).handle((ok, failure) -> null)
                .thenCompose(ignored -> m.release())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.log(System.Logger.Level.WARNING, "MEND-ROOM media: releasing a media room failed: {0}",
                                failure.getClass().getSimpleName());
                    }
                }), failure -> { }));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rules shared by the commands

    private Participant add(String subject, RoomRole role, ParticipantStatus initial) {
        ParticipantId id;
        do {
            id = ParticipantId.random();
        } while (participants.containsKey(id));
        Participant p = new Participant(id, subject, role, initial, nextQueueTicket++);
        p.name = plan.nameOf(subject);
        p.outsideLicensure = plan.outsideLicensure(subject);
        participants.put(id, p);
        issueToken(p);
        return p;
    }

    /**
     * Names and the licensure flag come from the latest plan, by subject, so that a chosen name changed before a
     * rejoin shows; a subject the new plan does not name (a membership ended mid-session) keeps the name it had.
     */
    private void renameFromPlan() {
        for (Participant p : participants.values()) {
            ParticipantName fresh = plan.nameOf(p.subject);
            if (fresh != ParticipantName.NONE) {
                p.name = fresh;
            }
            if (plan.roster().containsKey(p.subject)) {
                // A statement made since (a rejoin from elsewhere), or a facilitator's licensure changed.
                p.outsideLicensure = plan.outsideLicensure(p.subject);
            }
        }
    }

    private void issueToken(Participant p) {
        if (p.resumeToken != null) {
            resumeTokens.remove(p.resumeToken.value());
        }
        p.resumeToken = ResumeToken.random();
        resumeTokens.put(p.resumeToken.value(), p.id);
    }

    /** Gives the participant a seat (capacity already checked). */
    private void seat(Participant p) {
        p.status = ParticipantStatus.PRESENT;
        presence(p, PresenceKind.ADMITTED);
        if (p.audioOnly) {
            choicePresence(p); // chosen in the waiting room
        }
        if (!p.connected) {
            // Admitted while reconnecting: the seat is held like any dropped seat, and the ledger says so.
            presence(p, PresenceKind.CONNECTION_LOST);
        }
        if (p.isFacilitator()) {
            if (!wentLive) {
                wentLive = true;
                Instant at = now();
                effects.add(() -> outlets.sessions().sessionLive(sessionId, at));
                LOG.log(System.Logger.Level.INFO, "MEND-ROOM a room went live");
            }
        } else {
            // The room comes with the admission, so that the client subscribes at once instead of waiting for
            // the roomUpdated that follows.
            tell(p, new RoomEvent.Admitted(snapshotFor(p)));
        }
        ensureMedia();
    }

    /** With {@code autoAdmit}, seats connected waiting patients in queue order while seats are free. */
    private void autoAdmit() {
        if (!plan.autoAdmit() || status != RoomStatus.OPEN || !facilitatorPresent()) {
            return;
        }
        for (Participant p : waitingInQueueOrder()) {
            if (seated(RoomRole.PATIENT) >= config.maxPatients()) {
                return;
            }
            // A patient outside licensure waits for a facilitator's "admit anyway", with its reason.
            if (p.connected && !p.outsideLicensure) {
                seat(p);
            }
        }
    }

    /** Takes the participant out of the room for good, with the presence event and media release that go with it. */
    private void dismiss(Participant p, LeaveReason reason) {
        participants.remove(p.id);
        resumeTokens.remove(p.resumeToken.value());
        cancelGrace(p);
        if (p.isPresent()) {
            p.modality = MediaModality.NONE;
            presence(p, reason == LeaveReason.SESSION_ENDED ? PresenceKind.SESSION_ENDED : PresenceKind.LEFT);
        }
        tell(p, new RoomEvent.Dismissed(reason));
        if (mediaTouched.remove(p.id)) {
            removeMedia(p.id);
        } else {
            ice.forgetParticipant(p.id.value());
        }
        if (participants.values().stream().noneMatch(Participant::isPresent)) {
            // Nobody is seated any more (the last ones left or their grace ran out): the media server keeps nothing
            // for an empty room; the next seated participant's publish makes a new pipeline.
            releaseMedia();
            mediaTouched.clear();
        }
    }

    private void endSession() {
        if (status == RoomStatus.ENDED) {
            return;
        }
        for (Participant p : List.copyOf(participants.values())) {
            dismiss(p, LeaveReason.SESSION_ENDED);
        }
        status = RoomStatus.ENDED;
        releaseMedia();
        ice.clear();
        mediaTouched.clear();
        if (emptyTimer != null) {
            emptyTimer.cancel();
            emptyTimer = null;
        }
        if (wentLive) {
            Instant at = now();
            effects.add(() -> outlets.sessions().sessionEnded(sessionId, at));
        }
        LOG.log(System.Logger.Level.INFO, "MEND-ROOM a room ended");
    }

    /** The participant's own audio-only choice, recorded for the ledger while seated (at admission otherwise). */
    private void choose(Participant p, boolean audioOnly) {
        if (p.audioOnly != audioOnly) {
            p.audioOnly = audioOnly;
            if (p.isPresent()) {
                choicePresence(p);
            }
        }
    }

    private void choicePresence(Participant p) {
        presence(p, PresenceKind.MEDIA_CHOSEN, now(), p.audioOnly ? MediaModality.AUDIO_ONLY : MediaModality.AUDIO_VIDEO);
    }

    private void changeModality(Participant p, MediaModality modality) {
        if (p.modality != modality) {
            p.modality = modality;
            if (p.isPresent()) {
                presence(p, PresenceKind.MODALITY_CHANGED);
            }
        }
    }

    private void cancelGrace(Participant p) {
        if (p.graceTimer != null) {
            p.graceTimer.cancel();
            p.graceTimer = null;
        }
    }

    private boolean facilitatorPresent() {
        return participants.values().stream().anyMatch(p -> p.isFacilitator() && p.isPresent() && p.connected);
    }

    private long seated(RoomRole role) {
        return participants.values().stream().filter(p -> p.role == role && p.isPresent()).count();
    }

    private List<Participant> waitingInQueueOrder() {
        return participants.values().stream().filter(Participant::isWaiting)
                .sorted(Comparator.comparingLong(p -> p.queueTicket)).toList();
    }

    private void requireNotEnded() {
        if (status == RoomStatus.ENDED) {
            throw new RoomException(RoomErrorCode.SESSION_ENDED);
        }
    }

    private Participant requireParticipant(ParticipantId id) {
        requireNotEnded();
        Participant p = id == null ? null : participants.get(id);
        if (p == null) {
            throw new RoomException(RoomErrorCode.UNKNOWN_PARTICIPANT);
        }
        return p;
    }

    private Participant requirePresent(ParticipantId id) {
        Participant p = requireParticipant(id);
        if (!p.isPresent()) {
            throw new RoomException(RoomErrorCode.NOT_ALLOWED, "Not admitted yet");
        }
        return p;
    }

    private Participant requireFacilitator(ParticipantId id) {
        Participant p = requireParticipant(id);
        if (!p.isFacilitator()) {
            throw new RoomException(RoomErrorCode.NOT_A_FACILITATOR);
        }
        return p;
    }

    private Instant now() {
        return runtime.clock().instant();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Views and outbound effects

    private RoomEntry entryFor(Participant p) {
        RoomSnapshot snapshot = snapshotFor(p);
        p.lastSnapshot = snapshot;
        return new RoomEntry(sessionId, p.id, p.role, p.resumeToken, snapshot);
    }

    /**
     * The one place where the room is cut to a recipient: who they see (the waiting list for facilitators only) and
     * how they see each person named ({@link Participant#viewFor}: patient records for facilitators only).
     */
    private RoomSnapshot snapshotFor(Participant viewer) {
        List<ParticipantView> present = List.of();
        List<ParticipantView> waiting = List.of();
        if (viewer.isPresent()) {
            present = participants.values().stream().filter(Participant::isPresent).map(p -> p.viewFor(viewer))
                    .toList();
        }
        if (viewer.isFacilitator()) {
            waiting = waitingInQueueOrder().stream().map(p -> p.viewFor(viewer)).toList();
        }
        return new RoomSnapshot(sessionId, status, facilitatorPresent(), viewer.viewFor(viewer), present, waiting);
    }

    private void tell(Participant recipient, RoomEvent event) {
        if (recipient.connected) {
            ParticipantId to = recipient.id;
            effects.add(() -> outlets.notifier().deliver(sessionId, to, event));
        }
    }

    private void presence(Participant p, PresenceKind kind) {
        presence(p, kind, now());
    }

    private void presence(Participant p, PresenceKind kind, Instant at) {
        presence(p, kind, at, p.modality);
    }

    /** @param modality what flows, or for MEDIA_CHOSEN what the participant chose */
    private void presence(Participant p, PresenceKind kind, Instant at, MediaModality modality) {
        long sequence = ++p.presenceSequence;
        p.lastPresenceAt = at;
        PresenceEvent event = new PresenceEvent(sessionId, p.id, p.subject, p.role, kind, modality, at,
                PresenceEvent.key(sessionId, p.id, kind, sequence));
        effects.add(() -> outlets.presence().publish(event));
    }

    /** After each successful step: fresh snapshots to whoever sees a change, empty-room timing, retirement. */
    private void afterChange() {
        countParticipants();
        for (Participant p : participants.values()) {
            if (!p.connected) {
                continue;
            }
            RoomSnapshot snapshot = snapshotFor(p);
            if (!snapshot.equals(p.lastSnapshot)) {
                p.lastSnapshot = snapshot;
                tell(p, new RoomEvent.RoomUpdated(snapshot));
            }
        }
        if (status == RoomStatus.ENDED) {
            if (!retired) {
                retired = true;
                onRetired.accept(this);
            }
            return;
        }
        if (participants.isEmpty() && emptyTimer == null) {
            Duration untilEnd = Duration.between(now(), plan.endsAt());
            Duration delay = (untilEnd.isNegative() ? Duration.ZERO : untilEnd).plus(config.emptyRoomLinger());
            emptyTimer = runtime.scheduler().schedule(delay, () -> internal(this::endIfStillEmpty));
        } else if (!participants.isEmpty() && emptyTimer != null) {
            emptyTimer.cancel();
            emptyTimer = null;
        }
    }

    private void countParticipants() {
        int waiting = 0;
        int present = 0;
        int reconnecting = 0;
        for (Participant p : participants.values()) {
            if (!p.connected) {
                reconnecting++;
            } else if (p.isPresent()) {
                present++;
            } else {
                waiting++;
            }
        }
        census = new RoomCensus(waiting, present, reconnecting);
    }

    private void endIfStillEmpty() {
        emptyTimer = null;
        if (participants.isEmpty() && status != RoomStatus.ENDED) {
            Instant due = plan.endsAt().plus(config.emptyRoomLinger());
            if (now().isBefore(due)) {
                return; // afterChange schedules again
            }
            endSession();
        }
    }

    /** Completes a command's result on the outbound lane, after the events the same step produced. */
    private <T> void settle(CompletableFuture<T> result, T value, Throwable failure) {
        effects.add(() -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        });
    }

    /** Runs one command as a step; the result completes on the outbound lane. */
    private <T> CompletionStage<T> command(Supplier<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        steps.execute(() -> {
            try {
                T value = body.get();
                afterChange();
                settle(result, value, null);
            } catch (RoomException refused) {
                settle(result, null, refused);
            } catch (RuntimeException bug) {
                LOG.log(System.Logger.Level.ERROR, "MEND-ROOM a room command failed", bug);
                settle(result, null, bug);
            }
            flushEffects();
        });
        return result;
    }

    /** A step the room gives itself (timers, media completions): nobody waits for it. */
    private void internal(Runnable body) {
        steps.execute(() -> {
            try {
                body.run();
                afterChange();
            } catch (RuntimeException bug) {
                LOG.log(System.Logger.Level.ERROR, "MEND-ROOM an internal room step failed", bug);
            }
            flushEffects();
        });
    }

    private void flushEffects() {
        if (effects.isEmpty()) {
            return;
        }
        List<Runnable> batch = List.copyOf(effects);
        effects.clear();
        outbound.execute(() -> {
            for (Runnable effect : batch) {
                try {
                    effect.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "MEND-ROOM an outlet failed", e);
                }
            }
        });
    }

    @Override
    public String toString() {
        return "Room[" + sessionId + "]";
    }
}
