// Peer connections and nothing else. One media session per page: it holds what the page wants (the local stream,
// audio only, low bandwidth, camera on or off, mute, and from each room snapshot who publishes) and makes the peer
// connections match it: one publisher, one subscription per other publisher (or one grid in low bandwidth), offers
// through the signaling `request` function, ICE both ways. It survives media outages (`mediaInterrupted`, then
// `renegotiate`), a resumed signaling connection, and a media server that fails for a while. No DOM.
// Over the ~450-line mark on purpose: what is wanted, what is open and the retry rules are one set of invariants,
// kept in one class and tested together (src/test/js/media.test.mjs).

// Low bandwidth: a small, slow video is still a face; below this a rural link starts dropping audio.
const LOW_BANDWIDTH_VIDEO_BPS = 150000;
// The protocol's limit per `iceCandidates` message.
const CANDIDATE_BATCH = 32;
// Gathering yields candidates in bursts a few ms apart: one message per burst, not per candidate (a six-person
// room otherwise sends ~100 messages at once and trips the server's rate limit of 20/s, bursts of 40).
const CANDIDATE_DELAY_MS = 75;
// MEDIA_FAILED: the media server is down or unreachable right now. Retry 1, 2, 4, 8 s..., never more than 10 s apart.
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 10000;
const RATE_LIMITED_RETRY_MS = 1000;

export const PUBLISHER = Object.freeze({kind: 'publisher'});
export const GRID = Object.freeze({kind: 'grid'});

/** The name of an endpoint in `connections()`: `publisher`, `subscriber:<publisherId>` or `grid`. */
export function keyOf(endpoint) {
    return endpoint.kind === 'subscriber' ? `subscriber:${endpoint.publisherId}` : endpoint.kind;
}

function subscriber(publisherId) {
    return Object.freeze({kind: 'subscriber', publisherId});
}

// What a refusal means for the endpoint it refused (codes: src/docs/signaling-protocol.md, 2.4).
const RETRY_WITH_BACKOFF = new Set(['MEDIA_FAILED', 'INTERNAL_ERROR', 'CONNECTION_FAILED']);
// Wait for a later room snapshot: the publisher is not (yet, or again) publishing, or is gone, or we are not in.
const WAIT_FOR_ROOM = new Set(['NOT_PUBLISHING', 'UNKNOWN_PARTICIPANT', 'NOT_IN_ROOM', 'NOT_ALLOWED',
    'INVALID_MESSAGE', 'SESSION_ENDED']);
// The signaling connection dropped or stalled: the resume that follows rebuilds everything.
const WAIT_FOR_RESUME = new Set(['DISCONNECTED', 'TIMEOUT']);

/**
 * Phases: `idle` (before `start()`), `active`, `interrupted` (the media server was lost: nothing open, waiting for
 * `rebuild()`), `unavailable` (no media server configured: permanent for this page), `closed` (after `closeAll()`,
 * until the next `start()`). `status` adds `retrying` (active, but the media server failed and a retry is due).
 *
 * `request(message)` sends a signaling request and resolves with its reply (rejects with an error carrying `code`);
 * `iceServers()` gives the servers of the current connection's latest welcome, read for every new peer connection;
 * `onRemoteStream(endpoint, stream)` and `onRemoteGone(endpoint)` report what is received (endpoint
 * `{kind:'subscriber', publisherId}` or `{kind:'grid'}`); `onStatus(status)` reports status changes.
 *
 * `env` replaces the browser for tests: `RTCPeerConnection`, `MediaStream`, `setTimeout`, `clearTimeout`, `random`.
 */
export class MediaSession {
    #request;
    #iceServers;
    #callbacks;
    #env;

    // What the page wants.
    #stream = null;
    #audioOnly = false;
    #lowBandwidth = false;
    #cameraOn = true;
    #muted = false;
    #present = false;
    #publishers = new Set();

    // What there is.
    #phase = 'idle';
    #unavailable = false;
    #endpoints = new Map();
    #blocked = new Set(); // keys waiting for the next room snapshot
    #waiting = new Set(); // keys waiting for the retry timer
    #retryTimer = null;
    #failures = 0;
    #status = 'idle';

    constructor({request, iceServers = () => [], onRemoteStream = () => {}, onRemoteGone = () => {},
        onStatus = () => {}}, env = {}) {
        if (typeof request !== 'function') {
            throw new TypeError('media: no request function');
        }
        this.#request = request;
        this.#iceServers = iceServers;
        this.#callbacks = {onRemoteStream, onRemoteGone, onStatus};
        this.#env = env;
    }

