// The patient's page: today's session, the device check, where they are, the waiting room and the room itself.
// Drives the DOM; the room (signaling and media together) is room-client.js's, devices are devices.js's.
// Just over 450 lines: the page's one flow (check, location, name, waiting room, room) reads best in one place, and
// what needs no DOM (names, the room, devices) is already in those modules.
import {api, format, groupName, todaysSessions, el, showSection} from './api.js';
import {RoomClient, nameIn, roomLabels} from './room-client.js';
import {explainMediaError, levelMeter, listDevices, openLocalMedia} from './devices.js';
import {forgetVideos, tile as participantTile} from './tiles.js';

const $ = (id) => document.getElementById(id);
const sections = {loading: $('loading'), none: $('none'), check: $('check'), waiting: $('waiting'), room: $('room'),
    done: $('done')};

// Words for the refusals a patient can meet; the codes are the protocol's, stable.
const JOIN_REFUSALS = {
    TOO_EARLY: 'The room is not open yet. It opens shortly before the session starts; please try again then.',
    ROOM_NOT_OPEN: 'The room is not open yet. Please try again in a few minutes.',
    ROOM_LOCKED: 'The group is closed to new arrivals right now. Please call your program if you need to join.',
    SESSION_ENDED: 'This session has already ended.',
    SESSION_NOT_JOINABLE: 'This session was cancelled.',
    ACCESS_DENIED: 'You are not on this group\'s list for today. Please call your program.',
    NOT_A_MEMBER: 'You are not on this group\'s list for today. Please call your program.',
    REMOVED_FROM_SESSION: 'You cannot join this session again. Please call your program.',
    ALREADY_JOINED: 'You are already in this session in another window or device.',
    TICKET_UNAVAILABLE: 'Mend could not be reached. Please check your connection and try again.',
    SIGNED_OUT: 'Your sign-in has expired. Please reload the page to sign in again.',
};
const DISMISSALS = {
    LEFT: 'You left the session. Take care.',
    DECLINED: 'Your facilitator could not let you in this time. Please call your program if you have questions.',
    REMOVED: 'Your facilitator removed you from the room. You can join again.',
    REMOVED_AND_BARRED: 'Your facilitator removed you from this session.',
    GRACE_EXPIRED: 'You were disconnected for too long. You can join again; you will wait for your facilitator.',
    SESSION_ENDED: 'The session has ended. Thank you for coming.',
};

// Words for the media session's states (media.js), in the room's media note.
const MEDIA_WORDS = {
    interrupted: 'Reconnecting audio and video… You are still in the group, and the other controls work.',
    retrying: 'Reconnecting audio and video… You are still in the group, and the other controls work.',
    unavailable: 'Audio and video are unavailable. You are still in the group: your facilitator can see that you '
        + 'are here, and the other controls work.',
};

const state = {
    sessions: [],
    localStream: null,
    meter: null,
    checked: false,
    room: null,
    cameraOff: false,
    audioOnly: false,
    lowBandwidth: false,
    labels: new Map(),
    chosenName: null,
    keepAlive: null,
};

function pageError(message) {
    $('page-error').textContent = message ?? '';
}

// ---- today's session ----

async function load() {
    try {
        const me = await api.get('me');
        if (!me.roles.includes('patient')) {
            $('none-message').textContent = 'This page is for patients. Your pages are listed on the home page.';
            showSection(sections, 'none');
            return;
        }
        state.chosenName = me.chosenName ?? '';
        $('chosen-name').value = state.chosenName;
        state.sessions = (await todaysSessions()).filter((s) => s.status !== 'CANCELLED');
    } catch (error) {
        pageError(error.message);
        return;
    }
    const joinable = state.sessions.filter((s) => s.status !== 'ENDED' && new Date(s.endsAt) > new Date());
    if (joinable.length === 0) {
        showSection(sections, 'none');
        return;
    }
    const select = $('session');
    for (const session of joinable) {
        const name = session.groupName ?? await groupName(session.groupId);
        select.append(el('option', {value: session.id,
            text: `${name}, ${format.time(session.startsAt)}–${format.time(session.endsAt)}`}));
    }
    describeSession();
    select.addEventListener('change', describeSession);
    showSection(sections, 'check');
}

function selectedSession() {
    return state.sessions.find((s) => s.id === $('session').value);
}

