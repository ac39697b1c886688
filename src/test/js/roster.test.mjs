// The live attendance panel's order and words (roster.js), without the DOM.
import test from 'node:test';
import assert from 'node:assert/strict';
import {ROSTER_ORDER, roomPresence, rosterState, rosterWords, sortRoster} from '../../main/webapp/app/js/roster.js';

const time = (instant) => (instant ? `[${instant}]` : '—');
const line = (patientId, liveState, extra = {}) => ({patientId, liveState, liveSince: 't1', ...extra});

test('the order puts who needs the facilitator first and the removed last', () => {
    assert.deepEqual(ROSTER_ORDER, ['WAITING', 'RECONNECTING', 'IN_ROOM', 'NOT_ARRIVED', 'LEFT', 'REMOVED']);
    const sorted = sortRoster([
        {key: 'e', state: 'REMOVED', name: 'Eli'},
        {key: 'c', state: 'IN_ROOM', name: 'cleo'},
        {key: 'a', state: 'IN_ROOM', name: 'Ana'},
        {key: 'f', state: 'LEFT', name: 'Fay'},
        {key: 'd', state: 'NOT_ARRIVED', name: 'Dev'},
        {key: 'b', state: 'WAITING', name: 'Ben'},
        {key: 'g', state: 'RECONNECTING', name: 'Gus'},
        {key: 'x', state: 'PRESENT', name: 'After the end'},
    ]);
    assert.deepEqual(sorted.map((e) => e.key), ['b', 'g', 'a', 'c', 'd', 'f', 'e', 'x']);
});

test('two patients with the same name keep one order, by key', () => {
    const order = sortRoster([{key: 'p2', state: 'IN_ROOM', name: 'Ana'}, {key: 'p1', state: 'IN_ROOM', name: 'Ana'}]);
    assert.deepEqual(order.map((e) => e.key), ['p1', 'p2']);
});

test('the room\'s word wins over the sheet\'s: waiting, reconnecting and in the room come from the snapshot', () => {
    const presence = roomPresence({
        waiting: [{participantId: 'w', patientId: 'pat-w'}],
        participants: [{participantId: 'f', role: 'FACILITATOR'}, {participantId: 'r', patientId: 'pat-r',
            reconnecting: true}, {participantId: 'i', patientId: 'pat-i', reconnecting: false}],
    });
    assert.equal(rosterState(line('pat-w', 'LEFT'), presence), 'WAITING');
    assert.equal(rosterState(line('pat-r', 'IN_ROOM'), presence), 'RECONNECTING');
    assert.equal(rosterState(line('pat-i', 'NOT_ARRIVED'), presence), 'IN_ROOM');
    assert.equal(rosterState(line('pat-n', 'NOT_ARRIVED'), presence), 'NOT_ARRIVED');
    assert.equal(rosterState(line('pat-l', 'LEFT'), presence), 'LEFT');
});

test('a patient this page removed is REMOVED until the room has them again', () => {
    const removed = new Map([['pat-x', {at: 't9', barred: false}], ['pat-y', {at: 't8', barred: true}]]);
    const empty = roomPresence({waiting: [], participants: []});
    assert.equal(rosterState(line('pat-x', 'IN_ROOM'), empty, removed), 'REMOVED', 'the sheet lags behind');
    assert.equal(rosterWords(line('pat-x', 'LEFT'), 'REMOVED', time, removed), 'Removed at [t9]');
    assert.equal(rosterWords(line('pat-y', 'LEFT'), 'REMOVED', time, removed), 'Removed and barred at [t8]');
    const back = roomPresence({waiting: [{participantId: 'w', patientId: 'pat-x'}], participants: []});
    assert.equal(rosterState(line('pat-x', 'LEFT'), back, removed), 'WAITING');
});

test('words: the sheet\'s live words with their time where it agrees, plain words where the room is ahead', () => {
    assert.equal(rosterWords(line('p', 'IN_ROOM'), 'IN_ROOM', time), 'In the room since [t1]');
    assert.equal(rosterWords(line('p', 'NOT_ARRIVED'), 'IN_ROOM', time), 'In the room');
    assert.equal(rosterWords(line('p', 'IN_ROOM'), 'RECONNECTING', time), 'Reconnecting');
    assert.equal(rosterWords(line('p', 'RECONNECTING'), 'RECONNECTING', time), 'Reconnecting since [t1]');
    assert.equal(rosterWords(line('p', 'LEFT'), 'WAITING', time), 'Waiting to be let in');
    assert.equal(rosterWords(line('p', 'NOT_ARRIVED'), 'NOT_ARRIVED', time), 'Not here yet');
    assert.equal(rosterWords({patientId: 'p', status: 'PRESENT'}, 'PRESENT', time), 'Present');
    assert.equal(rosterState({patientId: 'p', status: 'PARTIAL', liveState: null}), 'PARTIAL');
});
