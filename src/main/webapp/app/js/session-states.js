// Where a session of the facilitator's list stands, from its times and status and the current time, without the
// DOM: the status alone said "Scheduled" after the start (it stays SCHEDULED until someone opens the room). The
// page works this out again every minute, so "Upcoming" becomes "Open now" and then "Starting" by itself.

/**
 * How long before the start a room opens: the server's default `mend.room.open-lead`. Only the words depend on
 * it; the server decides whether the room opens (TOO_EARLY before), so the page offers to open it either way.
 */
export const OPEN_LEAD_MINUTES = 30;

/**
 * The states, in the order a session goes through them, with their words and what the list offers:
 * `open` (the room), `signOff` (the ended session's sheet), `attendance` (a signed sheet), `notHeld` (the sign-off
 * of a session that did not take place), or null.
 */
export const SESSION_STATES = Object.freeze({
    upcoming: {words: 'Upcoming', action: 'open'},
    open: {words: 'Open now', action: 'open'},
    starting: {words: 'Starting', action: 'open'},
    notStarted: {words: 'Not started', action: 'open'},
    inProgress: {words: 'In progress', action: 'open'},
    ended: {words: 'Ended — sign off', action: 'signOff'},
    signed: {words: 'Signed', action: 'attendance'},
    notHeld: {words: 'Not held', action: 'notHeld'},
    notHeldSigned: {words: 'Not held — signed off', action: 'attendance'},
    cancelled: {words: 'Cancelled', action: null},
});

/** The words of each action, for the list's buttons (each also names the group in its label). */
export const ACTION_WORDS = Object.freeze({
    open: 'Open room',
    signOff: 'Sign attendance',
    attendance: 'Attendance',
    notHeld: 'Sign off as not held',
});

/**
 * The state of `session` (GroupSessionResponse: status, startsAt, endsAt) at `now` (a Date or an instant);
 * `signed` says whether its attendance is signed (ENDED) or signed off (NOT_HELD).
 *
 * A SCHEDULED session past its end never went live: the server marks it NOT_HELD a while later
 * (`mend.sessions.not-held-after`); until then it is "Not started", and its room may still be opened.
 */
export function sessionState(session, now, {signed = false, openLeadMinutes = OPEN_LEAD_MINUTES} = {}) {
    const at = new Date(now).getTime();
    const starts = new Date(session.startsAt).getTime();
    const ends = new Date(session.endsAt).getTime();
    let state;
    switch (session.status) {
        case 'CANCELLED':
            state = 'cancelled';
            break;
        case 'NOT_HELD':
            state = signed ? 'notHeldSigned' : 'notHeld';
            break;
        case 'ENDED':
            state = signed ? 'signed' : 'ended';
            break;
        case 'LIVE':
            state = 'inProgress';
            break;
        default:
            if (at >= ends) {
                state = 'notStarted';
            } else if (at >= starts) {
                state = 'starting';
            } else if (at >= starts - openLeadMinutes * 60000) {
                state = 'open';
            } else {
                state = 'upcoming';
            }
    }
    return {state, ...SESSION_STATES[state]};
}

/** How long until the state may change by the clock alone: the page looks again every minute. */
export const REFRESH_MS = 60000;
