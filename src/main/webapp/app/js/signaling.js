// The signaling protocol (src/docs/signaling-protocol.md) and nothing else: tickets, the socket, requests and their
// replies, room events, the ICE servers of the latest welcome, and getting back into the room after a dropped
// connection. No DOM, no media, no fetch: the page passes the ticket fetcher in, so this module also runs in Node.

/** Events the room sends on its own; the page must handle every one of them. */
const EVENT_TYPES = ['roomUpdated', 'admitted', 'dismissed', 'muteRequested', 'muted', 'iceCandidate',
    'mediaInterrupted', 'renegotiate'];
/** Replies, matched to their request by requestId. */
const REPLY_TYPES = ['joined', 'resumed', 'sdpAnswer', 'ok', 'error'];

/** Errors after which a resume can never succeed: the seat is gone, so the page has to decide what next. */
const RESUME_IS_OVER = new Set(['RESUME_TOKEN_INVALID', 'SESSION_ENDED', 'SESSION_NOT_FOUND', 'ACCESS_DENIED',
    'REMOVED_FROM_SESSION', 'NOT_A_MEMBER', 'SESSION_NOT_JOINABLE']);

// A server that does not answer within this long is treated as gone (a silently dead link) and the socket replaced.
const REPLY_TIMEOUT_MS = 20000;
const CONNECT_TIMEOUT_MS = 15000;
// Reconnect attempts back off up to this; a phone on a bad link should not hammer the server, nor wait too long.
const MAX_BACKOFF_MS = 8000;
const OPEN = 1; // WebSocket.OPEN, without needing the class
// How often a quiet link is looked at (`probeWhenQuietMs`): often enough that a stall shows within a second of it.
const PROBE_CHECK_MS = 1000;

/** A request the server refused (`code` from the protocol's error codes) or that could not be made. */
export class SignalingError extends Error {
    constructor(code, message) {
        super(message || code);
        this.code = code;
    }
}

/**
 * The usable entries of a welcome's `iceServers`: objects whose `urls` is a string or an array of strings, with a
 * string `username` and `credential` when given. Anything else is dropped rather than handed to RTCPeerConnection,
 * which would throw on it.
 */
export function validIceServers(list) {
    if (!Array.isArray(list)) {
        return [];
    }
    const servers = [];
    for (const entry of list) {
        const urls = entry?.urls;
        const usable = typeof urls === 'string' ? urls.length > 0
            : Array.isArray(urls) && urls.length > 0 && urls.every((u) => typeof u === 'string' && u.length > 0);
        if (!usable) {
            continue;
        }
        const server = {urls: Array.isArray(urls) ? [...urls] : urls};
        if (typeof entry.username === 'string') {
            server.username = entry.username;
        }
        if (typeof entry.credential === 'string') {
            server.credential = entry.credential;
        }
        servers.push(server);
    }
    return servers;
}

/**
 * One participant's signaling connection.
 *
 * `handlers` must have a function for every room event (roomUpdated, admitted, dismissed, muteRequested, muted,
 * iceCandidate, mediaInterrupted, renegotiate) and for `resumed` (back in the room after a drop), `error` (a refusal
 * that answers no pending request) and `connection` (state changes: connecting, open, reconnecting, closed,
 * replaced, lost, signedOut).
 *
 * `options`: `fetchTicket()` resolves with `{ticket}` (POST /api/signaling/tickets; rejects with `code` SIGNED_OUT
 * when the sign-in expired), `url` (default: /signaling on this page's host), and for tests `WebSocket`, `network`
 * (an event target with `online`/`offline` events, default `window`) and `timers` ({setTimeout, clearTimeout}, and
 * `now` in ms when the test's clock has one). `probeWhenQuietMs` (default 0: off): after this long without a message
 * from the server, send a `ping`, so that `silentForMs` keeps growing only on a link that has stalled.
 */
