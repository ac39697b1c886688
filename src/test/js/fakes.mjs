// Stand-ins for what the browser and the server give the page's modules: media tracks and streams, an
// RTCPeerConnection that records what it is asked, a clock whose timers run when the test says, a signaling
// `request` that answers like the server, and a WebSocket with a scripted Mend server behind it.

/** Lets every pending promise chain (and setImmediate callback) run. */
export async function settle(rounds = 5) {
    for (let i = 0; i < rounds; i++) {
        await new Promise((resolve) => setImmediate(resolve));
    }
}

let nextId = 1;

export class FakeTrack {
    constructor(kind) {
        this.kind = kind;
        this.id = `${kind}-${nextId++}`;
        this.enabled = true;
        this.stopped = false;
    }

    stop() {
        this.stopped = true;
    }
}

export class FakeStream {
    constructor(tracks = []) {
        this.id = `stream-${nextId++}`;
        this.tracks = [...tracks];
    }

    getTracks() {
        return [...this.tracks];
    }

    getAudioTracks() {
        return this.tracks.filter((t) => t.kind === 'audio');
    }

    getVideoTracks() {
        return this.tracks.filter((t) => t.kind === 'video');
    }

    addTrack(track) {
        this.tracks.push(track);
    }
}

/** A camera and microphone. */
export function cameraStream() {
    return new FakeStream([new FakeTrack('audio'), new FakeTrack('video')]);
}

export class FakeSender {
    constructor(track) {
        this.track = track;
        this.parameters = {encodings: []};
        this.replaced = [];
    }

    async replaceTrack(track) {
        this.replaced.push(track);
        this.track = track;
    }

    getParameters() {
        return structuredClone(this.parameters);
    }

    async setParameters(parameters) {
        this.parameters = parameters;
    }
}

/**
 * Every peer connection made through `world.RTCPeerConnection`, in order. With `gather: n`, each one gathers n
 * candidates and then ends gathering, a moment after its local description is set (as a browser does).
 */
export function rtcWorld({gather = 0} = {}) {
    const made = [];
    class FakePeerConnection {
        constructor(configuration) {
            this.configuration = configuration;
            this.transceivers = [];
            this.remoteCandidates = [];
            this.closed = false;
            this.connectionState = 'new';
            this.localDescription = null;
            this.remoteDescription = null;
            this.onicecandidate = null;
            this.ontrack = null;
            this.onconnectionstatechange = null;
            made.push(this);
        }

        addTransceiver(trackOrKind, init = {}) {
            const track = typeof trackOrKind === 'string' ? null : trackOrKind;
            const kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind;
            const transceiver = {kind, direction: init.direction ?? 'sendrecv', streams: init.streams ?? [],
                sender: new FakeSender(track)};
            this.transceivers.push(transceiver);
            return transceiver;
        }

        async createOffer() {
            this.#open();
            const lines = ['v=0',
                ...this.transceivers.map((t) => `m=${t.kind} 9 UDP/TLS/RTP/SAVPF 96\r\na=${t.direction}`)];
            return {type: 'offer', sdp: `${lines.join('\r\n')}\r\n`};
        }

        async setLocalDescription(description) {
            this.#open();
            this.localDescription = description;
            if (gather > 0) {
                setImmediate(() => {
                    for (let n = 1; n <= gather && !this.closed; n++) {
                        this.gather(candidate(n));
                    }
                    setImmediate(() => !this.closed && this.gather(null));
                });
            }
        }

        async setRemoteDescription(description) {
            this.#open();
            this.remoteDescription = description;
        }

        async addIceCandidate(candidate) {
            this.#open();
            this.remoteCandidates.push(candidate);
        }

        getSenders() {
            return this.transceivers.map((t) => t.sender);
        }

        getConfiguration() {
            return {...this.configuration};
        }

        close() {
            this.closed = true;
            this.connectionState = 'closed';
        }

        // ---- what the browser would do on its own ----

        /** A gathered candidate; null ends gathering. */
        gather(candidate) {
            this.onicecandidate?.({candidate});
        }

        /** The remote side's tracks arrive. */
        receive(...kinds) {
            const stream = new FakeStream();
            for (const kind of kinds) {
                const track = new FakeTrack(kind);
                stream.addTrack(track);
                this.ontrack?.({track, streams: [stream]});
            }
            return stream;
        }

        fail() {
            this.connectionState = 'failed';
            this.onconnectionstatechange?.();
        }

        /** The m-lines of the offer made, e.g. ['audio', 'video']. */
        get offeredKinds() {
            return [...(this.localDescription?.sdp ?? '').matchAll(/^m=(\w+)/gm)].map((m) => m[1]);
        }

        #open() {
            if (this.closed) {
                throw Object.assign(new Error('closed'), {name: 'InvalidStateError'});
            }
        }
    }
    return {
        made,
        RTCPeerConnection: FakePeerConnection,
        MediaStream: FakeStream,
        /** The connections not closed. */
        open: () => made.filter((pc) => !pc.closed),
    };
}