    /** `idle`, `active`, `retrying`, `interrupted`, `unavailable` or `closed`. */
    get status() {
        return this.#status;
    }

    get unavailable() {
        return this.#unavailable;
    }

    /** Every open peer connection, by name (`publisher`, `subscriber:<id>`, `grid`): for diagnostics and tests. */
    connections() {
        return [...this.#endpoints.values()].map(({key, pc}) => ({key, pc}));
    }

    // ---- what the page wants ----

    /** Starts (again) for a room just joined; nothing happens before it, nor after `closeAll()` until the next. */
    start() {
        this.#closeEndpoints();
        this.#present = false;
        this.#publishers = new Set();
        this.#resetRetries();
        this.#phase = this.#unavailable ? 'unavailable' : 'active';
        this.#report();
    }

    /**
     * A room snapshot (`joined`, `resumed`, `admitted`, `roomUpdated`): whether we are present, and who else
     * publishes. Subscriptions refused for a publisher (NOT_PUBLISHING...) are tried again from a later snapshot.
     */
    sync(room, youId) {
        if (!room) {
            return;
        }
        this.#present = room.you?.status === 'PRESENT';
        this.#publishers = new Set((room.participants ?? [])
            .filter((p) => p.publishing && p.participantId !== youId)
            .map((p) => p.participantId));
        this.#blocked.clear();
        this.#reconcile();
    }

    /**
     * The stream to send (null: none). A running publisher gets the new tracks swapped in without a new offer when
     * it can; otherwise it is published again.
     */
    async setLocalStream(stream) {
        const previous = this.#stream;
        this.#stream = stream ?? null;
        this.#applyMute();
        const publisher = this.#endpoints.get('publisher');
        if (publisher && stream && previous && this.#fits(publisher, stream)) {
            await this.#swapTracks(publisher, stream);
            return;
        }
        if (publisher) {
            this.#close('publisher');
        }
        this.#reconcile();
    }

    /** Audio only, both ways: publish without video, and every subscription made again without video. */
    setAudioOnly(enabled) {
        this.#audioOnly = Boolean(enabled);
        this.#reconcile();
    }

    get audioOnly() {
        return this.#audioOnly;
    }

    /** Low bandwidth: the video sent is capped, and one grid subscription replaces the one per publisher. */
    async setLowBandwidth(enabled) {
        this.#lowBandwidth = Boolean(enabled);
        this.#reconcile();
        const publisher = this.#endpoints.get('publisher');
        if (publisher?.answered) {
            await this.#limitVideo(publisher);
        }
    }

    get lowBandwidth() {
        return this.#lowBandwidth;
    }

