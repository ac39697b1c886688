// The patient's page before joining: the session choice, 1. the device check, 2. where they are, 3. how they join
// (video, audio only or low bandwidth, and the name the group calls them). The DOM of those steps only; patient.js
// runs the flow (which step shows is patient-steps.js's) and joins.
import {api, el, groupName} from './api.js';
import {explainMediaError, levelMeter, listDevices, openLocalMedia} from './devices.js';
import {sessionNotice, stepStates, timeInZone} from './patient-steps.js';
import {isJurisdiction, jurisdictionGroups} from './jurisdictions.js';

const $ = (id) => document.getElementById(id);

/**
 * What the steps so far gave: the camera and microphone (null: none), whether each step is done, the name; whether
 * the check-in is being asked now and whether it was offered at all (patient-checkin.js sets both).
 */
export const check = {localStream: null, meter: null, checked: false, located: false, chosenName: '',
    checkingIn: false, checkInOffered: false, consenting: false, consentOffered: false};

let hooks = {checked: () => {}, located: () => {}, announce: () => {}};

/**
 * Wires the steps' controls. `checked()` after every device check (the stream may have changed), `located()` once
 * the location is given, `announce(text)` for what the live region should say.
 */
export function setUpCheck(pageHooks) {
    hooks = {...hooks, ...pageHooks};
    $('start-check').addEventListener('click', () => startCheck());
    $('camera').addEventListener('change', changeDevice);
    $('microphone').addEventListener('change', changeDevice);
    $('location-next').addEventListener('click', confirmLocation);
    loadJurisdictions();
    $('location').addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
            event.preventDefault();
            if (check.located) {
                validLocation();
            } else {
                confirmLocation();
            }
        }
    });
}

/**
 * Shows the steps as `phase` (patient-steps.js stepStates) and what is done makes them: the progress list, and before
 * joining each step's card once the ones before it are done, its instructions gone once it is done itself.
 */
export function showSteps(phase) {
    const {states} = stepStates({phase, checked: check.checked, located: check.located,
        consenting: check.consenting, checkingIn: check.checkingIn});
    // In the group the room needs the whole screen; the steps were the way there.
    $('steps').hidden = !['prepare', 'waiting'].includes(phase);
    // The check-in is a step only where the program asks one; the steps are numbered as they show.
    let number = 0;
    for (const item of $('steps').children) {
        item.hidden = (item.dataset.step === 'checkin' && !check.checkInOffered)
            || (item.dataset.step === 'consent' && !check.consentOffered);
        if (!item.hidden) {
            item.querySelector('.step-number').textContent = String(++number);
        }
    }
    for (const item of $('steps').children) {
        const s = states[item.dataset.step];
        item.dataset.state = s;
        if (s === 'current') {
            item.setAttribute('aria-current', 'step');
        } else {
            item.removeAttribute('aria-current');
        }
        item.querySelector('.step-state').textContent = s === 'done' ? ', done' : s === 'current' ? ', now' : '';
    }
    for (const card of document.querySelectorAll('#check .step')) {
        const s = states[card.dataset.step];
        card.dataset.state = s;
        card.hidden = s === 'upcoming';
        card.querySelectorAll('.step-help').forEach((e) => (e.hidden = s === 'done'));
        card.querySelectorAll('.step-done').forEach((e) => (e.hidden = s !== 'done'));
    }
}

// ---- the session ----

/** Today's joinable sessions as radios (a long group name wraps on a phone, where a select would cut it off). */
export async function offerSessions(sessions) {
    const options = await Promise.all(sessions.map(async (session, index) => {
        const name = session.groupName ?? await groupName(session.groupId);
        const id = `session-${index}`;
        const times = `${timeInZone(session.startsAt, session.timeZone)}–${timeInZone(session.endsAt,
            session.timeZone)}`;
        return el('label', {class: 'check', for: id},
            el('input', {id, type: 'radio', name: 'session', value: session.id, checked: index === 0}),
            ` ${name}, ${times}`);
    }));
    $('session-options').replaceChildren(...options);
    const describe = () => describeSession(sessions);
    $('session-options').addEventListener('change', describe);
    describe();
}

export function selectedSession(sessions) {
    const id = document.querySelector('#session-options input:checked')?.value;
    return sessions.find((s) => s.id === id);
}

/** Late ("The group started at 6:00 PM — you can still join.") or later today, for the chosen session. */
export function describeSession(sessions) {
    $('session-notice').textContent = sessionNotice(selectedSession(sessions))?.text ?? '';
}

// ---- 1. the device check ----

