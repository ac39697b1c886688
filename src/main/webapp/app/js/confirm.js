// The facilitator page's one confirmation dialog (`confirm` in facilitator.html): the question, and a "yes" button
// that says what it does ("Remove and bar", "End session"), so that nobody confirms a bare "Yes" by habit.
const $ = (id) => document.getElementById(id);

/** Resolves true when the person chose `yes`; false for Cancel or Escape. */
export function confirmDialog(text, yes = 'Yes') {
    const dialog = $('confirm');
    $('confirm-text').textContent = text;
    $('confirm-yes').textContent = yes;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'),
        {once: true}));
}