export class Signaling {
    #handlers;
    #url;
    #fetchTicket;
    #WebSocket;
    #timers;
    #iceServers = [];
    #socket = null;
    #pending = new Map();
    #nextRequest = 1;
    #sessionId = null;
    #resumeToken = null;
    #closing = false;
    #reconnecting = false;
    #welcome = null;
    #wakeUp = null;
    #probeWhenQuietMs;
    #probeTimer = null;
    #probing = false;
    #lastHeard = 0;
    roles = [];
    /** What this page sent and which refusals it got, for the browser tests (e.g. that no RATE_LIMITED came). */
    stats = {sent: 0, errors: {}};

    constructor(handlers, {fetchTicket, url, WebSocket, network = globalThis.window, timers = globalThis,
        probeWhenQuietMs = 0} = {}) {
        for (const type of [...EVENT_TYPES, 'resumed', 'error', 'connection']) {
            if (typeof handlers[type] !== 'function') {
                throw new TypeError(`signaling: the page has no handler for "${type}"`);
            }
        }
        if (typeof fetchTicket !== 'function') {
            throw new TypeError('signaling: no ticket fetcher');
        }
        this.#handlers = handlers;
        this.#fetchTicket = fetchTicket;
        this.#url = url ?? defaultUrl();
        this.#WebSocket = WebSocket;
        this.#timers = timers;
        this.#probeWhenQuietMs = probeWhenQuietMs;
        // A phone that knows it lost its network should not wait for a heartbeat to notice.
        network?.addEventListener?.('offline', () => this.#socket?.close(4000, 'offline'));
        network?.addEventListener?.('online', () => this.#wakeUp?.());
    }

    /** The ICE servers of this connection's latest welcome (TURN credentials are per connection): a copy. */
    get iceServers() {
        return this.#iceServers.map((server) => ({...server}));
    }

    /**
     * How long the open socket has carried nothing from the server, in ms; 0 while no socket is open (the
     * `connection` states say that). With `probeWhenQuietMs`, more than that plus a round trip means a stalled link.
     */
    get silentForMs() {
        return this.#socket?.readyState === OPEN && !this.#welcome ? Math.max(0, this.#now() - this.#lastHeard) : 0;
    }

    /** Connects (a fresh ticket, a new socket, the welcome). */
    async connect() {
        this.#closing = false;
        this.#state('connecting');
        await this.#open();
        this.#state('open');
        this.#startProbing();
    }

    /** The session joined (or being resumed), or null. */
    get sessionId() {
        return this.#sessionId;
    }

    /**
     * Joins a session's room; resolves with `joined` (status WAITING or PRESENT). `attestedJurisdiction` (US-XX or a
     * country code) goes only with `attestedLocation`.
     */
    async join(sessionId, attestedLocation, attestedJurisdiction) {
        const message = {type: 'join', sessionId};
        if (attestedLocation) {
            message.attestedLocation = attestedLocation;
            if (attestedJurisdiction) {
                message.attestedJurisdiction = attestedJurisdiction;
            }
        }
        const joined = await this.request(message);
        this.#sessionId = sessionId;
        this.#resumeToken = joined.resumeToken;
        return joined;
    }

    /** Leaves the room for good and closes the socket. */
    async leave() {
        try {
            await this.request({type: 'leave'});
        } finally {
            this.close();
        }
    }

    /** Closes without leaving (the seat is held for the grace period, as after a drop). */
    close() {
        this.#closing = true;
        this.#resumeToken = null;
        this.#wakeUp?.();
        this.#socket?.close(1000, 'bye');
        this.#stopProbing();
        this.#state('closed');
    }

    /** Sends a request; resolves with its reply, rejects with a SignalingError for an `error` reply. */
    request(message) {
        const socket = this.#socket;
        if (!socket || socket.readyState !== OPEN) {
            return Promise.reject(new SignalingError('DISCONNECTED', 'Not connected'));
        }
        const requestId = `r-${this.#nextRequest++}`;
        return new Promise((resolve, reject) => {
            const timer = this.#timers.setTimeout(() => {
                this.#pending.delete(requestId);
                reject(new SignalingError('TIMEOUT', 'The server did not answer'));
                // No reply on an open socket: the link is dead without the socket knowing. Replace it.
                if (this.#socket === socket) {
                    socket.close(4000, 'no reply');
                }
            }, REPLY_TIMEOUT_MS);
            this.#pending.set(requestId, {resolve, reject, timer});
            socket.send(JSON.stringify({...message, requestId}));
            this.stats.sent++;
        });
    }

