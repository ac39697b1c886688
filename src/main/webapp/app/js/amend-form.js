// The facilitator's amendment form (the `amend` dialog of facilitator.html): one signed line at a time. Asks for the
// split only when the minutes change and for the override reason only when crediting below the program's credit
// minutes; sends the amendment and shows the server's refusal in its own words. The rules are amendment.js's.
import {api, el, format} from './api.js';
import {AMENDABLE_STATUSES, creditFor, needsOverride, needsSplit, problemWords, readAmendment} from './amendment.js';
import {statusWords} from './attendance-words.js';

const $ = (id) => document.getElementById(id);

/** The form's inputs by the field names readAmendment reports. */
const INPUTS = {status: 'amend-status', minutes: 'amend-minutes', split: 'amend-av', reason: 'amend-reason',
    override: 'amend-override'};

function minutesOf(input) {
    return /^\d+$/.test(input.value.trim()) ? Number(input.value.trim()) : NaN;
}

/**
 * Opens the form for a signed line. Resolves with the amended line (the server's answer) once saved, or null when
 * cancelled.
 *
 * @param line the sheet's line (AttendanceLineResponse)
 * @param name the patient's display name
 * @param creditMinutes the minutes that earn credit in the session's program (the sheet's creditMinutes)
 */
export function openAmendForm({line, name, creditMinutes}) {
    const dialog = $('amend');
    const wiring = new AbortController();
    const on = (id, type, handler) => $(id).addEventListener(type, handler, {signal: wiring.signal});
    $('amend-title').textContent = `Amend ${name}'s attendance`;
    $('amend-signed').textContent = `Now: ${statusWords(line.status)}, `
        + `${format.minutes(line.minutesPresent)} of ${format.minutes(line.scheduledMinutes)}, `
        + `${line.credited ? 'credited' : 'not credited'}.`;
    $('amend-status').replaceChildren(...AMENDABLE_STATUSES.map((status) => el('option', {value: status,
        text: statusWords(status), selected: status === line.status})));
    $('amend-minutes').value = String(line.minutesPresent);
    $('amend-minutes').max = String(line.scheduledMinutes);
    $('amend-minutes-hint').textContent = `0 to ${line.scheduledMinutes}; credit from ${creditMinutes}.`;
    const split = line.minutesByModality ?? {};
    $('amend-av').value = String(split.AUDIO_VIDEO ?? 0);
    $('amend-ao').value = String(split.AUDIO_ONLY ?? 0);
    $('amend-none').value = String(split.NONE ?? 0);
    $('amend-credited').checked = Boolean(line.credited);
    $('amend-override').value = '';
    $('amend-override-label').textContent = `Why this session counts with fewer than ${creditMinutes} minutes`;
    $('amend-reason').value = '';
    $('amend-error').textContent = '';
    $('amend-save').disabled = false;

    const refresh = () => {
        const minutes = minutesOf($('amend-minutes'));
        $('amend-split').hidden = !needsSplit(minutes, line);
        $('amend-override-field').hidden = !needsOverride($('amend-credited').checked, minutes, creditMinutes);
    };
    const markInvalid = (fields) => {
        for (const [field, id] of Object.entries(INPUTS)) {
            $(id).toggleAttribute('aria-invalid', fields.includes(field));
        }
    };
    markInvalid([]);
    refresh();

    return new Promise((resolve) => {
        let amended = null;
        on('amend-status', 'change', () => {
            $('amend-credited').checked = creditFor($('amend-status').value);
            if ($('amend-status').value === 'ABSENT') {
                $('amend-minutes').value = '0';
            }
            refresh();
        });
        on('amend-minutes', 'input', refresh);
        on('amend-credited', 'change', refresh);
        on('amend-cancel', 'click', () => dialog.close());
        on('amend-form', 'submit', async (event) => {
            event.preventDefault();
            const {body, errors} = readAmendment({status: $('amend-status').value, minutes: $('amend-minutes').value,
                audioVideo: $('amend-av').value, audioOnly: $('amend-ao').value, noMedia: $('amend-none').value,
                credited: $('amend-credited').checked, reason: $('amend-reason').value,
                creditOverrideReason: $('amend-override').value}, line, creditMinutes);
            markInvalid(errors.map((e) => e.field));
            if (errors.length) {
                $('amend-error').textContent = errors.map((e) => e.message).join(' ');
                $(INPUTS[errors[0].field]).focus();
                return;
            }
            $('amend-error').textContent = '';
            $('amend-save').disabled = true;
            try {
                amended = await api.post(`attendance/records/${encodeURIComponent(line.recordId)}/amendments`, body);
            } catch (error) {
                $('amend-error').textContent = `Not amended: ${problemWords(error)}`;
                $('amend-save').disabled = false;
                return;
            }
            dialog.close();
        });
        dialog.addEventListener('close', () => {
            wiring.abort();
            resolve(amended);
        }, {once: true, signal: wiring.signal});
        dialog.showModal();
        $('amend-status').focus();
    });
}

/**
 * The "Amend" button of a signed line: opens the form, and once saved reloads the sheet (onAmended), says so in
 * `status` and gives the focus back to the line's new button.
 */
export function amendButton({line, name, creditMinutes, onAmended, status}) {
    const id = `amend-${line.patientId}`;
    return el('button', {type: 'button', class: 'secondary', id, 'aria-label': `Amend ${name}'s attendance`,
        text: 'Amend', onclick: async () => {
            const amended = await openAmendForm({line, name, creditMinutes});
            if (amended) {
                await onAmended();
                status.textContent = `${name}'s attendance is amended.`;
            }
            $(id)?.focus();
        }});
}
