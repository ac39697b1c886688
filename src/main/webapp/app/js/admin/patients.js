// Patients: create (optionally enrolled at once in a program of a site), edit the display name, the name shown in
// the group and the emergency contact. Never deleted; enrollments and memberships say where a patient is.
import {api, el, format, query} from '../api.js';
import {KIND_WORDS, stateWords} from '../consent.js';
import {createEditor} from './editor.js';
import {unplacedWords} from './field-paths.js';
import {fillSelect, onSubmit, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {all, announce, startAdminPage} from './shell.js';

const $ = (id) => document.getElementById(id);
const form = $('patient-form');

const editor = createEditor(form, {newTitle: 'New patient', editTitle: (p) => `Edit ${p.displayName}`,
    create: 'Create patient', save: 'Save patient'}, (f, patient) => {
    f.elements.namedItem('displayName').value = patient.displayName;
    f.elements.namedItem('chosenName').value = patient.chosenName;
    f.elements.namedItem('emergencyContact.name').value = patient.emergencyContact.name;
    f.elements.namedItem('emergencyContact.phone').value = patient.emergencyContact.phone;
});

function body() {
    return {displayName: text(form, 'displayName'), chosenName: text(form, 'chosenName'),
        emergencyContact: {name: text(form, 'emergencyContact.name'), phone: text(form, 'emergencyContact.phone')}};
}

const list = createList({
    table: $('patients'), filter: $('patient-filter'), noun: 'patients',
    load: (filter, page, size) => api.get(`patients${query({idpSubject: filter.elements.namedItem('idpSubject')
        .value.trim(), page, size})}`),
    row: (p) => el('tr', {}, cell(p.displayName), cell(p.chosenName),
        cell(`${p.emergencyContact.name}, ${p.emergencyContact.phone}`), cell(el('code', {text: p.idpSubject})),
        cell(el('div', {class: 'row-actions'}, rowButton('Edit', p.displayName, () => editor.edit(p)),
            rowButton('Consent', p.displayName, () => showConsent(p)),
            el('a', {href: `enrollments.html?patientId=${encodeURIComponent(p.id)}`, text: 'Enrollments',
                'aria-label': `Enrollments: ${p.displayName}`})))),
});

/**
 * The patient's consent per program (accepted version and when, withdrawn, needs the new version), read when asked:
 * a read of the patient's record, in the access log.
 */
async function showConsent(patient) {
    const box = $('patient-consent');
    box.hidden = false;
    $('patient-consent-title').textContent = `Consent: ${patient.displayName}`;
    try {
        const record = await api.get(`patients/${patient.id}/consents`);
        $('patient-consent-list').replaceChildren(...(record.programs.length === 0
            ? [el('li', {text: 'Not enrolled in any program.'})]
            : record.programs.map((program) => el('li', {}, el('strong', {text: program.programName}),
                el('ul', {class: 'plain'}, ...program.kinds.map((k) => el('li', {'data-kind': k.kind,
                    text: `${KIND_WORDS[k.kind] ?? k.kind}: ${stateWords(k, {format: format.dateTime})}`})))))));
        $('patient-consent-title').focus();
        announce(`Consent of ${patient.displayName} shown.`);
    } catch (error) {
        $('patient-consent-list').replaceChildren(el('li', {text: error.message}));
    }
}

async function save() {
    const patient = editor.current();
    if (patient) {
        return {patient: await api.put(`patients/${patient.id}`, body())};
    }
    const programId = text(form, 'programId');
    const created = await api.post('patients', {...body(), idpSubject: text(form, 'idpSubject')});
    if (!programId) {
        return {patient: created};
    }
    try {
        await api.post('enrollments', {patientId: created.id, programId, startDate: text(form, 'startDate')});
        return {patient: created, enrolled: true};
    } catch (error) {
        // The patient exists now: say so, and leave the enrollment to be made on its own page.
        editor.edit(created);
        list.refresh();
        // The enrollment's inputs are hidden now that the form edits the patient: say its errors in words instead.
        const fields = error.errors.map(unplacedWords).join(' ');
        error.message = `${created.displayName} was created, but not enrolled: ${error.message} ${fields}`
            + ' Enroll them on the enrollments page.';
        error.errors = [];
        throw error;
    }
}

onSubmit(form, save, ({patient, enrolled}) => {
    announce(enrolled ? `${patient.displayName} created and enrolled.` : `${patient.displayName} saved.`);
    editor.reset();
    list.refresh();
});

async function start() {
    if (!(await startAdminPage('patients.html'))) {
        return;
    }
    const [sites, programs] = await Promise.all([all('sites'), all('programs')]);
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    fillSelect($('patient-program'), programs, (p) => `${p.name} — ${siteNames.get(p.siteId) ?? 'a site'}`,
        {blank: 'Not now'});
    list.reload();
}

start();
