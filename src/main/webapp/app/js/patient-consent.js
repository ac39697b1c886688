// The patient's consent, DOM only: the consent step between "how you join" and the check-in (each text still to
// accept, readable on a phone, one "I have read and accept" for them), and "Your consent" on the page's first view
// with the withdrawal. What a state means and what to ask is consent.js's; the rule is the server's.
import {api, el, format, query} from './api.js';
import {BLOCKED_WORDS, KIND_WORDS, askedWhy, canWithdraw, consentStep, paragraphs, stateWords} from './consent.js';
import {check} from './patient-check.js';
import {confirmDialog} from './confirm.js';

const $ = (id) => document.getElementById(id);

let hooks = {render: () => {}, announce: () => {}};
let pending = null; // {texts, resolve}

/** Wires Accept and Not now; `render()` redraws the steps, `announce(text)` says it once. */
export function setUpConsent(pageHooks) {
    hooks = {...hooks, ...pageHooks};
    $('consent-accept').addEventListener('click', accept);
    $('consent-later').addEventListener('click', () => finish(false, 'You can accept later; the group cannot be joined'
        + ' until you do.'));
}

/**
 * Before joining `session`: resolves true when every current text of its program is accepted (at once when they
 * are, after the patient accepts them otherwise), false when the patient does not accept now or the program has
 * none published (the page then stays before the join). A failed read resolves true: the room decides and answers
 * CONSENT_REQUIRED, which brings the patient back here.
 */
export async function consentBeforeJoining(session) {
    let answer;
    try {
        answer = await api.get(`me/consents${query({sessionId: session.id})}`);
    } catch (error) {
        console.warn('mend patient: no consent answer', error.code);
        return true;
    }
    const step = consentStep(answer);
    if (step.action === 'join') {
        return true;
    }
    if (step.action === 'blocked') {
        $('join-status').textContent = BLOCKED_WORDS;
        hooks.announce(BLOCKED_WORDS);
        return false;
    }
    return new Promise((resolve) => {
        pending = {texts: step.texts, resolve};
        show(step.texts);
    });
}

function show(texts) {
    check.consentOffered = true;
    check.consenting = true;
    $('join').hidden = true;
    $('consent-status').textContent = '';
    $('consent-texts').replaceChildren(...texts.map((text) => el('article', {class: 'consent-text',
        'aria-labelledby': `consent-text-${text.id}`},
    el('h4', {id: `consent-text-${text.id}`}, `${text.title}`),
    el('p', {class: 'hint'}, `${KIND_WORDS[text.kind] ?? text.kind}, version ${text.version}. ${askedWhy(text)}`),
    ...paragraphs(text.body).map((p) => el('p', {}, p)))));
    hooks.render();
    $('consent-title').focus();
    hooks.announce('Please read your program\'s consent and accept it to join the group.');
}

async function accept() {
    if (!pending) {
        return;
    }
    $('consent-accept').disabled = true;
    $('consent-status').textContent = 'Saving…';
    try {
        for (const text of pending.texts) {
            await api.post('me/consents', {textId: text.id, version: text.version});
        }
        finish(true, 'Thank you. Your consent is recorded.');
    } catch (error) {
        // A newer version was published meanwhile: the patient reads that one.
        const words = error.code === 'CONSENT_VERSION_STALE'
            ? 'This text has just changed. Please read the new version and accept it.'
            : 'Your consent could not be saved. Please try again.';
        $('consent-status').textContent = words;
        hooks.announce(words);
        if (error.code === 'CONSENT_VERSION_STALE') {
            finish(false, null);
        }
    } finally {
        $('consent-accept').disabled = false;
    }
}

function finish(accepted, words) {
    const done = pending;
    pending = null;
    if (!done) {
        return;
    }
    check.consenting = false;
    $('join').hidden = false;
    hooks.render();
    if (words) {
        $('join-status').textContent = accepted ? '' : words;
        hooks.announce(words);
    }
    if (accepted) {
        showMine().catch(() => {});
    }
    done.resolve(accepted);
}

// ---- "Your consent", with the withdrawal ----

/** Shows the patient's consent per program (what is accepted, when), with "Withdraw my consent" where it can be. */
export async function showMine() {
    const answer = await api.get('me/consents');
    const programs = answer.programs ?? [];
    $('my-consent').hidden = programs.length === 0;
    $('my-consent-list').replaceChildren(...programs.map((program) => el('li', {class: 'card'},
        el('h3', {}, program.programName),
        el('ul', {class: 'plain'}, ...program.kinds.map((k) => el('li', {},
            `${KIND_WORDS[k.kind] ?? k.kind}: ${stateWords(k, {format: format.dateTime})}`))),
        canWithdraw(program) ? el('div', {class: 'actions'}, el('button', {type: 'button', class: 'secondary',
            'data-withdraw': program.programId, onclick: () => withdraw(program)}, 'Withdraw my consent')) : '')));
}

async function withdraw(program) {
    const sure = await confirmDialog(`Withdraw your consent? You will not be able to join the groups of `
        + `${program.programName} by video until you accept again. Your care team will see that you withdrew.`,
    'Withdraw my consent');
    if (!sure) {
        return;
    }
    try {
        await api.post('me/consents/withdraw', {programId: program.programId});
        hooks.announce('Your consent is withdrawn. You can accept it again before your next group.');
        await showMine();
    } catch (error) {
        hooks.announce('Your consent could not be withdrawn. Please try again.');
    }
}
