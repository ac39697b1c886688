// The supervisor's dashboard: filters, the signed-attendance table, charts drawn as inline SVG, unsigned sessions,
// the CSV and FHIR downloads and the access log. Drives the DOM; data comes from the REST API only. Each request for
// patient data is one entry in the access log, so a load asks once for the table and the charts and once for the
// progress of a whole program, never once per patient.
import {api, format, groupName, isoDate, addDays, query, el} from './api.js';
import {ACTION_WORDS, actionWords, auditQuery, outcomeWords, patientWords, personWords} from './audit-log.js';
import {rowWords} from './amendment.js';
import {flagText, statusWords} from './attendance-words.js';
import {stackOnNarrowScreens} from './tables.js';
import {TrendPicker} from './checkin-trend.js';

/**
 * The billing modality in words, by the server's rule (AttendanceReportRow.modality): no media when neither audio nor
 * video flowed, audio only when audio alone flowed for more minutes than audio and video, else video.
 */
function modalityWords(row) {
    if (row.minutesPresent === 0) {
        return '—';
    }
    if (row.minutesAudioVideo + row.minutesAudioOnly === 0) {
        return 'No media';
    }
    return row.minutesAudioOnly > row.minutesAudioVideo ? 'Audio only' : 'Video';
}

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const PAGE_SIZE = 50;
// Charts summarise at most this many rows (5 pages of 200); a dashboard is not an export. The first of those pages
// also fills the table's first page.
const CHART_PAGE_SIZE = 200;
const CHART_ROW_LIMIT = 1000;
const PROGRESS_LIMIT = 30;
const AUDIT_PAGE_SIZE = 25;

const state = {filter: {}, page: 0, auditPage: 0, staff: [], patients: new Map()};
// The patients of the progress chart, each one's check-in trend on choosing them.
const trend = new TrendPicker({select: $('trend-patient'), container: $('trend-chart'), titleId: 'trend-title'});

function pageError(message) {
    $('page-error').textContent = message ?? '';
}

async function options(select, path, text) {
    const page = await api.get(`${path}${query({size: 200})}`);
    for (const item of page.items) {
        select.append(el('option', {value: item.id, text: text(item)}));
    }
    return page.items;
}

async function start() {
    try {
        const me = await api.get('me');
        if (!me.roles.includes('supervisor') && !me.roles.includes('admin')) {
            pageError('This page is for supervisors.');
            return;
        }
        await Promise.all([
            options($('site'), 'sites', (s) => `${s.name} (${s.city})`),
            options($('program'), 'programs', (p) => p.name),
            options($('group'), 'groups', (g) => g.name),
            options($('facilitator'), 'staff', (s) => s.displayName).then((staff) => {
                state.staff = staff;
            }),
        ]);
    } catch (error) {
        pageError(error.message);
        return;
    }
    const today = new Date();
    $('from').value = isoDate(addDays(today, -56));
    $('to').value = isoDate(today);
    for (const [action, words] of Object.entries(ACTION_WORDS)) {
        $('audit-action').append(el('option', {value: action, text: words}));
    }
    offerPeople();
    await apply();
    loadUnsigned();
    loadAudit();
}

function readFilter() {
    const filter = {};
    for (const id of ['site', 'program', 'group', 'facilitator', 'from', 'to']) {
        const input = $(id);
        filter[input.name] = input.value;
    }
    const uuid = /^[0-9a-f-]{36}$/i;
    for (const key of ['siteId', 'programId', 'groupId', 'facilitatorId']) {
        if (filter[key] && !uuid.test(filter[key])) {
            return {error: 'Choose the filters from the lists.'};
        }
    }
    if (filter.from && filter.to && filter.from > filter.to) {
        return {error: 'The "From" date must be on or before the "To" date.'};
    }
    return {filter};
}

async function apply() {
    const {filter, error} = readFilter();
    $('filter-error').textContent = error ?? '';
    if (error) {
        return;
    }
    state.filter = filter;
    state.page = 0;
    $('csv').href = `../api/attendance/report.csv${query(filter)}`;
    $('fhir').href = `../api/attendance/report.fhir${query(filter)}`;
    $('report-status').textContent = 'Loading…';
    let first;
    try {
        first = await api.get(`attendance/report${query({...filter, page: 0, size: CHART_PAGE_SIZE})}`);
    } catch (error) {
        $('report-status').textContent = `The report could not be loaded (${error.message}).`;
        $('rate-chart').replaceChildren(el('p', {text: `Charts could not be drawn (${error.message}).`}));
        return;
    }
    showReport({...first, items: first.items.slice(0, PAGE_SIZE), size: PAGE_SIZE});
    await drawCharts(first);
    drawProgress();
}

