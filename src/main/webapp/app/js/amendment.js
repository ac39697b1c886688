// Amendments of signed attendance, without the DOM: the words that show a corrected line's values beside the signed
// ones ("Present (was Absent)"), and the facilitator's amendment form read into the API's body. The server decides
// (care.mend.attendance.AmendmentRules); the form checks only what a person can fix before sending, and a refusal
// is shown with the server's own words (problemWords).

/** The statuses a held session's record may be amended to. */
export const AMENDABLE_STATUSES = Object.freeze(['PRESENT', 'PARTIAL', 'ABSENT', 'EXCUSED']);

export const REASON_MAX = 500;

/** The request body's fields in the words of the form's labels, for the server's field errors. */
const FIELD_WORDS = Object.freeze({
    'body.status': 'Status',
    'body.minutes': 'Minutes',
    'body.credited': 'Credited',
    'body.minutesByModality': 'Minutes by modality',
    'body.reason': 'Reason',
    'body.creditOverrideReason': 'Reason to credit below the rule',
});

/** A value, and the signed one in brackets when an amendment changed it. */
export function wasWords(current, original, words = String) {
    if (original === undefined || original === null || original === current) {
        return words(current);
    }
    return `${words(current)} (was ${words(original)})`;
}

const yesNo = (credited) => (credited ? 'Yes' : 'No');

/**
 * A signed sheet's line (AttendanceLineResponse) as the page shows it: status, minutes and credit with the signed
 * values beside amended ones, and the latest amendment's reason (null when never amended).
 */
export function lineWords(line, statusWords, minutesWords) {
    const original = line.original ?? {};
    const latest = line.amendments?.length ? line.amendments[line.amendments.length - 1] : null;
    return {
        status: wasWords(line.status, original.status, statusWords),
        minutes: wasWords(line.minutesPresent, original.minutesPresent, minutesWords),
        credited: wasWords(line.credited, original.credited, yesNo),
        reason: latest?.reason ?? null,
        overrideReason: latest?.creditOverrideReason ?? null,
    };
}

/** A report row (AttendanceReportRow) the same way: its original figures and its latest amendment. */
export function rowWords(row, statusWords, minutesWords) {
    return {
        status: wasWords(row.status, row.originalStatus, statusWords),
        minutes: wasWords(row.minutesPresent, row.originalMinutes, minutesWords),
        credited: wasWords(row.credited, row.originalCredited, yesNo),
        reason: row.amendment?.reason ?? null,
        overrideReason: row.amendment?.creditOverrideReason ?? null,
    };
}

/** Whether the form asks for the split: the minutes change (to something other than 0, which can only be 0, 0, 0). */
export function needsSplit(minutes, line) {
    return Number.isInteger(minutes) && minutes > 0 && minutes !== line.minutesPresent;
}

/** Whether the form asks why: credit for fewer minutes than the program's credit minutes. */
export function needsOverride(credited, minutes, creditMinutes) {
    return Boolean(credited) && Number.isInteger(minutes) && minutes < creditMinutes;
}

/** The credit a status usually goes with, offered when the status is changed in the form. */
export function creditFor(status) {
    return status === 'PRESENT';
}

function wholeNumber(text) {
    const trimmed = String(text ?? '').trim();
    return /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
}

/**
 * The form's values as the API's body, or the fields to fix first.
 *
 * @param values {status, minutes, audioVideo, audioOnly, noMedia (texts), credited, reason, creditOverrideReason}
 * @param line the line being amended (its current minutes and the session's scheduled minutes)
 * @param creditMinutes the minutes that earn credit in the session's program
 * @returns {{body?: object, errors: {field: string, message: string}[]}}
 */
export function readAmendment(values, line, creditMinutes) {
    const errors = [];
    const minutes = wholeNumber(values.minutes);
    if (!AMENDABLE_STATUSES.includes(values.status)) {
        errors.push({field: 'status', message: 'Choose a status.'});
    }
    const minutesValid = Number.isInteger(minutes) && minutes <= line.scheduledMinutes;
    if (!minutesValid) {
        errors.push({field: 'minutes', message: `Give the minutes present, 0 to ${line.scheduledMinutes}.`});
    }
    const reason = String(values.reason ?? '').trim();
    if (!reason || reason.length > REASON_MAX) {
        errors.push({field: 'reason', message: `Say why, in up to ${REASON_MAX} characters.`});
    }
    const body = {status: values.status, minutes, credited: Boolean(values.credited), reason};
    if (minutesValid && needsSplit(minutes, line)) {
        const split = {AUDIO_VIDEO: wholeNumber(values.audioVideo), AUDIO_ONLY: wholeNumber(values.audioOnly),
            NONE: wholeNumber(values.noMedia)};
        const parts = Object.values(split);
        if (parts.some((part) => !Number.isInteger(part)) || parts.reduce((a, b) => a + b, 0) !== minutes) {
            errors.push({field: 'split', message: `Split the ${minutes} minutes: video, audio only and no media`
                    + ' must add up to them.'});
        }
        body.minutesByModality = split;
    }
    if (needsOverride(body.credited, minutes, creditMinutes)) {
        const override = String(values.creditOverrideReason ?? '').trim();
        if (!override || override.length > REASON_MAX) {
            errors.push({field: 'override', message: `Credit needs ${creditMinutes} minutes: say why this session`
                    + ` counts with fewer (up to ${REASON_MAX} characters).`});
        }
        body.creditOverrideReason = override;
    }
    return errors.length ? {errors} : {body, errors};
}

/** A refusal in the server's words: its detail, then each field it named, in the form's words. */
export function problemWords(error) {
    const fields = (error.errors ?? []).map((e) => `${FIELD_WORDS[e.field] ?? e.field}: ${e.message}`);
    return [error.message, ...fields].filter(Boolean).map((text) => (/[.!?]$/.test(text) ? text : `${text}.`))
        .join(' ');
}
