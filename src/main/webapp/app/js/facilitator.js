// The facilitator's page: today's sessions, the room (waiting list, tiles, controls, live attendance) and the
// sign-off after the end. Drives the DOM; the room (signaling and media together) is room-client.js's.
import {api, format, groupName, todaysSessions, el, showSection} from './api.js';
import {RoomClient, nameIn, roomLabels} from './room-client.js';
import {explainMediaError, openLocalMedia} from './devices.js';
import {forgetVideos, tile as participantTile} from './tiles.js';
import {amendButton} from './amend-form.js';
import {lineWords} from './amendment.js';
import {flagText, lineStatusWords, modalityText, statusWords} from './attendance-words.js';
import {stackOnNarrowScreens} from './tables.js';

const $ = (id) => document.getElementById(id);
const sections = {sessions: $('sessions'), room: $('room'), signoff: $('signoff')};

// The live sheet changes by the minute; a refresh this often keeps the panel honest without loading the server.
const ATTENDANCE_REFRESH_MS = 15000;
// After the end, the session's ENDED status is recorded off the room's thread; look again this often until it is.
const ENDED_RECHECK_MS = 2000;

// Words for the media session's states (media.js), in the room's media note.
const ROOM_GOES_ON = 'The room, the waiting list, the controls and attendance work as usual.';
const MEDIA_WORDS = {
    interrupted: `Reconnecting audio and video… ${ROOM_GOES_ON}`,
    retrying: `Reconnecting audio and video… ${ROOM_GOES_ON}`,
    unavailable: `Audio and video are unavailable. ${ROOM_GOES_ON}`,
};

const state = {
    session: null,
    room: null,
    localStream: null,
    cameraOff: false,
    labels: new Map(),
    patientNames: new Map(),
    attendanceTimer: null,
    endedTimer: null,
};

function pageError(message) {
    $('page-error').textContent = message ?? '';
}

// ---- today's sessions ----

async function loadSessions() {
    showSection(sections, 'sessions');
    try {
        const me = await api.get('me');
        if (!me.roles.includes('facilitator') && !me.roles.includes('admin')) {
            $('sessions-status').textContent = 'This page is for facilitators.';
            return;
        }
        const sessions = (await todaysSessions()).filter((s) => s.status !== 'CANCELLED');
        const items = [];
        for (const session of sessions) {
            const name = session.groupName ?? await groupName(session.groupId);
            const ended = session.status === 'ENDED';
            items.push(el('li', {dataset: {sessionId: session.id}},
                el('span', {}, el('strong', {text: name}),
                    ` ${format.time(session.startsAt)}–${format.time(session.endsAt)}`,
                    el('span', {class: 'badge', text: session.status === 'LIVE' ? 'Live' : ended ? 'Ended'
                        : session.status === 'NOT_HELD' ? 'Not held' : 'Scheduled'})),
                el('button', {type: 'button', 'aria-label': `${ended ? 'Attendance' : 'Open room'}: ${name}`,
                    text: ended ? 'Attendance' : 'Open room',
                    onclick: () => (ended ? openSignOff(session, name) : openRoom(session, name))})));
        }
        $('session-list').replaceChildren(...items);
        $('sessions-status').textContent = sessions.length ? '' : 'No sessions today.';
    } catch (error) {
        pageError(error.message);
    }
}

// ---- the room ----

async function openRoom(session, name) {
    state.session = session;
    state.name = name;
    $('room-title').textContent = `Room: ${name}`;
    pageError('');
    $('sessions-notice').textContent = '';
    try {
        const joined = await client.join(session.id);
        state.room = joined.room;
    } catch (error) {
        client.close();
        pageError(`The room could not be opened (${error.message}).`);
        return;
    }
    showSection(sections, 'room');
    showMediaStatus(client.media.status);
    render();
    refreshAttendance();
    clearInterval(state.attendanceTimer);
    state.attendanceTimer = setInterval(refreshAttendance, ATTENDANCE_REFRESH_MS);
    startMedia();
}