async function loadReport() {
    $('report-status').textContent = 'Loading…';
    try {
        showReport(await api.get(`attendance/report${query({...state.filter, page: state.page, size: PAGE_SIZE})}`));
    } catch (error) {
        $('report-status').textContent = `The report could not be loaded (${error.message}).`;
    }
}

/** The latest amendment's reason, author and day; the override reason when credit was given below the rule. */
function amendmentWords(row, shown) {
    if (!row.amendment) {
        return '—';
    }
    const who = [row.amendment.authorDisplayName, format.dateTime(row.amendment.amendedAt)].filter(Boolean);
    return `${shown.reason} (${who.join(', ')})`
        + (shown.overrideReason ? `; credited below the rule: ${shown.overrideReason}` : '');
}

function showReport(report) {
    $('report').tBodies[0].replaceChildren(...report.items.map((row) => {
        const shown = rowWords(row, statusWords, format.minutes);
        return el('tr', {dataset: {recordId: row.recordId}},
            el('td', {text: format.date(row.date)}),
            el('td', {text: row.groupName}),
            el('th', {scope: 'row', text: row.patientDisplayName}),
            el('td', {text: shown.status}),
            el('td', {text: shown.minutes}),
            el('td', {text: flagText(row.flags)}),
            el('td', {text: modalityWords(row)}),
            el('td', {text: shown.credited}),
            el('td', {text: row.attestedLocation ?? '—'}),
            el('td', {text: amendmentWords(row, shown)}));
    }));
    const t = report.totals;
    $('report-status').textContent = report.total === 0 ? 'No signed attendance for these filters.'
        : `${report.total} rows; ${t.credited} credited; ${format.minutes(t.minutes)} in all, `
        + `${format.minutes(t.audioOnlyMinutes)} audio only. Page ${state.page + 1} of `
        + `${Math.max(1, Math.ceil(report.total / PAGE_SIZE))}.`;
    $('previous').disabled = state.page === 0;
    $('next').disabled = (state.page + 1) * PAGE_SIZE >= report.total;
}

/** The rows the charts summarise: the first page already fetched, and further pages only when there are more. */
async function chartRows(first) {
    const rows = [...first.items];
    for (let page = 1; rows.length < CHART_ROW_LIMIT && page * CHART_PAGE_SIZE < first.total; page++) {
        const report = await api.get(`attendance/report${query({...state.filter, page, size: CHART_PAGE_SIZE})}`);
        rows.push(...report.items);
    }
    return rows;
}