function describeSession() {
    const session = selectedSession();
    $('session-summary').textContent = `${format.day(session.startsAt)}, ${format.time(session.startsAt)} to `
        + `${format.time(session.endsAt)}.` + (session.status === 'LIVE' ? ' The group has started.' : '');
}

// ---- the device check ----

async function startCheck({microphoneId, cameraId} = {}) {
    $('device-message').textContent = '';
    stopLocalMedia();
    try {
        state.localStream = await openLocalMedia({microphoneId, cameraId});
    } catch (error) {
        const explained = explainMediaError(error);
        if (explained.kind === 'missing') {
            // Often a phone or laptop without a camera: try the microphone alone before giving up.
            try {
                state.localStream = await openLocalMedia({microphoneId, video: false});
                explained.message = 'No camera was found: you will join with your microphone only.';
            } catch (noMicrophoneEither) {
                state.localStream = null;
            }
        }
        $('device-message').textContent = explained.message;
    }
    state.checked = true;
    // Swapped into the running publisher, if there is one; else sent once in the room.
    client.setLocalStream(state.localStream).catch((e) => console.warn('mend patient: new devices', e?.name));
    if (state.localStream) {
        $('preview').srcObject = state.localStream;
        state.meter = levelMeter(state.localStream);
        drawLevel();
        await fillDeviceChoices();
        $('device-controls').hidden = false;
        $('start-check').textContent = 'Check again';
    }
}

function drawLevel() {
    const meter = state.meter;
    if (!meter || meter !== state.meter) {
        return;
    }
    $('mic-level').value = meter.read();
    requestAnimationFrame(() => (meter === state.meter ? drawLevel() : undefined));
}

async function fillDeviceChoices() {
    const {cameras, microphones} = await listDevices();
    const current = (kind) => state.localStream.getTracks().find((t) => t.kind === kind)?.getSettings().deviceId;
    fill($('camera'), cameras, current('video'), 'Camera');
    fill($('microphone'), microphones, current('audio'), 'Microphone');
}

function fill(select, devices, selectedId, fallback) {
    select.replaceChildren(...devices.map((device, index) => el('option', {value: device.deviceId,
        selected: device.deviceId === selectedId, text: device.label || `${fallback} ${index + 1}`})));
    select.disabled = devices.length === 0;
}

async function changeDevice() {
    await startCheck({microphoneId: $('microphone').value, cameraId: $('camera').value});
    if (state.room) {
        renderRoom();
    }
}

function stopLocalMedia() {
    state.meter?.stop();
    state.meter = null;
    state.localStream?.getTracks().forEach((t) => t.stop());
    state.localStream = null;
}

// ---- joining ----

// Checked as the server checks text (plain, one line, a length cap), so that the reason shows at the field.
function validField(id, {missing, max}) {
    const input = $(id);
    const value = input.value.trim();
    let problem = '';
    if (!value) {
        problem = missing;
    } else if (value.length > max) {
        problem = `Please keep it under ${max} characters.`;
    } else if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
        problem = 'Please use plain text.';
    }
    $(`${id}-error`).textContent = problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) {
        input.focus();
        return null;
    }
    return value;
}

/** Saves a changed chosen name before the join, so that the room shows it from this join on. */
async function saveChosenName(name) {
    if (name === state.chosenName) {
        return true;
    }
    try {
        const me = await api.put('me/chosen-name', {chosenName: name});
        $('chosen-name').value = state.chosenName = me.chosenName ?? name;
        return true;
    } catch (error) {
        $('chosen-name-error').textContent = error.code === 'VALIDATION_FAILED'
            ? 'That name could not be used. Please use plain text, up to 100 characters.'
            : 'Your name could not be saved. Please try again.';
        $('chosen-name').focus();
        return false;
    }
}

