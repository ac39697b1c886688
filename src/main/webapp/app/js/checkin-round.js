// The facilitator's round of check-ins on the live attendance panel (facilitator-roster.js): read with the sheet, every
// 15 s, and shown as one column, low mood and high craving first and marked. The words are checkin.js's.
import {api} from './api.js';
import {flagWords, roundByPatient, roundWords} from './checkin.js';

/**
 * The session's check-ins by patient id; `previous` when they cannot be read now (the panel keeps what it showed:
 * a check-in, once made, does not change).
 */
export async function readRound(sessionId, previous = new Map()) {
    try {
        return roundByPatient(await api.get(`attendance/sessions/${encodeURIComponent(sessionId)}/check-ins`));
    } catch (error) {
        console.warn('mend facilitator: check-ins not read', error.code);
        return previous;
    }
}

/** The column's text and the flags as a data attribute ("low-mood high-craving"; '' when none). */
export function checkInCell(checkIn) {
    return {text: roundWords(checkIn),
        flags: flagWords(checkIn).map((f) => f.toLowerCase().replace(/\s+/g, '-')).join(' ')};
}
