// Session reminders in the browser: what the toggle says for each state of the choice, and what a change does
// (src/main/webapp/app/js/reminders.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import {bindReminderToggle, leadWords, reminderWords, savedWords} from '../../main/webapp/app/js/reminders.js';
import {settle} from './fakes.mjs';

const CHOICE = {patientId: 'p1', email: false, hasAddress: true, changedBy: null, changedAt: null, leadMinutes: 120,
    sending: true};

test('the lead in words', () => {
    assert.equal(leadWords(120), '2 hours');
    assert.equal(leadWords(60), '1 hour');
    assert.equal(leadWords(90), '1 hour 30 minutes');
    assert.equal(leadWords(10), '10 minutes');
    assert.equal(leadWords(0), '0 minutes');
});

test('the hint says what the e-mail holds, or why none can be sent', () => {
    assert.deepEqual(reminderWords(CHOICE), {checked: false, hint: 'You get an e-mail 2 hours before each session with'
        + ' the time and a link to this page, and nothing about your care.'});
    assert.equal(reminderWords({...CHOICE, email: true}).checked, true);
    assert.match(reminderWords({...CHOICE, hasAddress: false}).hint, /no e-mail address for you/);
    assert.match(reminderWords({...CHOICE, hasAddress: false}, 'the patient').hint, /record has no e-mail address/);
    assert.match(reminderWords({...CHOICE, sending: false}).hint, /sends no e-mail reminders/);
    assert.match(reminderWords(CHOICE, 'the patient').hint, /^The patient gets .* their page, and nothing about their care/);
    assert.equal(savedWords({email: true}), 'Your reminders by e-mail are on.');
    assert.equal(savedWords({email: false}, 'the patient'), "The patient's reminders by e-mail are off.");
});

/** A checkbox and a hint, as much of them as the binding uses. */
function controls() {
    const listeners = {};
    const box = {checked: false, disabled: false, addEventListener: (type, f) => (listeners[type] = f),
        change: () => listeners.change()};
    return {box, hint: {textContent: ''}};
}

test('a change is saved, shown and announced; a refused one goes back and says why', async () => {
    const {box, hint} = controls();
    const said = [];
    const failures = [];
    let refuse = false;
    const saved = [];
    const toggle = bindReminderToggle({box, hint, load: async () => CHOICE,
        save: async (email) => {
            saved.push(email);
            if (refuse) {
                throw new Error('The server could not be reached.');
            }
            return {...CHOICE, email, changedBy: 'PATIENT'};
        },
        announce: (text) => said.push(text), fail: (text) => failures.push(text)});
    await toggle.refresh();
    assert.equal(box.checked, false);
    assert.equal(box.disabled, false);
    assert.match(hint.textContent, /2 hours before each session/);

    box.checked = true;
    box.change();
    await settle();
    assert.deepEqual(saved, [true]);
    assert.equal(box.checked, true);
    assert.deepEqual(said, ['Your reminders by e-mail are on.']);

    refuse = true;
    box.checked = false;
    box.change();
    await settle();
    assert.equal(box.checked, true, 'back to what the server has');
    assert.equal(box.disabled, false);
    assert.equal(failures.at(-1), 'The server could not be reached.');
    assert.equal(said.length, 1);
});