async function join() {
    if (!state.checked) {
        $('join-status').textContent = 'Please check your camera and microphone first (step 1).';
        $('start-check').focus();
        return;
    }
    const location = validField('location', {missing: 'Please say where you are for this session.', max: 200});
    if (!location) {
        return;
    }
    const chosenName = validField('chosen-name', {max: 100,
        missing: 'Please give the name the group will call you, for example your first name.'});
    if (!chosenName) {
        return;
    }
    const session = selectedSession();
    $('join').disabled = true;
    if (!await saveChosenName(chosenName)) {
        $('join').disabled = false;
        return;
    }
    $('join-status').textContent = 'Joining…';
    // Chosen before joining: the first publish already leaves the video out, and nothing with video is received.
    state.audioOnly = $('join-audio-only').checked;
    client.setAudioOnly(state.audioOnly);
    try {
        const joined = await client.join(session.id, {attestedLocation: location});
        startKeepAlive();
        $('join-status').textContent = '';
        if (joined.status === 'PRESENT') {
            enterRoom(joined.room);
        } else {
            state.room = joined.room;
            showSection(sections, 'waiting');
        }
    } catch (error) {
        client.close();
        $('join-status').textContent = JOIN_REFUSALS[error.code] ?? 'Joining did not work. Please try again.';
    } finally {
        $('join').disabled = false;
    }
}

// A three-hour group makes no page requests; without one now and then the page session (and with it the refresh
// of the sign-in) would lapse, and a reconnect could then get no ticket.
function startKeepAlive() {
    clearInterval(state.keepAlive);
    state.keepAlive = setInterval(() => api.get('me').catch(() => {}), 4 * 60 * 1000);
}

// ---- the room ----

// Media starts by itself (room-client.js): publishing and subscribing as soon as the room says we are present.
function enterRoom(room) {
    state.room = room;
    showSection(sections, 'room');
    showMediaStatus(client.media.status);
    renderRoom();
}

function showMediaStatus(status) {
    $('media-note').textContent = MEDIA_WORDS[status]
        ?? (state.localStream ? '' : 'Your camera and microphone are off: others cannot see or hear you.');
}

function renderRoom() {
    const room = state.room;
    if (!room) {
        return;
    }
    const you = room.you;
    // Toggle buttons keep their words; aria-pressed says whether they are on.
    pressed($('mute'), you.muted);
    pressed($('hand'), you.handRaised);
    pressed($('audio-only'), state.audioOnly);
    pressed($('low-bandwidth'), state.lowBandwidth);
    pressed($('camera-toggle'), state.cameraOff);
    $('camera-toggle').disabled = !state.localStream?.getVideoTracks().length || state.audioOnly;
    if (!room.facilitatorPresent) {
        $('room-notice').textContent = 'Your facilitator is not in the room at the moment.';
    }
    // Low bandwidth: everyone in one picture from the server, above the tiles (which then show no video).
    const grid = client.gridStream;
    $('group-view').hidden = !grid;
    if ($('group-video').srcObject !== grid) {
        $('group-video').srcObject = grid;
    }
    const participants = room.participants.some((p) => p.participantId === client.you)
        ? room.participants : [you, ...room.participants];
    // Other patients by their chosen names, the facilitator by name (the tile's badge says "Facilitator").
    state.labels = roomLabels(room, client.you);
    const tiles = participants.map((p) => tile(p));
    $('tiles').replaceChildren(...tiles);
    forgetVideos(new Set(participants.map((p) => p.participantId)));
}

function tile(p) {
    const isYou = p.participantId === client.you;
    const stream = isYou ? state.localStream : client.remoteStreams.get(p.participantId);
    const hidden = isYou && (state.cameraOff || state.audioOnly);
    return participantTile(p, {name: state.labels.get(p.participantId).tile, isYou, stream: hidden ? null : stream});
}

/** "Dana, your facilitator," when the room names them. */
function byFacilitator(id) {
    const who = nameIn(state.room, id);
    return who ? `${who}, your facilitator,` : 'Your facilitator';
}

function pressed(button, on) {
    button.setAttribute('aria-pressed', String(Boolean(on)));
}

async function command(message, failure) {
    try {
        await client.request(message);
    } catch (error) {
        console.warn('mend patient: refused', message.type, error.code);
        $('room-notice').textContent = failure;
    }
}

function leaveRoom(reason) {
    clearInterval(state.keepAlive);
    state.room = null;
    $('group-video').srcObject = null;
    $('join-audio-only').checked = state.audioOnly;
    $('done-message').textContent = reason;
    $('rejoin').hidden = false;
    showSection(sections, 'done');
}

// ---- what the room says: room-client.js passes on what this page shows ----

