// Staff: create (linked to a Keycloak subject), rename, deactivate (confirmed), and the sites each one works at
// (removal confirmed). Roles live in Keycloak; the page says so rather than pretending to set them.
import {api, el, query} from '../api.js';
import {confirmChange} from './confirm.js';
import {createEditor} from './editor.js';
import {fillSelect, onSubmit, showErrors, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {all, announce, startAdminPage} from './shell.js';
import {parseStates} from './licensed-states.js';

const $ = (id) => document.getElementById(id);
const form = $('staff-form');
let sites = new Map();

const editor = createEditor(form, {newTitle: 'New staff member', editTitle: (s) => `Edit ${s.displayName}`,
    create: 'Create staff member', save: 'Save staff member'}, (f, member) => {
    f.elements.namedItem('displayName').value = member.displayName;
    f.elements.namedItem('active').checked = member.active;
    $('staff-licensed-states').value = (member.licensedStates ?? []).join(', ');
    $('staff-licensed-states-error').textContent = '';
    showSites(member);
});

function siteName(id) {
    return sites.get(id)?.name ?? 'A site';
}

function showSites(member) {
    $('staff-site-list').replaceChildren(...(member.siteIds.length === 0
        ? [el('li', {text: 'No site yet.'})]
        : member.siteIds.map((id) => el('li', {}, el('span', {text: siteName(id)}),
            rowButton('Remove', siteName(id), () => removeSite(member, id), {danger: true})))));
    fillSelect($('staff-add-site'), [...sites.values()].filter((s) => s.active && !member.siteIds.includes(s.id)),
        (s) => `${s.name} (${s.city})`);
}

async function changed(member, words) {
    editor.edit(member);
    announce(words);
    list.refresh();
}

async function removeSite(member, siteId) {
    const updated = await confirmChange({title: `Remove ${siteName(siteId)} from ${member.displayName}?`,
        message: 'As a supervisor they will no longer see this site. Nothing already recorded changes.',
        confirmLabel: 'Remove site', action: () => api.delete(`staff/${member.id}/sites/${siteId}`)});
    if (updated) {
        changed(updated, `${siteName(siteId)} removed from ${updated.displayName}.`);
    }
}

$('staff-add-site-button').addEventListener('click', async () => {
    const member = editor.current();
    const siteId = $('staff-add-site').value;
    if (!member || !siteId) {
        return;
    }
    try {
        changed(await api.post(`staff/${member.id}/sites`, {siteId}), `${siteName(siteId)} added.`);
    } catch (error) {
        showErrors(form, error);
    }
});

$('staff-licensed-states-button').addEventListener('click', async () => {
    const member = editor.current();
    if (!member) {
        return;
    }
    const {states, problem} = parseStates($('staff-licensed-states').value);
    $('staff-licensed-states-error').textContent = problem;
    $('staff-licensed-states').setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) {
        $('staff-licensed-states').focus();
        return;
    }
    try {
        changed(await api.put(`staff/${member.id}/licensed-states`, {states}),
            states.length ? `Licensed states of ${member.displayName} saved.`
                : `${member.displayName} has no licensed states now.`);
    } catch (error) {
        showErrors(form, error);
    }
});

const list = createList({
    table: $('staff'), filter: $('staff-filter'), noun: 'staff members',
    load: (filter, page, size) => api.get(`staff${query({active: filter.elements.namedItem('active').value,
        idpSubject: filter.elements.namedItem('idpSubject').value.trim(), page, size})}`),
    row: (member) => el('tr', {}, cell(member.displayName), cell(el('code', {text: member.idpSubject})),
        cell(member.active ? 'Active' : 'Inactive'), cell(member.siteIds.map(siteName).join(', ') || '—'),
        cell((member.licensedStates ?? []).join(', ') || '—'),
        cell(rowButton('Edit', member.displayName, () => editor.edit(member)))),
});

async function save() {
    const member = editor.current();
    if (!member) {
        return api.post('staff', {idpSubject: text(form, 'idpSubject'), displayName: text(form, 'displayName')});
    }
    const active = form.elements.namedItem('active').checked;
    const change = () => api.put(`staff/${member.id}`, {displayName: text(form, 'displayName'), active});
    if (member.active && !active) {
        return confirmChange({title: `Deactivate ${member.displayName}?`, confirmLabel: 'Deactivate',
            message: 'They will lead no group and see nothing in Mend. Their records and signatures stay.',
            action: change});
    }
    return change();
}

onSubmit(form, save, (saved) => {
    if (saved) {
        announce(`${saved.displayName} saved.`);
        editor.reset();
        list.refresh();
    }
});

async function start() {
    if (!(await startAdminPage('staff.html'))) {
        return;
    }
    sites = new Map((await all('sites')).map((s) => [s.id, s]));
    list.reload();
}

start();
