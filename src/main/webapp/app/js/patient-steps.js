// The patient's way into the group as steps (device check, where they are, how they join, the consent texts when
// some are still to accept, the check-in where the
// program asks one, the waiting room, the group), the notices about time (late, later today, the next session, the goodbye), the page's words for what
// happens, and the one live region's rule (each message said once). No DOM: patient.js shows what these decide.

export const STEPS = Object.freeze([
    {id: 'devices', title: 'Check your camera and microphone'},
    {id: 'location', title: 'Where you are'},
    {id: 'mode', title: 'How you join'},
    {id: 'consent', title: 'Consent'},
    {id: 'checkin', title: 'Check in'},
    {id: 'waiting', title: 'Waiting room'},
    {id: 'room', title: 'In the group'},
]);

/**
 * Each step's state (`done`, `current` or `upcoming`) and the current one. `phase`: `prepare` (on the check page),
 * `waiting`, `room` or `out` (left, removed, ended: no step is current). Before joining, the steps are done in order:
 * a step is current only once the ones before it are done, so each one's instructions show when they matter and
 * disappear once it is done. `checkingIn`: the patient chose how to join and is asked the check-in (only where the
 * program asks one; the page leaves the step out of the list otherwise). `consenting`: the patient is shown the
 * program's consent texts to accept (before the check-in: only when some are still to accept).
 */
export function stepStates({phase = 'prepare', checked = false, located = false, consenting = false,
    checkingIn = false} = {}) {
    let current;
    if (phase === 'waiting' || phase === 'room') {
        current = phase;
    } else if (phase === 'out') {
        current = null;
    } else {
        current = !checked ? 'devices' : !located ? 'location' : consenting ? 'consent' : checkingIn ? 'checkin'
            : 'mode';
    }
    const index = current === null ? STEPS.length : STEPS.findIndex((s) => s.id === current);
    const states = Object.fromEntries(STEPS.map((s, i) => [s.id, i < index ? 'done' : i === index ? 'current'
        : 'upcoming']));
    return {current, states};
}

// ---- times, in the group's own time zone (as the API gives it), with the zone named when the reader is elsewhere ----

function viewerZone() {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "6:00 PM", or "6:00 PM CST" when the reader's browser is in another zone than the group. */
export function timeInZone(instant, timeZone, {locale, readerZone = viewerZone()} = {}) {
    const named = timeZone && readerZone && timeZone !== readerZone;
    return new Intl.DateTimeFormat(locale, {hour: 'numeric', minute: '2-digit', timeZone: timeZone || undefined,
        ...(named ? {timeZoneName: 'short'} : {})}).format(new Date(instant));
}

/** The calendar date (yyyy-mm-dd) of an instant in a zone. */
function dateIn(instant, timeZone) {
    return new Intl.DateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit',
        timeZone: timeZone || undefined}).format(new Date(instant));
}

/** "today at 6:00 PM", "tomorrow at 6:00 PM", "Monday, December 7 at 6:00 PM", all in the group's zone. */
export function whenText(instant, timeZone, {now = new Date(), locale, readerZone} = {}) {
    const time = timeInZone(instant, timeZone, {locale, readerZone});
    const day = dateIn(instant, timeZone);
    if (day === dateIn(now, timeZone)) {
        return `today at ${time}`;
    }
    if (day === dateIn(new Date(now.getTime() + 24 * 3600 * 1000), timeZone)) {
        return `tomorrow at ${time}`;
    }
    const date = new Intl.DateTimeFormat(locale, {weekday: 'long', month: 'long', day: 'numeric',
        timeZone: timeZone || undefined}).format(new Date(instant));
    return `${date} at ${time}`;
}

/**
 * What the check page says about the chosen session's time: late (it started: "you can still join"), later today,
 * or nothing when it is about to start.
 */
export function sessionNotice(session, {now = new Date(), locale, readerZone} = {}) {
    if (!session) {
        return null;
    }
    const starts = new Date(session.startsAt);
    const ends = new Date(session.endsAt);
    const options = {locale, readerZone};
    if (now >= starts && now < ends) {
        return {kind: 'late', text: `The group started at ${timeInZone(starts, session.timeZone, options)}`
            + ' — you can still join.'};
    }
    if (now < starts) {
        return {kind: 'later', text: `The group starts at ${timeInZone(starts, session.timeZone, options)}. You can`
            + ' get ready now; the room opens shortly before the start.'};
    }
    return null;
}

/** The first session that starts after `now`, other than `exceptId`, from a list (any order); or null. */
export function nextSession(sessions, {now = new Date(), exceptId = null} = {}) {
    return (sessions ?? [])
        .filter((s) => s.id !== exceptId && s.status === 'SCHEDULED' && new Date(s.startsAt) > now)
        .sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt))[0] ?? null;
}