const client = new RoomClient({
    roomChanged(room) {
        state.room = room;
        if (!sections.room.hidden) {
            renderRoom();
        }
    },
    admitted(room) {
        enterRoom(room);
    },
    dismissed(reason) {
        leaveRoom(DISMISSALS[reason] ?? 'You are out of the room.');
        if (reason === 'REMOVED_AND_BARRED' || reason === 'SESSION_ENDED') {
            $('rejoin').hidden = true;
            stopLocalMedia();
        }
    },
    muteRequested(by) {
        $('room-notice').textContent = `${byFacilitator(by)} asks you to mute your microphone. Use the Mute button.`;
        $('mute').focus();
    },
    muted(by) {
        $('room-notice').textContent = `${byFacilitator(by)} muted your microphone. `
            + 'Unmute when you are ready to speak.';
    },
    resumed(message) {
        state.room = message.room;
        $('connection').textContent = '';
        $('room-notice').textContent = 'You are back in the group.';
        if (message.status === 'PRESENT') {
            if (sections.room.hidden) {
                enterRoom(message.room);
            } else {
                renderRoom(); // media is made again by itself: the old peer connections died with the link
            }
        }
    },
    mediaStatus(status) {
        showMediaStatus(status);
    },
    streamsChanged() {
        if (state.room && !sections.room.hidden) {
            renderRoom();
        }
    },
    error(message) {
        console.warn('mend patient: the server refused a message', message.code);
    },
    connection(status, detail) {
        if (status === 'reconnecting') {
            $('connection').textContent = 'Your connection dropped. Reconnecting… You keep your place in the group.';
            $('waiting-message').textContent = 'Your connection dropped. Reconnecting… You keep your place.';
        } else if (status === 'open') {
            $('connection').textContent = '';
            $('waiting-message').textContent = 'Your facilitator will let you in. Please keep this page open.';
        } else if (status === 'lost') {
            leaveRoom(detail === 'SESSION_ENDED' ? DISMISSALS.SESSION_ENDED : DISMISSALS.GRACE_EXPIRED);
        } else if (status === 'replaced') {
            leaveRoom('You joined this session from another window or device, so this page has stepped out.');
        } else if (status === 'signedOut') {
            pageError(JOIN_REFUSALS.SIGNED_OUT);
        } else if (status === 'closed' && state.room && detail) {
            leaveRoom('The connection closed. You can join again.');
        }
    },
}, {fetchTicket: () => api.post('signaling/tickets')});

// For the browser tests: the peer connections (`media.connections()`) and what signaling sent and was refused.
window.mendDiagnostics = client.diagnostics;

// ---- wiring ----

$('start-check').addEventListener('click', () => startCheck());
$('camera').addEventListener('change', changeDevice);
$('microphone').addEventListener('change', changeDevice);
$('join').addEventListener('click', join);
$('leave-waiting').addEventListener('click', () => client.leave().catch(() => leaveRoom(DISMISSALS.LEFT)));
$('leave').addEventListener('click', () => client.leave().catch(() => leaveRoom(DISMISSALS.LEFT)));
$('rejoin').addEventListener('click', () => {
    $('rejoin').hidden = true;
    showSection(sections, 'check');
});
$('mute').addEventListener('click', () => {
    const muting = $('mute').getAttribute('aria-pressed') !== 'true';
    pressed($('mute'), muting);
    client.setMuted(muting).catch((error) => {
        console.warn('mend patient: refused', muting ? 'mute' : 'unmute', error.code);
        $('room-notice').textContent = 'Mute did not reach the group.';
    });
});
$('camera-toggle').addEventListener('click', () => {
    state.cameraOff = !state.cameraOff;
    client.setCameraOn(!state.cameraOff).catch((e) => console.warn('mend patient: camera', e?.name));
    renderRoom();
});
$('hand').addEventListener('click', () => command(state.room.you.handRaised ? {type: 'lowerHand'}
    : {type: 'raiseHand'}, 'Your hand could not be raised. Please try again.'));
$('audio-only').addEventListener('click', () => {
    state.audioOnly = !state.audioOnly;
    renderRoom();
    client.setAudioOnly(state.audioOnly).catch((error) => {
        console.warn('mend patient: refused', 'setAudioOnly', error.code);
        $('room-notice').textContent = 'The group could not be told that you switched audio only.';
    });
});
$('low-bandwidth').addEventListener('click', () => {
    state.lowBandwidth = !state.lowBandwidth;
    renderRoom();
    client.setLowBandwidth(state.lowBandwidth).catch((error) => {
        console.warn('mend patient: refused', 'setLowBandwidth', error.code);
        $('room-notice').textContent = 'The group could not be told that you switched low bandwidth.';
    });
});

load();
