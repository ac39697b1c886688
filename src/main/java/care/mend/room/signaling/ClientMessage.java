package care.mend.room.signaling;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a client may send on the signaling socket. The {@code type} member names the message; the aliases are
 * declared here and nowhere else. Every message may carry a {@code requestId} (a string of at most
 * {@value #MAX_REQUEST_ID} characters) that the reply ({@code ok}, {@code joined}, {@code resumed},
 * {@code sdpAnswer} or {@code error}) echoes.
 *
 * <p>The records check their own members: a message that decodes is well formed. Room and participant ids are not
 * checked here: the room refuses ids it does not know.
 */
@JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "join", type = ClientMessage.Join.class),
        @JsonbSubtype(alias = "resume", type = ClientMessage.Resume.class),
        @JsonbSubtype(alias = "leave", type = ClientMessage.Leave.class),
        @JsonbSubtype(alias = "admit", type = ClientMessage.Admit.class),
        @JsonbSubtype(alias = "decline", type = ClientMessage.Decline.class),
        @JsonbSubtype(alias = "remove", type = ClientMessage.Remove.class),
        @JsonbSubtype(alias = "askToMute", type = ClientMessage.AskToMute.class),
        @JsonbSubtype(alias = "muteAll", type = ClientMessage.MuteAll.class),
        @JsonbSubtype(alias = "lock", type = ClientMessage.Lock.class),
        @JsonbSubtype(alias = "unlock", type = ClientMessage.Unlock.class),
        @JsonbSubtype(alias = "endSession", type = ClientMessage.EndSession.class),
        @JsonbSubtype(alias = "mute", type = ClientMessage.Mute.class),
        @JsonbSubtype(alias = "unmute", type = ClientMessage.Unmute.class),
        @JsonbSubtype(alias = "raiseHand", type = ClientMessage.RaiseHand.class),
        @JsonbSubtype(alias = "lowerHand", type = ClientMessage.LowerHand.class),
        @JsonbSubtype(alias = "setAudioOnly", type = ClientMessage.SetAudioOnly.class),
        @JsonbSubtype(alias = "setLowBandwidth", type = ClientMessage.SetLowBandwidth.class),
        @JsonbSubtype(alias = "publish", type = ClientMessage.Publish.class),
        @JsonbSubtype(alias = "subscribe", type = ClientMessage.Subscribe.class),
        @JsonbSubtype(alias = "subscribeGrid", type = ClientMessage.SubscribeGrid.class),
        @JsonbSubtype(alias = "iceCandidate", type = ClientMessage.IceCandidate.class),
        @JsonbSubtype(alias = "iceCandidates", type = ClientMessage.IceCandidates.class),
        @JsonbSubtype(alias = "ping", type = ClientMessage.Ping.class)})
public sealed interface ClientMessage {

    int MAX_REQUEST_ID = 64;
    int MAX_ID = 64;
    int MAX_ATTESTED_LOCATION = care.mend.attendance.LocationAttestation.LOCATION_MAX;

    /** The caller's correlation id, echoed by the reply; may be null. */
    String requestId();

    private static String checkedRequestId(String requestId) {
        if (requestId != null && requestId.length() > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("requestId is at most " + MAX_REQUEST_ID + " characters");
        }
        return requestId;
    }

