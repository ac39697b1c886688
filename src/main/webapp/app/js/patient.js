// The patient's page, in five steps: the device check, where they are, how they join (video, audio only or low
// bandwidth, chosen once, before joining: patient-check.js has those three steps' DOM), the waiting room (a
// self-view, whether the facilitator is there) and the group; then the goodbye. What needs no DOM is in
// patient-steps.js (steps, notices, the live region's rule), link-health.js (an unstable link), tiles.js (the
// featured tile) and room-client.js (signaling and media); the check-in step is patient-checkin.js's, the consent
// step and "Your consent" patient-consent.js's.
// About 500 lines: the flow from the join to the goodbye (phases, room events, the link) reads best in one
// place; everything in it that can be decided without the DOM already is, in the modules above.
import {api, addDays, isoDate, query, todaysSessions, showSection} from './api.js';
import {RoomClient, nameIn, roomLabels} from './room-client.js';
import {SpeakerTracker, featuredTile, forgetVideos, tile as participantTile} from './tiles.js';
import {LinkHealth, sampleConnections} from './link-health.js';
import {CONNECTION_WORDS, DISMISSALS, FINAL, JOIN_REFUSALS, MEDIA_WORDS, MODE_WORDS, announcer, facilitatorNote,
    goodbyeText, nextSession, noSessionText} from './patient-steps.js';
import {check, chosenMode, describeSession, offerChosenName, offerSessions, saveChosenName, selectedSession,
    setUpCheck, showMode, showSteps, stopLocalMedia, validChosenName, validJurisdiction, validLocation}
    from './patient-check.js';
import {checkInBeforeJoining, setUpCheckIn} from './patient-checkin.js';
import {bindReminderToggle} from './reminders.js';
import {consentBeforeJoining, setUpConsent, showMine} from './patient-consent.js';

const $ = (id) => document.getElementById(id);
const sections = {loading: $('loading'), none: $('none'), check: $('check'), waiting: $('waiting'), room: $('room'),
    done: $('done'), ended: $('ended')};

// How often the link and the speakers are looked at (getStats on each peer connection).
const WATCH_MS = 1500;
// After this long without a message the page asks the server (a `ping`); see link-health.js for when that is a stall.
const PROBE_WHEN_QUIET_MS = 5000;

const state = {
    phase: 'loading', // loading, none, prepare, waiting, room, out
    sessions: [],
    room: null,
    cameraOff: false,
    audioOnly: false,
    lowBandwidth: false,
    labels: new Map(),
    keepAlive: null,
    watch: null,
    sampling: false,
    link: 'open', // open or reconnecting, as signaling says
    speaker: null,
    facilitatorPresent: null,
    toldUnstable: false,
    joinedSessionId: null,
};
const live = announcer((text) => ($('announcer').textContent = text));
const health = new LinkHealth();
const speakers = new SpeakerTracker();

function pageError(message) {
    $('page-error').textContent = message ?? '';
    live.announce(message);
}

// ---- the steps ----

function setPhase(phase) {
    state.phase = phase;
    renderSteps();
    // "Your consent" (and its withdrawal) belongs before the group, not in it.
    if (['prepare', 'none'].includes(phase)) {
        showMine().catch((error) => console.warn('mend patient: no consent list', error.code));
    } else {
        $('my-consent').hidden = true;
    }
}

const renderSteps = () => showSteps(state.phase);

// ---- reminders by e-mail: the patient's own choice, whatever the day's sessions ----

function offerReminders() {
    bindReminderToggle({box: $('reminders-email'), hint: $('reminders-hint'),
        load: () => api.get('me/reminders'), save: (email) => api.put('me/reminders', {email}),
        announce: (text) => live.announce(text), fail: (text) => ($('reminders-error').textContent = text)})
        .refresh().then(() => ($('reminders').hidden = false))
        .catch(() => ($('reminders').hidden = true));
}

// ---- today's session ----

async function load() {
    try {
        const me = await api.get('me');
        if (!me.roles.includes('patient')) {
            $('none-message').textContent = 'This page is for patients. Your pages are listed on the home page.';
            showNone();
            return;
        }
        offerChosenName(me.chosenName);
        offerReminders();
        state.sessions = (await todaysSessions()).filter((s) => s.status !== 'CANCELLED');
    } catch (error) {
        pageError(error.message);
        return;
    }
    const joinable = state.sessions.filter((s) => s.status !== 'ENDED' && new Date(s.endsAt) > new Date());
    if (joinable.length === 0) {
        $('none-message').textContent = noSessionText(await nextSessionAfter(null));
        showNone();
        return;
    }
    await offerSessions(joinable);
    nextSessionAfter(null); // fetched now, so that the goodbye has it at once
    // "Starts at" turns into "started at" while the page is open.
    setInterval(() => state.phase === 'prepare' && describeSession(state.sessions), 30000);
    setPhase('prepare');
    showSection(sections, 'check');
}