// Subscriptions start at the join (room-client.js); publishing as soon as the camera is open.
async function startMedia() {
    state.cameraOff = false;
    client.setCameraOn(true);
    let stream;
    try {
        stream = await openLocalMedia();
    } catch (error) {
        $('media-note').textContent = explainMediaError(error).message;
        return;
    }
    if (!state.room) {
        stream.getTracks().forEach((t) => t.stop()); // the room was left while the camera was opening
        return;
    }
    state.localStream = stream;
    render();
    await client.setLocalStream(stream);
}

function showMediaStatus(status) {
    $('media-note').textContent = MEDIA_WORDS[status] ?? '';
}

function render() {
    const room = state.room;
    // Names come with the room, by participant: the same after a reload or a resume, whoever arrived first.
    state.labels = roomLabels(room, client.you);
    const locked = room.status === 'LOCKED';
    $('room-status').textContent = locked ? 'The room is locked: no new patient can join.'
        : 'The room is open.';
    // Toggle buttons keep their words; aria-pressed says whether they are on.
    pressed($('lock'), locked);
    pressed($('mute'), room.you.muted);
    pressed($('camera-toggle'), state.cameraOff);

    $('waiting-empty').hidden = room.waiting.length > 0;
    $('waiting-list').replaceChildren(...room.waiting.map((p) => {
        const {name, record} = state.labels.get(p.participantId);
        return el('li', {dataset: {participantId: p.participantId, ...(p.patientId ? {patientId: p.patientId} : {})}},
            el('span', {}, el('span', {class: 'name', text: `${name} is waiting`}),
                record ? el('span', {class: 'record hint', text: ` (record: ${record})`}) : null),
            el('span', {class: 'actions'},
                el('button', {type: 'button', 'aria-label': `Admit ${name}`, text: 'Admit',
                    onclick: () => command({type: 'admit', participantId: p.participantId})}),
                el('button', {type: 'button', class: 'secondary', 'aria-label': `Decline ${name}`, text: 'Decline',
                    onclick: () => command({type: 'decline', participantId: p.participantId})})));
    }));
    const everyone = room.participants.some((p) => p.participantId === client.you)
        ? room.participants : [room.you, ...room.participants];
    $('tiles').replaceChildren(...everyone.map(tile));
    forgetVideos(new Set(everyone.map((p) => p.participantId)));
}

function tile(p) {
    const isYou = p.participantId === client.you;
    const {name, tile: tileName, record} = state.labels.get(p.participantId);
    const stream = isYou ? state.localStream : client.remoteStreams.get(p.participantId);
    const actions = [];
    if (!isYou && p.role === 'PATIENT') {
        if (p.handRaised) {
            actions.push(el('button', {type: 'button', class: 'secondary', 'aria-label': `Lower ${name}'s hand`,
                text: 'Lower hand', onclick: () => command({type: 'lowerHand', participantId: p.participantId})}));
        }
        if (!p.muted) {
            actions.push(el('button', {type: 'button', class: 'secondary', 'aria-label': `Ask ${name} to mute`,
                text: 'Ask to mute', onclick: () => command({type: 'askToMute', participantId: p.participantId})}));
        }
        actions.push(el('button', {type: 'button', class: 'danger', 'aria-label': `Remove ${name}`, text: 'Remove',
            onclick: async () => {
                if (await confirm(`Remove ${name} from the room? They will not be able to come back to this session.`)) {
                    command({type: 'remove', participantId: p.participantId, bar: true});
                }
            }}));
    }
    return participantTile(p, {name: tileName, isYou, stream: isYou && state.cameraOff ? null : stream, actions,
        record});
}

function pressed(button, on) {
    button.setAttribute('aria-pressed', String(Boolean(on)));
}

async function command(message) {
    try {
        await client.request(message);
    } catch (error) {
        console.warn('mend facilitator: refused', message.type, error.code);
        $('room-notice').textContent = error.code === 'ROOM_FULL' ? 'All 12 patient seats are taken.'
            : `That did not work (${error.message}).`;
    }
}

function confirm(text) {
    const dialog = $('confirm');
    $('confirm-text').textContent = text;
    dialog.showModal();
    return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'),
        {once: true}));
}

// ---- attendance ----

