// The one confirmation dialog of a page (a <dialog>, modal, focus kept inside and given back): every destructive
// action (end, void, status change, removal) is confirmed here, with the fields the change needs (a reason, a date).
// The change is sent from the dialog, so the server's field errors show next to its fields and nothing is lost.
import {el} from '../api.js';
import {onSubmit} from './forms.js';

let dialog;

function theDialog() {
    if (!dialog) {
        dialog = el('dialog', {class: 'form-dialog', 'aria-labelledby': 'confirm-title'});
        document.body.append(dialog);
    }
    return dialog;
}

/**
 * Asks before a change. `fields`: [{name, label, type ('text', 'date', 'select'), required, value, options:
 * [{value, text}], maxLength, hint}]. `action(values)` makes the change; the dialog closes when it succeeds.
 * Resolves to the action's result, or null when cancelled.
 */
export function confirmChange({title, message, confirmLabel, fields = [], action, danger = true}) {
    const box = theDialog();
    const opener = document.activeElement;
    return new Promise((resolve) => {
        let result = null;
        const form = el('form', {method: 'dialog', novalidate: true});
        const inputs = fields.map((field) => {
            const id = `confirm-${field.name}`;
            const input = field.type === 'select'
                ? el('select', {id, name: field.name, required: field.required},
                    field.options.map((o) => el('option', {value: o.value, text: o.text})))
                : el('input', {id, name: field.name, type: field.type ?? 'text', required: field.required,
                    maxlength: field.maxLength, value: field.value, autocomplete: 'off'});
            if (field.value !== undefined) {
                input.value = field.value;
            }
            return el('div', {}, el('label', {for: id, text: field.label}), input,
                field.hint ? el('p', {class: 'hint', text: field.hint}) : null);
        });
        const cancel = el('button', {type: 'button', class: 'secondary', text: 'Cancel',
            onclick: () => box.close()});
        form.append(el('h3', {id: 'confirm-title', text: title}), el('p', {text: message}), ...inputs,
            el('div', {class: 'actions'},
                el('button', {type: 'submit', class: danger ? 'danger' : undefined, text: confirmLabel}), cancel));
        onSubmit(form, () => action(Object.fromEntries(fields.map((f) => [f.name,
            form.elements.namedItem(f.name).value.trim()]))), (done) => {
            result = done ?? true;
            box.close();
        });
        box.replaceChildren(form);
        box.addEventListener('close', () => {
            if (opener instanceof HTMLElement && opener.isConnected) {
                opener.focus();
            }
            resolve(result);
        }, {once: true});
        box.showModal();
        (form.querySelector('input, select') ?? cancel).focus();
    });
}
