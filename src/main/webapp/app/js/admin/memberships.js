// A group's memberships: add an enrolled patient from a day, end one (the last day and a reason), or void one entered
// in error (a reason; kept, shown as "Voided — reason", on no roster on any day). Both are confirmed first.
import {api, el, format, isoDate, query} from '../api.js';
import {confirmChange} from './confirm.js';
import {fillSelect, onSubmit, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {membershipActions, membershipState} from './membership-words.js';
import {all, announce, startAdminPage} from './shell.js';

const $ = (id) => document.getElementById(id);
const form = $('membership-form');
const choice = $('group-choice');
let groups = new Map();
let patients = new Map();

const patientName = (id) => patients.get(id)?.displayName ?? 'A patient';
const group = () => groups.get($('choose-group').value);

async function end(m) {
    const name = patientName(m.patientId);
    const ended = await confirmChange({title: `End ${name}'s membership of ${group().name}?`,
        message: 'They stay on the rosters up to and including the last day, and leave them after it.',
        confirmLabel: 'End membership',
        fields: [{name: 'toDate', label: 'Last day in the group', type: 'date', value: isoDate(new Date())},
            {name: 'reason', label: 'Reason (optional)', maxLength: 500}],
        action: (values) => api.post(`memberships/${m.id}/end`, {toDate: values.toDate || undefined,
            reason: values.reason || undefined})});
    if (ended) {
        announce(`${name}'s membership ended.`);
        list.refresh();
    }
}

async function voidIt(m) {
    const name = patientName(m.patientId);
    const voided = await confirmChange({title: `Void ${name}'s membership of ${group().name}?`,
        message: 'Only for a membership entered in error: it is kept with your reason, but counts on no day, past'
            + ' sessions included (their rosters, sheets and progress). It cannot be undone.',
        confirmLabel: 'Void membership',
        fields: [{name: 'reason', label: 'Why it was entered in error', maxLength: 500}],
        action: (values) => api.post(`memberships/${m.id}/void`, {reason: values.reason})});
    if (voided) {
        announce(`${name}'s membership voided.`);
        list.refresh();
    }
}

const list = createList({
    table: $('members'), filter: choice, noun: 'memberships',
    load: (filter, page, size) => group()
        ? api.get(`groups/${group().id}/memberships${query({activeOn: filter.elements.namedItem('activeOn').value,
            page, size})}`)
        : Promise.resolve({items: [], page: 0, size, total: 0}),
    row: (m) => {
        const name = patientName(m.patientId);
        const state = membershipState(m, isoDate(new Date()));
        const actions = membershipActions(m).map((action) => action === 'end'
            ? rowButton('End', name, () => end(m))
            : rowButton('Void', name, () => voidIt(m), {danger: true}));
        return el('tr', {class: state.key === 'voided' ? 'voided' : undefined}, cell(name), cell(format.date(m.fromDate)),
            cell(m.toDate ? format.date(m.toDate) : '—'), cell(state.text),
            cell(actions.length ? el('div', {class: 'row-actions'}, actions) : '—'));
    },
});

// Which group's patients are wanted now: a group chosen while the last one's patients were still being read must
// not get that group's list when its answer comes last.
let offering = 0;

async function offerPatients() {
    const g = group();
    const asked = ++offering;
    if (!g) {
        fillSelect($('member-patient'), [], () => '');
        return;
    }
    const enrolled = await all('enrollments', {programId: g.programId, status: 'ENROLLED'});
    if (asked !== offering) {
        return;
    }
    fillSelect($('member-patient'), enrolled.map((e) => ({id: e.patientId, name: patientName(e.patientId)}))
        .sort((a, b) => a.name.localeCompare(b.name)), (p) => p.name, {blank: 'Choose a patient'});
}

$('choose-group').addEventListener('change', () => {
    history.replaceState(null, '', `?groupId=${encodeURIComponent($('choose-group').value)}`);
    offerPatients();
    list.reload();
});

onSubmit(form, () => api.post(`groups/${group()?.id}/memberships`, {patientId: text(form, 'patientId'),
    fromDate: text(form, 'fromDate')}), (created) => {
    announce(`${patientName(created.patientId)} added to ${group().name}.`);
    form.reset();
    $('member-from').value = isoDate(new Date());
    list.reload();
});

async function start() {
    if (!(await startAdminPage('memberships.html'))) {
        return;
    }
    const [groupList, patientList] = await Promise.all([all('groups'), all('patients')]);
    groups = new Map(groupList.map((g) => [g.id, g]));
    patients = new Map(patientList.map((p) => [p.id, p]));
    fillSelect($('choose-group'), groupList, (g) => g.name);
    const wanted = new URLSearchParams(location.search).get('groupId');
    if (wanted && groups.has(wanted)) {
        $('choose-group').value = wanted;
    }
    $('member-from').value = isoDate(new Date());
    form.hidden = groupList.length === 0;
    await offerPatients();
    list.reload();
}

start();
