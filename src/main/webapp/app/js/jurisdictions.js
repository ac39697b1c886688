// Where a patient is, for licensure: the lists come from the server (GET /api/jurisdictions), which also checks the
// choice; this module only shapes them for a <select> and names a code. No DOM here (node --test covers it).

/**
 * The groups of a select: the US states, DC and territories first, then the countries outside the US.
 * `list` is the server's `{us: [{code, usps, name}], countries: [{code, name}]}`.
 */
export function jurisdictionGroups(list) {
    return [
        {label: 'United States', options: (list?.us ?? []).map((e) => ({value: e.code, label: e.name}))},
        {label: 'Outside the US', options: (list?.countries ?? []).map((e) => ({value: e.code,
            label: `Outside the US: ${e.name}`}))},
    ];
}

/** Whether `code` is one of the list's (the server decides again). */
export function isJurisdiction(list, code) {
    return jurisdictionGroups(list).some((g) => g.options.some((o) => o.value === code));
}

/** A code's name ("Illinois", "Outside the US: France"), or the code itself when the list does not know it. */
export function jurisdictionName(list, code) {
    if (!code) {
        return '';
    }
    for (const group of jurisdictionGroups(list)) {
        const found = group.options.find((o) => o.value === code);
        if (found) {
            return found.label;
        }
    }
    return code;
}

/** The US entries only, for a staff member's licensed states: `[{usps, name}]`. */
export function usStates(list) {
    return (list?.us ?? []).map((e) => ({usps: e.usps, name: e.name}));
}

/** Checked as the server checks an override reason: trimmed, 1 to 500 characters, one line of plain text. */
export function overrideReasonProblem(text) {
    const value = (text ?? '').trim();
    if (!value) {
        return 'Please say why you are admitting this patient although they are outside your licensed states.';
    }
    if (value.length > 500) {
        return 'Please keep the reason under 500 characters.';
    }
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
        return 'Please use one line of plain text.';
    }
    return '';
}