    #open() {
        const ticketed = Promise.resolve().then(() => this.#fetchTicket());
        return ticketed.then((reply) => new Promise((resolve, reject) => {
            const ticket = reply?.ticket;
            if (typeof ticket !== 'string' || !/^[A-Za-z0-9_-]{20,128}$/.test(ticket)) {
                reject(new SignalingError('TICKET_INVALID', 'The server sent no usable ticket'));
                return;
            }
            // Looked up now, not at load: a test harness may wrap the page's WebSocket.
            const Socket = this.#WebSocket ?? globalThis.WebSocket;
            const socket = new Socket(this.#url, ['mend.v1', `mend.ticket.${ticket}`]);
            this.#socket = socket;
            // A new connection: the last one's TURN credentials are not this one's.
            this.#iceServers = [];
            const timer = this.#timers.setTimeout(() => socket.close(4000, 'connect timeout'), CONNECT_TIMEOUT_MS);
            this.#welcome = {
                resolve: () => {
                    this.#timers.clearTimeout(timer);
                    resolve();
                },
                reject: (error) => {
                    this.#timers.clearTimeout(timer);
                    reject(error);
                },
            };
            socket.onmessage = (event) => this.#receive(socket, event.data);
            socket.onclose = (event) => this.#closed(socket, event);
        }), (error) => {
            throw new SignalingError(error.code === 'SIGNED_OUT' ? 'SIGNED_OUT' : 'TICKET_UNAVAILABLE', error.message);
        });
    }