async function startCheck({microphoneId, cameraId} = {}) {
    $('device-message').textContent = '';
    stopLocalMedia();
    try {
        check.localStream = await openLocalMedia({microphoneId, cameraId});
    } catch (error) {
        const explained = explainMediaError(error);
        if (explained.kind === 'missing') {
            // Often a phone or laptop without a camera: try the microphone alone before giving up.
            try {
                check.localStream = await openLocalMedia({microphoneId, video: false});
                explained.message = 'No camera was found: you will join with your microphone only.';
            } catch (noMicrophoneEither) {
                check.localStream = null;
            }
        }
        $('device-message').textContent = explained.message;
        hooks.announce(explained.message);
    }
    check.checked = true;
    hooks.checked();
    if (check.localStream) {
        $('preview').srcObject = check.localStream;
        check.meter = levelMeter(check.localStream);
        drawLevel();
        await fillDeviceChoices();
        $('device-controls').hidden = false;
        $('start-check').textContent = 'Check again';
        $('start-check').className = 'secondary';
    }
}

function drawLevel() {
    const meter = check.meter;
    if (!meter || meter !== check.meter) {
        return;
    }
    $('mic-level').value = meter.read();
    requestAnimationFrame(() => (meter === check.meter ? drawLevel() : undefined));
}

async function fillDeviceChoices() {
    const {cameras, microphones} = await listDevices();
    const current = (kind) => check.localStream.getTracks().find((t) => t.kind === kind)?.getSettings().deviceId;
    fill($('camera'), cameras, current('video'), 'Camera');
    fill($('microphone'), microphones, current('audio'), 'Microphone');
}

function fill(select, devices, selectedId, fallback) {
    select.replaceChildren(...devices.map((device, index) => el('option', {value: device.deviceId,
        selected: device.deviceId === selectedId, text: device.label || `${fallback} ${index + 1}`})));
    select.disabled = devices.length === 0;
}

function changeDevice() {
    return startCheck({microphoneId: $('microphone').value, cameraId: $('camera').value});
}

/** Lets the camera and microphone go (the end of the session, or a new check). */
export function stopLocalMedia() {
    check.meter?.stop();
    check.meter = null;
    check.localStream?.getTracks().forEach((t) => t.stop());
    check.localStream = null;
    $('preview').srcObject = null;
}

// ---- 2. where they are, 3. how they join ----

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
        input.focus(); // the error is in the field's description: read with it
        return null;
    }
    return value;
}

export const validLocation = () => validField('location', {missing: 'Please say where you are for this session.',
    max: 200});

export const validChosenName = () => validField('chosen-name', {max: 100,
    missing: 'Please give the name the group will call you, for example your first name.'});

/** The states and countries come from the server, which checks the choice against the same lists. */
let jurisdictions = null;

async function loadJurisdictions() {
    try {
        jurisdictions = await api.get('jurisdictions');
    } catch (e) {
        console.warn('mend patient: jurisdictions', e?.status);
        return;
    }
    const select = $('jurisdiction');
    for (const group of jurisdictionGroups(jurisdictions)) {
        select.append(el('optgroup', {label: group.label},
            ...group.options.map((o) => el('option', {value: o.value, text: o.label}))));
    }
}

/** The state or country picked beside the location, or null (with the reason at the field). */
export function validJurisdiction() {
    const select = $('jurisdiction');
    const value = select.value;
    const problem = !value ? 'Please pick the state you are in, or the country if you are outside the US.'
        : jurisdictions && !isJurisdiction(jurisdictions, value) ? 'Please pick from the list.' : '';
    $('jurisdiction-error').textContent = problem;
    select.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) {
        select.focus();
        return null;
    }
    return value;
}

function confirmLocation() {
    if (!validLocation() || !validJurisdiction()) {
        return;
    }
    check.located = true;
    hooks.located();
    document.querySelector('input[name="join-mode"]:checked').focus();
}

/** The chosen name as the server has it; offered in step 3. */
export function offerChosenName(name) {
    check.chosenName = name ?? '';
    $('chosen-name').value = check.chosenName;
}

/** Saves a changed chosen name before the join, so that the room shows it from this join on. */
export async function saveChosenName(name) {
    if (name === check.chosenName) {
        return true;
    }
    try {
        const me = await api.put('me/chosen-name', {chosenName: name});
        offerChosenName(me.chosenName ?? name);
        return true;
    } catch (error) {
        $('chosen-name-error').textContent = error.code === 'VALIDATION_FAILED'
            ? 'That name could not be used. Please use plain text, up to 100 characters.'
            : 'Your name could not be saved. Please try again.';
        $('chosen-name').focus();
        return false;
    }
}

/** `video`, `audio` (audio only) or `low` (low bandwidth). */
export function chosenMode() {
    return document.querySelector('input[name="join-mode"]:checked')?.value ?? 'video';
}

/** Shows what was switched in the room as the choice for joining again. */
export function showMode({audioOnly, lowBandwidth}) {
    $(audioOnly ? 'mode-audio' : lowBandwidth ? 'mode-low' : 'mode-video').checked = true;
}