function mondayOf(localDate) {
    const date = new Date(`${localDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    return date.toISOString().slice(0, 10);
}

async function drawCharts(first) {
    let rows;
    try {
        rows = await chartRows(first);
    } catch (error) {
        $('rate-chart').replaceChildren(el('p', {text: `Charts could not be drawn (${error.message}).`}));
        return;
    }
    state.rows = rows;
    offerPatients(rows.map((row) => [row.patientId, row.patientDisplayName]));
    const weeks = new Map();
    for (const row of rows) {
        const week = weeks.get(mondayOf(row.date)) ?? {rows: 0, credited: 0, minutes: 0, audioOnly: 0};
        week.rows++;
        week.credited += row.credited ? 1 : 0;
        week.minutes += row.minutesPresent;
        week.audioOnly += row.minutesAudioOnly;
        weeks.set(mondayOf(row.date), week);
    }
    const ordered = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
    const label = (monday) => `Week of ${format.date(monday)}`;
    $('rate-chart').replaceChildren(barChart('rate-title', ordered.map(([monday, w]) => ({label: label(monday),
        short: format.date(monday), value: w.rows ? w.credited / w.rows : 0}))));
    $('audio-chart').replaceChildren(barChart('audio-title', ordered.map(([monday, w]) => ({label: label(monday),
        short: format.date(monday), value: w.minutes ? w.audioOnly / w.minutes : 0}))));
}

/** Vertical bars of shares (0..1); the SVG's label reads out every value for screen readers. */
function barChart(titleId, bars) {
    if (bars.length === 0) {
        return el('p', {class: 'hint', text: 'No data for these filters.'});
    }
    const width = 600;
    const height = 220;
    const top = 20;
    const bottom = 40;
    const slot = (width - 40) / bars.length;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('class', 'chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', titleId);
    svg.setAttribute('aria-describedby', `${titleId}-values`);
    const add = (tag, attributes, text) => {
        const node = document.createElementNS(SVG, tag);
        for (const [k, v] of Object.entries(attributes)) {
            node.setAttribute(k, v);
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        svg.append(node);
        return node;
    };
    add('line', {x1: 36, y1: height - bottom, x2: width, y2: height - bottom, stroke: 'currentColor'});
    for (const tick of [0, 0.5, 1]) {
        const y = height - bottom - tick * (height - top - bottom);
        add('text', {x: 0, y: y + 4}, format.percent(tick));
    }
    bars.forEach((bar, i) => {
        const h = bar.value * (height - top - bottom);
        const x = 40 + i * slot + slot * 0.15;
        const rect = add('rect', {x, y: height - bottom - h, width: Math.max(2, slot * 0.7), height: h,
            fill: '#2f6fca'});
        const tip = document.createElementNS(SVG, 'title');
        tip.textContent = `${bar.label}: ${format.percent(bar.value)}`;
        rect.append(tip);
        add('text', {x: x + slot * 0.35, y: height - bottom - h - 4, 'text-anchor': 'middle'}, format.percent(bar.value));
        if (bars.length <= 12) {
            add('text', {x: x + slot * 0.35, y: height - bottom + 16, 'text-anchor': 'middle'}, bar.short);
        }
    });
    const values = el('p', {id: `${titleId}-values`, class: 'visually-hidden',
        text: bars.map((b) => `${b.label}: ${format.percent(b.value)}`).join('; ')});
    return el('div', {}, svg, values);
}

async function drawProgress() {
    const container = $('progress-chart');
    const programId = state.filter.programId || ($('program').options.length === 2 ? $('program').options[1].value : '');
    if (!programId) {
        container.replaceChildren(el('p', {class: 'hint', text: 'Choose a program to see each patient\'s progress.'}));
        return;
    }
    try {
        // One request, and one access-log entry, for the whole chart.
        const page = await api.get(`attendance/progress${query({programId, size: PROGRESS_LIMIT})}`);
        offerPatients(page.items.map((item) => [item.patientId, item.patientDisplayName]));
        trend.offer(page.items.map((item) => [item.patientId, item.patientDisplayName]));
        container.replaceChildren(progressChart(page.items.map((item) => ({
            name: item.patientDisplayName ?? 'A patient', credited: item.progress.creditedSessions,
            required: item.progress.requiredSessions, flag: item.progress.absenceFlag}))));
    } catch (error) {
        container.replaceChildren(el('p', {text: `Progress could not be loaded (${error.message}).`}));
    }
}

/** One horizontal bar per patient: credited sessions against the program's requirement. */
function progressChart(bars) {
    if (bars.length === 0) {
        return el('p', {class: 'hint', text: 'Nobody is enrolled in this program.'});
    }
    const rowHeight = 28;
    const width = 600;
    const labelWidth = 200;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${bars.length * rowHeight + 10}`);
    svg.setAttribute('class', 'chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', 'progress-title');
    svg.setAttribute('aria-describedby', 'progress-values');
    bars.forEach((bar, i) => {
        const y = i * rowHeight + 5;
        const share = bar.required ? Math.min(1, bar.credited / bar.required) : 0;
        const node = (tag, attributes, text) => {
            const n = document.createElementNS(SVG, tag);
            Object.entries(attributes).forEach(([k, v]) => n.setAttribute(k, v));
            if (text !== undefined) {
                n.textContent = text;
            }
            svg.append(n);
        };
        node('text', {x: 0, y: y + 16}, bar.name.length > 26 ? `${bar.name.slice(0, 25)}…` : bar.name);
        node('rect', {x: labelWidth, y, width: width - labelWidth - 70, height: 20, fill: '#8884', rx: 4});
        node('rect', {x: labelWidth, y, width: (width - labelWidth - 70) * share, height: 20,
            fill: bar.flag ? '#b26a00' : '#2f8a4a', rx: 4});
        node('text', {x: width - 65, y: y + 16}, `${bar.credited}/${bar.required}`);
    });
    const values = el('p', {id: 'progress-values', class: 'visually-hidden', text: bars.map((b) =>
        `${b.name}: ${b.credited} of ${b.required} sessions${b.flag ? ', absent repeatedly' : ''}`).join('; ')});
    return el('div', {}, svg, values);
}

