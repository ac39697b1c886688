// Programs: create at a site (kind, plan), edit the name, the plan, the attendance thresholds and the check-in. The thresholds
// are set with the plan when a program is changed; a new program gets them by a change right after its creation
// when they differ from the defaults, since the API creates programs with the defaults.
import {api, el, query} from '../api.js';
import {createEditor} from './editor.js';
import {fillSelect, number, onSubmit, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {all, announce, startAdminPage} from './shell.js';

const $ = (id) => document.getElementById(id);
const form = $('program-form');
const KINDS = {MENTAL_HEALTH_IOP: 'Mental health IOP', SUBSTANCE_USE_IOP: 'Substance use IOP',
    DUAL_DIAGNOSIS: 'Dual diagnosis'};
const DEFAULTS = {lateAfterMinutes: 15, earlyLeaveMinutes: 15, creditPercent: 75};
const PLAN = ['requiredSessions', 'plannedSessionsPerWeek', 'plannedSessionMinutes', 'minimumWeeklyMinutes'];
let siteNames = new Map();

const editor = createEditor(form, {newTitle: 'New program', editTitle: (p) => `Edit ${p.name}`,
    create: 'Create program', save: 'Save program'}, (f, program) => {
    f.elements.namedItem('name').value = program.name;
    for (const name of PLAN) {
        f.elements.namedItem(name).value = program[name];
    }
    for (const name of Object.keys(DEFAULTS)) {
        f.elements.namedItem(name).value = program.attendanceThresholds[name];
    }
    // The check-in is changed on an existing program only (a new one gets its kind's defaults).
    f.elements.namedItem('checkInEnabled').checked = program.checkIn?.enabled ?? true;
    f.elements.namedItem('checkInAsksCraving').checked = program.checkIn?.asksCraving ?? false;
    f.elements.namedItem('checkInLowMoodAtMost').value = program.checkIn?.lowMoodAtMost ?? 3;
    f.elements.namedItem('checkInHighCravingAtLeast').value = program.checkIn?.highCravingAtLeast ?? 7;
});

/** The check-in settings of the form, for a change of an existing program. */
function checkIn() {
    return {checkInEnabled: form.elements.namedItem('checkInEnabled').checked,
        checkInAsksCraving: form.elements.namedItem('checkInAsksCraving').checked,
        checkInLowMoodAtMost: number(form, 'checkInLowMoodAtMost'),
        checkInHighCravingAtLeast: number(form, 'checkInHighCravingAtLeast')};
}

function update() {
    const body = {name: text(form, 'name')};
    for (const name of [...PLAN, ...Object.keys(DEFAULTS)]) {
        body[name] = number(form, name);
    }
    return body;
}

const list = createList({
    table: $('programs'), filter: $('program-filter'), noun: 'programs',
    load: (filter, page, size) => api.get(`programs${query({siteId: filter.elements.namedItem('siteId').value,
        kind: filter.elements.namedItem('kind').value, page, size})}`),
    row: (p) => el('tr', {}, cell(p.name), cell(siteNames.get(p.siteId) ?? '—'), cell(KINDS[p.kind] ?? p.kind),
        cell(`${p.requiredSessions} sessions; ${p.plannedSessionsPerWeek} a week of ${p.plannedSessionMinutes} min`),
        cell(`${p.minimumWeeklyMinutes} min`),
        cell(`late after ${p.attendanceThresholds.lateAfterMinutes} min; early over`
            + ` ${p.attendanceThresholds.earlyLeaveMinutes} min; credit from ${p.attendanceThresholds.creditPercent}%`),
        cell(el('div', {class: 'row-actions'}, rowButton('Edit', p.name, () => editor.edit(p)),
            el('a', {href: `groups.html?programId=${encodeURIComponent(p.id)}`, text: 'Groups',
                'aria-label': `Groups: ${p.name}`})))),
});

async function save() {
    const program = editor.current();
    if (program) {
        return api.put(`programs/${program.id}`, {...update(), ...checkIn()});
    }
    const body = update();
    const created = await api.post('programs', {siteId: text(form, 'siteId'), kind: text(form, 'kind'),
        name: body.name, requiredSessions: body.requiredSessions, plannedSessionsPerWeek: body.plannedSessionsPerWeek,
        plannedSessionMinutes: body.plannedSessionMinutes, minimumWeeklyMinutes: body.minimumWeeklyMinutes});
    if (Object.entries(DEFAULTS).every(([name, value]) => body[name] === value)) {
        return created;
    }
    try {
        return await api.put(`programs/${created.id}`, body);
    } catch (error) {
        editor.edit(created);
        list.refresh();
        error.message = `${created.name} was created with the default thresholds; these were refused:`
            + ` ${error.message}`;
        throw error;
    }
}

onSubmit(form, save, (saved) => {
    announce(`${saved.name} saved.`);
    editor.reset();
    list.refresh();
});

async function start() {
    if (!(await startAdminPage('programs.html'))) {
        return;
    }
    const sites = await all('sites');
    siteNames = new Map(sites.map((s) => [s.id, s.name]));
    fillSelect($('program-site'), sites.filter((s) => s.active), (s) => `${s.name} (${s.city})`);
    fillSelect($('filter-site'), sites, (s) => s.name, {blank: 'All sites'});
    list.reload();
    if (location.hash === '#new') {
        $('program-name').focus();
    }
}

start();
