// Consent texts per program: every published version (newest first within each text), the current one marked, the
// wording readable in place; publishing a new version (never an edit). What is missing (a program that has not
// published both texts cannot be joined by its patients) is said above the list.
import {api, el, format} from '../api.js';
import {KIND_WORDS, paragraphs} from '../consent.js';
import {stackOnNarrowScreens} from '../tables.js';
import {fillSelect, onSubmit, text} from './forms.js';
import {all, announce, startAdminPage} from './shell.js';

const $ = (id) => document.getElementById(id);
const form = $('consent-form');
const program = $('consent-program');

/** The kinds a program's versions lack (both kinds are required before its patients can join). */
export function missingKinds(versions) {
    return Object.keys(KIND_WORDS).filter((kind) => !versions.some((v) => v.kind === kind));
}

async function showVersions() {
    if (!program.value) {
        return;
    }
    const versions = await api.get(`programs/${program.value}/consent-texts`);
    const current = new Set();
    const rows = versions.map((v) => {
        const isCurrent = !current.has(v.kind);
        current.add(v.kind);
        return el('tr', {}, el('td', {text: KIND_WORDS[v.kind] ?? v.kind}), el('td', {text: String(v.version)}),
            el('td', {text: v.title}), el('td', {text: format.dateTime(v.publishedAt)}),
            el('td', {text: isCurrent ? 'Current' : 'Replaced'}),
            el('td', {}, el('details', {}, el('summary', {text: 'Read'}),
                ...paragraphs(v.body).map((p) => el('p', {text: p})))));
    });
    $('versions').tBodies[0].replaceChildren(...rows);
    const missing = missingKinds(versions);
    $('versions-missing').textContent = missing.length === 0 ? ''
        : `Not published yet: ${missing.map((k) => KIND_WORDS[k]).join(', ')}. Patients of this program cannot join`
            + ' a session until both texts are published.';
}

onSubmit(form, () => api.post(`programs/${program.value}/consent-texts`, {kind: form.elements.namedItem('kind').value,
    title: text(form, 'title'), body: form.elements.namedItem('body').value.trim() || undefined}), async (saved) => {
    announce(`${KIND_WORDS[saved.kind]} version ${saved.version} published.`);
    form.reset();
    await showVersions();
});

async function start() {
    if (!(await startAdminPage('consents.html'))) {
        return;
    }
    stackOnNarrowScreens($('versions'));
    const programs = await all('programs');
    fillSelect(program, programs, (p) => p.name);
    const wanted = new URLSearchParams(location.search).get('programId');
    if (wanted && programs.some((p) => p.id === wanted)) {
        program.value = wanted;
    }
    program.addEventListener('change', () => showVersions().catch((e) => announce(e.message)));
    await showVersions();
}

start().catch((error) => {
    $('page-error').textContent = error.message;
});