    #closed(socket, event) {
        if (socket !== this.#socket) {
            return;
        }
        this.#socket = null;
        for (const [, pending] of this.#pending) {
            this.#timers.clearTimeout(pending.timer);
            pending.reject(new SignalingError('DISCONNECTED', 'The connection closed'));
        }
        this.#pending.clear();
        if (this.#welcome) {
            this.#welcome.reject(new SignalingError(event.reason || 'CLOSED', 'The connection closed'));
            this.#welcome = null;
            return; // the attempt that opened it decides what next
        }
        if (this.#closing) {
            return;
        }
        if (event.reason === 'RESUMED_ELSEWHERE') {
            // The same person resumed from another tab or device: this page must not take the seat back.
            this.#resumeToken = null;
            this.#state('replaced');
            return;
        }
        if (!this.#resumeToken) {
            this.#state('closed', event.reason);
            return;
        }
        this.#reconnect();
    }

    /** New ticket, new socket, `resume` with the latest token; again with back-off until it works or cannot. */
    async #reconnect() {
        if (this.#reconnecting) {
            return;
        }
        this.#reconnecting = true;
        this.#state('reconnecting');
        try {
            for (let attempt = 0; !this.#closing; attempt++) {
                try {
                    await this.#open();
                    const resumed = await this.request({type: 'resume', sessionId: this.#sessionId,
                        resumeToken: this.#resumeToken});
                    this.#resumeToken = resumed.resumeToken;
                    this.#state('open');
                    this.#startProbing();
                    this.#handlers.resumed(resumed);
                    return;
                } catch (error) {
                    if (error.code === 'SIGNED_OUT') {
                        this.#state('signedOut');
                        return;
                    }
                    if (RESUME_IS_OVER.has(error.code)) {
                        this.#resumeToken = null;
                        this.#state('lost', error.code);
                        return;
                    }
                    console.warn('mend signaling: reconnect attempt failed', error.code);
                    if (this.#socket) {
                        const stale = this.#socket;
                        this.#socket = null;
                        stale.close(4000, 'retry');
                    }
                }
                await this.#pause(Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt));
            }
        } finally {
            this.#reconnecting = false;
        }
    }

    /** Waits before the next attempt, or less if the browser says the network is back. */
    #pause(ms) {
        return new Promise((resolve) => {
            const done = () => {
                this.#timers.clearTimeout(timer);
                this.#wakeUp = null;
                resolve();
            };
            const timer = this.#timers.setTimeout(done, ms);
            this.#wakeUp = done;
        });
    }

    #receive(socket, data) {
        if (socket !== this.#socket) {
            return;
        }
        this.#lastHeard = this.#now();
        let message;
        try {
            message = JSON.parse(data);
        } catch (notJson) {
            console.error('mend signaling: a frame that is not JSON');
            return;
        }
        const type = message?.type;
        if (type === 'welcome') {
            this.roles = Array.isArray(message.roles) ? message.roles : [];
            this.#iceServers = validIceServers(message.iceServers);
            this.#welcome?.resolve();
            this.#welcome = null;
        } else if (REPLY_TYPES.includes(type)) {
            this.#reply(message);
        } else if (EVENT_TYPES.includes(type)) {
            if (type === 'dismissed') {
                this.#resumeToken = null; // out of the room: a drop from now on is not something to resume
            }
            this.#handlers[type](message);
        } else {
            console.error('mend signaling: UNKNOWN message type from the server; this page does not handle it:',
                String(type));
        }
    }

    #reply(message) {
        if (message.type === 'error') {
            const code = typeof message.code === 'string' ? message.code : 'UNKNOWN';
            this.stats.errors[code] = (this.stats.errors[code] ?? 0) + 1;
        }
        const pending = message.requestId !== undefined ? this.#pending.get(message.requestId) : undefined;
        if (!pending) {
            if (message.type === 'error') {
                this.#handlers.error(message);
            } else {
                // A reply to a request that already timed out; nothing waits for it any more.
                console.warn('mend signaling: a late reply', message.type);
            }
            return;
        }
        this.#pending.delete(message.requestId);
        this.#timers.clearTimeout(pending.timer);
        if (message.type === 'error') {
            pending.reject(new SignalingError(message.code, message.message));
        } else {
            if (message.type === 'resumed' || message.type === 'joined') {
                this.#resumeToken = message.resumeToken;
            }
            pending.resolve(message);
        }
    }

    // The server's heartbeat is a WebSocket ping, which the browser answers without telling the page; a quiet room
    // and a stalled link look the same from here unless the page asks. One ping at a time, only after a silence.
    #startProbing() {
        this.#stopProbing();
        if (this.#probeWhenQuietMs <= 0) {
            return;
        }
        const tick = () => {
            this.#probeTimer = this.#timers.setTimeout(tick, PROBE_CHECK_MS);
            if (!this.#probing && this.silentForMs >= this.#probeWhenQuietMs) {
                this.#probing = true;
                // A refusal is an answer too (a server without `ping` says UNKNOWN_TYPE); no answer in time
                // replaces the socket, as for any request.
                this.request({type: 'ping'}).catch(() => {}).finally(() => (this.#probing = false));
            }
        };
        this.#probeTimer = this.#timers.setTimeout(tick, PROBE_CHECK_MS);
    }

    #stopProbing() {
        if (this.#probeTimer !== null) {
            this.#timers.clearTimeout(this.#probeTimer);
            this.#probeTimer = null;
        }
    }

    #now() {
        return typeof this.#timers.now === 'number' ? this.#timers.now : Date.now();
    }

    #state(state, detail) {
        if (!['connecting', 'open', 'reconnecting'].includes(state)) {
            this.#stopProbing();
        }
        this.#handlers.connection(state, detail);
    }
}

function defaultUrl() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/signaling`;
}
