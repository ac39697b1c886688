// The access log as the supervisor's page shows it, without the DOM: the words for each action and each row's
// person and patient, and the query the filters make. The server resolves names when the log is read; a name it
// leaves out (a patient this reader may not see) is shown as such, never guessed.

/** Each action of the log (care.mend.security.AuditAction) in words, in the order the filter offers them. */
export const ACTION_WORDS = Object.freeze({
    READ_SHEET: 'Read an attendance sheet',
    READ_REPORT: 'Read the attendance report',
    EXPORT_CSV: 'Exported CSV',
    EXPORT_FHIR: 'Exported FHIR',
    READ_PROGRESS: 'Read progress',
    SIGN_OFF: 'Signed attendance off',
    SIGN_OFF_NOT_HELD: 'Signed off as not held',
    AMEND: 'Amended a record',
    READ_PATIENT: 'Read a patient record',
    LIST_PATIENTS: 'Listed patients',
    READ_ENROLLMENT: 'Read an enrollment',
    LIST_ENROLLMENTS: 'Listed enrollments',
    READ_MEMBERSHIP: 'Read a membership',
    READ_ROSTER: 'Read a group roster',
    JOIN_ROOM: 'Joined a live room',
    VOID_MEMBERSHIP: 'Voided a group membership entered in error',
    ADD_GUEST: 'Added a make-up guest to a session',
    CHANGE_PATIENT_DATA: 'Tried to change patient data',
    CHECK_IN: 'Checked in at join',
    READ_CHECK_INS: 'Read check-ins',
    CREATE_LOGIN: 'Made a patient\'s login',
    INVITE_LOGIN: 'Invited a patient to set a password',
    DISABLE_LOGIN: 'Disabled a patient\'s login',
    ENABLE_LOGIN: 'Enabled a patient\'s login',
});

export function actionWords(action) {
    return ACTION_WORDS[action] ?? String(action ?? '').toLowerCase().replaceAll('_', ' ');
}

/** Who acted: their name as it is now, with their roles then; or what the page may say without a name. */
export function personWords(entry) {
    const roles = entry.actorRoles ? ` (${entry.actorRoles.replaceAll(',', ', ')})` : '';
    if (entry.actorDisplayName) {
        return entry.actorDisplayName + roles;
    }
    if (entry.actorPatientId) {
        return 'A patient of another site';
    }
    return (entry.actorStaffId ? 'A staff member' : 'An account without a Mend record') + roles;
}

/** The patient concerned, or how many patients' data the request returned. */
export function patientWords(entry) {
    if (entry.patientDisplayName) {
        return entry.patientDisplayName;
    }
    if (entry.patientId) {
        return 'A patient of another site';
    }
    const count = entry.patientCount ?? 0;
    if (count === 0) {
        return '—';
    }
    return count === 1 ? '1 patient' : `${count} patients`;
}

export function outcomeWords(entry) {
    return entry.outcome === 'DENIED' ? 'Denied' : 'Allowed';
}

/** Local midnight of a yyyy-mm-dd date in the browser's zone, as the ISO instant the API takes. */
export function localMidnight(isoDay, addDays = 0) {
    const [year, month, day] = isoDay.split('-').map(Number);
    return new Date(year, month - 1, day + addDays).toISOString();
}

/**
 * The API's query for the filter form's values ({personId, patientId, action, outcome, from, to} as the inputs give
 * them): days in the browser's zone, "to" inclusive (the API's is exclusive). Returns {params} or {error}.
 */
export function auditQuery(values, page, size) {
    const uuid = /^[0-9a-f-]{36}$/i;
    for (const key of ['personId', 'patientId']) {
        if (values[key] && !uuid.test(values[key])) {
            return {error: 'Choose the person and the patient from the lists.'};
        }
    }
    if (values.action && !(values.action in ACTION_WORDS)) {
        return {error: 'Choose the action from the list.'};
    }
    const day = /^\d{4}-\d{2}-\d{2}$/;
    for (const key of ['from', 'to']) {
        if (values[key] && !day.test(values[key])) {
            return {error: 'Dates are days, such as 2026-03-02.'};
        }
    }
    if (values.from && values.to && values.from > values.to) {
        return {error: 'The "From" date must be on or before the "To" date.'};
    }
    const params = {page, size};
    for (const key of ['personId', 'patientId', 'action', 'outcome']) {
        if (values[key]) {
            params[key] = values[key];
        }
    }
    if (values.from) {
        params.from = localMidnight(values.from);
    }
    if (values.to) {
        params.to = localMidnight(values.to, 1);
    }
    return {params};
}
