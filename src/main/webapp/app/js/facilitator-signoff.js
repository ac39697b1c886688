// The sign-off of a session: the sheet after the end, excuses with a reason, the signature and amendments of signed
// lines (amend-form.js); and the sign-off of a session that did not take place ("not held", with the reason).
import {api, el, format} from './api.js';
import {amendButton} from './amend-form.js';
import {lineWords} from './amendment.js';
import {flagText, lineStatusWords, statusWords} from './attendance-words.js';
import {confirmDialog} from './confirm.js';

const $ = (id) => document.getElementById(id);

// After the end, the session's ENDED status is recorded off the room's thread; look again this often until it is.
const ENDED_RECHECK_MS = 2000;

export const REASON_MAX = 300;

/**
 * Whether a line of an unsigned, ended sheet may be excused: an absence or a partial stay (EXCUSED is for those,
 * with a documented reason; the server keeps the minutes and gives no credit). A credited line is not offered: an
 * excuse would only take its credit away.
 */
export function excusable(sheet, line) {
    return !sheet.signed && sheet.sessionStatus === 'ENDED' && (line.status === 'ABSENT' || line.status === 'PARTIAL');
}

/** A reason as the server takes it (1 to 300 characters on one line, trimmed), or null. */
export function reasonOf(text) {
    const reason = String(text ?? '').trim();
    return reason && reason.length <= REASON_MAX && !/[\u0000-\u001f\u007f]/.test(reason) ? reason : null;
}

export class SignOffView {
    /**
     * @param names PatientNames
     * @param announcer the page's one live region
     */
    constructor({names, announcer}) {
        this.names = names;
        this.announcer = announcer;
        this.session = null;
        this.timer = null;
        $('sign').addEventListener('click', () => this.sign());
        $('not-held-form').addEventListener('submit', (event) => {
            event.preventDefault();
            this.signNotHeld();
        });
    }

    async open(session, name) {
        this.session = session;
        this.name = name;
        $('signoff-error').textContent = '';
        $('not-held-reason').value = '';
        await this.load();
    }

    stop() {
        clearTimeout(this.timer);
    }

