// A membership's state and remaining actions in words (src/main/webapp/app/js/admin/membership-words.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import {membershipActions, membershipState} from '../../main/webapp/app/js/admin/membership-words.js';

const TODAY = '2026-03-10';
const base = {fromDate: '2026-03-02', toDate: null, endReason: null, voidedAt: null, voidReason: null};

test('a voided membership says so with its reason and takes no further change', () => {
    const voided = {...base, voidedAt: '2026-03-09T15:00:00Z', voidReason: 'Wrong patient'};
    assert.deepEqual(membershipState(voided, TODAY), {key: 'voided', text: 'Voided — Wrong patient'});
    assert.deepEqual(membershipActions(voided), []);
});

test('ending and voiding are told apart; an ended membership may still be voided, not ended again', () => {
    const ended = {...base, toDate: '2026-03-05', endReason: 'Moved to the morning group'};
    assert.deepEqual(membershipState(ended, TODAY), {key: 'ended', text: 'Ended — Moved to the morning group'});
    assert.deepEqual(membershipActions(ended), ['void']);
    assert.equal(membershipState({...base, toDate: '2026-03-01'}, TODAY).key, 'called-off');
    assert.deepEqual(membershipState(base, TODAY), {key: 'active', text: 'Active'});
    assert.deepEqual(membershipActions(base), ['end', 'void']);
    assert.equal(membershipState({...base, fromDate: '2026-03-16'}, TODAY).text, 'Starts later');
    assert.equal(membershipState({...base, toDate: '2026-03-20'}, TODAY).key, 'active');
});
