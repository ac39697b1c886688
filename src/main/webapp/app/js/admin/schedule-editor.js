// The weekly schedule of the group form: one row per weekly session (day, local start, length), inputs named by
// their API paths (schedule.slots[0].startTime) so that the server's errors land on them, and the preview of the
// next sessions in the group's zone (schedule-preview.js), redrawn as the admin types.
import {el} from '../api.js';
import {DAYS, isZone, nextSessions, sessionWords} from './schedule-preview.js';

const DAY_WORDS = {MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday',
    FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday'};

/** "Mon, Wed 18:00 (180 min)" words for a schedule in a list. */
export function scheduleWords(schedule) {
    return schedule.slots.map((s) => `${DAY_WORDS[s.dayOfWeek] ?? s.dayOfWeek} ${String(s.startTime).slice(0, 5)}`
        + ` (${s.lengthMinutes} min)`).join(', ') + ` — ${schedule.timeZone}`;
}

/**
 * @param form      the group form
 * @param zoneOf    () => the zone the schedule is in (the zone input, or else the chosen program's site's)
 */
export function scheduleEditor(form, zoneOf) {
    const list = form.querySelector('#slot-list');
    const preview = form.querySelector('#preview');
    const zoneLine = form.querySelector('#preview-zone');

    function renumber() {
        [...list.children].forEach((row, i) => {
            row.querySelector('legend, .slot-title').textContent = `Weekly session ${i + 1}`;
            for (const input of row.querySelectorAll('[data-part]')) {
                input.name = `schedule.slots[${i}].${input.dataset.part}`;
                input.id = `slot-${i}-${input.dataset.part}`;
                input.previousElementSibling.htmlFor = input.id;
            }
            row.dataset.field = `schedule.slots[${i}]`;
        });
    }

    function addSlot(slot = {dayOfWeek: 'MONDAY', startTime: '18:00', lengthMinutes: 180}) {
        const day = el('select', {dataset: {part: 'dayOfWeek'}},
            DAYS.map((d) => el('option', {value: d, text: DAY_WORDS[d]})));
        day.value = slot.dayOfWeek;
        const row = el('li', {class: 'slot'}, el('p', {class: 'slot-title'}),
            el('div', {class: 'split'},
                el('div', {}, el('label', {text: 'Day'}), day),
                el('div', {}, el('label', {text: 'Starts (local time)'}),
                    el('input', {type: 'time', value: String(slot.startTime).slice(0, 5), dataset: {part: 'startTime'}})),
                el('div', {}, el('label', {text: 'Minutes'}),
                    el('input', {type: 'number', min: '30', max: '360', value: String(slot.lengthMinutes),
                        dataset: {part: 'lengthMinutes'}}))));
        // Taking a row out of the form before saving changes no record, so it needs no confirmation.
        row.append(el('button', {type: 'button', class: 'secondary small', text: 'Remove this weekly session',
            onclick: () => {
                row.remove();
                renumber();
                redraw();
                form.querySelector('#add-slot').focus();
            }}));
        list.append(row);
        renumber();
        redraw();
        return row;
    }

    function slots() {
        return [...list.children].map((row) => {
            const part = (name) => row.querySelector(`[data-part="${name}"]`).value;
            const minutes = part('lengthMinutes').trim();
            return {dayOfWeek: part('dayOfWeek'), startTime: part('startTime') || null,
                lengthMinutes: /^\d+$/.test(minutes) ? Number(minutes) : (minutes || null)};
        });
    }

    function redraw() {
        const zone = zoneOf();
        if (!zone || !isZone(zone)) {
            zoneLine.textContent = zone ? `${zone} is not a time zone this browser knows.` : 'Choose the program first.';
            preview.replaceChildren();
            return;
        }
        const next = nextSessions(slots(), zone, Date.now(), 6);
        zoneLine.textContent = `In ${zone}, as the group will meet (daylight-saving changes included).`;
        preview.replaceChildren(...(next.length === 0 ? [el('li', {text: 'No sessions: add a weekly session.'})]
            : next.map((session) => el('li', {text: sessionWords(session, zone)}))));
    }

    form.querySelector('#add-slot').addEventListener('click', () => addSlot().querySelector('select').focus());
    form.addEventListener('input', redraw);
    form.addEventListener('change', redraw);
    return {
        slots,
        redraw,
        /** Replaces the rows with a schedule's slots. */
        set(schedule) {
            list.replaceChildren();
            (schedule?.slots ?? []).forEach((slot) => addSlot(slot));
            if (!schedule) {
                addSlot();
            }
            redraw();
        },
    };
}
