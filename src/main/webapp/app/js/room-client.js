// The room as both room pages use it: one signaling connection and one media session, wired together once. Every
// room event lands here first; the media session follows each room snapshot, outages and resumes by itself, and
// the page is told only what it shows. No DOM: the patient's and the facilitator's pages keep theirs.
import {Signaling} from './signaling.js';
import {MediaSession} from './media.js';

const noop = () => {};

// ---- names: how both pages call people, from what the room sends (never from the order a page saw them) ----

// Only when the server has no name for someone (it always has one for a roster it read).
const UNNAMED = {FACILITATOR: 'Facilitator', PATIENT: 'Patient'};

/**
 * What the group calls a participant: the `name` the room sent (a patient's chosen name, a staff member's display
 * name), or their role when it sent none.
 */
export function personName(p) {
    const name = typeof p?.name === 'string' ? p.name.trim() : '';
    return name || UNNAMED[p?.role] || 'Someone';
}

/**
 * Everyone in `room` (you, the participants, the waiting list) by participant id, as this page names them:
 * `name` for sentences ("Admit Ana", "Ana is waiting"), `tile` for their tile ("Ana (you)" for oneself), and
 * `record` (facilitators only: the patient record's name, when it says more than the chosen name) with `patientId`.
 * Two people with the same chosen name are told apart by their record names where the page has them.
 */
export function roomLabels(room, youId) {
    const everyone = new Map();
    for (const p of [room?.you, ...(room?.participants ?? []), ...(room?.waiting ?? [])]) {
        if (p?.participantId && !everyone.has(p.participantId)) {
            everyone.set(p.participantId, p);
        }
    }
    const taken = new Map();
    for (const p of everyone.values()) {
        const name = personName(p);
        taken.set(name, (taken.get(name) ?? 0) + 1);
    }
    const labels = new Map();
    for (const [id, p] of everyone) {
        let name = personName(p);
        const recordName = typeof p.recordName === 'string' && p.recordName.trim() ? p.recordName.trim() : null;
        if (taken.get(name) > 1 && recordName && recordName !== name) {
            name = `${name} (${recordName})`;
        }
        labels.set(id, {
            name,
            tile: id === youId ? (p.name ? `${name} (you)` : 'You') : name,
            record: recordName && recordName !== personName(p) ? recordName : null,
            patientId: p.patientId ?? null,
        });
    }
    return labels;
}

/** The name of participant `id` in `room` (for "Dana asks you to mute"), or null when the page does not know them. */
export function nameIn(room, id) {
    return roomLabels(room, null).get(id)?.name ?? null;
}
const PAGE_CALLBACKS = ['roomChanged', 'admitted', 'dismissed', 'muteRequested', 'muted', 'resumed', 'error',
    'connection', 'mediaStatus', 'streamsChanged'];

/**
 * `page` may have any of: `roomChanged(room)` (a new snapshot: roomUpdated), `admitted(room)`, `dismissed(reason)`,
 * `muteRequested(by)`, `muted(by)`, `resumed(message)` (back after a drop), `error(message)` (a refusal that answers
 * no request), `connection(status, detail)` (as Signaling's), `mediaStatus(status)` (as MediaSession's) and
 * `streamsChanged()` (`remoteStreams` or `gridStream` changed).
 *
 * `options`: `fetchTicket` (required), `probeWhenQuietMs` (Signaling's: ask a quiet link, so that
 * `signaling.silentForMs` shows a stall), and for tests `url`, `WebSocket`, `network`, `timers` (Signaling's) and
 * `mediaEnv` (MediaSession's env).
 */
export class RoomClient {
    /** The participant id of this page in the room, from `joined`. */
    you = null;
    /** The latest room snapshot. */
    room = null;
    /** What each other publisher sends: participant id -> MediaStream. */
    remoteStreams = new Map();
    /** Everyone mixed into one picture (low bandwidth), or null. */
    gridStream = null;

    #page;

