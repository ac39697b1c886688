// The session list's states (session-states.js): from the session's times and status and the current time.
import test from 'node:test';
import assert from 'node:assert/strict';
import {ACTION_WORDS, sessionState} from '../../main/webapp/app/js/session-states.js';

const session = (status, startsAt = '2026-03-02T18:00:00Z', endsAt = '2026-03-02T21:00:00Z') =>
    ({status, startsAt, endsAt});
const at = (time) => new Date(`2026-03-02T${time}Z`);

test('a scheduled session is upcoming, then open from 30 minutes before, then starting, then not started', () => {
    assert.equal(sessionState(session('SCHEDULED'), at('17:29:59')).state, 'upcoming');
    assert.equal(sessionState(session('SCHEDULED'), at('17:30:00')).state, 'open');
    assert.equal(sessionState(session('SCHEDULED'), at('17:59:59')).words, 'Open now');
    assert.equal(sessionState(session('SCHEDULED'), at('18:00:00')).words, 'Starting');
    assert.equal(sessionState(session('SCHEDULED'), at('20:59:59')).state, 'starting');
    assert.equal(sessionState(session('SCHEDULED'), at('21:00:00')).state, 'notStarted');
    for (const time of ['12:00:00', '17:45:00', '18:05:00', '21:10:00']) {
        assert.equal(sessionState(session('SCHEDULED'), at(time)).action, 'open', time);
    }
});

test('the open lead is a parameter: another setting moves "Open now"', () => {
    assert.equal(sessionState(session('SCHEDULED'), at('17:50:00'), {openLeadMinutes: 5}).state, 'upcoming');
    assert.equal(sessionState(session('SCHEDULED'), at('17:56:00'), {openLeadMinutes: 5}).state, 'open');
});

test('a live session is in progress whatever the clock says, also when it overruns', () => {
    for (const time of ['17:40:00', '19:00:00', '21:30:00']) {
        assert.deepEqual(sessionState(session('LIVE'), at(time)), {state: 'inProgress', words: 'In progress',
            action: 'open'});
    }
});

test('an ended session asks to be signed until it is, then says signed', () => {
    assert.deepEqual(sessionState(session('ENDED'), at('21:05:00')), {state: 'ended', words: 'Ended — sign off',
        action: 'signOff'});
    assert.deepEqual(sessionState(session('ENDED'), at('21:05:00'), {signed: true}), {state: 'signed',
        words: 'Signed', action: 'attendance'});
});

test('not held offers its sign-off until signed off; cancelled offers nothing', () => {
    assert.deepEqual(sessionState(session('NOT_HELD'), at('22:00:00')), {state: 'notHeld', words: 'Not held',
        action: 'notHeld'});
    assert.equal(sessionState(session('NOT_HELD'), at('22:00:00'), {signed: true}).action, 'attendance');
    assert.deepEqual(sessionState(session('CANCELLED'), at('17:00:00')), {state: 'cancelled', words: 'Cancelled',
        action: null});
});

test('instants as strings or numbers work the same as dates; every action has words', () => {
    assert.equal(sessionState(session('SCHEDULED'), '2026-03-02T18:30:00Z').state, 'starting');
    assert.equal(sessionState(session('SCHEDULED'), at('17:45:00').getTime()).state, 'open');
    for (const action of ['open', 'signOff', 'attendance', 'notHeld']) {
        assert.ok(ACTION_WORDS[action], action);
    }
});
