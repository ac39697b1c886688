// Therapy groups: create in a program (capacity, facilitators, weekly schedule with a preview of the next sessions
// in the group's zone, auto-admit), edit, and change facilitators (removal confirmed; the last one stays).
import {api, el, query} from '../api.js';
import {confirmChange} from './confirm.js';
import {createEditor} from './editor.js';
import {fillSelect, number, onSubmit, showErrors, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {scheduleEditor, scheduleWords} from './schedule-editor.js';
import {all, announce, startAdminPage} from './shell.js';

const $ = (id) => document.getElementById(id);
const form = $('group-form');
let programs = new Map();
let sites = new Map();
let staff = new Map();

const staffName = (id) => staff.get(id)?.displayName ?? 'A staff member';

function zoneOf() {
    const typed = text(form, 'schedule.timeZone');
    if (typed) {
        return typed;
    }
    const group = editor?.current();
    if (group) {
        return group.schedule.timeZone;
    }
    return sites.get(programs.get($('group-program').value)?.siteId)?.timeZone;
}

const schedule = scheduleEditor(form, zoneOf);

const editor = createEditor(form, {newTitle: 'New group', editTitle: (g) => `Edit ${g.name}`,
    create: 'Create group', save: 'Save group'}, (f, group) => {
    f.elements.namedItem('name').value = group.name;
    f.elements.namedItem('capacity').value = group.capacity;
    f.elements.namedItem('autoAdmit').checked = group.autoAdmit;
    f.elements.namedItem('schedule.timeZone').value = group.schedule.timeZone;
    schedule.set(group.schedule);
    showFacilitators(group);
}, () => schedule.set(null));

function showFacilitators(group) {
    $('facilitator-list').replaceChildren(...group.facilitatorIds.map((id) => el('li', {},
        el('span', {text: staffName(id)}),
        group.facilitatorIds.length > 1
            ? rowButton('Remove', staffName(id), () => removeFacilitator(group, id), {danger: true})
            : el('span', {class: 'hint', text: 'the only facilitator'}))));
    fillSelect($('add-facilitator'), [...staff.values()].filter((s) => s.active && !group.facilitatorIds
        .includes(s.id)), (s) => s.displayName);
}

function changed(group, words) {
    editor.edit(group);
    announce(words);
    list.refresh();
}

async function removeFacilitator(group, staffId) {
    const updated = await confirmChange({title: `Remove ${staffName(staffId)} from ${group.name}?`,
        message: 'They will no longer run this group\'s sessions or see its patients. Signed records stay as signed.',
        confirmLabel: 'Remove facilitator', action: () => api.delete(`groups/${group.id}/facilitators/${staffId}`)});
    if (updated) {
        changed(updated, `${staffName(staffId)} removed from ${updated.name}.`);
    }
}

$('add-facilitator-button').addEventListener('click', async () => {
    const group = editor.current();
    const staffId = $('add-facilitator').value;
    if (group && staffId) {
        try {
            changed(await api.post(`groups/${group.id}/facilitators`, {staffId}), `${staffName(staffId)} added.`);
        } catch (error) {
            showErrors(form, error);
        }
    }
});

const list = createList({
    table: $('groups'), filter: $('group-filter'), noun: 'groups',
    load: (filter, page, size) => api.get(`groups${query({programId: filter.elements.namedItem('programId').value,
        siteId: filter.elements.namedItem('siteId').value,
        facilitatorId: filter.elements.namedItem('facilitatorId').value, page, size})}`),
    row: (g) => el('tr', {}, cell(g.name), cell(programs.get(g.programId)?.name ?? '—'),
        cell(`${g.capacity}${g.autoAdmit ? ', admits on its own' : ''}`), cell(scheduleWords(g.schedule)),
        cell(g.facilitatorIds.map(staffName).join(', ')),
        cell(el('div', {class: 'row-actions'}, rowButton('Edit', g.name, () => editor.edit(g)),
            el('a', {href: `memberships.html?groupId=${encodeURIComponent(g.id)}`, text: 'Members',
                'aria-label': `Members: ${g.name}`}),
            el('a', {href: `sessions.html?groupId=${encodeURIComponent(g.id)}`, text: 'Sessions',
                'aria-label': `Sessions: ${g.name}`})))),
});

function body() {
    return {name: text(form, 'name'), capacity: number(form, 'capacity'),
        autoAdmit: form.elements.namedItem('autoAdmit').checked,
        schedule: {timeZone: text(form, 'schedule.timeZone'), slots: schedule.slots()}};
}

onSubmit(form, () => {
    const group = editor.current();
    if (group) {
        return api.put(`groups/${group.id}`, body());
    }
    const facilitatorIds = [...form.querySelectorAll('input[name="facilitatorIds"]:checked')].map((c) => c.value);
    return api.post('groups', {...body(), programId: text(form, 'programId'), facilitatorIds});
}, (saved) => {
    announce(`${saved.name} saved.`);
    editor.reset();
    list.refresh();
});

async function start() {
    if (!(await startAdminPage('groups.html'))) {
        return;
    }
    const [programList, siteList, staffList] = await Promise.all([all('programs'), all('sites'), all('staff')]);
    programs = new Map(programList.map((p) => [p.id, p]));
    sites = new Map(siteList.map((s) => [s.id, s]));
    staff = new Map(staffList.map((s) => [s.id, s]));
    fillSelect($('group-program'), programList, (p) => `${p.name} — ${sites.get(p.siteId)?.name ?? 'a site'}`,
        {blank: 'Choose a program'});
    fillSelect($('filter-program'), programList, (p) => p.name, {blank: 'All programs'});
    fillSelect($('filter-site'), siteList, (s) => s.name, {blank: 'All sites'});
    fillSelect($('filter-facilitator'), staffList, (s) => s.displayName, {blank: 'Any facilitator'});
    $('facilitator-choices').replaceChildren(...staffList.filter((s) => s.active).map((s) => el('li', {},
        el('label', {class: 'check'}, el('input', {type: 'checkbox', name: 'facilitatorIds', value: s.id}),
            s.displayName))));
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    $('zones').replaceChildren(...zones.map((zone) => el('option', {value: zone})));
    const wanted = new URLSearchParams(location.search).get('programId');
    if (wanted && programs.has(wanted)) {
        $('filter-program').value = wanted;
        $('group-program').value = wanted;
    }
    schedule.set(null);
    list.reload();
    if (location.hash === '#new') {
        $('group-name').focus();
    }
}

start();