    constructor(page, {fetchTicket, url, WebSocket, network, timers, mediaEnv, probeWhenQuietMs} = {}) {
        this.#page = Object.fromEntries(PAGE_CALLBACKS.map((name) => [name, page[name] ?? noop]));
        this.signaling = new Signaling(this.#events(), {fetchTicket, url, WebSocket, network, timers,
            probeWhenQuietMs});
        this.media = new MediaSession({
            request: (message) => this.signaling.request(message),
            iceServers: () => this.signaling.iceServers,
            onRemoteStream: (endpoint, stream) => {
                if (endpoint.kind === 'grid') {
                    this.gridStream = stream;
                } else {
                    this.remoteStreams.set(endpoint.publisherId, stream);
                }
                this.#page.streamsChanged();
            },
            onRemoteGone: (endpoint) => {
                if (endpoint.kind === 'grid') {
                    this.gridStream = null;
                } else {
                    this.remoteStreams.delete(endpoint.publisherId);
                }
                this.#page.streamsChanged();
            },
            onStatus: (status) => this.#page.mediaStatus(status),
        }, mediaEnv);
    }

    /** What a browser test reads: `media.connections()`, `signaling.stats`, `signaling.iceServers`. */
    get diagnostics() {
        return {media: this.media, signaling: this.signaling};
    }

    /**
     * Connects and joins; resolves with `joined` (status WAITING or PRESENT). Media starts at once when present
     * (publishing, and subscribing to everyone already publishing), else at `admitted`.
     */
    async join(sessionId, {attestedLocation, attestedJurisdiction} = {}) {
        await this.signaling.connect();
        const joined = await this.signaling.join(sessionId, attestedLocation, attestedJurisdiction);
        this.you = joined.participantId;
        this.room = joined.room;
        this.media.start();
        this.#follow(this.room);
        // Chosen before joining (or kept from an earlier join of this page): the room shows it to the others, and
        // it is the attendance modality even while nothing is published.
        const you = joined.room?.you;
        if (this.media.audioOnly && you?.audioOnly !== true) {
            this.#announce({type: 'setAudioOnly', enabled: true});
        }
        if (this.media.lowBandwidth && you?.lowBandwidth !== true) {
            this.#announce({type: 'setLowBandwidth', enabled: true});
        }
        return joined;
    }

    /** Leaves the room for good (the room goes on for the others) and closes the socket. */
    async leave() {
        this.#stopMedia();
        await this.signaling.leave();
    }

    /** Closes without leaving (the seat is held for the grace period). */
    close() {
        this.#stopMedia();
        this.signaling.close();
    }

    /** The session this client joined, or null. */
    get sessionId() {
        return this.signaling.sessionId;
    }

    /** A room command (`raiseHand`, `admit`, `lock`...); resolves with the reply. */
    request(message) {
        return this.signaling.request(message);
    }

    /** The camera and microphone to send; null for none. Sent once present. */
    setLocalStream(stream) {
        return this.media.setLocalStream(stream);
    }

    /** Audio only both ways; the room is told too when in it (one's badge, the attendance modality). */
    setAudioOnly(enabled) {
        this.media.setAudioOnly(enabled);
        return this.#tell({type: 'setAudioOnly', enabled: Boolean(enabled)});
    }

    /** Low bandwidth: the grid instead of one subscription per publisher, and a capped video sent. */
    setLowBandwidth(enabled) {
        this.media.setLowBandwidth(enabled);
        return this.#tell({type: 'setLowBandwidth', enabled: Boolean(enabled)});
    }

    setCameraOn(on) {
        return this.media.setCameraOn(on);
    }

    /** Mutes or unmutes one's own microphone at once, and tells the room. */
    setMuted(muted) {
        this.media.setMuted(muted);
        return this.request({type: muted ? 'mute' : 'unmute', participantId: this.you});
    }

    #announce(message) {
        this.request(message).catch((error) => console.warn('mend room: refused', message.type, error.code));
    }

    #tell(message) {
        return this.room && this.you ? this.request(message) : Promise.resolve(null);
    }

    #follow(room) {
        if (room?.you) {
            this.media.setMuted(room.you.muted);
        }
        this.media.sync(room, this.you);
    }

    #stopMedia() {
        this.media.closeAll();
        this.remoteStreams.clear();
        this.gridStream = null;
        this.room = null;
    }

    #events() {
        return {
            roomUpdated: ({room}) => {
                if (!room) {
                    return;
                }
                this.room = room;
                this.#follow(room);
                this.#page.roomChanged(room);
            },
            admitted: ({room}) => {
                // The room comes with the admission: media starts now, not at the next roomUpdated.
                if (room) {
                    this.room = room;
                }
                this.#follow(this.room);
                this.#page.admitted(this.room);
            },
            dismissed: ({reason}) => {
                this.#stopMedia();
                this.#page.dismissed(reason);
                this.signaling.close();
            },
            muteRequested: ({by}) => this.#page.muteRequested(by),
            muted: ({by}) => {
                this.media.setMuted(true);
                this.#page.muted(by);
            },
            iceCandidate: (message) => {
                this.media.addRemoteCandidate(message);
            },
            mediaInterrupted: () => this.media.interrupted(),
            renegotiate: () => this.media.rebuild(),
            resumed: (message) => {
                // A new socket: the old peer connections died with the old one. Make them again from this snapshot.
                this.room = message.room;
                if (message.room?.you) {
                    this.media.setMuted(message.room.you.muted);
                }
                this.media.rebuild(message.room, this.you);
                this.#page.resumed(message);
            },
            error: (message) => this.#page.error(message),
            connection: (status, detail) => {
                if (status === 'lost' || status === 'replaced' || status === 'signedOut' || status === 'closed') {
                    this.#stopMedia();
                }
                this.#page.connection(status, detail);
            },
        };
    }
}
