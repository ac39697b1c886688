// The facilitator's safety panel: one patient's stated location, emergency contact and the site's crisis
// instructions, read by REST when it opens (GET /api/sessions/{session}/safety/{patient}, audited on the server) and
// never kept after it closes. `panelLines` is DOM-free (node --test); `openSafetyPanel` runs the dialog.
import {api, el} from './api.js';

/** What the panel says, as [label, text] pairs in reading order. */
export function panelLines(safety) {
    const place = safety.jurisdictionName
        ? (safety.jurisdiction?.startsWith('US-') ? safety.jurisdictionName : `Outside the US: ${safety.jurisdictionName}`)
        : 'Not stated';
    return [
        ['Stated location', safety.statedLocation ?? 'Not stated'],
        ['State or country', place + (safety.outsideLicensure ? ' (outside licensed states)' : '')],
        ['Emergency contact', `${safety.emergencyContact.name}, ${safety.emergencyContact.phone}`],
        ['In a crisis', safety.crisisInstructions],
    ];
}

/**
 * Opens the panel for one patient in a modal dialog: focus moves into it, Escape or Close closes it, and focus goes
 * back to `opener`. Nothing of it stays in the page after it closes.
 */
export async function openSafetyPanel(sessionId, patientId, opener) {
    const dialog = document.getElementById('safety-panel');
    const body = document.getElementById('safety-panel-body');
    const title = document.getElementById('safety-panel-title');
    body.replaceChildren(el('p', {text: 'Loading…'}));
    title.textContent = 'Safety';
    const close = () => {
        if (dialog.open) {
            dialog.close();
        }
    };
    dialog.addEventListener('close', () => {
        body.replaceChildren();
        opener?.focus();
    }, {once: true});
    document.getElementById('safety-panel-close').onclick = close;
    dialog.showModal(); // Escape closes a modal dialog; the page behind is inert
    document.getElementById('safety-panel-close').focus();
    try {
        const safety = await api.get(`sessions/${sessionId}/safety/${patientId}`);
        title.textContent = `Safety: ${safety.patientName}`;
        const list = el('dl', {class: 'safety-lines'});
        for (const [label, text] of panelLines(safety)) {
            list.append(el('dt', {text: label}), el('dd', {text}));
        }
        body.replaceChildren(list);
        body.focus();
    } catch (e) {
        body.replaceChildren(el('p', {class: 'field-error', role: 'alert',
            text: 'The safety details could not be loaded. Try again, or use the patient record.'}));
    }
}
