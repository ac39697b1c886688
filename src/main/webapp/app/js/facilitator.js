// The facilitator's page: which view shows (today's sessions, the room, the sign-off), what the room says, and the
// room's toolbar. Each view is a module of its own: facilitator-sessions.js (the list), facilitator-room.js (waiting
// list and tiles), facilitator-roster.js (the live attendance panel), facilitator-signoff.js (the sheet, excuses,
// not held). The room (signaling and media together) is room-client.js's.
import {api, showSection} from './api.js';
import {RoomClient, nameIn} from './room-client.js';
import {explainMediaError, openLocalMedia} from './devices.js';
import {stackOnNarrowScreens} from './tables.js';
import {Announcer} from './announcer.js';
import {confirmDialog} from './confirm.js';
import {PatientNames} from './patient-names.js';
import {SessionList} from './facilitator-sessions.js';
import {RoomView, pressed} from './facilitator-room.js';
import {LiveRoster} from './facilitator-roster.js';
import {SignOffView} from './facilitator-signoff.js';

const $ = (id) => document.getElementById(id);
const sections = {sessions: $('sessions'), room: $('room'), signoff: $('signoff')};

// Words for the media session's states (media.js), in the room's media note.
const ROOM_GOES_ON = 'The room, the waiting list, the controls and attendance work as usual.';
const MEDIA_WORDS = {
    interrupted: `Reconnecting audio and video… ${ROOM_GOES_ON}`,
    retrying: `Reconnecting audio and video… ${ROOM_GOES_ON}`,
    unavailable: `Audio and video are unavailable. ${ROOM_GOES_ON}`,
};

const announcer = new Announcer($('announcer'));
const names = new PatientNames();
// Whom this page removed in the current room, by patient id: the live roster says so until they are back.
const removed = new Map();
const state = {session: null, name: null};

function pageError(message) {
    $('page-error').textContent = message ?? '';
}

/** A visible notice that is also said, once, in the page's live region. */
function notice(id, text) {
    $(id).textContent = text;
    announcer.say(text);
}

// ---- the views ----

const sessionList = new SessionList({
    open: (session, name) => openRoom(session, name),
    signOff: (session, name) => openSignOff(session, name),
    notHeld: (session, name) => openSignOff(session, name),
});
const signOff = new SignOffView({names, announcer});

async function showSessions(message) {
    signOff.stop();
    showSection(sections, 'sessions');
    await sessionList.start();
    if (message) {
        notice('sessions-notice', message);
    }
}

async function openSignOff(session, name) {
    sessionList.stop();
    state.session = session;
    state.name = name ?? state.name;
    roster.stop();
    showSection(sections, 'signoff');
    await signOff.open(session, state.name);
}

// ---- the room ----

async function openRoom(session, name) {
    state.session = session;
    state.name = name;
    $('room-title').textContent = `Room: ${name}`;
    pageError('');
    $('sessions-notice').textContent = '';
    removed.clear();
    roomView.reset();
    try {
        const joined = await client.join(session.id);
        sessionList.stop();
        showSection(sections, 'room');
        showMediaStatus(client.media.status);
        const room = client.room ?? joined.room; // a roomUpdated may have come with the join
        roomView.render(room);
        roster.start(session);
        roster.follow(room);
    } catch (error) {
        client.close();
        pageError(`The room could not be opened (${error.message}).`);
        return;
    }
    startMedia();
}

// Subscriptions start at the join (room-client.js); publishing as soon as the camera is open.
async function startMedia() {
    roomView.cameraOff = false;
    client.setCameraOn(true);
    let stream;
    try {
        stream = await openLocalMedia();
    } catch (error) {
        $('media-note').textContent = explainMediaError(error).message;
        return;
    }
    if (!roomView.room) {
        stream.getTracks().forEach((t) => t.stop()); // the room was left while the camera was opening
        return;
    }
    roomView.localStream = stream;
    roomView.render(roomView.room);
    await client.setLocalStream(stream);
}

function showMediaStatus(status) {
    const words = MEDIA_WORDS[status] ?? '';
    if ($('media-note').textContent !== words) {
        notice('media-note', words);
    }
}

function leaveRoomView() {
    roster.stop();
    roomView.room = null;
    roomView.localStream?.getTracks().forEach((t) => t.stop());
    roomView.localStream = null;
    client.setLocalStream(null);
}

/** Leave, not end: the room stays open for the co-facilitator and the patients. */
async function leaveRoom() {
    $('leave-room').disabled = true;
    try {
        await client.leave();
    } catch (error) {
        // Out either way: a closed socket holds the seat only for the grace period.
        console.warn('mend facilitator: leave', error.code);
    } finally {
        $('leave-room').disabled = false;
    }
    if (!sections.room.hidden) {
        leaveRoomView();
        showSessions('You left the room. It stays open for the others in it.');
    }
}