    /**
     * Camera off stops video at the sender (`replaceTrack(null)`): with `track.enabled = false` the browser keeps
     * sending black frames and the media server keeps reporting video flowing.
     */
    async setCameraOn(on) {
        this.#cameraOn = Boolean(on);
        const sender = this.#endpoints.get('publisher')?.videoSender;
        if (sender) {
            await sender.replaceTrack(this.#cameraOn ? this.#videoTrack() : null);
        }
    }

    get cameraOn() {
        return this.#cameraOn;
    }

    /** Mute silences the microphone track; the sender stays, so unmuting needs no new offer. */
    setMuted(muted) {
        this.#muted = Boolean(muted);
        this.#applyMute();
    }

    // ---- what the server says ----

    /** A candidate the media server gathered for one of our endpoints; kept until that endpoint's answer. */
    async addRemoteCandidate({endpoint, candidate, sdpMid, sdpMLineIndex}) {
        const state = endpoint && this.#endpoints.get(keyOf(endpoint));
        if (!state) {
            return; // an endpoint already closed (made again, or gone)
        }
        const init = {candidate, sdpMid: sdpMid ?? null, sdpMLineIndex: sdpMLineIndex ?? null};
        if (!state.answered) {
            state.remoteCandidates.push(init);
            return;
        }
        await this.#addIce(state, init);
    }

    /** `mediaInterrupted`: every endpoint is gone on the server. Close everything and wait for `rebuild()`. */
    interrupted() {
        if (this.#phase !== 'active') {
            return;
        }
        this.#phase = 'interrupted';
        this.#closeEndpoints();
        this.#resetRetries();
        this.#report();
    }

    /**
     * `renegotiate` (media is back), or a resumed signaling connection (the old peer connections died with it):
     * close everything and make it again from scratch, from `room` when given, else from the latest snapshot.
     */
    rebuild(room, youId) {
        if (this.#phase === 'idle' || this.#phase === 'closed' || this.#phase === 'unavailable') {
            return;
        }
        this.#closeEndpoints();
        this.#resetRetries();
        this.#phase = 'active';
        this.#report();
        if (room) {
            this.sync(room, youId);
        } else {
            this.#reconcile();
        }
    }

    /** Leaves: closes every peer connection; nothing more happens until `start()`. */
    closeAll() {
        this.#closeEndpoints();
        this.#resetRetries();
        this.#present = false;
        this.#publishers = new Set();
        if (this.#phase !== 'unavailable') {
            this.#phase = 'closed';
        }
        this.#report();
    }

    // ---- making the connections match ----

    /** What should exist now: key -> {endpoint, variant}. */
    #wanted() {
        const wanted = new Map();
        if (this.#phase !== 'active' || !this.#present) {
            return wanted;
        }
        const variant = this.#audioOnly ? 'audio' : 'audio+video';
        const stream = this.#stream;
        const sends = stream && (stream.getAudioTracks().length > 0
            || (variant !== 'audio' && stream.getVideoTracks().length > 0));
        if (sends) {
            wanted.set('publisher', {endpoint: PUBLISHER, variant});
        }
        if (this.#lowBandwidth) {
            wanted.set('grid', {endpoint: GRID, variant});
        } else {
            for (const publisherId of this.#publishers) {
                const endpoint = subscriber(publisherId);
                wanted.set(keyOf(endpoint), {endpoint, variant});
            }
        }
        return wanted;
    }

    /** Closes what is not wanted (or wanted otherwise) and opens what is missing; returns how many it opened. */
    #reconcile() {
        if (this.#phase !== 'active') {
            return 0;
        }
        const wanted = this.#wanted();
        for (const [key, state] of [...this.#endpoints]) {
            if (wanted.get(key)?.variant !== state.variant) {
                this.#close(key);
            }
        }
        // Everything missing at once, in parallel: one slow subscription must not hold up the others.
        let opened = 0;
        for (const [key, {endpoint, variant}] of wanted) {
            if (!this.#endpoints.has(key) && !this.#blocked.has(key) && !this.#waiting.has(key)) {
                this.#open(endpoint, variant);
                opened++;
            }
        }
        return opened;
    }

