// The access log's words and filter query (src/main/webapp/app/js/audit-log.js), without a DOM.
import test from 'node:test';
import assert from 'node:assert/strict';
import {ACTION_WORDS, actionWords, auditQuery, localMidnight, outcomeWords, patientWords, personWords}
    from '../../main/webapp/app/js/audit-log.js';

const STAFF = '11111111-1111-4111-8111-111111111111';
const PATIENT = '22222222-2222-4222-8222-222222222222';

test('every action the server writes has words; an unknown one is still readable', () => {
    for (const action of ['READ_SHEET', 'READ_REPORT', 'EXPORT_CSV', 'EXPORT_FHIR', 'READ_PROGRESS', 'SIGN_OFF',
        'SIGN_OFF_NOT_HELD', 'AMEND', 'READ_PATIENT', 'LIST_PATIENTS', 'READ_ENROLLMENT', 'LIST_ENROLLMENTS',
        'READ_MEMBERSHIP', 'READ_ROSTER', 'JOIN_ROOM', 'VOID_MEMBERSHIP', 'ADD_GUEST', 'CHANGE_PATIENT_DATA', 'CHECK_IN', 'READ_CHECK_INS',
        'CREATE_LOGIN', 'INVITE_LOGIN', 'DISABLE_LOGIN', 'ENABLE_LOGIN']) {
        assert.ok(ACTION_WORDS[action], action);
    }
    assert.equal(actionWords('EXPORT_CSV'), 'Exported CSV');
    assert.equal(actionWords('SOMETHING_NEW'), 'something new');
});

test('the person is named as the server resolved them, with their roles; a patient of another site is not', () => {
    assert.equal(personWords({actorDisplayName: 'Dana R.', actorRoles: 'facilitator,supervisor',
        actorStaffId: STAFF}), 'Dana R. (facilitator, supervisor)');
    assert.equal(personWords({actorPatientId: PATIENT, actorRoles: 'patient'}), 'A patient of another site');
    assert.equal(personWords({actorRoles: 'admin'}), 'An account without a Mend record (admin)');
});

test('the patient column names the patient concerned, or counts the patients a request returned', () => {
    assert.equal(patientWords({patientId: PATIENT, patientDisplayName: 'Sam T.', patientCount: 1}), 'Sam T.');
    assert.equal(patientWords({patientId: PATIENT, patientCount: 1}), 'A patient of another site');
    assert.equal(patientWords({patientCount: 12}), '12 patients');
    assert.equal(patientWords({patientCount: 1}), '1 patient');
    assert.equal(patientWords({patientCount: 0}), '—');
    assert.equal(outcomeWords({outcome: 'DENIED'}), 'Denied');
    assert.equal(outcomeWords({outcome: 'ALLOWED'}), 'Allowed');
});

test('the filters become the API query: days in the browser zone, "to" inclusive', () => {
    const {params} = auditQuery({personId: STAFF, patientId: '', action: 'READ_REPORT', outcome: 'DENIED',
        from: '2026-03-02', to: '2026-03-08'}, 2, 25);
    assert.deepEqual(Object.keys(params).sort(), ['action', 'from', 'outcome', 'page', 'personId', 'size', 'to']);
    assert.equal(params.page, 2);
    assert.equal(params.personId, STAFF);
    const from = new Date(params.from);
    assert.deepEqual([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()], [2026, 2, 2, 0]);
    const to = new Date(params.to);
    assert.deepEqual([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours()], [2026, 2, 9, 0]);
    assert.equal(localMidnight('2026-12-31', 1), new Date(2027, 0, 1).toISOString());
});

test('bad filters are refused before any request', () => {
    assert.match(auditQuery({from: '2026-03-09', to: '2026-03-02'}, 0, 25).error, /on or before/);
    assert.match(auditQuery({personId: 'Dana'}, 0, 25).error, /from the lists/);
    assert.match(auditQuery({action: 'DROP_TABLE'}, 0, 25).error, /action/);
    assert.deepEqual(auditQuery({}, 0, 25).params, {page: 0, size: 25});
});