/** A candidate as the browser gives it. */
export function candidate(n, sdpMid = '0') {
    return {candidate: `candidate:${n} 1 udp 2122260223 192.0.2.${n % 250} ${40000 + n} typ host`, sdpMid,
        sdpMLineIndex: 0};
}

/** setTimeout/clearTimeout that run only when the test advances the clock. */
export class FakeClock {
    now = 0;
    #timers = new Map();
    #next = 1;

    setTimeout = (callback, ms = 0) => {
        const id = this.#next++;
        this.#timers.set(id, {at: this.now + Math.max(0, ms), callback, ms});
        return id;
    };

    clearTimeout = (id) => {
        this.#timers.delete(id);
    };

    /** The delays of the timers now pending, soonest first. */
    get pending() {
        return [...this.#timers.values()].sort((a, b) => a.at - b.at).map((t) => t.at - this.now);
    }

    /** Runs every timer due within `ms`, in order, letting promises settle after each. */
    async advance(ms) {
        const end = this.now + ms;
        for (;;) {
            const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
            if (!due) {
                break;
            }
            const [id, timer] = due;
            this.#timers.delete(id);
            this.now = timer.at;
            timer.callback();
            await settle();
        }
        this.now = end;
        await settle();
    }
}

/** A refusal as signaling.js rejects with it. */
export function refusal(code) {
    return Object.assign(new Error(code), {code});
}

/**
 * A signaling `request` that answers media requests like the server: an sdpAnswer for publish/subscribe/
 * subscribeGrid, ok for the rest. `answer(type, fn)` replaces the answer for one type (fn(message) returns the reply
 * or throws a refusal); `hold(type)` keeps that type's replies until `release()`.
 */
export function fakeServer() {
    const sent = [];
    const answers = new Map();
    const held = new Set();
    let waiting = [];
    const reply = (message) => {
        const custom = answers.get(message.type);
        if (custom) {
            return custom(message);
        }
        if (message.type === 'publish') {
            return {type: 'sdpAnswer', endpoint: {kind: 'publisher'}, sdp: 'v=0\r\nanswer-publisher\r\n'};
        }
        if (message.type === 'subscribe') {
            return {type: 'sdpAnswer', endpoint: {kind: 'subscriber', publisherId: message.publisherId},
                sdp: 'v=0\r\nanswer-subscriber\r\n'};
        }
        if (message.type === 'subscribeGrid') {
            return {type: 'sdpAnswer', endpoint: {kind: 'grid'}, sdp: 'v=0\r\nanswer-grid\r\n'};
        }
        return {type: 'ok'};
    };
    const server = {
        sent,
        request(message) {
            sent.push(structuredClone(message));
            const answer = () => new Promise((resolve) => resolve(reply(message)));
            if (held.has(message.type)) {
                return new Promise((resolve, reject) => waiting.push(() => answer().then(resolve, reject)));
            }
            return answer();
        },
        answer(type, fn) {
            answers.set(type, fn);
        },
        hold(type) {
            held.add(type);
        },
        release() {
            held.clear();
            const now = waiting;
            waiting = [];
            now.forEach((go) => go());
        },
        of: (type) => sent.filter((m) => m.type === type),
        clear: () => sent.splice(0),
    };
    return server;
}

/** A participant of a room snapshot. */
export function participant(participantId, {role = 'PATIENT', publishing = true, status = 'PRESENT', ...rest} = {}) {
    return {participantId, role, status, reconnecting: false, muted: false, handRaised: false, audioOnly: false,
        lowBandwidth: false, publishing, modality: publishing ? 'AUDIO_VIDEO' : 'NONE', ...rest};
}

/** A room snapshot as `youId` sees it, with `others` present. */
export function room(youId, others = [], {youStatus = 'PRESENT', youPublishing = false} = {}) {
    const you = participant(youId, {publishing: youPublishing, status: youStatus});
    return {sessionId: '7b6f3c2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', status: 'OPEN', facilitatorPresent: true, you,
        participants: youStatus === 'PRESENT' ? [you, ...others] : [], waiting: []};
}

/**
 * WebSockets with a scripted Mend server behind them. Each socket is open at once and gets `welcome` (with the
 * next of `iceServersPerConnection`) a moment later; requests are answered like the server does (joined, resumed,
 * sdpAnswer, ok), or by `answer(type, fn)` (fn(message, socket) returns the reply, or an error to refuse it). The
 * server's rate limit (a bucket of 40, refilled at 20 a second, on `clock`) answers RATE_LIMITED as the real one does.
 */
export function mendServer({clock, iceServersPerConnection = [[]], room: roomOf = () => null} = {}) {
    const sockets = [];
    const answers = new Map();
    const world = {sockets, refusedForRate: 0, welcomes: 0};
    let connections = 0;
    let tokens = 40;
    let refilledAt = clock?.now ?? 0;
    const later = (fn) => setImmediate(fn);

    const limited = () => {
        const now = clock?.now ?? 0;
        tokens = Math.min(40, tokens + ((now - refilledAt) / 1000) * 20);
        refilledAt = now;
        if (tokens < 1) {
            return true;
        }
        tokens -= 1;
        return false;
    };

    const reply = (socket, message) => {
        const {type, requestId} = message;
        const custom = answers.get(type);
        if (custom) {
            const answer = custom(message, socket);
            return answer && {...answer, requestId};
        }
        switch (type) {
            case 'join':
                return {type: 'joined', requestId, participantId: 'me-0000', role: 'PATIENT', status: 'PRESENT',
                    resumeToken: `token-${connections}-join`, room: roomOf('join')};
            case 'resume':
                return {type: 'resumed', requestId, participantId: 'me-0000', role: 'PATIENT', status: 'PRESENT',
                    resumeToken: `token-${connections}-resume`, room: roomOf('resume')};
            case 'publish':
                return {type: 'sdpAnswer', requestId, endpoint: {kind: 'publisher'}, sdp: 'v=0\r\n'};
            case 'subscribe':
                return {type: 'sdpAnswer', requestId, endpoint: {kind: 'subscriber', publisherId: message.publisherId},
                    sdp: 'v=0\r\n'};
            case 'subscribeGrid':
                return {type: 'sdpAnswer', requestId, endpoint: {kind: 'grid'}, sdp: 'v=0\r\n'};
            default:
                return {type: 'ok', requestId};
        }
    };

    class FakeWebSocket {
        constructor(url, protocols) {
            this.url = url;
            this.protocols = protocols;
            this.readyState = 1;
            this.sent = [];
            this.onmessage = null;
            this.onclose = null;
            this.closedWith = null;
            sockets.push(this);
            const iceServers = iceServersPerConnection[Math.min(connections, iceServersPerConnection.length - 1)];
            connections++;
            later(() => {
                world.welcomes++;
                this.deliver({type: 'welcome', roles: ['patient'], iceServers});
            });
        }

        send(data) {
            if (this.readyState !== 1) {
                throw new Error('not open');
            }
            const message = JSON.parse(data);
            this.sent.push(message);
            if (limited()) {
                world.refusedForRate++;
                later(() => this.deliver({type: 'error', code: 'RATE_LIMITED', message: 'Too many messages',
                    requestId: message.requestId}));
                return;
            }
            const answer = reply(this, message);
            if (answer) {
                later(() => this.deliver(answer));
            }
        }

        close(code = 1000, reason = '') {
            if (this.readyState >= 2) {
                return;
            }
            this.readyState = 3;
            this.closedWith = {code, reason};
            later(() => this.onclose?.({code, reason}));
        }

        /** A frame from the server. */
        deliver(message) {
            if (this.readyState === 1) {
                this.onmessage?.({data: JSON.stringify(message)});
            }
        }

        /** The link drops (the server side closes, as with a dead network). */
        drop(code = 1006, reason = '') {
            this.readyState = 3;
            this.onclose?.({code, reason});
        }
    }

    world.WebSocket = FakeWebSocket;
    world.answer = (type, fn) => answers.set(type, fn);
    world.latest = () => sockets.at(-1);
    world.fetchTicket = async () => ({ticket: `ticket${String(connections).padStart(30, '0')}`});
    /** Every message the page sent, over every connection, in order. */
    world.sent = () => sockets.flatMap((s) => s.sent);
    return world;
}