    private static String checkedId(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > MAX_ID) {
            throw new IllegalArgumentException(name + " is 1 to " + MAX_ID + " characters");
        }
        return value;
    }

    /**
     * Joins the session's room. The server checks that the caller may join the group's room that day.
     *
     * @param attestedLocation     optional: where the patient says they are for this session, one line of 1 to 200
     *                             characters (trimmed); stored for the session's attendance record, never logged
     * @param attestedJurisdiction optional, only with {@code attestedLocation}: the US state, DC or territory
     *                             ({@code US-XX}) or the country outside the US (ISO 3166-1 alpha-2) the patient
     *                             picked beside it ({@link care.mend.program.Jurisdiction}); checked against the
     *                             facilitators' licensed states
     */
    @JsonbPropertyOrder({"requestId", "sessionId", "attestedLocation", "attestedJurisdiction"})
    record Join(String requestId, UUID sessionId, String attestedLocation, String attestedJurisdiction)
            implements ClientMessage {
        public Join {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(sessionId, "sessionId");
            if (attestedLocation != null) {
                attestedLocation = care.mend.attendance.AttestedLocation.checked(attestedLocation);
            }
            if (attestedJurisdiction != null) {
                if (attestedLocation == null) {
                    throw new IllegalArgumentException("attestedJurisdiction comes with attestedLocation");
                }
                care.mend.program.Jurisdiction.of(attestedJurisdiction);
            }
        }

        /** The jurisdiction, or null. */
        care.mend.program.Jurisdiction jurisdiction() {
            return attestedJurisdiction == null ? null : care.mend.program.Jurisdiction.of(attestedJurisdiction);
        }

        @Override
        public String toString() {
            return "Join[requestId=" + requestId + ", sessionId=" + sessionId + ", location="
                    + (attestedLocation == null ? "none" : "redacted") + "]";
        }
    }

    /** Takes back one's participant after a dropped connection, on a new connection, with the last resume token. */
    @JsonbPropertyOrder({"requestId", "sessionId", "resumeToken"})
    record Resume(String requestId, UUID sessionId, String resumeToken) implements ClientMessage {
        public Resume {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(resumeToken, "resumeToken");
            if (resumeToken.isEmpty() || resumeToken.length() > 128) {
                throw new IllegalArgumentException("resumeToken is 1 to 128 characters");
            }
        }

        @Override
        public String toString() {
            return "Resume[requestId=" + requestId + ", sessionId=" + sessionId + ", resumeToken=redacted]";
        }
    }

    /** Leaves the room for good (a dropped connection is not a leave). */
    record Leave(String requestId) implements ClientMessage {
        public Leave {
            requestId = checkedRequestId(requestId);
        }
    }

    /**
     * Asks for an {@code ok} and changes nothing. The server's own heartbeat (WebSocket pings) is invisible to page
     * scripts, so a page that hears nothing for a while asks, to tell a quiet room from a stalled link.
     */
    record Ping(String requestId) implements ClientMessage {
        public Ping {
            requestId = checkedRequestId(requestId);
        }
    }

    /**
     * A facilitator admits a waiting patient.
     *
     * @param overrideReason optional: why a patient flagged outside licensure is admitted anyway, one line of 1 to
     *                       500 characters (trimmed); required for such a patient ({@code
     *                       LICENSURE_OVERRIDE_REQUIRED} without it), recorded with its author and time, never logged
     */
    @JsonbPropertyOrder({"requestId", "participantId", "overrideReason"})
    record Admit(String requestId, String participantId, String overrideReason) implements ClientMessage {
        public Admit {
            requestId = checkedRequestId(requestId);
            participantId = checkedId("participantId", participantId);
            if (overrideReason != null) {
                overrideReason = care.mend.attendance.LicensureOverride.checkedReason(overrideReason);
            }
        }

        @Override
        public String toString() {
            return "Admit[requestId=" + requestId + ", participantId=" + participantId + ", overrideReason="
                    + (overrideReason == null ? "none" : "redacted") + "]";
        }
    }

    /** A facilitator sends a waiting patient away; they may join again. */
    @JsonbPropertyOrder({"requestId", "participantId"})
    record Decline(String requestId, String participantId) implements ClientMessage {
        public Decline {
            requestId = checkedRequestId(requestId);
            participantId = checkedId("participantId", participantId);
        }
    }

    /** A facilitator removes a participant, and with {@code bar} keeps them out of this session. */
    @JsonbPropertyOrder({"requestId", "participantId", "bar"})
    record Remove(String requestId, String participantId, Boolean bar) implements ClientMessage {
        public Remove {
            requestId = checkedRequestId(requestId);
            participantId = checkedId("participantId", participantId);
            Objects.requireNonNull(bar, "bar");
        }
    }

    /** A facilitator asks a participant to mute. */
    @JsonbPropertyOrder({"requestId", "participantId"})
    record AskToMute(String requestId, String participantId) implements ClientMessage {
        public AskToMute {
            requestId = checkedRequestId(requestId);
            participantId = checkedId("participantId", participantId);
        }
    }

    /** A facilitator mutes every seated patient. */
    record MuteAll(String requestId) implements ClientMessage {
        public MuteAll {
            requestId = checkedRequestId(requestId);
        }
    }

    /** A facilitator locks the room: no new patient joins. */
    record Lock(String requestId) implements ClientMessage {
        public Lock {
            requestId = checkedRequestId(requestId);
        }
    }

    /** A facilitator unlocks the room. */
    record Unlock(String requestId) implements ClientMessage {
        public Unlock {
            requestId = checkedRequestId(requestId);
        }
    }

    /** A facilitator ends the session: everyone is dismissed and the room closes for good. */
    record EndSession(String requestId) implements ClientMessage {
        public EndSession {
            requestId = checkedRequestId(requestId);
        }
    }

    /** Mutes a participant: oneself, or (a facilitator) someone else. */
    @JsonbPropertyOrder({"requestId", "participantId"})
    record Mute(String requestId, String participantId) implements ClientMessage {
        public Mute {
            requestId = checkedRequestId(requestId);
            participantId = checkedId("participantId", participantId);
        }
    }

    /** Unmutes oneself; nobody can unmute someone else. */
    @JsonbPropertyOrder({"requestId", "participantId"})
    record Unmute(String requestId, String participantId) implements ClientMessage {
        public Unmute {
            requestId = checkedRequestId(requestId);
            participantId = checkedId("participantId", participantId);
        }
    }

    /** Raises one's hand. */
    record RaiseHand(String requestId) implements ClientMessage {
        public RaiseHand {
            requestId = checkedRequestId(requestId);
        }
    }

    /** Lowers a hand: one's own when {@code participantId} is absent, or anyone's for a facilitator. */
    @JsonbPropertyOrder({"requestId", "participantId"})
    record LowerHand(String requestId, String participantId) implements ClientMessage {
        public LowerHand {
            requestId = checkedRequestId(requestId);
            if (participantId != null) {
                participantId = checkedId("participantId", participantId);
            }
        }
    }

    /** Sends audio only, or audio and video again. */
    @JsonbPropertyOrder({"requestId", "enabled"})
    record SetAudioOnly(String requestId, Boolean enabled) implements ClientMessage {
        public SetAudioOnly {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(enabled, "enabled");
        }
    }

    /** Receives less (the client then subscribes to audio or fewer videos); others see it. */
    @JsonbPropertyOrder({"requestId", "enabled"})
    record SetLowBandwidth(String requestId, Boolean enabled) implements ClientMessage {
        public SetLowBandwidth {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(enabled, "enabled");
        }
    }

    /** Publishes one's stream; answered by {@code sdpAnswer} for the publisher endpoint. */
    @JsonbPropertyOrder({"requestId", "sdpOffer", "audioOnly"})
    record Publish(String requestId, String sdpOffer, Boolean audioOnly) implements ClientMessage {
        public Publish {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(sdpOffer, "sdpOffer");
            if (sdpOffer.isBlank()) {
                throw new IllegalArgumentException("sdpOffer is not blank");
            }
        }

        @Override
        public String toString() {
            return "Publish[requestId=" + requestId + ", sdpOffer=" + sdpOffer.length() + " chars, audioOnly="
                    + audioOnly + "]";
        }
    }

    /** Receives a publishing participant's stream; answered by {@code sdpAnswer} for that subscriber endpoint. */
    @JsonbPropertyOrder({"requestId", "publisherId", "sdpOffer"})
    record Subscribe(String requestId, String publisherId, String sdpOffer) implements ClientMessage {
        public Subscribe {
            requestId = checkedRequestId(requestId);
            publisherId = checkedId("publisherId", publisherId);
            Objects.requireNonNull(sdpOffer, "sdpOffer");
            if (sdpOffer.isBlank()) {
                throw new IllegalArgumentException("sdpOffer is not blank");
            }
        }

        @Override
        public String toString() {
            return "Subscribe[requestId=" + requestId + ", sdpOffer=" + sdpOffer.length() + " chars]";
        }
    }

    /**
     * Low-bandwidth viewing: receives every publisher mixed into one grid, through one endpoint; answered by
     * {@code sdpAnswer} for {@code {"kind":"grid"}}.
     */
    @JsonbPropertyOrder({"requestId", "sdpOffer"})
    record SubscribeGrid(String requestId, String sdpOffer) implements ClientMessage {
        public SubscribeGrid {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(sdpOffer, "sdpOffer");
            if (sdpOffer.isBlank()) {
                throw new IllegalArgumentException("sdpOffer is not blank");
            }
        }

        @Override
        public String toString() {
            return "SubscribeGrid[requestId=" + requestId + ", sdpOffer=" + sdpOffer.length() + " chars]";
        }
    }

    /** Candidates in one {@code iceCandidates} message, at most. */
    int MAX_CANDIDATES = 32;
    /** Characters of one candidate line, at most (real ones are under 200). */
    int MAX_CANDIDATE = 1024;
    /** Characters of an {@code sdpMid}, at most (browsers use "0", "1", ... or "audio"/"video"). */
    int MAX_SDP_MID = 32;
    /** The highest {@code sdpMLineIndex}: an offer has one m-line per track, a handful at most. */
    int MAX_MLINE_INDEX = 63;

    /** One candidate line as the browser gave it; an empty {@code candidate} ends the endpoint's candidates. */
    @JsonbPropertyOrder({"candidate", "sdpMid", "sdpMLineIndex"})
    record Candidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
        public Candidate {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(sdpMLineIndex, "sdpMLineIndex");
            if (candidate.length() > MAX_CANDIDATE || (sdpMid != null && sdpMid.length() > MAX_SDP_MID)
                    || sdpMLineIndex < 0 || sdpMLineIndex > MAX_MLINE_INDEX) {
                throw new IllegalArgumentException("a candidate is a short line, sdpMid a short name, sdpMLineIndex 0 to "
                        + MAX_MLINE_INDEX);
            }
        }

        @Override
        public String toString() {
            return "Candidate[" + candidate.length() + " chars]";
        }
    }

    /**
     * Several of a browser's ICE candidates for one of its own endpoints, 1 to {@value #MAX_CANDIDATES} in order: what
     * a page sends instead of one {@code iceCandidate} each, so that a room renegotiating at once stays far under the
     * rate limit.
     */
    @JsonbPropertyOrder({"requestId", "endpoint", "candidates"})
    record IceCandidates(String requestId, EndpointName endpoint, java.util.List<Candidate> candidates)
            implements ClientMessage {
        public IceCandidates {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(candidates, "candidates");
            if (candidates.isEmpty() || candidates.size() > MAX_CANDIDATES || candidates.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("1 to " + MAX_CANDIDATES + " candidates");
            }
            candidates = java.util.List.copyOf(candidates);
        }

        @Override
        public String toString() {
            return "IceCandidates[requestId=" + requestId + ", endpoint=" + endpoint + ", " + candidates.size() + "]";
        }
    }

    /** A browser's ICE candidate for one of its own endpoints; an empty {@code candidate} ends the candidates. */
    @JsonbPropertyOrder({"requestId", "endpoint", "candidate", "sdpMid", "sdpMLineIndex"})
    record IceCandidate(String requestId, EndpointName endpoint, String candidate, String sdpMid,
            Integer sdpMLineIndex) implements ClientMessage {
        public IceCandidate {
            requestId = checkedRequestId(requestId);
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(sdpMLineIndex, "sdpMLineIndex");
            new Candidate(candidate, sdpMid, sdpMLineIndex); // the same limits

        }

        @Override
        public String toString() {
            return "IceCandidate[requestId=" + requestId + ", endpoint=" + endpoint + "]";
        }
    }
}