async function patientName(patientId) {
    if (!state.patientNames.has(patientId)) {
        state.patientNames.set(patientId, api.get(`patients/${encodeURIComponent(patientId)}`)
            .then((p) => p.displayName).catch(() => 'A patient'));
    }
    return state.patientNames.get(patientId);
}

async function refreshAttendance() {
    if (!state.session) {
        return;
    }
    try {
        const sheet = await api.get(`attendance/sessions/${encodeURIComponent(state.session.id)}`);
        const rows = [];
        for (const line of sheet.lines) {
            rows.push(el('tr', {dataset: {patientId: line.patientId}},
                el('th', {scope: 'row', text: await patientName(line.patientId)}),
                el('td', {text: lineStatusWords(line, format.time)}),
                el('td', {text: format.time(line.firstAdmitted)}),
                el('td', {text: format.minutes(line.minutesPresent)}),
                el('td', {text: modalityText(line.minutesByModality, format.minutes)}),
                el('td', {text: flagText(line.flags)}),
                el('td', {text: line.attestedLocation ?? '—'})));
        }
        $('attendance').tBodies[0].replaceChildren(...rows);
        $('attendance-updated').textContent = `Updated ${format.time(new Date())}.`;
    } catch (error) {
        $('attendance-updated').textContent = `Attendance could not be loaded (${error.message}).`;
    }
}

// ---- the end and the sign-off ----

async function openSignOff(session, name) {
    state.session = session;
    clearInterval(state.attendanceTimer);
    $('signoff-title').textContent = `Sign attendance: ${name ?? state.name}`;
    showSection(sections, 'signoff');
    await loadSheet();
}

async function loadSheet() {
    clearTimeout(state.endedTimer);
    let sheet;
    try {
        sheet = await api.get(`attendance/sessions/${encodeURIComponent(state.session.id)}`);
    } catch (error) {
        $('signoff-status').textContent = `The attendance sheet could not be loaded (${error.message}).`;
        return;
    }
    const rows = [];
    for (const line of sheet.lines) {
        const name = await patientName(line.patientId);
        const excusable = !sheet.signed && line.minutesPresent === 0;
        const box = excusable ? el('input', {type: 'checkbox', id: `excuse-${line.patientId}`,
            dataset: {patientId: line.patientId}}) : null;
        const reason = excusable ? el('input', {type: 'text', id: `reason-${line.patientId}`, maxlength: '300',
            'aria-label': `Reason ${name} is excused`}) : null;
        const shown = lineWords(line, statusWords, format.minutes);
        const amend = sheet.signed && line.recordId ? amendButton({line, name, creditMinutes: sheet.creditMinutes,
            onAmended: loadSheet, status: $('signoff-status')}) : null;
        rows.push(el('tr', {dataset: {patientId: line.patientId}},
            el('th', {scope: 'row', text: name}),
            el('td', {text: line.status ? shown.status : lineStatusWords(line, format.time)}),
            el('td', {text: shown.minutes}),
            el('td', {text: flagText(line.flags)}),
            el('td', {text: line.explanation ?? ''}),
            el('td', {}, excusable ? [el('label', {for: `excuse-${line.patientId}`, text: `Excuse ${name}`}), box,
                reason] : amend ?? '—')));
    }
    $('sheet').tBodies[0].replaceChildren(...rows);
    if (sheet.signed) {
        $('signoff-status').textContent = `Attendance signed ${format.dateTime(sheet.signedAt)}.`;
        $('sign').disabled = true;
    } else if (sheet.sessionStatus !== 'ENDED') {
        $('signoff-status').textContent = 'Finishing the session\'s record… You can sign in a moment.';
        $('sign').disabled = true;
        state.endedTimer = setTimeout(loadSheet, ENDED_RECHECK_MS);
    } else {
        $('signoff-status').textContent = 'Check the attendance, excuse absences with a reason if needed, then sign.';
        $('sign').disabled = false;
    }
}

