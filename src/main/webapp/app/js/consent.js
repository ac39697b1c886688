// Consent in words and decisions, without the DOM: what a patient still has to accept (from GET /api/me/consents),
// the words for each state (the patient's page, the admin's patient record, the facilitator's roster), and a text's
// body as paragraphs (blank lines separate them). The rule itself is the server's (care.mend.consent.ConsentRule).

export const KIND_WORDS = Object.freeze({
    TELEHEALTH_CONSENT: 'Consent to group therapy by video',
    GROUP_AGREEMENT: 'Group agreement',
});

/** The texts still to accept in one program's answer: each kind not accepted whose current text exists. */
export function pendingTexts(program) {
    return (program?.kinds ?? []).filter((k) => k.state !== 'ACCEPTED' && k.text).map((k) => ({...k.text,
        state: k.state, acceptedVersion: k.acceptedVersion ?? null}));
}

/** Whether a program cannot be joined by anything the patient does: a kind with no text published yet. */
export function unpublished(program) {
    return (program?.kinds ?? []).some((k) => k.state === 'NOT_PUBLISHED');
}

/**
 * What the page does before a join, from the answer for the session's program: `join` (all accepted), `ask` (texts
 * to accept: `texts`), or `blocked` (the program published none yet: call the program).
 */
export function consentStep(answer) {
    const program = answer?.programs?.[0];
    if (!program || program.satisfied) {
        return {action: 'join', texts: []};
    }
    if (unpublished(program)) {
        return {action: 'blocked', texts: []};
    }
    return {action: 'ask', texts: pendingTexts(program), programId: program.programId};
}

export const BLOCKED_WORDS = 'Your program has not published its consent to video therapy yet, so the group cannot '
    + 'be joined online. Please call your program.';

/** Why a text is asked: never accepted, a new version, or accepted again after a withdrawal. */
export function askedWhy(text) {
    if (text.state === 'NEW_VERSION') {
        return `This text has changed since you accepted version ${text.acceptedVersion}. Please read version `
            + `${text.version}.`;
    }
    if (text.state === 'WITHDRAWN') {
        return 'You withdrew your consent. To join the group again, read and accept it.';
    }
    return 'Please read this before your first group.';
}

/** A body as its paragraphs: blank lines separate them; single line breaks stay inside a paragraph. */
export function paragraphs(body) {
    return String(body ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * One kind's state in words, for staff and the patient: "Accepted version 2 on Dec 2, 2026, 6:02 PM", "Withdrawn on
 * …", "Needs version 3 (accepted version 2)", "Not accepted yet", "No text published".
 */
export function stateWords(kind, {format = (instant) => new Date(instant).toLocaleString()} = {}) {
    const when = kind.decidedAt ? format(kind.decidedAt) : '';
    switch (kind.state) {
        case 'ACCEPTED':
            return `Accepted version ${kind.acceptedVersion} on ${when}`;
        case 'WITHDRAWN':
            return `Withdrawn on ${when}`;
        case 'NEW_VERSION':
            return `Needs version ${kind.text?.version} (accepted version ${kind.acceptedVersion})`;
        case 'NOT_PUBLISHED':
            return 'No text published';
        default:
            return 'Not accepted yet';
    }
}

/** Whether a withdrawal is possible in a program: something is accepted there. */
export function canWithdraw(program) {
    return (program?.kinds ?? []).some((k) => k.acceptedVersion != null);
}
