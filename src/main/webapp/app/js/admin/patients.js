// Patients: create (optionally enrolled at once in a program of a site), edit the display name, the name shown in
// the group, the emergency contact and the e-mail address. Never deleted; enrollments and memberships say where a
// patient is. A patient created with an e-mail address gets a Keycloak login made by Mend and an e-mail to set a
// password; each row says how the login stands and offers invite (retry), disable and enable, confirmed first.
import {api, el, format, query} from '../api.js';
import {KIND_WORDS, stateWords} from '../consent.js';
import {createEditor} from './editor.js';
import {unplacedWords} from './field-paths.js';
import {fillSelect, onSubmit, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {confirmChange} from './confirm.js';
import {actionLabel, loginActions, loginWords, outcomeWords} from './login-words.js';
import {all, announce, startAdminPage} from './shell.js';
import {bindReminderToggle} from '../reminders.js';

const $ = (id) => document.getElementById(id);
const form = $('patient-form');

const editor = createEditor(form, {newTitle: 'New patient', editTitle: (p) => `Edit ${p.displayName}`,
    create: 'Create patient', save: 'Save patient'}, (f, patient) => {
    f.elements.namedItem('displayName').value = patient.displayName;
    f.elements.namedItem('chosenName').value = patient.chosenName;
    f.elements.namedItem('emergencyContact.name').value = patient.emergencyContact.name;
    f.elements.namedItem('emergencyContact.phone').value = patient.emergencyContact.phone;
    showReminders(patient);
    f.elements.namedItem('email').value = patient.email ?? '';
});

// The patient's reminder choice, saved on its own when the box changes (it is not part of the record's form).
let remindersOf = null;
const reminders = bindReminderToggle({box: $('patient-reminders'), hint: $('patient-reminders-hint'),
    who: 'the patient', load: () => api.get(`patients/${remindersOf}/reminders`),
    save: (email) => api.put(`patients/${remindersOf}/reminders`, {email}), announce: (text) => announce(text),
    fail: (text) => ($('patient-reminders-error').textContent = text)});

function showReminders(patient) {
    remindersOf = patient.id;
    reminders.refresh().catch((error) => ($('patient-reminders-error').textContent = error.message));
}

function body() {
    return {displayName: text(form, 'displayName'), chosenName: text(form, 'chosenName'),
        emergencyContact: {name: text(form, 'emergencyContact.name'), phone: text(form, 'emergencyContact.phone')},
        // Blank removes the address (the server's rule); it is sent as typed, so that an update can remove it.
        email: form.elements.namedItem('email').value.trim()};
}

const CONFIRM = Object.freeze({
    invite: (p) => ({title: `Invite ${p.displayName}?`, message: `Keycloak e-mails ${p.email} a link to set a password`
        + ' (a login is made for that address, or the account that has it is linked).', danger: false}),
    disable: (p) => ({title: `Disable the login of ${p.displayName}?`, message: 'They can no longer sign in, and'
        + ' their open live-room connections are closed now. Their records stay as they are.', danger: true}),
    enable: (p) => ({title: `Enable the login of ${p.displayName}?`, message: 'They can sign in again.',
        danger: false}),
});

/** Asks, then makes the change; the row and the live region say what came of it. */
async function loginAction(action, patient) {
    const done = await confirmChange({...CONFIRM[action](patient), confirmLabel: actionLabel(action, patient),
        action: () => api.post(`patients/${patient.id}/login/${action}`, {})});
    if (done) {
        announce(outcomeWords(done));
        list.refresh();
    }
}

function loginCell(p) {
    const buttons = loginActions(p).map((action) => rowButton(actionLabel(action, p), p.displayName,
        () => loginAction(action, p), {danger: action === 'disable'}));
    return cell(el('p', {text: loginWords(p)}), buttons.length ? el('div', {class: 'row-actions'}, ...buttons) : null);
}

const list = createList({
    table: $('patients'), filter: $('patient-filter'), noun: 'patients',
    load: (filter, page, size) => api.get(`patients${query({idpSubject: filter.elements.namedItem('idpSubject')
        .value.trim(), page, size})}`),
    row: (p) => el('tr', {}, cell(p.displayName), cell(p.chosenName),
        cell(`${p.emergencyContact.name}, ${p.emergencyContact.phone}`), cell(p.email ?? '—'), loginCell(p),
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
    const created = await api.post('patients', {...body(), email: text(form, 'email'),
        idpSubject: text(form, 'idpSubject')});
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
    const login = patient.loginState === 'ACTIVE' ? '' : ` Login: ${loginWords(patient)}`;
    announce((enrolled ? `${patient.displayName} created and enrolled.` : `${patient.displayName} saved.`) + login);
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
