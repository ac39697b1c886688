// One form that creates a record or edits one: its title and button say which, "Cancel editing" goes back to
// creating, and the fields only a new record has (a subject, a site) are shown or hidden with the mode.
import {clearErrors} from './forms.js';

/**
 * @param form   the form; its elements with data-create-only / data-edit-only show in one mode only
 * @param words  {newTitle, editTitle (record => text), create, save}
 * @param fill   (form, record) => void: puts a record's values into the inputs
 * @param onReset  () => void: after the form went back to a new record (for inputs a reset does not reach)
 */
export function createEditor(form, words, fill, onReset = () => {}) {
    const title = form.querySelector('h2');
    const submit = form.querySelector('button[type="submit"]');
    const cancel = form.querySelector('button.cancel-edit');
    let editing = null;

    function show(record) {
        editing = record;
        clearErrors(form);
        for (const node of form.querySelectorAll('[data-create-only]')) {
            node.hidden = record !== null;
        }
        for (const node of form.querySelectorAll('[data-edit-only]')) {
            node.hidden = record === null;
        }
        title.textContent = record ? words.editTitle(record) : words.newTitle;
        submit.textContent = record ? words.save : words.create;
        if (cancel) {
            cancel.hidden = record === null;
        }
    }

    cancel?.addEventListener('click', () => {
        form.reset();
        show(null);
        onReset();
        form.querySelector('input, select')?.focus();
    });
    show(null);
    return {
        /** Edits the record: its values in the form, focus on the form's first field. */
        edit(record) {
            form.reset();
            fill(form, record);
            show(record);
            form.scrollIntoView({block: 'start'});
            form.querySelector('input:not([hidden]), select')?.focus();
        },
        /** Back to a new record. */
        reset() {
            form.reset();
            show(null);
            onReset();
        },
        /** The record being edited, or null. */
        current: () => editing,
    };
}
