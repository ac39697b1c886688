// The live attendance panel's order and words, without the DOM. The sheet (refreshed every 15 s) says where each
// patient is by their presence events; the room (every roomUpdated) knows sooner who waits, who is reconnecting and
// who is in, and this page knows whom it removed. The room's word wins: it is the fresher.
import {lineStatusWords, liveWords} from './attendance-words.js';

/**
 * The panel's order, for a facilitator running the group: first who needs them now (waiting to be let in, then
 * reconnecting: a link in trouble), then who is in the room, then who is expected and not here yet (someone to
 * call), then who left, and last who was removed. Within a state, by name.
 */
export const ROSTER_ORDER = Object.freeze(['WAITING', 'RECONNECTING', 'IN_ROOM', 'NOT_ARRIVED', 'LEFT', 'REMOVED']);

/**
 * What the room says about patients now, by patient id, from a room snapshot (a facilitator's: waiting and
 * participants carry patientId).
 */
export function roomPresence(room) {
    const waiting = new Set();
    const present = new Set();
    const reconnecting = new Set();
    for (const p of room?.waiting ?? []) {
        if (p.patientId) {
            waiting.add(p.patientId);
        }
    }
    for (const p of room?.participants ?? []) {
        if (p.patientId) {
            (p.reconnecting ? reconnecting : present).add(p.patientId);
        }
    }
    return {waiting, present, reconnecting};
}

/**
 * A live line's state: the room's (waiting, reconnecting, in the room) when it has the patient, else REMOVED when
 * this page removed them (`removed`: patient id -> {at, barred}), else the sheet's liveState. A line with a final
 * status (the session ended) has its status as state.
 */
export function rosterState(line, presence = roomPresence(null), removed = new Map()) {
    if (line.status) {
        return line.status;
    }
    if (presence.waiting.has(line.patientId)) {
        return 'WAITING';
    }
    if (presence.reconnecting.has(line.patientId)) {
        return 'RECONNECTING';
    }
    if (presence.present.has(line.patientId)) {
        return 'IN_ROOM';
    }
    if (removed.has(line.patientId)) {
        return 'REMOVED';
    }
    return line.liveState ?? 'NOT_ARRIVED';
}

/** The status column's words for a line in `state` (rosterState); `time` formats an instant. */
export function rosterWords(line, state, time, removed = new Map()) {
    switch (state) {
        case 'WAITING':
            return 'Waiting to be let in';
        case 'REMOVED': {
            const how = removed.get(line.patientId);
            return `${how?.barred ? 'Removed and barred' : 'Removed'} at ${time(how?.at)}`;
        }
        case 'RECONNECTING':
            return line.liveState === 'RECONNECTING' ? liveWords(line, time) : 'Reconnecting';
        case 'IN_ROOM':
            return line.liveState === 'IN_ROOM' ? liveWords(line, time) : 'In the room';
        default:
            return lineStatusWords(line, time);
    }
}

const rank = (state) => {
    const i = ROSTER_ORDER.indexOf(state);
    return i < 0 ? ROSTER_ORDER.length : i;
};

/** Entries ({state, name, key}) in the panel's order: by ROSTER_ORDER, then name, then key (stable). */
export function sortRoster(entries) {
    return [...entries].sort((a, b) => rank(a.state) - rank(b.state)
        || String(a.name).localeCompare(String(b.name), undefined, {sensitivity: 'base'})
        || String(a.key).localeCompare(String(b.key)));
}
