// The admin sessions page (/app/admin/sessions.html): the sessions list with its filters and pages, and the changes
// beyond the weekly schedule (a one-off or make-up session, a move, a cancellation, a make-up guest), each showing
// the server's refusal next to the fields it names. The DOM only: the words and request bodies are session-words.js.
import {api, addDays, el, isoDate} from '../api.js';
import {stackOnNarrowScreens} from '../tables.js';
import {actionsFor, filterProblem, hhmm, kindWords, lengthOf, listQuery, noteWords, pageWords, placeFieldErrors,
    problemWords, rescheduleBody, sessionBody, statusWords, whenWords} from './session-words.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 25;
const state = {filter: {}, page: 0, groups: new Map(), programs: new Map(), session: null};

/** The page's one polite live region: each message is set once, after the change it reports. */
function announce(message) {
    $('live').textContent = message;
}

function pageError(message) {
    $('page-error').textContent = message ?? '';
}

// ---- field errors ----

/** The error paragraphs of a form, by the API's field names: `<p id="{prefix}-{field}-error">`. */
function errorTarget(prefix, field) {
    return $(`${prefix}-${field}-error`);
}

function clearErrors(form, prefix) {
    for (const p of form.querySelectorAll('.field-error')) {
        p.textContent = '';
    }
    for (const input of form.querySelectorAll('[aria-invalid]')) {
        input.removeAttribute('aria-invalid');
    }
    $(`${prefix}-problem`).textContent = '';
}

/** Shows a refusal: each field's message next to it (the first such field focused), the rest above the form. */
function showRefusal(form, prefix, error) {
    const {placed, unplaced} = placeFieldErrors(error.errors, (name) => errorTarget(prefix, name) !== null);
    let first = null;
    for (const [name, messages] of placed) {
        errorTarget(prefix, name).textContent = messages.join(' ');
        const input = form.querySelector(`[name="${name}"]`);
        if (input) {
            input.setAttribute('aria-invalid', 'true');
            first = first ?? input;
        }
    }
    const rest = unplaced.map((e) => `${e.field}: ${e.message}`);
    // Field errors of a plain validation say it all beside the fields; a rule's refusal is said above them too.
    const above = rest.length > 0 || placed.size === 0 || error.code !== 'VALIDATION_FAILED';
    $(`${prefix}-problem`).textContent = above ? [problemWords(error), ...rest].join(' ') : '';
    (first ?? form.querySelector('input, select')).focus();
}

// ---- the list ----

function readFilter() {
    return {groupId: $('filter-group').value, from: $('filter-from').value, to: $('filter-to').value,
        status: $('filter-status').value};
}

async function showSessions() {
    $('list-status').textContent = 'Loading…';
    let listed;
    try {
        listed = await api.get(`sessions${listQuery(state.filter, state.page, PAGE_SIZE)}`);
    } catch (error) {
        $('list-status').textContent = `The sessions could not be loaded (${error.message}).`;
        return;
    }
    const now = new Date();
    $('sessions').tBodies[0].replaceChildren(...listed.items.map((session) => row(session, now)));
    $('list-status').textContent = pageWords(listed);
    $('previous').disabled = state.page === 0;
    $('next').disabled = (state.page + 1) * PAGE_SIZE >= listed.total;
}

function row(session, now) {
    const can = actionsFor(session, now);
    const name = session.groupName ?? state.groups.get(session.groupId)?.name ?? 'Group';
    const when = whenWords(session);
    const button = (text, onclick, kind) => el('button', {type: 'button', class: kind ?? 'secondary',
        'aria-label': `${text}: ${name}, ${when}`, text, onclick: () => onclick(session)});
    return el('tr', {dataset: {sessionId: session.id}},
        el('th', {scope: 'row', text: when}),
        el('td', {text: name}),
        el('td', {text: kindWords(session.kind)}),
        el('td', {text: statusWords(session.status)}),
        el('td', {text: noteWords(session) || '—'}),
        el('td', {}, el('div', {class: 'session-actions'},
            can.reschedule ? button('Move', openMove) : null,
            can.cancel ? button('Cancel', openCancel) : null,
            button('Guests', openGuests))));
}

// ---- adding a session ----

function addKind() {
    return document.querySelector('#add input[name="kind"]:checked').value;
}

function showZone() {
    const group = state.groups.get($('add-group').value);
    $('add-group-zone').textContent = group ? `Times in the group's time zone: ${group.schedule.timeZone}.` : '';
}

