// Enrollments: enroll a patient in a program, list them with their dated status history, and end one by a status
// change (completed, discharged, withdrawn: confirmed, with the last day and a reason). Never deleted.
import {api, el, format, isoDate, query} from '../api.js';
import {confirmChange} from './confirm.js';
import {fillSelect, onSubmit, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {all, announce, startAdminPage} from './shell.js';

const $ = (id) => document.getElementById(id);
const form = $('enrollment-form');
const STATUS = {ENROLLED: 'Enrolled', COMPLETED: 'Completed', DISCHARGED: 'Discharged', WITHDRAWN: 'Withdrawn'};
let patients = new Map();
let programs = new Map();

const patientName = (id) => patients.get(id)?.displayName ?? 'A patient';
const programName = (id) => programs.get(id)?.name ?? 'A program';

function history(enrollment) {
    return el('ol', {class: 'history'}, enrollment.history.map((change) => el('li', {},
        `${format.date(change.effectiveDate)}: ${STATUS[change.status] ?? change.status}`,
        change.reason ? ` — ${change.reason}` : '')));
}

async function changeStatus(enrollment) {
    const who = `${patientName(enrollment.patientId)} in ${programName(enrollment.programId)}`;
    const changed = await confirmChange({
        title: `End the enrollment of ${who}?`,
        message: 'The patient leaves the program on the last day given, and their memberships in its groups end'
            + ' then too. The change is kept in the history; it cannot be undone.',
        confirmLabel: 'Change status',
        fields: [
            {name: 'status', label: 'New status', type: 'select', options: ['COMPLETED', 'DISCHARGED', 'WITHDRAWN']
                .map((value) => ({value, text: STATUS[value]}))},
            {name: 'effectiveDate', label: 'Last day in the program', type: 'date', value: isoDate(new Date())},
            {name: 'reason', label: 'Reason', maxLength: 500},
        ],
        action: (values) => api.post(`enrollments/${enrollment.id}/status`, values),
    });
    if (changed) {
        announce(`${who}: ${STATUS[changed.status]}.`);
        list.refresh();
    }
}

const list = createList({
    table: $('enrollments'), filter: $('enrollment-filter'), noun: 'enrollments',
    load: (filter, page, size) => api.get(`enrollments${query({patientId: filter.elements.namedItem('patientId').value,
        programId: filter.elements.namedItem('programId').value, status: filter.elements.namedItem('status').value,
        page, size})}`),
    row: (e) => el('tr', {}, cell(patientName(e.patientId)), cell(programName(e.programId)),
        cell(`${format.date(e.startDate)} to ${e.endDate ? format.date(e.endDate)
            : e.plannedEndDate ? `${format.date(e.plannedEndDate)} (planned)` : 'open'}`),
        cell(STATUS[e.status] ?? e.status), cell(history(e)),
        cell(e.status === 'ENROLLED'
            ? rowButton('Change status', `${patientName(e.patientId)}, ${programName(e.programId)}`,
                () => changeStatus(e))
            : '—')),
});

onSubmit(form, () => api.post('enrollments', {patientId: text(form, 'patientId'), programId: text(form, 'programId'),
    startDate: text(form, 'startDate'), plannedEndDate: text(form, 'plannedEndDate')}), (created) => {
    announce(`${patientName(created.patientId)} enrolled in ${programName(created.programId)}.`);
    form.reset();
    $('enroll-start').value = isoDate(new Date());
    list.reload();
});

async function start() {
    if (!(await startAdminPage('enrollments.html'))) {
        return;
    }
    const [patientList, programList] = await Promise.all([all('patients'), all('programs')]);
    patients = new Map(patientList.map((p) => [p.id, p]));
    programs = new Map(programList.map((p) => [p.id, p]));
    fillSelect($('enroll-patient'), patientList, (p) => p.displayName, {blank: 'Choose a patient'});
    fillSelect($('enroll-program'), programList, (p) => p.name, {blank: 'Choose a program'});
    fillSelect($('filter-patient'), patientList, (p) => p.displayName, {blank: 'All patients'});
    fillSelect($('filter-program'), programList, (p) => p.name, {blank: 'All programs'});
    $('enroll-start').value = isoDate(new Date());
    const wanted = new URLSearchParams(location.search).get('patientId');
    if (wanted && patients.has(wanted)) {
        $('filter-patient').value = wanted;
        $('enroll-patient').value = wanted;
    }
    list.reload();
}

start();
