// Participant tiles, shared by the patient's and the facilitator's pages: the words for a participant's state, one
// reused video element per participant, and the tile itself. Each page decides the name (room-client.js's
// roomLabels), whether a picture shows, and which buttons a tile carries.
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
 * id too, as the attendance panel's rows do.
 */
export function tile(p, {name, isYou, stream = null, actions = [], record = null}) {
    const words = badges(p);
    const picture = stream ? videoFor(p.participantId, stream, isYou)
        : el('div', {class: 'placeholder', 'aria-hidden': 'true', text: name.charAt(0)});
    return el('li', {class: `tile${p.reconnecting ? ' reconnecting' : ''}${p.handRaised ? ' hand' : ''}`,
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
