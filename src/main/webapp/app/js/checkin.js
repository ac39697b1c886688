// The check-in at join, without the DOM: the patient's answers checked as the server checks them, the words the
// facilitator's round and the trend use, and the trend chart's geometry. patient-checkin.js (the patient's step),
// checkin-round.js (the facilitator's roster column) and checkin-trend.js (the chart) draw what these decide.

/** Both scales run from 0 to 10. */
export const SCALE = Object.freeze([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
export const NOTE_MAX = 280;

export const MEDICATION_WORDS = Object.freeze({
    TAKEN: 'took their medication',
    NOT_TAKEN: 'did not take their medication',
    NOT_PRESCRIBED: 'no medication prescribed',
});

/** What the patient's page does with the server's prompt: ask, or go straight to the waiting room. */
export function shouldAsk(prompt, skipped = false) {
    return Boolean(prompt?.ask) && !skipped;
}

/**
 * The patient's answers as the body of `POST /api/me/check-ins`, checked as the server checks them: a mood, a craving
 * where the program asks it (and none where it does not), a medication answer, a note of one line up to 280
 * characters (blank: none). `errors` by field, in words for the patient; `body` null while there are any.
 */
export function checkInBody(sessionId, {mood, craving, medication, note} = {}, {asksCraving = false} = {}) {
    const errors = {};
    const level = (value) => (value === '' || value === null || value === undefined ? null : Number(value));
    const moodValue = level(mood);
    const cravingValue = asksCraving ? level(craving) : null;
    if (moodValue === null || !SCALE.includes(moodValue)) {
        errors.mood = 'Please choose how your mood is, from 0 to 10.';
    }
    if (asksCraving && (cravingValue === null || !SCALE.includes(cravingValue))) {
        errors.craving = 'Please choose how strong your craving is, from 0 to 10.';
    }
    if (!Object.hasOwn(MEDICATION_WORDS, medication ?? '')) {
        errors.medication = 'Please say whether you took your medication today.';
    }
    const text = (note ?? '').trim();
    if (text.length > NOTE_MAX) {
        errors.note = `Please keep your note under ${NOTE_MAX} characters.`;
    } else if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) {
        errors.note = 'Please write your note on one line, in plain text.';
    }
    if (Object.keys(errors).length) {
        return {body: null, errors};
    }
    const body = {sessionId, mood: moodValue, medication};
    if (asksCraving) {
        body.craving = cravingValue;
    }
    if (text) {
        body.note = text;
    }
    return {body, errors};
}

/** What the page says about a refused check-in; `done` when the patient should go on to the waiting room anyway. */
export function refusalWords(code) {
    switch (code) {
        case 'CHECK_IN_EXISTS':
            return {done: true, text: 'You already checked in for this session.'};
        case 'CHECK_IN_CLOSED':
        case 'CHECK_IN_NOT_ASKED':
            return {done: true, text: ''};
        case 'VALIDATION_FAILED':
            return {done: false, text: 'Please check your answers.'};
        default:
            return {done: false, text: 'Your check-in could not be sent. Try again, or skip it.'};
    }
}

// ---- the facilitator's round ----

/** The flags of a check-in in words, as the program's thresholds of the moment set them. */
export function flagWords(checkIn) {
    const flags = [];
    if (checkIn?.lowMood) {
        flags.push('Low mood');
    }
    if (checkIn?.highCraving) {
        flags.push('High craving');
    }
    return flags;
}

/**
 * One line for the roster's check-in column: flags first (what needs the facilitator), then the answers, then the
 * note in quotes. "—" without a check-in.
 */
export function roundWords(checkIn) {
    if (!checkIn) {
        return '—';
    }
    const parts = [...flagWords(checkIn), `mood ${checkIn.mood}/10`];
    if (checkIn.craving !== null && checkIn.craving !== undefined) {
        parts.push(`craving ${checkIn.craving}/10`);
    }
    parts.push(MEDICATION_WORDS[checkIn.medication] ?? 'medication not said');
    const words = parts.join('; ');
    return checkIn.note ? `${words}; note: “${checkIn.note}”` : words;
}

/** The round by patient id: the latest check-in of each (there is one per session). */
export function roundByPatient(round) {
    return new Map((round ?? []).map((c) => [c.patientId, c]));
}

// ---- the trend ----

/**
 * The trend chart's geometry: one x per session (oldest left), y from 10 (top) to 0 (bottom), for the mood and, where
 * asked, the craving; the points flagged where their check-in was. Points without a craving break nothing: the
 * craving line has only the points that have one.
 */
export function trendGeometry(points, {width = 600, height = 220, left = 36, right = 12, top = 12, bottom = 36} = {}) {
    const list = points ?? [];
    const span = Math.max(1, list.length - 1);
    const x = (i) => left + (list.length === 1 ? (width - left - right) / 2 : i * (width - left - right) / span);
    const y = (value) => top + (10 - value) * (height - top - bottom) / 10;
    const mood = list.map((p, i) => ({x: x(i), y: y(p.mood), value: p.mood, flagged: Boolean(p.lowMood),
        date: p.date}));
    const craving = list.flatMap((p, i) => (p.craving === null || p.craving === undefined ? []
        : [{x: x(i), y: y(p.craving), value: p.craving, flagged: Boolean(p.highCraving), date: p.date}]));
    return {width, height, left, top, bottom, mood, craving, ticks: [0, 5, 10].map((v) => ({value: v, y: y(v)})),
        path: (series) => series.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')};
}

/** The chart's values as text, for screen readers: each session's day and answers. `date` formats a local date. */
export function trendText(points, date = (d) => d) {
    if (!points?.length) {
        return 'No check-ins yet.';
    }
    return points.map((p) => {
        const parts = [`mood ${p.mood}${p.lowMood ? ' (low)' : ''}`];
        if (p.craving !== null && p.craving !== undefined) {
            parts.push(`craving ${p.craving}${p.highCraving ? ' (high)' : ''}`);
        }
        return `${date(p.date)}: ${parts.join(', ')}`;
    }).join('; ');
}