/** "Your next group is tomorrow at 6:00 PM." or null. */
export function nextSessionText(next, options = {}) {
    return next ? `Your next group is ${whenText(next.startsAt, next.timeZone, options)}.` : null;
}

/** The goodbye after the facilitator ended the session. */
export function goodbyeText(next, options = {}) {
    return ['The group has ended. Thank you for coming.', nextSessionText(next, options)].filter(Boolean).join(' ');
}

/** When no session is open now: nothing today (or nothing left today), and when the next one is. */
export function noSessionText(next, options = {}) {
    return ['There is no group session for you right now.', nextSessionText(next, options)
        ?? 'If you expected one, please call your program.'].join(' ');
}

/**
 * What the page says about the facilitator, from the room's `facilitatorPresent`: in the waiting room either way,
 * in the group only while they are away ('' then: nothing to show).
 */
export function facilitatorNote(phase, present) {
    if (phase === 'waiting') {
        return present ? 'Your facilitator is here and will let you in soon. Please keep this page open.'
            : 'Your facilitator has not joined yet. Please keep this page open: they will let you in when they arrive.';
    }
    if (phase === 'room' && !present) {
        return 'Your facilitator is not in the room at the moment.';
    }
    return '';
}

// ---- the page's words for what happens ----

// Words for the refusals a patient can meet; the codes are the protocol's, stable.
export const JOIN_REFUSALS = {
    TOO_EARLY: 'The room is not open yet. It opens shortly before the session starts; please try again then.',
    ROOM_NOT_OPEN: 'The room is not open yet. Please try again in a few minutes.',
    ROOM_LOCKED: 'The group is closed to new arrivals right now. Please call your program if you need to join.',
    SESSION_ENDED: 'This session has already ended.',
    SESSION_NOT_JOINABLE: 'This session was cancelled.',
    ACCESS_DENIED: 'You are not on this group\'s list for today. Please call your program.',
    CONSENT_REQUIRED: 'Please read and accept your program\'s consent first.',
    NOT_A_MEMBER: 'You are not on this group\'s list for today. Please call your program.',
    REMOVED_FROM_SESSION: 'You cannot join this session again. Please call your program.',
    ALREADY_JOINED: 'You are already in this session in another window or device.',
    TICKET_UNAVAILABLE: 'Mend could not be reached. Please check your connection and try again.',
    SIGNED_OUT: 'Your sign-in has expired. Please reload the page to sign in again.',
};
export const DISMISSALS = {
    LEFT: 'You left the session. Take care.',
    DECLINED: 'Your facilitator could not let you in this time. Please call your program if you have questions.',
    REMOVED: 'Your facilitator removed you from the room. You can join again.',
    REMOVED_AND_BARRED: 'Your facilitator removed you from this session.',
    GRACE_EXPIRED: 'You were disconnected for too long. You can join again; you will wait for your facilitator.',
};
// Out for good: no "Join again", and the camera and microphone are let go.
export const FINAL = new Set(['REMOVED_AND_BARRED', 'SESSION_ENDED']);

// Words for the media session's states (media.js), in the room's media note.
export const MEDIA_WORDS = {
    interrupted: 'Reconnecting audio and video… You are still in the group, and the other controls work.',
    retrying: 'Reconnecting audio and video… You are still in the group, and the other controls work.',
    unavailable: 'Audio and video are unavailable. You are still in the group: your facilitator can see that you '
        + 'are here, and the other controls work.',
};
export const CONNECTION_WORDS = {
    reconnecting: 'Your connection dropped. Reconnecting… You keep your place in the group.',
    unstable: 'Connection unstable: sound or picture may stop for a moment. Mend keeps trying, and you keep your '
        + 'place.',
};
export const MODE_WORDS = {
    video: '',
    audio: 'You chose audio only: the group will hear you, and nobody will see you.',
    low: 'You chose low bandwidth: you will see everyone in one small picture.',
};

// ---- the one live region ----

/**
 * The page's one polite live region: `announce(text)` writes a message once, at the moment it happens; the same
 * message again while it is still the last one is not written again (a screen reader would read it at every
 * render). `write(text)` puts the text into the region.
 */
export function announcer(write) {
    let last = '';
    return {
        announce(text) {
            const message = text ?? '';
            if (!message || message === last) {
                return false;
            }
            last = message;
            write(message);
            return true;
        },
        /** Lets the same message be said again later (the situation ended). */
        forget(text) {
            if (text === undefined || text === last) {
                last = '';
            }
        },
        get last() {
            return last;
        },
    };
}
