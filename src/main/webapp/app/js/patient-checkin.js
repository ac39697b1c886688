// The patient's check-in step, between "how you join" and the waiting room, where the program asks one: mood (and
// craving in substance-use programs) as rows of big 0-10 buttons, the medication question, a one-line note for the
// facilitator, "Send" and "Skip" side by side. The DOM only; what is valid and what a refusal means is checkin.js's.
import {api, el, query} from './api.js';
import {SCALE, checkInBody, refusalWords, shouldAsk} from './checkin.js';
import {check} from './patient-check.js';

const $ = (id) => document.getElementById(id);

// Sessions whose check-in the patient skipped or sent on this page: not asked again when they join again.
const settled = new Set();

let hooks = {render: () => {}, announce: () => {}};
let pending = null; // {session, prompt, resolve}

/** Makes the scales' buttons and wires Send and Skip; `render()` redraws the steps, `announce(text)` says it once. */
export function setUpCheckIn(pageHooks) {
    hooks = {...hooks, ...pageHooks};
    for (const [id, name] of [['checkin-mood', 'checkin-mood'], ['checkin-craving', 'checkin-craving']]) {
        $(id).replaceChildren(...SCALE.map((n) => el('label', {for: `${name}-${n}`},
            el('input', {id: `${name}-${n}`, type: 'radio', name, value: String(n)}), String(n))));
    }
    $('checkin-send').addEventListener('click', send);
    $('checkin-skip').addEventListener('click', () => finish('Check-in skipped.'));
}

/**
 * Before joining `session`: asks the check-in where the program asks one, it is open and the patient has not made or
 * skipped it; resolves once it is sent or skipped (at once otherwise, and when the question cannot be read: the
 * check-in never keeps a patient out of the group).
 */
export async function checkInBeforeJoining(session) {
    if (settled.has(session.id)) {
        return;
    }
    let prompt = null;
    try {
        prompt = await api.get(`me/check-ins${query({sessionId: session.id})}`);
    } catch (error) {
        console.warn('mend patient: no check-in prompt', error.code);
    }
    if (!shouldAsk(prompt)) {
        return;
    }
    return new Promise((resolve) => {
        pending = {session, prompt, resolve};
        show(prompt);
    });
}

function show(prompt) {
    check.checkInOffered = true;
    check.checkingIn = true;
    $('checkin-craving-field').hidden = !prompt.asksCraving;
    $('join').hidden = true;
    for (const field of ['mood', 'craving', 'medication', 'note']) {
        $(`checkin-${field}-error`).textContent = '';
    }
    $('checkin-status').textContent = '';
    hooks.render();
    $('checkin-title').focus();
    hooks.announce('Check in: how are you today? You can skip this.');
}

function answers() {
    const picked = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value ?? null;
    return {mood: picked('checkin-mood'), craving: picked('checkin-craving'), medication: picked('checkin-medication'),
        note: $('checkin-note').value};
}

async function send() {
    if (!pending) {
        return;
    }
    const {body, errors} = checkInBody(pending.session.id, answers(), {asksCraving: pending.prompt.asksCraving});
    for (const field of ['mood', 'craving', 'medication', 'note']) {
        $(`checkin-${field}-error`).textContent = errors[field] ?? '';
    }
    if (!body) {
        const first = ['mood', 'craving', 'medication', 'note'].find((field) => errors[field]);
        const target = first === 'note' ? $('checkin-note')
            : document.querySelector(`#checkin-${first}-field input`);
        target?.focus();
        hooks.announce(errors[first]);
        return;
    }
    $('checkin-send').disabled = true;
    $('checkin-status').textContent = 'Sending…';
    try {
        await api.post('me/check-ins', body);
        finish('Thank you. Your facilitator will see your check-in.');
    } catch (error) {
        const refusal = refusalWords(error.code);
        if (refusal.done) {
            finish(refusal.text);
        } else {
            $('checkin-status').textContent = refusal.text;
            hooks.announce(refusal.text);
        }
    } finally {
        $('checkin-send').disabled = false;
    }
}

function finish(words) {
    const done = pending;
    pending = null;
    if (!done) {
        return;
    }
    settled.add(done.session.id);
    check.checkingIn = false;
    $('join').hidden = false;
    $('checkin-status').textContent = '';
    hooks.render();
    if (words) {
        hooks.announce(words);
    }
    done.resolve();
}