    #open(endpoint, variant) {
        const key = keyOf(endpoint);
        const RTCPeerConnection = this.#env.RTCPeerConnection ?? globalThis.RTCPeerConnection;
        const pc = new RTCPeerConnection({iceServers: this.#iceServers() ?? []});
        const state = {key, endpoint, variant, pc, answered: false, ended: false, localCandidates: [],
            remoteCandidates: [], flushTimer: null, stream: null, audioSender: null, videoSender: null};
        this.#endpoints.set(key, state);
        pc.onicecandidate = (event) => this.#localCandidate(state, event.candidate);
        pc.onconnectionstatechange = () => {
            if (pc.connectionState === 'failed' && this.#current(state)) {
                this.#close(key);
                this.#failed(key, {code: 'CONNECTION_FAILED'});
            }
        };
        let message;
        if (endpoint.kind === 'publisher') {
            const stream = this.#stream;
            const audio = stream.getAudioTracks()[0];
            const video = stream.getVideoTracks()[0];
            if (audio) {
                state.audioSender = pc.addTransceiver(audio, {direction: 'sendonly', streams: [stream]}).sender;
            }
            if (video && variant !== 'audio') {
                // Camera off already: the video m-line is there, its sender without a track until it is turned on.
                state.videoSender = pc.addTransceiver(this.#cameraOn ? video : 'video',
                    {direction: 'sendonly', streams: [stream]}).sender;
            }
            message = {type: 'publish', audioOnly: this.#audioOnly};
        } else {
            pc.addTransceiver('audio', {direction: 'recvonly'});
            if (variant !== 'audio') {
                pc.addTransceiver('video', {direction: 'recvonly'});
            }
            pc.ontrack = (event) => this.#remoteTrack(state, event);
            message = endpoint.kind === 'grid' ? {type: 'subscribeGrid'}
                : {type: 'subscribe', publisherId: endpoint.publisherId};
        }
        this.#negotiate(state, message);
    }

    async #negotiate(state, message) {
        const {pc} = state;
        try {
            const offer = await pc.createOffer();
            if (!this.#current(state)) {
                return;
            }
            await pc.setLocalDescription(offer);
            if (!this.#current(state)) {
                return;
            }
            const answer = await this.#request({...message, sdpOffer: offer.sdp});
            if (!this.#current(state)) {
                return; // closed or made again while waiting: the answer is for an endpoint nobody wants
            }
            await pc.setRemoteDescription({type: 'answer', sdp: answer.sdp});
            if (!this.#current(state)) {
                return;
            }
            state.answered = true;
            this.#failures = 0;
            this.#report();
            for (const candidate of state.remoteCandidates.splice(0)) {
                await this.#addIce(state, candidate);
            }
            this.#flush(state);
            if (state.key === 'publisher' && this.#lowBandwidth) {
                await this.#limitVideo(state);
            }
        } catch (error) {
            if (!this.#current(state)) {
                return; // whatever failed belonged to a connection already closed
            }
            this.#close(state.key);
            this.#failed(state.key, error);
        }
    }

    /** What a failure of one endpoint means, by the refusal's code. */
    #failed(key, error) {
        const code = error?.code;
        if (code === 'MEDIA_UNAVAILABLE') {
            this.#unavailable = true;
            this.#phase = 'unavailable';
            this.#closeEndpoints();
            this.#resetRetries();
            this.#report();
        } else if (code === 'RATE_LIMITED') {
            this.#retryLater(key, () => RATE_LIMITED_RETRY_MS);
        } else if (WAIT_FOR_ROOM.has(code) || WAIT_FOR_RESUME.has(code)) {
            this.#blocked.add(key);
        } else {
            if (!RETRY_WITH_BACKOFF.has(code)) {
                console.warn('mend media: an endpoint failed', key.split(':')[0], code ?? error?.name);
            }
            // One round of retries for everything that failed together; each round waits twice as long.
            this.#retryLater(key, () => {
                const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.#failures);
                this.#failures++;
                // Jitter, so that a room full of pages does not come back at the same millisecond.
                const random = this.#env.random ?? Math.random;
                return Math.round(base * (0.75 + 0.25 * random()));
            });
        }
    }

    /** Tries `key` again when the pending round of retries runs, or in `delay()` ms if none is pending. */
    #retryLater(key, delay) {
        this.#waiting.add(key);
        if (this.#retryTimer === null) {
            this.#retryTimer = this.#timer(() => {
                this.#retryTimer = null;
                this.#waiting.clear();
                if (this.#reconcile() === 0) {
                    this.#failures = 0; // what failed is not wanted any more: nothing is being retried
                }
                this.#report();
            }, delay());
        }
        this.#report();
    }

    #resetRetries() {
        if (this.#retryTimer !== null) {
            this.#cancel(this.#retryTimer);
            this.#retryTimer = null;
        }
        this.#waiting.clear();
        this.#blocked.clear();
        this.#failures = 0;
    }

    // ---- ICE ----

    #localCandidate(state, candidate) {
        if (!this.#current(state)) {
            return;
        }
        // A null candidate (or an empty one) ends gathering: the protocol says so with an empty candidate line, once.
        if (!candidate || !candidate.candidate) {
            if (state.ended) {
                return;
            }
            state.ended = true;
            state.localCandidates.push({candidate: '', sdpMLineIndex: candidate?.sdpMLineIndex ?? 0});
        } else {
            const init = {candidate: candidate.candidate, sdpMLineIndex: candidate.sdpMLineIndex ?? 0};
            if (typeof candidate.sdpMid === 'string') {
                init.sdpMid = candidate.sdpMid;
            }
            state.localCandidates.push(init);
        }
        if (!state.answered) {
            return; // held until the answer: if the offer is refused, nothing more is sent for it
        }
        if (state.ended || state.localCandidates.length >= CANDIDATE_BATCH) {
            this.#flush(state);
        } else if (state.flushTimer === null) {
            state.flushTimer = this.#timer(() => {
                state.flushTimer = null;
                this.#flush(state);
            }, CANDIDATE_DELAY_MS);
        }
    }

    /** Sends what is held, at most 32 candidates per message. */
    #flush(state) {
        if (state.flushTimer !== null) {
            this.#cancel(state.flushTimer);
            state.flushTimer = null;
        }
        while (state.localCandidates.length > 0) {
            this.#sendCandidates(state, state.localCandidates.splice(0, CANDIDATE_BATCH));
        }
    }

    #sendCandidates(state, candidates) {
        this.#request({type: 'iceCandidates', endpoint: state.endpoint, candidates}).catch((error) => {
            if (!this.#current(state)) {
                return;
            }
            if (error?.code === 'RATE_LIMITED') {
                state.localCandidates.unshift(...candidates);
                if (state.flushTimer === null) {
                    state.flushTimer = this.#timer(() => {
                        state.flushTimer = null;
                        this.#flush(state);
                    }, RATE_LIMITED_RETRY_MS);
                }
            } else if (error?.code === 'MEDIA_UNAVAILABLE') {
                this.#failed(state.key, error);
            } else if (!WAIT_FOR_RESUME.has(error?.code)) {
                console.warn('mend media: candidates were refused', error?.code ?? error?.name);
            }
        });
    }

    async #addIce(state, init) {
        try {
            await state.pc.addIceCandidate(init);
        } catch (error) {
            console.warn('mend media: a remote candidate was refused', error?.name);
        }
    }

    // ---- tracks ----

    #remoteTrack(state, event) {
        if (!this.#current(state)) {
            return;
        }
        if (!state.stream) {
            const MediaStream = this.#env.MediaStream ?? globalThis.MediaStream;
            state.stream = event.streams?.[0] ?? new MediaStream();
        }
        if (!state.stream.getTracks().includes(event.track)) {
            state.stream.addTrack(event.track);
        }
        this.#callbacks.onRemoteStream(state.endpoint, state.stream);
    }

    #videoTrack() {
        return this.#stream?.getVideoTracks()[0] ?? null;
    }

    /** Whether a running publisher can take this stream's tracks without a new offer. */
    #fits(publisher, stream) {
        const hasAudio = stream.getAudioTracks().length > 0;
        const hasVideo = stream.getVideoTracks().length > 0;
        return hasAudio === (publisher.audioSender !== null)
            && (publisher.variant === 'audio' || !hasVideo || publisher.videoSender !== null);
    }

    async #swapTracks(publisher, stream) {
        const audio = stream.getAudioTracks()[0] ?? null;
        await publisher.audioSender?.replaceTrack(audio);
        await publisher.videoSender?.replaceTrack(this.#cameraOn ? this.#videoTrack() : null);
    }

    #applyMute() {
        this.#stream?.getAudioTracks().forEach((track) => (track.enabled = !this.#muted));
    }

    async #limitVideo(publisher) {
        const sender = publisher.videoSender;
        if (!sender || typeof sender.getParameters !== 'function') {
            return;
        }
        const limited = this.#lowBandwidth;
        const parameters = sender.getParameters();
        if (!parameters.encodings?.length) {
            parameters.encodings = [{}];
        }
        parameters.encodings[0].maxBitrate = limited ? LOW_BANDWIDTH_VIDEO_BPS : undefined;
        parameters.encodings[0].scaleResolutionDownBy = limited ? 2 : 1;
        await sender.setParameters(parameters).catch((e) => console.warn('mend media: bitrate', e?.name));
    }

    // ---- bookkeeping ----

    #current(state) {
        return this.#endpoints.get(state.key) === state;
    }

    #close(key) {
        const state = this.#endpoints.get(key);
        if (!state) {
            return;
        }
        this.#endpoints.delete(key);
        if (state.flushTimer !== null) {
            this.#cancel(state.flushTimer);
            state.flushTimer = null;
        }
        state.pc.onicecandidate = null;
        state.pc.ontrack = null;
        state.pc.onconnectionstatechange = null;
        state.pc.close();
        if (state.stream) {
            this.#callbacks.onRemoteGone(state.endpoint);
        }
    }

    #closeEndpoints() {
        for (const key of [...this.#endpoints.keys()]) {
            this.#close(key);
        }
    }

    #report() {
        // Retrying from the first failure until an answer comes, not only while a timer runs: no flicker between.
        const status = this.#phase === 'active' && this.#failures > 0 ? 'retrying' : this.#phase;
        if (status !== this.#status) {
            this.#status = status;
            this.#callbacks.onStatus(status);
        }
    }

    #timer(callback, ms) {
        return (this.#env.setTimeout ?? globalThis.setTimeout)(callback, ms);
    }

    #cancel(timer) {
        (this.#env.clearTimeout ?? globalThis.clearTimeout)(timer);
    }
}
