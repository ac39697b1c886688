// Attendance as the staff pages word it, without the DOM: the status (a final word, said once a session has ended),
// where a patient is while the session is still on (the sheet's liveState), and the flags beside the status as short
// words. Shared by the facilitator's live panel and sign-off sheet and the supervisor's report, so that they agree.

/** The statuses (care.mend.attendance.AttendanceStatus). Late and left early are flags, not statuses. */
export const STATUS_WORDS = Object.freeze({
    PRESENT: 'Present',
    PARTIAL: 'Partial',
    ABSENT: 'Absent',
    EXCUSED: 'Excused',
    NOT_HELD: 'Not held',
});

export function statusWords(status) {
    return STATUS_WORDS[status] ?? String(status ?? '').toLowerCase().replaceAll('_', ' ');
}

/**
 * Where the patient is while the session is on, with the time it began (`time` formats an instant); null on a line
 * that has a status. Nobody is "absent" or "partial" before the end: they are not here yet, or here so far.
 */
export function liveWords(line, time) {
    switch (line.liveState) {
        case 'NOT_ARRIVED':
            return 'Not here yet';
        case 'IN_ROOM':
            return `In the room since ${time(line.liveSince)}`;
        case 'RECONNECTING':
            return `Reconnecting since ${time(line.liveSince)}`;
        case 'LEFT':
            return `Left at ${time(line.liveSince)}`;
        default:
            return line.liveState ? String(line.liveState).toLowerCase().replaceAll('_', ' ') : null;
    }
}

/** A sheet line's status column: the final status once the session has ended, where the patient is until then. */
export function lineStatusWords(line, time) {
    return line.status ? statusWords(line.status) : liveWords(line, time) ?? '—';
}

/**
 * The flags (care.mend.attendance.AttendanceFlags) as short words, each only when it applies: "late 12 min" and
 * "left 25 min early" when over the program's thresholds, "2 gaps, 3 min" for reconnections, "audio only 40%".
 */
export function flagWords(flags) {
    if (!flags) {
        return [];
    }
    const words = [];
    if (flags.late) {
        words.push(`late ${flags.lateMinutes} min`);
    }
    if (flags.leftEarly) {
        words.push(`left ${flags.leftEarlyMinutes} min early`);
    }
    if (flags.gapCount > 0) {
        words.push(`${flags.gapCount} ${flags.gapCount === 1 ? 'gap' : 'gaps'}, ${flags.gapMinutes} min`);
    }
    if (flags.audioOnlyPercent > 0) {
        words.push(`audio only ${flags.audioOnlyPercent}%`);
    }
    return words;
}

/** The flags in one cell: their words, or a dash when none applies. */
export function flagText(flags) {
    return flagWords(flags).join('; ') || '—';
}

/** A line's minutes by modality (AUDIO_VIDEO, AUDIO_ONLY, NONE) in words, those above 0; `minutes` formats a count. */
export function modalityText(byModality, minutes) {
    const m = byModality ?? {};
    return [m.AUDIO_VIDEO && `video ${minutes(m.AUDIO_VIDEO)}`, m.AUDIO_ONLY && `audio only ${minutes(m.AUDIO_ONLY)}`,
        m.NONE && `no media ${minutes(m.NONE)}`].filter(Boolean).join(', ') || '—';
}