async function sign() {
    const excused = [];
    for (const box of $('sheet').querySelectorAll('input[type="checkbox"]:checked')) {
        const reason = $(`reason-${box.dataset.patientId}`).value.trim();
        if (!reason || reason.length > 300) {
            $('signoff-error').textContent = 'Give a reason (up to 300 characters) for every excused patient.';
            $(`reason-${box.dataset.patientId}`).focus();
            return;
        }
        excused.push({patientId: box.dataset.patientId, reason});
    }
    $('signoff-error').textContent = '';
    $('sign').disabled = true;
    try {
        await api.post(`attendance/sessions/${encodeURIComponent(state.session.id)}/sign-off`, {excused});
    } catch (error) {
        $('signoff-error').textContent = `Signing did not work (${error.message}).`;
        $('sign').disabled = false;
        return;
    }
    await loadSheet();
}

function leaveRoomView() {
    clearInterval(state.attendanceTimer);
    state.room = null;
    state.localStream?.getTracks().forEach((t) => t.stop());
    state.localStream = null;
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
        backToSessions();
    }
}

function backToSessions() {
    leaveRoomView();
    loadSessions().then(() => {
        $('sessions-notice').textContent = 'You left the room. It stays open for the others in it.';
    });
}

// ---- what the room says: room-client.js passes on what this page shows ----

const client = new RoomClient({
    roomChanged(room) {
        const before = state.room;
        state.room = room;
        render();
        if (before && before.participants.length !== room.participants.length) {
            refreshAttendance();
        }
    },
    dismissed(reason) {
        if (reason === 'LEFT') {
            backToSessions();
        } else if (reason === 'SESSION_ENDED') {
            leaveRoomView();
            openSignOff(state.session);
        } else {
            leaveRoomView();
            pageError(`You are out of the room (${reason.toLowerCase().replaceAll('_', ' ')}).`);
            loadSessions();
        }
    },
    muteRequested(by) {
        const who = nameIn(state.room, by) ?? 'Your co-facilitator';
        $('room-notice').textContent = `${who} asks you to mute.`;
    },
    muted(by) {
        const who = nameIn(state.room, by) ?? 'your co-facilitator';
        $('room-notice').textContent = `You were muted by ${who}.`;
    },
    resumed(message) {
        state.room = message.room;
        $('connection').textContent = '';
        render(); // media is made again by itself: the old peer connections died with the link
    },
    mediaStatus(status) {
        showMediaStatus(status);
    },
    streamsChanged() {
        if (state.room && !sections.room.hidden) {
            render();
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
            loadSessions();
        } else if (status === 'signedOut') {
            pageError('Your sign-in has expired. Please reload the page to sign in again.');
        }
    },
}, {fetchTicket: () => api.post('signaling/tickets')});

// For the browser tests: the peer connections (`media.connections()`) and what signaling sent and was refused.
window.mendDiagnostics = client.diagnostics;

// ---- wiring ----

$('mute').addEventListener('click', () => {
    const muting = $('mute').getAttribute('aria-pressed') !== 'true';
    pressed($('mute'), muting);
    client.setMuted(muting).catch((error) => {
        console.warn('mend facilitator: refused', muting ? 'mute' : 'unmute', error.code);
        $('room-notice').textContent = `That did not work (${error.message}).`;
    });
});
$('camera-toggle').addEventListener('click', () => {
    state.cameraOff = !state.cameraOff;
    client.setCameraOn(!state.cameraOff).catch((e) => console.warn('mend facilitator: camera', e?.name));
    render();
});
$('leave-room').addEventListener('click', leaveRoom);
$('mute-all').addEventListener('click', () => command({type: 'muteAll'}));
$('lock').addEventListener('click', () => command({type: state.room.status === 'LOCKED' ? 'unlock' : 'lock'}));
$('end').addEventListener('click', async () => {
    if (await confirm('End the session for everyone? Nobody can join it again.')) {
        // Everyone's `dismissed` (ours too, which closes this socket) comes before the `ok`; a closed socket after
        // that is the end going as planned, not a failure.
        client.request({type: 'endSession'}).catch((error) => {
            if (error.code !== 'DISCONNECTED') {
                $('room-notice').textContent = `The session could not be ended (${error.message}).`;
            }
        });
    }
});
$('sign').addEventListener('click', sign);
$('back').addEventListener('click', () => {
    clearTimeout(state.endedTimer);
    loadSessions();
});

stackOnNarrowScreens($('attendance'));
stackOnNarrowScreens($('sheet'));
loadSessions();
