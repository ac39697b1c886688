// The facilitator page's small rules (facilitator-signoff.js, facilitator-room.js), without the DOM: which lines may
// be excused at sign-off, what a reason must be, and how a removal is worded.
import test from 'node:test';
import assert from 'node:assert/strict';
import {excusable, reasonOf} from '../../main/webapp/app/js/facilitator-signoff.js';
import {removalWords} from '../../main/webapp/app/js/facilitator-room.js';

const ended = {signed: false, sessionStatus: 'ENDED'};

test('absences and partial stays may be excused, with or without minutes; a credited line and a signed sheet not', () => {
    assert.equal(excusable(ended, {status: 'ABSENT', minutesPresent: 0}), true);
    assert.equal(excusable(ended, {status: 'PARTIAL', minutesPresent: 95}), true, 'left early for a documented reason');
    assert.equal(excusable(ended, {status: 'PRESENT', minutesPresent: 180}), false, 'an excuse would only take credit');
    assert.equal(excusable(ended, {status: 'EXCUSED', minutesPresent: 0}), false);
    assert.equal(excusable({signed: true, sessionStatus: 'ENDED'}, {status: 'ABSENT'}), false);
    assert.equal(excusable({signed: false, sessionStatus: 'LIVE'}, {status: null, liveState: 'LEFT'}), false);
    assert.equal(excusable({signed: false, sessionStatus: 'NOT_HELD'}, {status: 'NOT_HELD'}), false);
});

test('a reason is 1 to 300 characters on one line, trimmed, as the server takes it', () => {
    assert.equal(reasonOf('  Medical appointment, letter on file  '), 'Medical appointment, letter on file');
    assert.equal(reasonOf(''), null);
    assert.equal(reasonOf('   '), null);
    assert.equal(reasonOf(undefined), null);
    assert.equal(reasonOf('x'.repeat(300)), 'x'.repeat(300));
    assert.equal(reasonOf('x'.repeat(301)), null);
    assert.equal(reasonOf('two\nlines'), null);
});

test('removing from the room says they can come back; barring asks first, by name, and says what it does', () => {
    assert.deepEqual(removalWords('Ana', false),
        {done: 'Ana was removed from the room and can come back through the waiting room.'});
    const bar = removalWords('Ana', true);
    assert.match(bar.confirm, /^Remove Ana and bar them for this session\? Ana will not be able to come back/);
    assert.equal(bar.yes, 'Remove and bar');
    assert.equal(bar.done, 'Ana was removed and barred for this session.');
});
