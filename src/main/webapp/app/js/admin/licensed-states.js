// A staff member's licensed states as typed on the staff page: USPS codes separated by commas or spaces. The server
// checks them against its fixed list (GET /api/jurisdictions); this only reads the field. No DOM (node --test).

/** `{states, problem}`: the codes upper-cased, without duplicates, in the order typed; problem '' when readable. */
export function parseStates(text) {
    const codes = (text ?? '').split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
    const bad = codes.filter((c) => !/^[A-Z]{2}$/.test(c));
    if (bad.length) {
        return {states: [], problem: 'Use two-letter USPS codes, such as IL, separated by commas.'};
    }
    return {states: [...new Set(codes)], problem: ''};
}