function showNone() {
    setPhase('none');
    showSection(sections, 'none');
}

// The scheduled sessions of the patient's groups in the coming four weeks (the list's own fields: start and the
// group's time zone), fetched once, for "when the next one is".
let upcoming = null;

/** The next session after now, other than the one just joined; null when there is none or the list failed. */
async function nextSessionAfter(exceptId) {
    upcoming ??= api.get(`sessions${query({from: isoDate(addDays(new Date(), -1)),
        to: isoDate(addDays(new Date(), 28)), status: 'SCHEDULED', size: 50})}`)
        .then((page) => page.items).catch(() => []);
    return nextSession(await upcoming, {exceptId});
}

/** After each device check: the new stream goes to the room (swapped into a running publisher) and the self-view. */
function devicesChecked() {
    renderSteps();
    client.setLocalStream(check.localStream).catch((e) => console.warn('mend patient: new devices', e?.name));
    $('self-view').srcObject = check.localStream;
    renderWaiting();
    if (state.phase === 'room') {
        renderRoom();
    }
}

async function join() {
    const location = validLocation();
    if (!location) {
        return;
    }
    const jurisdiction = validJurisdiction();
    if (!jurisdiction) {
        return;
    }
    const chosenName = validChosenName();
    if (!chosenName) {
        return;
    }
    const session = selectedSession(state.sessions);
    $('join').disabled = true;
    if (!await saveChosenName(chosenName)) {
        $('join').disabled = false;
        return;
    }
    // The program's consent texts, when some are still to accept: no join without them (the room would refuse it).
    if (!await consentBeforeJoining(session)) {
        $('join').disabled = false;
        return;
    }
    // Where the program asks one: the check-in, sent or skipped, before the waiting room.
    await checkInBeforeJoining(session);
    $('join-status').textContent = 'Joining…';
    // Chosen once, here: the room is told at the join (the others see it, attendance counts it), and the first
    // publish after the admission already leaves the video out or takes the grid.
    const mode = chosenMode();
    state.audioOnly = mode === 'audio';
    state.lowBandwidth = mode === 'low';
    client.setAudioOnly(state.audioOnly);
    client.setLowBandwidth(state.lowBandwidth);
    try {
        const joined = await client.join(session.id, {attestedLocation: location,
            attestedJurisdiction: jurisdiction});
        state.joinedSessionId = session.id;
        startKeepAlive();
        startWatching();
        $('join-status').textContent = '';
        state.facilitatorPresent = null;
        if (joined.status === 'PRESENT') {
            enterRoom(joined.room);
        } else {
            enterWaiting(joined.room);
        }
    } catch (error) {
        client.close();
        $('join-status').textContent = JOIN_REFUSALS[error.code] ?? 'Joining did not work. Please try again.';
        live.announce($('join-status').textContent);
        if (error.code === 'CONSENT_REQUIRED') {
            // A new version was published (or the consent withdrawn elsewhere) since the page looked: show the text
            // instead of a dead end, and join once it is accepted.
            $('join').disabled = false;
            if (await consentBeforeJoining(session)) {
                return join();
            }
        }
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

// ---- 4. the waiting room ----

function enterWaiting(room) {
    state.room = room;
    setPhase('waiting');
    showSection(sections, 'waiting');
    renderWaiting();
}

function renderWaiting() {
    const video = Boolean(check.localStream?.getVideoTracks().length);
    $('self-view-box').hidden = !video;
    $('waiting-mode').textContent = MODE_WORDS[state.audioOnly ? 'audio' : state.lowBandwidth ? 'low' : 'video'];
    if (state.phase === 'waiting' && state.room) {
        showFacilitator();
    }
}

/** "Your facilitator is here" or not, from the room; said in the live region only when it changes. */
function showFacilitator() {
    const present = Boolean(state.room?.facilitatorPresent);
    const words = facilitatorNote(state.phase, present);
    if (state.phase === 'waiting') {
        $('waiting-message').textContent = words;
    }
    $('facilitator-note').textContent = state.phase === 'room' ? words : '';
    const first = state.facilitatorPresent === null;
    if (state.facilitatorPresent === present) {
        return;
    }
    state.facilitatorPresent = present;
    if (state.phase === 'waiting') {
        live.announce(words);
    } else if (!(first && present)) {
        live.announce(present ? 'Your facilitator is back in the room.' : words);
    }
}

// ---- 5. the group ----

// Media starts by itself (room-client.js): publishing and subscribing as soon as the room says we are present.
function enterRoom(room) {
    state.room = room;
    setPhase('room');
    showSection(sections, 'room');
    showMediaStatus(client.media.status);
    renderRoom();
}

function showMediaStatus(status) {
    $('media-note').textContent = MEDIA_WORDS[status]
        ?? (check.localStream ? '' : 'Your camera and microphone are off: others cannot see or hear you.');
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
    $('camera-toggle').disabled = !check.localStream?.getVideoTracks().length || state.audioOnly;
    showFacilitator();
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
    // On a phone the one speaking (else the facilitator) is large and the others small (mend.css .tiles.compact).
    const featured = featuredTile(participants, {speakerId: state.speaker, youId: client.you});
    $('tiles').replaceChildren(...participants.map((p) => tile(p, p.participantId === featured)));
    forgetVideos(new Set(participants.map((p) => p.participantId)));
}

function tile(p, featured) {
    const isYou = p.participantId === client.you;
    const stream = isYou ? check.localStream : client.remoteStreams.get(p.participantId);
    const hidden = isYou && (state.cameraOff || state.audioOnly);
    return participantTile(p, {name: state.labels.get(p.participantId).tile, isYou, featured,
        stream: hidden ? null : stream});
}

/** "Dana, your facilitator," when the room names them. */
function byFacilitator(id) {
    const who = nameIn(state.room, id);
    return who ? `${who}, your facilitator,` : 'Your facilitator';
}

function pressed(button, on) {
    button.setAttribute('aria-pressed', String(Boolean(on)));
}

function roomNotice(text) {
    $('room-notice').textContent = text;
    live.forget(text); // the same request twice is two requests: say it again
    live.announce(text);
}

async function command(message, failure) {
    try {
        await client.request(message);
    } catch (error) {
        console.warn('mend patient: refused', message.type, error.code);
        roomNotice(failure);
    }
}

// ---- the link: reconnecting (signaling says so) or unstable (link-health.js decides) ----

function startWatching() {
    clearInterval(state.watch);
    health.reset();
    state.link = 'open';
    state.watch = setInterval(watchLink, WATCH_MS);
}

async function watchLink() {
    if (state.sampling) {
        return; // a slow getStats on a busy phone: skip a beat rather than pile up
    }
    state.sampling = true;
    const media = await sampleConnections(client.media.connections()).finally(() => (state.sampling = false));
    const at = Date.now();
    const verdict = health.update({at, signalingOpen: state.link === 'open',
        signalingSilentMs: client.signaling.silentForMs, media});
    if (verdict.changed) {
        showConnection(verdict.unstable ? 'unstable' : 'stable');
    }
    const levels = new Map(media.filter((c) => c.key.startsWith('subscriber:'))
        .map((c) => [c.key.slice('subscriber:'.length), c.audioLevel]));
    const speaker = speakers.update(levels, at);
    if (speaker !== state.speaker) {
        state.speaker = speaker;
        if (state.phase === 'room') {
            renderRoom();
        }
    }
}

function stopWatching() {
    clearInterval(state.watch);
    state.watch = null;
    health.reset();
}

/** The visible state of the link, and its change said once. */
function showConnection(change) {
    const words = state.link === 'reconnecting' ? CONNECTION_WORDS.reconnecting
        : health.unstable ? CONNECTION_WORDS.unstable : '';
    for (const note of [$('connection'), $('waiting-connection')]) {
        note.textContent = words;
        note.dataset.state = state.link === 'reconnecting' ? 'reconnecting' : health.unstable ? 'unstable' : 'stable';
    }
    if (change === 'unstable' || change === 'reconnecting') {
        live.announce(words);
        state.toldUnstable = change === 'unstable';
    } else if (change === 'stable' && state.toldUnstable) {
        live.announce('Your connection is back to normal.');
        state.toldUnstable = false;
    } else if (change === 'open') {
        state.toldUnstable = false; // a resume says "You are back" itself
    }
}

// ---- out of the room ----

/** Out of the room: the page says why, and offers to join again unless that cannot be. */
function leaveRoom(reason, {final = false} = {}) {
    clearInterval(state.keepAlive);
    stopWatching();
    state.room = null;
    state.speaker = null;
    $('group-video').srcObject = null;
    if (final) {
        stopLocalMedia();
        $('self-view').srcObject = null;
        forgetVideos(new Set());
    }
    $('tiles').replaceChildren();
    showMode(state);
    $('done-message').textContent = reason;
    $('rejoin').hidden = final;
    setPhase('out');
    showSection(sections, 'done');
    live.announce(reason);
}

/** The facilitator ended the session: only a goodbye (and when the next session is), media let go. */
async function ended() {
    leaveRoom('', {final: true});
    $('ended-message').textContent = goodbyeText(null);
    showSection(sections, 'ended');
    $('ended-message').textContent = goodbyeText(await nextSessionAfter(state.joinedSessionId));
    live.announce($('ended-message').textContent);
}

// ---- what the room says: room-client.js passes on what this page shows ----

const client = new RoomClient({
    roomChanged(room) {
        state.room = room;
        if (state.phase === 'room') {
            renderRoom();
        } else if (state.phase === 'waiting') {
            renderWaiting();
        }
    },
    admitted(room) {
        enterRoom(room);
        live.announce('You are in the group.');
    },
    dismissed(reason) {
        if (reason === 'SESSION_ENDED') {
            ended();
        } else {
            leaveRoom(DISMISSALS[reason] ?? 'You are out of the room.', {final: FINAL.has(reason)});
        }
    },
    muteRequested(by) {
        roomNotice(`${byFacilitator(by)} asks you to mute your microphone. Use the Mute button.`);
        $('mute').focus();
    },
    muted(by) {
        roomNotice(`${byFacilitator(by)} muted your microphone. Unmute when you are ready to speak.`);
    },
    resumed(message) {
        state.room = message.room;
        state.link = 'open';
        health.reset();
        showConnection('open');
        live.announce(message.status === 'PRESENT' ? 'You are back in the group.' : 'You are back in the waiting room.');
        if (message.status === 'PRESENT') {
            if (state.phase !== 'room') {
                enterRoom(message.room);
            } else {
                renderRoom(); // media is made again by itself: the old peer connections died with the link
            }
        } else {
            renderWaiting();
        }
    },
    mediaStatus(status) {
        showMediaStatus(status);
    },
    streamsChanged() {
        if (state.room && state.phase === 'room') {
            renderRoom();
        }
    },
    error(message) {
        console.warn('mend patient: the server refused a message', message.code);
    },
    connection(status, detail) {
        if (status === 'reconnecting') {
            state.link = 'reconnecting';
            showConnection('reconnecting');
        } else if (status === 'open') {
            state.link = 'open';
            showConnection('open');
        } else if (status === 'lost') {
            if (detail === 'SESSION_ENDED') {
                ended();
            } else {
                leaveRoom(DISMISSALS.GRACE_EXPIRED);
            }
        } else if (status === 'replaced') {
            leaveRoom('You joined this session from another window or device, so this page has stepped out.');
        } else if (status === 'signedOut') {
            pageError(JOIN_REFUSALS.SIGNED_OUT);
        } else if (status === 'closed' && state.room && detail) {
            leaveRoom('The connection closed. You can join again.');
        }
    },
}, {fetchTicket: () => api.post('signaling/tickets'), probeWhenQuietMs: PROBE_WHEN_QUIET_MS});

// For the browser tests: the peer connections (`media.connections()`) and what signaling sent and was refused.
window.mendDiagnostics = client.diagnostics;

// ---- wiring ----

setUpCheck({checked: devicesChecked, located: renderSteps, announce: (text) => live.announce(text)});
setUpCheckIn({render: renderSteps, announce: (text) => live.announce(text)});
setUpConsent({render: renderSteps, announce: (text) => live.announce(text)});
$('join').addEventListener('click', join);
$('leave-waiting').addEventListener('click', () => client.leave().catch(() => leaveRoom(DISMISSALS.LEFT)));
$('leave').addEventListener('click', () => client.leave().catch(() => leaveRoom(DISMISSALS.LEFT)));
$('rejoin').addEventListener('click', () => {
    $('rejoin').hidden = true;
    setPhase('prepare');
    describeSession(state.sessions);
    showSection(sections, 'check');
});
$('mute').addEventListener('click', () => {
    const muting = $('mute').getAttribute('aria-pressed') !== 'true';
    pressed($('mute'), muting);
    client.setMuted(muting).catch((error) => {
        console.warn('mend patient: refused', muting ? 'mute' : 'unmute', error.code);
        roomNotice('Mute did not reach the group.');
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
        roomNotice('The group could not be told that you switched audio only.');
    });
});
$('low-bandwidth').addEventListener('click', () => {
    state.lowBandwidth = !state.lowBandwidth;
    renderRoom();
    client.setLowBandwidth(state.lowBandwidth).catch((error) => {
        console.warn('mend patient: refused', 'setLowBandwidth', error.code);
        roomNotice('The group could not be told that you switched low bandwidth.');
    });
});

load();