    /** Shows the status visibly and says it once in the live region. */
    #status(text) {
        if ($('signoff-status').textContent !== text) {
            $('signoff-status').textContent = text;
            this.announcer.say(text);
        }
    }

    async load() {
        this.stop();
        let sheet;
        try {
            sheet = await api.get(`attendance/sessions/${encodeURIComponent(this.session.id)}`);
        } catch (error) {
            this.#status(`The attendance sheet could not be loaded (${error.message}).`);
            return;
        }
        const notHeld = sheet.notHeld;
        $('signoff-title').textContent = notHeld ? `Not held: ${this.name}` : `Sign attendance: ${this.name}`;
        const names = await this.names.all(sheet.lines);
        $('sheet').tBodies[0].replaceChildren(...sheet.lines.map((line) => this.#row(sheet, line,
            names.get(line.patientId))));
        $('not-held-form').hidden = !notHeld || sheet.signed;
        $('sign').hidden = notHeld;
        if (sheet.signed && notHeld) {
            this.#status(`Signed off as not held ${format.dateTime(sheet.signedAt)}: ${sheet.notHeldReason}`);
            $('sign').disabled = true;
        } else if (sheet.signed) {
            this.#status(`Attendance signed ${format.dateTime(sheet.signedAt)}.`);
            $('sign').disabled = true;
        } else if (notHeld) {
            this.#status('This session did not take place. Say why and sign it off as not held: no patient is'
                + ' marked absent.');
        } else if (sheet.sessionStatus !== 'ENDED') {
            this.#status('Finishing the session\'s record… You can sign in a moment.');
            $('sign').disabled = true;
            this.timer = setTimeout(() => this.load(), ENDED_RECHECK_MS);
        } else {
            this.#status('Check the attendance, excuse an absence or a partial stay with a reason if needed, then'
                + ' sign.');
            $('sign').disabled = false;
        }
    }

    #row(sheet, line, name) {
        const shown = lineWords(line, statusWords, format.minutes);
        const announcer = this.announcer;
        let action = '—';
        if (excusable(sheet, line)) {
            action = this.#excuseControls(line, name);
        } else if (sheet.signed && line.recordId) {
            action = amendButton({line, name, creditMinutes: sheet.creditMinutes, onAmended: () => this.load(),
                status: {set textContent(text) {
                    $('signoff-status').textContent = text;
                    announcer.say(text);
                }}});
        }
        return el('tr', {dataset: {patientId: line.patientId, status: line.status ?? ''}},
            el('th', {scope: 'row', text: name}),
            el('td', {text: line.status ? shown.status : lineStatusWords(line, format.time)}),
            el('td', {text: shown.minutes}),
            el('td', {text: flagText(line.flags)}),
            el('td', {text: line.explanation ?? ''}),
            el('td', {}, action));
    }

    /**
     * A checkbox "Excuse Ana" and, once ticked, the reason: stacked in the cell so that both fit a phone's width.
     * With minutes, the hint says they are kept and that an excused session earns no credit.
     */
    #excuseControls(line, name) {
        const id = line.patientId;
        const box = el('input', {type: 'checkbox', id: `excuse-${id}`, dataset: {patientId: id}});
        const reasonField = el('div', {class: 'excuse-reason', id: `reason-field-${id}`, hidden: true},
            el('label', {for: `reason-${id}`, text: `Why ${name} is excused`}),
            el('input', {type: 'text', id: `reason-${id}`, maxlength: String(REASON_MAX)}));
        box.addEventListener('change', () => {
            reasonField.hidden = !box.checked;
            if (box.checked) {
                $(`reason-${id}`).focus();
            }
        });
        return el('div', {class: 'excuse'},
            el('label', {class: 'check', for: `excuse-${id}`}, box, ` Excuse ${name}`),
            line.minutesPresent > 0 ? el('p', {class: 'hint', text: `Keeps ${format.minutes(line.minutesPresent)}`
                + ' present; an excused session earns no credit.'}) : null,
            reasonField);
    }

    async sign() {
        const excused = [];
        for (const box of $('sheet').querySelectorAll('input[type="checkbox"]:checked')) {
            const field = $(`reason-${box.dataset.patientId}`);
            const reason = reasonOf(field.value);
            field.toggleAttribute('aria-invalid', !reason);
            if (!reason) {
                $('signoff-error').textContent = `Give a reason (up to ${REASON_MAX} characters) for every excused`
                    + ' patient.';
                field.focus();
                return;
            }
            excused.push({patientId: box.dataset.patientId, reason});
        }
        $('signoff-error').textContent = '';
        $('sign').disabled = true;
        try {
            await api.post(`attendance/sessions/${encodeURIComponent(this.session.id)}/sign-off`, {excused});
        } catch (error) {
            $('signoff-error').textContent = `Signing did not work (${error.message}).`;
            $('sign').disabled = false;
            return;
        }
        await this.load();
    }

    async signNotHeld() {
        const field = $('not-held-reason');
        const reason = reasonOf(field.value);
        field.toggleAttribute('aria-invalid', !reason);
        if (!reason) {
            $('signoff-error').textContent = `Say why the session did not take place (up to ${REASON_MAX}`
                + ' characters).';
            field.focus();
            return;
        }
        $('signoff-error').textContent = '';
        const day = format.date(this.session.localDate);
        if (!await confirmDialog(`Sign off ${this.name} on ${day} as not held? No patient is marked absent, and the`
            + ' sign-off cannot be undone.', 'Sign off as not held')) {
            return;
        }
        $('not-held-sign').disabled = true;
        try {
            await api.post(`attendance/sessions/${encodeURIComponent(this.session.id)}/not-held`, {reason});
        } catch (error) {
            $('signoff-error').textContent = `The sign-off did not work (${error.message}).`;
            return;
        } finally {
            $('not-held-sign').disabled = false;
        }
        await this.load();
    }
}