async function addSession(event) {
    event.preventDefault();
    const form = $('add');
    clearErrors(form, 'add');
    const groupId = $('add-group').value;
    if (!groupId) {
        errorTarget('add', 'groupId').textContent = 'Choose the group the session is for.';
        $('add-group').setAttribute('aria-invalid', 'true');
        $('add-group').focus();
        return;
    }
    const body = sessionBody({kind: addKind(), date: $('add-date').value, startTime: $('add-start').value,
        lengthMinutes: $('add-length').value, reason: $('add-reason').value, alreadyHappened: $('add-happened').checked,
        patientIds: [...$('add-patients').selectedOptions].map((o) => o.value)});
    try {
        const added = await api.post(`groups/${encodeURIComponent(groupId)}/sessions`, body);
        $('add-reason').value = '';
        $('add-happened').checked = false;
        // Show the new session in the list: its group, and dates that include its day.
        $('filter-group').value = groupId;
        if ($('filter-from').value && $('filter-from').value > added.localDate) {
            $('filter-from').value = added.localDate;
        }
        if ($('filter-to').value && $('filter-to').value < added.localDate) {
            $('filter-to').value = added.localDate;
        }
        state.filter = readFilter();
        state.page = 0;
        await showSessions();
        announce(`${kindWords(added.kind)} session added: ${whenWords(added)}.`);
    } catch (error) {
        showRefusal(form, 'add', error);
    }
}

// ---- moving, cancelling ----

function openMove(session) {
    state.session = session;
    const form = $('move');
    clearErrors(form, 'move');
    $('move-what').textContent = `${whenWords(session)}. The session keeps its attendance and remembers its first`
        + ' start.';
    $('move-date').value = session.localDate;
    $('move-start').value = hhmm(session.startLocalTime);
    $('move-length').value = lengthOf(session);
    $('move-reason').value = '';
    $('move-dialog').showModal();
    $('move-date').focus();
}

async function move(event) {
    event.preventDefault();
    const form = $('move');
    clearErrors(form, 'move');
    const session = state.session;
    try {
        const moved = await api.post(`sessions/${encodeURIComponent(session.id)}/reschedule`, rescheduleBody({
            date: $('move-date').value, startTime: $('move-start').value, lengthMinutes: $('move-length').value,
            reason: $('move-reason').value}, session));
        $('move-dialog').close();
        await showSessions();
        announce(`Session moved to ${whenWords(moved)}.`);
    } catch (error) {
        showRefusal(form, 'move', error);
    }
}

function openCancel(session) {
    state.session = session;
    clearErrors($('cancel'), 'cancel');
    $('cancel-what').textContent = `${state.groups.get(session.groupId)?.name ?? session.groupName ?? 'The group'}:`
        + ` ${whenWords(session)}.`;
    $('cancel-reason').value = '';
    $('cancel-dialog').showModal();
    $('cancel-reason').focus();
}

async function cancel(event) {
    event.preventDefault();
    const form = $('cancel');
    clearErrors(form, 'cancel');
    try {
        await api.post(`sessions/${encodeURIComponent(state.session.id)}/cancel`,
            {reason: $('cancel-reason').value.trim() || undefined});
        $('cancel-dialog').close();
        await showSessions();
        announce('Session cancelled. It stays on record with your reason.');
    } catch (error) {
        showRefusal(form, 'cancel', error);
    }
}

// ---- make-up guests ----

async function openGuests(session) {
    state.session = session;
    const form = $('guests');
    clearErrors(form, 'guest');
    const open = actionsFor(session).addGuest;
    $('guests-what').textContent = `${whenWords(session)}. ${open ? 'A guest is on this session\'s roster: the room'
        + ' admits them, the sheet lists them, and it counts toward their own program.'
        : 'This session is over or called off: no guests can be added.'}`;
    for (const id of ['guest-patient', 'guest-enrollment', 'guest-reason', 'guest-add']) {
        $(id).disabled = !open;
    }
    $('guest-reason').value = '';
    $('guests-dialog').showModal();
    await listGuests(session);
    (open ? $('guest-patient') : $('guests-close')).focus();
}

async function listGuests(session) {
    try {
        const guests = await api.get(`sessions/${encodeURIComponent(session.id)}/guests`);
        $('guest-list').replaceChildren(...(guests.items.length ? guests.items.map((g) => el('li', {},
            el('span', {}, el('strong', {text: g.patientDisplayName}), ` — ${g.programName}: ${g.reason}`)))
            : [el('li', {text: 'No make-up guests yet.'})]));
    } catch (error) {
        $('guest-list').replaceChildren(el('li', {text: `The guests could not be loaded (${error.message}).`}));
    }
}

