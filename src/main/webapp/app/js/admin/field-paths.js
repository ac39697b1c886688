// Where a server's field error belongs on a form, without the DOM. The API names fields by their path in the body
// (`body.schedule.slots[0].lengthMinutes`), a domain rule by its own name (`toDate`), a query parameter by its name;
// a form names its inputs after the same paths, so an error is placed on the most specific input that exists, and
// what fits nowhere is said above the form instead of being lost.

/** The path as a form names it: without the leading `body` the API puts before every body field. */
export function fieldPath(field) {
    const text = String(field ?? '').trim();
    if (text === 'body') {
        return '';
    }
    return text.startsWith('body.') ? text.slice('body.'.length) : text;
}

/**
 * The names to look for, most specific first: the path, then each shorter prefix, so an error on
 * `schedule.slots[0].startTime` finds that input, or else the slot's row (`schedule.slots[0]`), the slot list
 * (`schedule.slots`) or the schedule (`schedule`).
 */
export function fieldCandidates(field) {
    const path = fieldPath(field);
    const candidates = [];
    let rest = path;
    while (rest) {
        candidates.push(rest);
        const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
        rest = cut > 0 ? rest.slice(0, cut) : '';
    }
    return candidates;
}

/**
 * Places each error ({field, message}) on the first candidate name the form has (`has(name)`); returns the
 * messages by name, in the server's order, and the errors that fit no input.
 */
export function placeErrors(errors, has) {
    const placed = new Map();
    const unplaced = [];
    for (const error of errors ?? []) {
        const name = fieldCandidates(error.field).find((candidate) => has(candidate));
        if (name === undefined) {
            unplaced.push(error);
        } else {
            placed.set(name, [...(placed.get(name) ?? []), error.message]);
        }
    }
    return {placed, unplaced};
}

/** An error that fits no input, in words: the field as the form's reader knows it, and the server's message. */
export function unplacedWords(error) {
    const path = fieldPath(error.field);
    return path ? `${path}: ${error.message}` : error.message;
}
