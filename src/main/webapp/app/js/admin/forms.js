// Forms of the admin pages: a submit that is sent once, and the server's field errors shown next to their inputs
// (placed by field-paths.js), each input marked invalid and described by its message, focus on the first one. What
// fits no input is said in the form's own error line. Nothing here knows a record: pages give the work to do.
import {ApiError, el} from '../api.js';
import {placeErrors, unplacedWords} from './field-paths.js';

/** The element a field name points at: a container marked data-field (a fieldset, a list), else the named input. */
function target(form, name) {
    const marked = [...form.querySelectorAll('[data-field]')].find((node) => node.dataset.field === name);
    if (marked) {
        return marked;
    }
    const named = form.elements.namedItem(name);
    if (!named) {
        return null;
    }
    return named instanceof Element ? named : named[0] ?? null;
}

function formError(form) {
    let line = form.querySelector(':scope > .form-error');
    if (!line) {
        line = el('p', {class: 'field-error form-error', tabindex: '-1'});
        form.prepend(line);
    }
    return line;
}

export function clearErrors(form) {
    for (const message of form.querySelectorAll('.field-message')) {
        message.remove();
    }
    for (const node of form.querySelectorAll('[aria-invalid]')) {
        node.removeAttribute('aria-invalid');
        const described = (node.getAttribute('aria-describedby') ?? '').split(' ')
            .filter((id) => id && !id.endsWith('-server-error'));
        if (described.length) {
            node.setAttribute('aria-describedby', described.join(' '));
        } else {
            node.removeAttribute('aria-describedby');
        }
    }
    formError(form).textContent = '';
}

let messageIds = 0;

/** Shows a refusal on the form: each field's messages after its input, the rest (and the detail) on top. */
export function showErrors(form, error) {
    clearErrors(form);
    const errors = error instanceof ApiError ? error.errors : [];
    const {placed, unplaced} = placeErrors(errors, (name) => target(form, name) !== null);
    let first = null;
    for (const [name, messages] of placed) {
        const node = target(form, name);
        const id = `${node.id || `field-${++messageIds}`}-server-error`;
        const message = el('p', {class: 'field-error field-message', id, text: messages.join('; ')});
        node.setAttribute('aria-invalid', 'true');
        node.setAttribute('aria-describedby',
            [node.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
        (node.matches('fieldset, [data-field]') ? node : node.closest('div') ?? node).append(message);
        first ??= node;
    }
    const said = [...unplaced.map(unplacedWords)];
    if (placed.size === 0 || said.length > 0) {
        said.unshift(error.message || 'The change was refused.');
    }
    const line = formError(form);
    line.textContent = placed.size > 0 && unplaced.length === 0 ? '' : said.join(' ');
    const focus = first?.matches('fieldset, [data-field]') ? first.querySelector('input, select, textarea, button')
        : first;
    (focus ?? line).focus();
}

/**
 * Sends the form with `work` (an async function of the form) on submit, once at a time: errors go next to the
 * fields; success calls `done` with the result.
 */
export function onSubmit(form, work, done = () => {}) {
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const buttons = [...form.querySelectorAll('button[type="submit"], button:not([type])')];
        if (buttons.some((b) => b.disabled)) {
            return;
        }
        clearErrors(form);
        buttons.forEach((b) => { b.disabled = true; });
        try {
            const result = await work(form);
            await done(result);
        } catch (error) {
            if (!(error instanceof ApiError)) {
                console.error('mend: admin form', error);
            }
            showErrors(form, error);
        } finally {
            buttons.forEach((b) => { b.disabled = false; });
        }
    });
}

/** The form's value for a name, trimmed; undefined when empty, so optional members are left out of the body. */
export function text(form, name) {
    const value = form.elements.namedItem(name)?.value?.trim();
    return value === '' ? undefined : value;
}

/** A whole number, or the text as typed so that the server names the field (never a silent 0 or NaN). */
export function number(form, name) {
    const value = text(form, name);
    if (value === undefined) {
        return undefined;
    }
    return /^-?\d+$/.test(value) ? Number(value) : value;
}

/** Options of a select from records, keeping the chosen value when it is still offered. */
export function fillSelect(select, items, label, {blank} = {}) {
    const chosen = select.value;
    select.replaceChildren(...(blank === undefined ? [] : [el('option', {value: '', text: blank})]),
        ...items.map((item) => el('option', {value: item.id, text: label(item)})));
    if ([...select.options].some((o) => o.value === chosen)) {
        select.value = chosen;
    }
}