// ---- what the room says: room-client.js passes on what this page shows ----

const client = new RoomClient({
    roomChanged(room) {
        const before = roomView.room;
        if (!before) {
            return; // not showing a room (the join's own snapshot is rendered by openRoom)
        }
        roomView.render(room);
        roster.follow(room);
        if (before.participants.length !== room.participants.length) {
            roster.refresh();
        }
    },
    dismissed(reason) {
        if (reason === 'LEFT') {
            leaveRoomView();
            showSessions('You left the room. It stays open for the others in it.');
        } else if (reason === 'SESSION_ENDED') {
            leaveRoomView();
            openSignOff(state.session);
        } else {
            leaveRoomView();
            pageError(`You are out of the room (${reason.toLowerCase().replaceAll('_', ' ')}).`);
            showSessions();
        }
    },
    muteRequested(by) {
        notice('room-notice', `${nameIn(roomView.room, by) ?? 'Your co-facilitator'} asks you to mute.`);
    },
    muted(by) {
        notice('room-notice', `You were muted by ${nameIn(roomView.room, by) ?? 'your co-facilitator'}.`);
    },
    resumed(message) {
        $('connection').textContent = '';
        if (roomView.room) {
            roomView.render(message.room); // media is made again by itself: the old peer connections died with the link
            roster.follow(message.room);
        }
    },
    mediaStatus(status) {
        showMediaStatus(status);
    },
    streamsChanged() {
        if (roomView.room && !sections.room.hidden) {
            roomView.render(roomView.room);
        }
    },
    error(message) {
        console.warn('mend facilitator: the server refused a message', message.code);
    },
    connection(status, detail) {
        if (status === 'reconnecting') {
            $('connection').textContent = 'Your connection dropped. Reconnecting… Patients keep their places.';
        } else if (status === 'open') {
            $('connection').textContent = '';
        } else if (status === 'lost' || status === 'replaced') {
            leaveRoomView();
            pageError(status === 'replaced' ? 'You opened this room in another window.'
                : `The connection to the room could not be restored (${detail}).`);
            showSessions();
        } else if (status === 'signedOut') {
            pageError('Your sign-in has expired. Please reload the page to sign in again.');
        }
    },
}, {fetchTicket: () => api.post('signaling/tickets')});

const roomView = new RoomView({client, announcer, removed, notice: (text) => notice('room-notice', text)});
const roster = new LiveRoster({names, removed});

// For the browser tests: the peer connections (`media.connections()`) and what signaling sent and was refused.
window.mendDiagnostics = client.diagnostics;

// ---- wiring ----

$('mute').addEventListener('click', () => {
    const muting = $('mute').getAttribute('aria-pressed') !== 'true';
    pressed($('mute'), muting);
    client.setMuted(muting).catch((error) => {
        console.warn('mend facilitator: refused', muting ? 'mute' : 'unmute', error.code);
        notice('room-notice', `That did not work (${error.message}).`);
    });
});
$('camera-toggle').addEventListener('click', () => {
    roomView.cameraOff = !roomView.cameraOff;
    client.setCameraOn(!roomView.cameraOff).catch((e) => console.warn('mend facilitator: camera', e?.name));
    if (roomView.room) {
        roomView.render(roomView.room);
    }
});
$('leave-room').addEventListener('click', leaveRoom);
$('mute-all').addEventListener('click', () => roomView.command({type: 'muteAll'}));
$('lock').addEventListener('click', () => roomView.command({type: roomView.room.status === 'LOCKED' ? 'unlock'
    : 'lock'}));
$('end').addEventListener('click', async () => {
    if (await confirmDialog('End the session for everyone? Nobody can join it again.', 'End session')) {
        // Everyone's `dismissed` (ours too, which closes this socket) comes before the `ok`; a closed socket after
        // that is the end going as planned, not a failure.
        client.request({type: 'endSession'}).catch((error) => {
            if (error.code !== 'DISCONNECTED') {
                notice('room-notice', `The session could not be ended (${error.message}).`);
            }
        });
    }
});
$('back').addEventListener('click', () => showSessions());

stackOnNarrowScreens($('attendance'));
stackOnNarrowScreens($('sheet'));

(async () => {
    showSection(sections, 'sessions');
    try {
        const me = await api.get('me');
        if (!me.roles.includes('facilitator') && !me.roles.includes('admin')) {
            $('sessions-status').textContent = 'This page is for facilitators.';
            return;
        }
    } catch (error) {
        pageError(error.message);
        return;
    }
    await showSessions();
})();
