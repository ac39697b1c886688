// The admin sessions page without the DOM: forms read into the API's bodies, sessions in words (in their group's own
// time zone, since the admin may sit elsewhere), what can be done to a session now, and server field errors matched
// to the form's inputs.

export const KIND_WORDS = Object.freeze({
    SCHEDULED: 'Weekly',
    ONE_OFF: 'One-off',
    MAKE_UP: 'Make-up',
});

export const STATUS_WORDS = Object.freeze({
    SCHEDULED: 'Scheduled',
    LIVE: 'Live',
    ENDED: 'Ended',
    CANCELLED: 'Cancelled',
    NOT_HELD: 'Not held',
});

export const kindWords = (kind) => KIND_WORDS[kind] ?? String(kind ?? '');
export const statusWords = (status) => STATUS_WORDS[status] ?? String(status ?? '');

const trimmed = (value) => (typeof value === 'string' ? value.trim() : value);

/** A whole number from a form's text, or undefined when empty (the server names a missing or wrong one). */
function wholeNumber(value) {
    const text = trimmed(value);
    if (text === '' || text === undefined || text === null) {
        return undefined;
    }
    const number = Number(text);
    return Number.isInteger(number) ? number : text;
}

/**
 * The body of `POST /api/groups/{id}/sessions` from the form's values ({kind, date, startTime, lengthMinutes,
 * reason, alreadyHappened, patientIds}): empty fields are left out so that the server names them; patients only for
 * a make-up session.
 */
export function sessionBody(values) {
    const body = {
        kind: values.kind === 'MAKE_UP' ? 'MAKE_UP' : 'ONE_OFF',
        date: trimmed(values.date) || undefined,
        startTime: trimmed(values.startTime) || undefined,
        lengthMinutes: wholeNumber(values.lengthMinutes),
        reason: trimmed(values.reason) || undefined,
    };
    if (values.alreadyHappened) {
        body.alreadyHappened = true;
    }
    if (body.kind === 'MAKE_UP') {
        body.patientIds = [...new Set((values.patientIds ?? []).filter(Boolean))];
    }
    return withoutEmpty(body);
}

/**
 * The body of `POST /api/sessions/{id}/reschedule`: only what differs from the session as it is (the server keeps
 * the rest), and the reason.
 */
export function rescheduleBody(values, session) {
    const body = {reason: trimmed(values.reason) || undefined};
    const date = trimmed(values.date);
    const startTime = trimmed(values.startTime);
    const length = wholeNumber(values.lengthMinutes);
    if (date && date !== session.localDate) {
        body.date = date;
    }
    if (startTime && startTime !== hhmm(session.startLocalTime)) {
        body.startTime = startTime;
    }
    if (length !== undefined && length !== lengthOf(session)) {
        body.lengthMinutes = length;
    }
    return withoutEmpty(body);
}

function withoutEmpty(body) {
    return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** "18:00" from the API's "18:00:00". */
export function hhmm(localTime) {
    return String(localTime ?? '').slice(0, 5);
}

/** The session's length in minutes, from its instants. */
export function lengthOf(session) {
    return Math.round((new Date(session.endsAt) - new Date(session.startsAt)) / 60000);
}

/**
 * When the session is, in its group's zone and the reader's language: "Thu, Mar 5, 2:00 – 3:30 PM CST". The zone is
 * named, because the admin may be elsewhere.
 */
export function whenWords(session, locale = undefined) {
    const options = {timeZone: session.timeZone, weekday: 'short', month: 'short', day: 'numeric',
        hour: 'numeric', minute: '2-digit', timeZoneName: 'short'};
    const range = new Intl.DateTimeFormat(locale, options);
    return range.formatRange(new Date(session.startsAt), new Date(session.endsAt));
}

/** What the page says beside a session: why it exists, where it came from, how it was recorded. */
export function noteWords(session, locale = undefined) {
    const notes = [];
    if (session.kind !== 'SCHEDULED' && session.reason) {
        notes.push(session.reason);
    }
    if (session.originalStartsAt) {
        const was = new Intl.DateTimeFormat(locale, {timeZone: session.timeZone, weekday: 'short', month: 'short',
            day: 'numeric', hour: 'numeric', minute: '2-digit'}).format(new Date(session.originalStartsAt));
        notes.push(`Moved from ${was}${session.rescheduleReason ? `: ${session.rescheduleReason}` : ''}`);
    }
    if (session.recordedAfterTheFact) {
        notes.push('Recorded after it happened');
    }
    if (session.status === 'CANCELLED' && session.cancellationReason) {
        notes.push(`Cancelled: ${session.cancellationReason}`);
    }
    return notes.join('. ');
}

/** What can be done to the session now, by the server's rules: a guess the server has the last word on. */
export function actionsFor(session, now = new Date()) {
    const scheduled = session.status === 'SCHEDULED';
    const notStarted = new Date(session.startsAt) > now;
    return {
        reschedule: scheduled && notStarted,
        cancel: scheduled,
        addGuest: scheduled || session.status === 'LIVE',
    };
}

/** The query of `GET /api/sessions` for the filter and page. */
export function listQuery(filter, page, size) {
    const params = {groupId: filter.groupId, from: filter.from, to: filter.to, status: filter.status, page, size};
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            search.set(key, String(value));
        }
    }
    return `?${search}`;
}

/** A refusal of the filter before asking: dates the wrong way round. */
export function filterProblem(filter) {
    return filter.from && filter.to && filter.from > filter.to
        ? 'The "From" date must be on or before the "To" date.' : '';
}

/**
 * The server's field errors ({field, message}) placed on the form's inputs by name (`has(name)`): the API puts
 * `body.` before body fields and a service names a field bare; `patientIds[0]` belongs to the patients' input. What
 * fits no input is returned to be said above the form.
 */
export function placeFieldErrors(errors, has) {
    const placed = new Map();
    const unplaced = [];
    for (const error of errors ?? []) {
        let name = String(error.field ?? '').replace(/^body\./, '');
        if (!has(name)) {
            name = name.replace(/\[\d+\]$/, '');
        }
        if (name && has(name)) {
            placed.set(name, [...(placed.get(name) ?? []), error.message]);
        } else {
            unplaced.push(error);
        }
    }
    return {placed, unplaced};
}

/** A refusal in words: the server's detail, and for the stable codes of this page, what to do about it. */
export function problemWords(error) {
    const advice = {
        SESSION_OVERLAP: 'Choose a time when the group has no other session.',
        SESSION_IN_THE_PAST: 'Choose a later time, or tick "It already happened" to record a past session.',
        SESSION_NOT_RESCHEDULABLE: 'Only a scheduled session that has not started can be moved.',
        GROUP_FULL: 'The session already has 12 patients, guests included.',
        ALREADY_ON_SESSION: 'The patient is already on this session.',
        PATIENT_NOT_ENROLLED: 'The patient has no active enrollment on that day.',
        SESSION_CLOSED_TO_GUESTS: 'Guests can be added only to a session still to come or on.',
        SESSION_NOT_CANCELLABLE: 'Only a scheduled session can be cancelled.',
    }[error?.code];
    const detail = error?.message ?? 'The server refused the change.';
    return advice ? `${advice} (${detail})` : detail;
}

/** "21–40 of 57 sessions", "No sessions for these filters." */
export function pageWords({page = 0, size = 25, total = 0, items = []} = {}) {
    if (total === 0) {
        return 'No sessions for these filters.';
    }
    const from = page * size + 1;
    return items.length === 0 ? `Nothing on this page; ${total} sessions in all.`
        : `Showing ${from}–${from + items.length - 1} of ${total} sessions.`;
}
