// The admin home: with nothing set up yet, the first steps (a site, a program, its consent texts, a group), each ticked when done,
// computed from the list endpoints' totals.
import {api, el} from '../api.js';
import {firstSteps} from './first-steps.js';
import {startAdminPage} from './shell.js';

async function total(path) {
    return (await api.get(`${path}?size=1`)).total;
}

/** How many of the first programs (up to 20) have published both consent texts. */
async function programsWithConsentTexts() {
    const programs = (await api.get('programs?size=20')).items;
    const texts = await Promise.all(programs.map((p) => api.get(`programs/${p.id}/consent-texts`)));
    return texts.filter((versions) => new Set(versions.map((v) => v.kind)).size >= 2).length;
}

async function start() {
    if (!(await startAdminPage('./'))) {
        return;
    }
    let totals;
    try {
        const [sites, programs, groups] = await Promise.all([total('sites'), total('programs'), total('groups')]);
        totals = {sites, programs, groups, consents: await programsWithConsentTexts()};
    } catch (error) {
        document.getElementById('page-error').textContent = `The clinic could not be read (${error.message}).`;
        return;
    }
    const {steps, next, allDone} = firstSteps(totals);
    if (allDone) {
        return;
    }
    document.getElementById('steps').replaceChildren(...steps.map((step) => el('li',
        {class: step.done ? 'done' : undefined, 'aria-current': step.key === next ? 'step' : undefined},
        el('span', {class: 'tick', 'aria-hidden': 'true', text: step.done ? '✓' : String(step.number)}),
        el('a', {href: step.href, text: step.text}),
        el('span', {class: 'hint', text: step.done ? ' — done' : step.key === next ? ' — next' : ''}))));
    document.getElementById('first-steps').hidden = false;
}

start();