async function loadUnsigned() {
    try {
        const sessions = await api.get('attendance/unsigned');
        const items = [];
        for (const s of sessions) {
            items.push(el('li', {dataset: {sessionId: s.sessionId}},
                el('span', {text: `${await groupName(s.groupId)}, ${format.date(s.localDate)}`}),
                el('span', {class: 'hint', text: s.sessionStatus === 'NOT_HELD' ? 'not held'
                    : `ended ${format.dateTime(s.endsAt)}`})));
        }
        $('unsigned').replaceChildren(...items);
        $('unsigned-status').textContent = sessions.length ? `${sessions.length} sessions wait for sign-off.`
            : 'Every ended session is signed.';
    } catch (error) {
        $('unsigned-status').textContent = `Unsigned sessions could not be loaded (${error.message}).`;
    }
}

/** Patients the page has seen (report rows, progress), offered in the access log's person and patient filters. */
function offerPatients(pairs) {
    let added = false;
    for (const [id, name] of pairs) {
        if (id && name && !state.patients.has(id)) {
            state.patients.set(id, name);
            added = true;
        }
    }
    if (added) {
        offerPeople();
    }
}

/** Fills the person (staff, then patients) and patient filters, keeping what is chosen. */
function offerPeople() {
    const byName = (a, b) => a[1].localeCompare(b[1]);
    const patients = [...state.patients.entries()].sort(byName);
    const patientOptions = () => patients.map(([id, name]) => el('option', {value: id, text: name}));
    const person = $('audit-person');
    const chosenPerson = person.value;
    person.replaceChildren(el('option', {value: '', text: 'Anyone'}),
        el('optgroup', {label: 'Staff'}, state.staff.map((s) => el('option', {value: s.id, text: s.displayName}))),
        ...(patients.length ? [el('optgroup', {label: 'Patients'}, patientOptions())] : []));
    person.value = chosenPerson;
    const patient = $('audit-patient');
    const chosenPatient = patient.value;
    patient.replaceChildren(el('option', {value: '', text: 'Any patient'}), ...patientOptions());
    patient.value = chosenPatient;
}

async function loadAudit() {
    const values = {};
    for (const id of ['audit-person', 'audit-patient', 'audit-action', 'audit-outcome', 'audit-from', 'audit-to']) {
        values[$(id).name] = $(id).value;
    }
    const {params, error} = auditQuery(values, state.auditPage, AUDIT_PAGE_SIZE);
    $('audit-filter-error').textContent = error ?? '';
    if (error) {
        return;
    }
    try {
        const page = await api.get(`audit${query(params)}`);
        $('audit').tBodies[0].replaceChildren(...page.items.map((entry) => el('tr', {dataset: {entryId: entry.id}},
            el('td', {text: format.dateTime(entry.occurredAt)}),
            el('td', {text: personWords(entry)}),
            el('td', {text: patientWords(entry)}),
            el('td', {text: actionWords(entry.action) + (entry.siteName ? ` at ${entry.siteName}` : '')}),
            el('td', {class: entry.outcome === 'DENIED' ? 'denied' : null, text: outcomeWords(entry)}))));
        $('audit-status').textContent = page.total === 0 ? 'No entries for these filters.'
            : `${page.total} entries, newest first. Page ${state.auditPage + 1} of `
            + `${Math.ceil(page.total / AUDIT_PAGE_SIZE)}.`;
        $('audit-previous').disabled = state.auditPage === 0;
        $('audit-next').disabled = (state.auditPage + 1) * AUDIT_PAGE_SIZE >= page.total;
    } catch (error) {
        $('audit-status').textContent = `The access log could not be loaded (${error.message}).`;
    }
}

$('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
});
$('previous').addEventListener('click', () => {
    state.page--;
    loadReport();
});
$('next').addEventListener('click', () => {
    state.page++;
    loadReport();
});
$('audit-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    state.auditPage = 0;
    loadAudit();
});
$('audit-previous').addEventListener('click', () => {
    state.auditPage--;
    loadAudit();
});
$('audit-next').addEventListener('click', () => {
    state.auditPage++;
    loadAudit();
});

stackOnNarrowScreens(document.getElementById('report'));
stackOnNarrowScreens(document.getElementById('audit'));
start();
