// The live attendance panel of the facilitator's room: one row per expected patient, keyed by patient and updated in
// place, in the order of roster.js (waiting, reconnecting, in the room, not here yet, left, removed; then by name).
// The sheet is read every 15 s; between reads each room snapshot re-sorts the rows by what the room knows now.
import {api, el, format} from './api.js';
import {reconcile} from './keyed-list.js';
import {flagText, modalityText} from './attendance-words.js';
import {roomPresence, rosterState, rosterWords, sortRoster} from './roster.js';
import {checkInCell, readRound} from './checkin-round.js';
import {TrendPicker} from './checkin-trend.js';

const $ = (id) => document.getElementById(id);

// The live sheet changes by the minute; a refresh this often keeps the panel honest without loading the server.
export const ATTENDANCE_REFRESH_MS = 15000;

export class LiveRoster {
    /**
     * @param names PatientNames
     * @param removed patient id -> {at, barred}, kept by the room view
     */
    constructor({names, removed}) {
        this.names = names;
        this.removed = removed;
        this.session = null;
        this.lines = [];
        this.lineNames = new Map();
        this.round = new Map();
        this.room = null;
        this.timer = null;
        // The patients of the panel, each one's check-in trend on choosing them.
        this.trend = new TrendPicker({select: $('trend-patient'), container: $('trend-chart'), titleId: 'trend-title'});
    }

    start(session) {
        this.stop();
        this.session = session;
        this.lines = [];
        this.round = new Map();
        $('attendance').tBodies[0].replaceChildren();
        this.refresh();
        this.timer = setInterval(() => this.refresh(), ATTENDANCE_REFRESH_MS);
    }

    stop() {
        clearInterval(this.timer);
        this.timer = null;
    }

    /** A room snapshot: the rows follow it at once, without reading the sheet again. */
    follow(room) {
        this.room = room;
        this.#render();
    }

    async refresh() {
        const session = this.session;
        if (!session) {
            return;
        }
        try {
            const [sheet, round] = await Promise.all([
                api.get(`attendance/sessions/${encodeURIComponent(session.id)}`), readRound(session.id, this.round)]);
            if (session !== this.session) {
                return; // another room was opened meanwhile
            }
            this.lineNames = await this.names.all(sheet.lines);
            this.lines = sheet.lines;
            this.round = round;
            this.trend.offer([...this.lineNames.entries()]);
            this.#render();
            $('attendance-updated').textContent = `Updated ${format.time(new Date())}.`;
        } catch (error) {
            $('attendance-updated').textContent = `Attendance could not be loaded (${error.message}).`;
        }
    }

    #render() {
        const presence = roomPresence(this.room);
        const rows = sortRoster(this.lines.map((line) => {
            const state = rosterState(line, presence, this.removed);
            return {key: line.patientId, state, name: this.lineNames.get(line.patientId) ?? '', line,
                cells: [rosterWords(line, state, format.time, this.removed), format.time(line.firstAdmitted),
                    format.minutes(line.minutesPresent), modalityText(line.minutesByModality, format.minutes),
                    flagText(line.flags), line.attestedLocation ?? '—'],
                checkIn: checkInCell(this.round.get(line.patientId))};
        }));
        reconcile($('attendance').tBodies[0], rows, {
            key: (row) => row.key,
            signature: (row) => JSON.stringify([row.name, row.state, row.cells, row.checkIn]),
            render: (row) => el('tr', {dataset: {patientId: row.key, state: row.state, checkIn: row.checkIn.flags}},
                el('th', {scope: 'row', text: row.name}), row.cells.map((text) => el('td', {text})),
                el('td', {class: row.checkIn.flags ? 'checkin-flag' : null, text: row.checkIn.text})),
        });
    }
}
