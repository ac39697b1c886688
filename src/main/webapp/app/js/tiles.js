// Participant tiles, shared by the patient's and the facilitator's pages: the words for a participant's state, one
// reused video element per participant, and the tile itself. Each page decides the name (room-client.js's
// roomLabels), whether a picture shows, and which buttons a tile carries. Also which tile is featured (the patient's
// phone layout: mend.css `.tiles.compact`, the featured tile large and the others three to a row), decided without
// the DOM.
import {el} from './api.js';

function badges(p) {
    return [p.role === 'FACILITATOR' && 'Facilitator', p.reconnecting && 'Reconnecting', p.muted && 'Muted',
        p.handRaised && 'Hand raised', p.audioOnly && 'Audio only', p.lowBandwidth && 'Low bandwidth']
        .filter(Boolean);
}

// One video element per participant and stream, reused across renders: a new element would restart the picture
// (a black flash on every room update), while moving the same element within one task keeps it playing.
const videos = new Map();

function videoFor(participantId, stream, isYou) {
    let video = videos.get(participantId);
    if (!video || video.srcObject !== stream) {
        video = el('video', {autoplay: true, playsinline: true, 'aria-hidden': 'true'});
        video.muted = isYou; // the attribute alone does not mute; one's own voice must never echo back
        video.srcObject = stream;
        videos.set(participantId, video);
    }
    return video;
}

/** Drops the video elements of everyone not in {@code keep} (a set of participant ids). */
export function forgetVideos(keep) {
    for (const id of [...videos.keys()]) {
        if (!keep.has(id)) {
            videos.delete(id);
        }
    }
}

/**
 * A participant's tile: the stream's picture when there is one to show (else the name's initial), the name, the
 * state in words (read out through the tile's label), and the page's buttons for this participant. `record` (a
 * facilitator's page only) is the patient record's name, shown under the name; the tile then carries the record's
 * id too, as the attendance panel's rows do. `featured` marks the tile shown large (featuredTile).
 */
export function tile(p, {name, isYou, stream = null, actions = [], record = null, featured = false}) {
    const words = badges(p);
    const picture = stream ? videoFor(p.participantId, stream, isYou)
        : el('div', {class: 'placeholder', 'aria-hidden': 'true', text: name.charAt(0)});
    return el('li', {class: `tile${p.reconnecting ? ' reconnecting' : ''}${p.handRaised ? ' hand' : ''}`
            + `${featured ? ' featured' : ''}`,
            dataset: {participantId: p.participantId, role: p.role, self: String(isYou),
                reconnecting: String(p.reconnecting), handRaised: String(p.handRaised), audioOnly: String(p.audioOnly),
                muted: String(p.muted), ...(p.patientId ? {patientId: p.patientId} : {})},
            'aria-label': [name, record && `record ${record}`, ...words].filter(Boolean).join(', ')},
        picture,
        el('p', {class: 'name', text: name}),
        record ? el('p', {class: 'record hint', text: record}) : null,
        el('ul', {class: 'badges', 'aria-hidden': 'true'}, words.map((w) => el('li', {
            class: `badge${w === 'Hand raised' ? ' hand' : ''}${w === 'Reconnecting' ? ' reconnecting' : ''}`,
            text: w}))),
        actions.length ? el('div', {class: 'actions'}, actions) : null);
}

// ---- which tile is large: the one speaking, else the facilitator ----

/**
 * The participant id to show large: the active speaker when there is one in the room (never oneself: one knows
 * when one speaks), else the first facilitator present, else nobody (an even grid).
 */
export function featuredTile(participants, {speakerId = null, youId = null} = {}) {
    const others = participants.filter((p) => p.participantId !== youId);
    if (speakerId && others.some((p) => p.participantId === speakerId)) {
        return speakerId;
    }
    return others.find((p) => p.role === 'FACILITATOR')?.participantId ?? null;
}

// Speech sits well above this (0–1, as getStats' audioLevel); room noise and breathing below it.
const SPEAKING_LEVEL = 0.05;
// A new speaker takes over only after the current one has held the large tile this long: no flicker on crosstalk.
const MIN_HOLD_MS = 1500;
// A speaker quiet this long hands the large tile back (to the facilitator).
const QUIET_MS = 4000;

/**
 * The active speaker from successive audio levels (`update(levels, at)`: participant id -> level 0–1, at in ms),
 * held for a moment so that the large tile does not jump at every breath. Returns the speaker's id or null.
 */
export class SpeakerTracker {
    #current = null;
    #since = 0;
    #lastSpoke = 0;

    get current() {
        return this.#current;
    }

    update(levels, at) {
        let loudest = null;
        let loudestLevel = SPEAKING_LEVEL;
        for (const [id, level] of levels) {
            if (level >= loudestLevel) {
                loudest = id;
                loudestLevel = level;
            }
        }
        if (loudest !== null && levels.get(this.#current) >= SPEAKING_LEVEL) {
            this.#lastSpoke = at; // the current speaker still speaks, even if someone is louder for a moment
        }
        if (loudest === this.#current && loudest !== null) {
            this.#lastSpoke = at;
        } else if (loudest !== null && (this.#current === null || at - this.#since >= MIN_HOLD_MS)) {
            this.#current = loudest;
            this.#since = at;
            this.#lastSpoke = at;
        } else if (loudest === null && this.#current !== null && at - this.#lastSpoke >= QUIET_MS) {
            this.#current = null;
        }
        return this.#current;
    }
}
