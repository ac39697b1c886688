// Session reminders by e-mail, as the patient's page and the admin patients page show the choice
// (GET/PUT /api/me/reminders, /api/patients/{id}/reminders). The words are DOM-free (tested by node --test);
// bindReminderToggle wires one checkbox to them.

/** A lead in minutes as words: "2 hours", "30 minutes", "1 hour 30 minutes". */
export function leadWords(minutes) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const parts = [];
    if (hours > 0) {
        parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
    }
    if (rest > 0 || hours === 0) {
        parts.push(`${rest} ${rest === 1 ? 'minute' : 'minutes'}`);
    }
    return parts.join(' ');
}

/**
 * What the toggle says for a choice: {checked, hint}. `who` is 'you' on the patient's page, 'the patient' on staff's.
 */
export function reminderWords(choice, who = 'you') {
    const self = who === 'you';
    const when = `an e-mail ${leadWords(choice.leadMinutes)} before each session with the time and a link to`
        + ` ${self ? 'this page' : 'their page'}, and nothing about ${self ? 'your' : 'their'} care`;
    let hint;
    if (!choice.sending) {
        hint = 'This server sends no e-mail reminders at the moment; the choice is kept for when it does.';
    } else if (!choice.hasAddress) {
        hint = self ? 'Your program has no e-mail address for you: ask them to add one, or no reminder can reach you.'
            : 'The record has no e-mail address: no reminder can reach the patient until it has one.';
    } else {
        hint = `${self ? 'You get' : 'The patient gets'} ${when}.`;
    }
    return {checked: Boolean(choice.email), hint};
}

/** What to announce once a choice is saved. */
export function savedWords(choice, who = 'you') {
    return `${who === 'you' ? 'Your' : 'The patient\'s'} reminders by e-mail are ${choice.email ? 'on' : 'off'}.`;
}

/**
 * Wires a checkbox and its hint to a choice: `load()` and `save(email)` return the choice from the server,
 * `announce(text)` says the outcome, `fail(message)` shows a failure next to the checkbox (and the box goes back).
 * Returns {refresh}: loads the choice (again: the admin page edits one patient after another) and shows it.
 */
export function bindReminderToggle({box, hint, who = 'you', load, save, announce, fail}) {
    let current = null;
    function show(choice) {
        current = choice;
        const words = reminderWords(choice, who);
        box.checked = words.checked;
        box.disabled = false;
        hint.textContent = words.hint;
    }
    box.addEventListener('change', async () => {
        const wanted = box.checked;
        box.disabled = true;
        fail('');
        try {
            const saved = await save(wanted);
            show(saved);
            announce(savedWords(saved, who));
        } catch (error) {
            if (current) {
                show(current);
            }
            box.disabled = false;
            fail(error.message);
        }
    });
    return {
        refresh() {
            current = null;
            box.disabled = true;
            hint.textContent = '';
            fail('');
            return load().then(show);
        },
    };
}