/** The chosen patient's active enrollments, to say which program the session counts toward. */
async function offerEnrollments() {
    const select = $('guest-enrollment');
    select.replaceChildren(el('option', {value: '', text: 'Their only active program'}));
    const patientId = $('guest-patient').value;
    if (!patientId) {
        return;
    }
    try {
        const enrollments = await api.get(`enrollments?patientId=${encodeURIComponent(patientId)}&status=ENROLLED`);
        for (const enrollment of enrollments.items) {
            select.append(el('option', {value: enrollment.id,
                text: `${state.programs.get(enrollment.programId) ?? 'Program'} (from ${enrollment.startDate})`}));
        }
    } catch (error) {
        // The server chooses the only one, or names the field.
    }
}

async function addGuest(event) {
    event.preventDefault();
    const form = $('guests');
    clearErrors(form, 'guest');
    const patientId = $('guest-patient').value;
    if (!patientId) {
        errorTarget('guest', 'patientId').textContent = 'Choose the patient.';
        $('guest-patient').focus();
        return;
    }
    try {
        const guest = await api.post(`sessions/${encodeURIComponent(state.session.id)}/guests`, {patientId,
            enrollmentId: $('guest-enrollment').value || undefined,
            reason: $('guest-reason').value.trim() || undefined});
        $('guest-reason').value = '';
        await listGuests(state.session);
        announce(`${guest.patientDisplayName} added as a make-up guest; counts toward ${guest.programName}.`);
    } catch (error) {
        showRefusal(form, 'guest', error);
    }
}

// ---- start ----

/** Every record of a listing, a page of 200 at a time, up to 2,000 (a clinic's lists, not an export). */
async function all(path) {
    const items = [];
    for (let page = 0; page < 10; page++) {
        const listed = await api.get(`${path}?size=200&page=${page}`);
        items.push(...listed.items);
        if (items.length >= listed.total || listed.items.length === 0) {
            break;
        }
    }
    return items;
}

async function options() {
    const [groups, patients, programs] = await Promise.all([all('groups'), all('patients'), all('programs')]);
    state.programs = new Map(programs.map((p) => [p.id, p.name]));
    for (const group of groups) {
        state.groups.set(group.id, group);
        for (const select of [$('filter-group'), $('add-group')]) {
            select.append(el('option', {value: group.id, text: group.name}));
        }
    }
    for (const patient of patients) {
        const text = patient.chosenName && patient.chosenName !== patient.displayName
            ? `${patient.displayName} (${patient.chosenName})` : patient.displayName;
        $('add-patients').append(el('option', {value: patient.id, text}));
        $('guest-patient').append(el('option', {value: patient.id, text}));
    }
}

function wire() {
    $('filters').addEventListener('submit', (event) => {
        event.preventDefault();
        const filter = readFilter();
        $('filter-error').textContent = filterProblem(filter);
        if (!$('filter-error').textContent) {
            state.filter = filter;
            state.page = 0;
            showSessions();
        }
    });
    $('previous').addEventListener('click', () => {
        state.page = Math.max(0, state.page - 1);
        showSessions();
    });
    $('next').addEventListener('click', () => {
        state.page++;
        showSessions();
    });
    $('add').addEventListener('submit', addSession);
    $('add-group').addEventListener('change', showZone);
    for (const radio of document.querySelectorAll('#add input[name="kind"]')) {
        radio.addEventListener('change', () => {
            $('add-patients-block').hidden = addKind() !== 'MAKE_UP';
        });
    }
    $('move').addEventListener('submit', move);
    $('move-close').addEventListener('click', () => $('move-dialog').close());
    $('cancel').addEventListener('submit', cancel);
    $('cancel-close').addEventListener('click', () => $('cancel-dialog').close());
    $('guests').addEventListener('submit', addGuest);
    $('guest-patient').addEventListener('change', offerEnrollments);
    $('guests-close').addEventListener('click', () => $('guests-dialog').close());
    // Focus goes back to the list after a dialog, where the change shows.
    for (const id of ['move-dialog', 'cancel-dialog', 'guests-dialog']) {
        $(id).addEventListener('close', () => $('list-title').focus());
    }
}

async function start() {
    stackOnNarrowScreens($('sessions'));
    $('list-title').tabIndex = -1;
    wire();
    try {
        const me = await api.get('me');
        if (!me.roles.includes('admin')) {
            pageError('This page is for admins.');
            return;
        }
        await options();
    } catch (error) {
        pageError(error.message);
        return;
    }
    const today = new Date();
    $('filter-from').value = isoDate(today);
    $('filter-to').value = isoDate(addDays(today, 13));
    $('add-date').value = isoDate(today);
    state.filter = readFilter();
    await showSessions();
}

start();
