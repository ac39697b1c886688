// Sites: create, edit (name, city, state, time zone), deactivate with a confirmation; never deleted.
import {api, el, query} from '../api.js';
import {confirmChange} from './confirm.js';
import {createEditor} from './editor.js';
import {onSubmit, text} from './forms.js';
import {cell, createList, rowButton} from './list.js';
import {announce, startAdminPage} from './shell.js';

const $ = (id) => document.getElementById(id);
const form = $('site-form');

function body() {
    return {name: text(form, 'name'), city: text(form, 'city'), state: text(form, 'state')?.toUpperCase(),
        timeZone: text(form, 'timeZone')};
}

const editor = createEditor(form, {newTitle: 'New site', editTitle: (s) => `Edit ${s.name}`,
    create: 'Create site', save: 'Save site'}, (f, site) => {
    for (const name of ['name', 'city', 'state', 'timeZone']) {
        f.elements.namedItem(name).value = site[name];
    }
    f.elements.namedItem('active').checked = site.active;
    f.elements.namedItem('crisisInstructions').value = site.defaultCrisisInstructions ? ''
        : (site.crisisInstructions ?? '');
});

const list = createList({
    table: $('sites'), filter: $('site-filter'), noun: 'sites',
    load: (filter, page, size) => api.get(`sites${query({active: filter.elements.namedItem('active').value, page,
        size})}`),
    row: (site) => el('tr', {}, cell(site.name), cell(site.city), cell(site.state), cell(site.timeZone),
        cell(site.active ? 'Active' : 'Inactive'), cell(rowButton('Edit', site.name, () => editor.edit(site)))),
});

async function save() {
    const site = editor.current();
    if (!site) {
        return api.post('sites', body());
    }
    const active = form.elements.namedItem('active').checked;
    const crisis = form.elements.namedItem('crisisInstructions').value.trim();
    const before = site.defaultCrisisInstructions ? '' : (site.crisisInstructions ?? '');
    const change = async () => {
        const saved = await api.put(`sites/${site.id}`, {...body(), active});
        // The crisis instructions have their own resource: a site's other changes never reset them.
        return crisis === before ? saved
            : api.put(`sites/${site.id}/crisis-instructions`, {instructions: crisis || null});
    };
    if (site.active && !active) {
        // Deactivating is the one change here that takes something away: ask first.
        return confirmChange({title: `Deactivate ${site.name}?`, confirmLabel: 'Deactivate site',
            message: 'No new programs can be added at an inactive site. Its programs, groups and records stay.',
            action: change});
    }
    return change();
}

onSubmit(form, save, (saved) => {
    if (!saved) {
        return;
    }
    announce(editor.current() ? `Site ${saved.name} saved.` : `Site ${saved.name} created.`);
    editor.reset();
    list.refresh();
});

async function start() {
    if (!(await startAdminPage('sites.html'))) {
        return;
    }
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    $('zones').replaceChildren(...zones.map((zone) => el('option', {value: zone})));
    editor.reset();
    list.reload();
    if (location.hash === '#new') {
        $('site-name').focus();
    }
}

start();
