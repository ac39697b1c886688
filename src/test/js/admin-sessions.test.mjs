// The admin sessions page without a DOM (src/main/webapp/app/js/admin/session-words.js): its forms read into the
// API's bodies, sessions in words in their group's zone, what can be done when, and server errors by field.
import test from 'node:test';
import assert from 'node:assert/strict';
import {actionsFor, filterProblem, hhmm, kindWords, lengthOf, listQuery, noteWords, pageWords, placeFieldErrors,
    problemWords, rescheduleBody, sessionBody, statusWords, whenWords} from '../../main/webapp/app/js/admin/session-words.js';

// Thursday 5 March 2026, 14:00–15:30 in Chicago (CST, UTC-6).
const SESSION = {id: 's-1', groupId: 'g-1', localDate: '2026-03-05', startLocalTime: '14:00:00',
    startsAt: '2026-03-05T20:00:00Z', endsAt: '2026-03-05T21:30:00Z', timeZone: 'America/Chicago',
    status: 'SCHEDULED', kind: 'ONE_OFF', reason: 'Extra group before the holiday', originalStartsAt: null,
    rescheduleReason: null, recordedAfterTheFact: false};

test('a one-off session is read from the form with empty fields left for the server to name', () => {
    assert.deepEqual(sessionBody({kind: 'ONE_OFF', date: '2026-03-05', startTime: '14:00', lengthMinutes: ' 90 ',
        reason: '  Extra group ', alreadyHappened: false, patientIds: ['p-1']}),
    {kind: 'ONE_OFF', date: '2026-03-05', startTime: '14:00', lengthMinutes: 90, reason: 'Extra group'});
    assert.deepEqual(sessionBody({kind: 'ONE_OFF', date: '', startTime: '', lengthMinutes: '', reason: ' '}),
        {kind: 'ONE_OFF'});
    assert.deepEqual(sessionBody({kind: 'ONE_OFF', lengthMinutes: '1.5'}), {kind: 'ONE_OFF', lengthMinutes: '1.5'},
        'a fraction goes to the server, which names the field');
});

test('a make-up session names its patients once; a past one says it already happened', () => {
    assert.deepEqual(sessionBody({kind: 'MAKE_UP', date: '2026-03-04', startTime: '09:00', lengthMinutes: '60',
        reason: 'Missed Monday', alreadyHappened: true, patientIds: ['p-1', '', 'p-2', 'p-1']}),
    {kind: 'MAKE_UP', date: '2026-03-04', startTime: '09:00', lengthMinutes: 60, reason: 'Missed Monday',
        alreadyHappened: true, patientIds: ['p-1', 'p-2']});
});

test('a move sends only what changes, and always its reason', () => {
    assert.deepEqual(rescheduleBody({date: '2026-03-05', startTime: '16:00', lengthMinutes: '90',
        reason: ' Room booked '}, SESSION), {reason: 'Room booked', startTime: '16:00'});
    assert.deepEqual(rescheduleBody({date: '2026-03-06', startTime: '14:00', lengthMinutes: '120', reason: ''},
        SESSION), {date: '2026-03-06', lengthMinutes: 120});
    assert.equal(hhmm('18:00:00'), '18:00');
    assert.equal(lengthOf(SESSION), 90);
});

test('a session is told in its group\'s zone, wherever the admin is', () => {
    const words = whenWords(SESSION, 'en-US');
    assert.match(words, /Thu, Mar 5/);
    assert.match(words, /2:00/);
    assert.match(words, /3:30/);
    assert.match(words, /CST/);
    // Across the spring-forward change: a 02:30 start that became 03:30 daylight time.
    const sunday = {...SESSION, startsAt: '2026-03-08T08:30:00Z', endsAt: '2026-03-08T09:30:00Z'};
    assert.match(whenWords(sunday, 'en-US'), /3:30/);
    assert.match(whenWords(sunday, 'en-US'), /CDT/);
});

test('the notes say why a session exists, where a moved one came from, and how it was recorded', () => {
    assert.equal(noteWords(SESSION, 'en-US'), 'Extra group before the holiday');
    const moved = {...SESSION, kind: 'SCHEDULED', reason: null, originalStartsAt: '2026-03-03T00:00:00Z',
        rescheduleReason: 'Holiday'};
    assert.match(noteWords(moved, 'en-US'), /^Moved from Mon, Mar 2, 6:00\sPM: Holiday$/);
    assert.equal(noteWords({...SESSION, status: 'ENDED', recordedAfterTheFact: true}, 'en-US'),
        'Extra group before the holiday. Recorded after it happened');
    assert.equal(noteWords({...SESSION, kind: 'SCHEDULED', status: 'CANCELLED', cancellationReason: 'Snow'}),
        'Cancelled: Snow');
    assert.equal(kindWords('MAKE_UP'), 'Make-up');
    assert.equal(statusWords('NOT_HELD'), 'Not held');
});

test('what can be done follows the server\'s rules: move before the start, cancel while scheduled, guests until the end', () => {
    const before = new Date('2026-03-05T19:00:00Z');
    const during = new Date('2026-03-05T20:30:00Z');
    assert.deepEqual(actionsFor(SESSION, before), {reschedule: true, cancel: true, addGuest: true});
    assert.deepEqual(actionsFor(SESSION, during), {reschedule: false, cancel: true, addGuest: true});
    assert.deepEqual(actionsFor({...SESSION, status: 'LIVE'}, during), {reschedule: false, cancel: false,
        addGuest: true});
    assert.deepEqual(actionsFor({...SESSION, status: 'ENDED'}, during), {reschedule: false, cancel: false,
        addGuest: false});
});

test('the list is asked for with the filters that are set, and the dates must be in order', () => {
    assert.equal(listQuery({groupId: 'g-1', from: '2026-03-01', to: '', status: 'SCHEDULED'}, 2, 25),
        '?groupId=g-1&from=2026-03-01&status=SCHEDULED&page=2&size=25');
    assert.equal(listQuery({}, 0, 25), '?page=0&size=25');
    assert.match(filterProblem({from: '2026-03-10', to: '2026-03-01'}), /on or before/);
    assert.equal(filterProblem({from: '2026-03-01', to: '2026-03-10'}), '');
    assert.equal(pageWords({page: 1, size: 25, total: 57, items: new Array(25)}),
        'Showing 26–50 of 57 sessions.');
    assert.equal(pageWords({total: 0}), 'No sessions for these filters.');
});

test('server field errors go next to their inputs; the rest is said above the form', () => {
    const inputs = new Set(['date', 'startTime', 'lengthMinutes', 'reason', 'patientIds']);
    const {placed, unplaced} = placeFieldErrors([
        {field: 'body.lengthMinutes', message: 'must be between 30 and 360'},
        {field: 'startTime', message: 'overlaps another session of the group on 2026-03-05 at 18:00'},
        {field: 'patientIds[1]', message: 'the patient is enrolled in several programs'},
        {field: 'kind', message: 'must be ONE_OFF or MAKE_UP'},
    ], (name) => inputs.has(name));
    assert.deepEqual([...placed.keys()], ['lengthMinutes', 'startTime', 'patientIds']);
    assert.deepEqual(placed.get('startTime'), ['overlaps another session of the group on 2026-03-05 at 18:00']);
    assert.deepEqual(unplaced.map((e) => e.field), ['kind']);
    assert.match(problemWords({code: 'SESSION_OVERLAP', message: 'The group has a session'}), /^Choose a time/);
    assert.equal(problemWords({code: 'SOMETHING', message: 'Refused'}), 'Refused');
});
