// The admin pages' DOM-free parts: where a server field error goes (field-paths.js), the pager (pager.js) and the
// first steps of an empty clinic (first-steps.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import {fieldCandidates, fieldPath, placeErrors, unplacedWords}
    from '../../main/webapp/app/js/admin/field-paths.js';
import {movedPage, pageInfo, pageWords} from '../../main/webapp/app/js/admin/pager.js';
import {firstSteps} from '../../main/webapp/app/js/admin/first-steps.js';

test('a body path loses its "body." and is tried from the most specific input outwards', () => {
    assert.equal(fieldPath('body.emergencyContact.phone'), 'emergencyContact.phone');
    assert.equal(fieldPath('toDate'), 'toDate');
    assert.equal(fieldPath('body'), '');
    assert.deepEqual(fieldCandidates('body.schedule.slots[0].lengthMinutes'),
        ['schedule.slots[0].lengthMinutes', 'schedule.slots[0]', 'schedule.slots', 'schedule']);
    assert.deepEqual(fieldCandidates('body.facilitatorIds[]'), ['facilitatorIds[]', 'facilitatorIds']);
    assert.deepEqual(fieldCandidates('body'), []);
});

test('errors go to the inputs the form has; the rest is kept to be said above the form', () => {
    const inputs = new Set(['name', 'schedule.slots[0].startTime', 'schedule.slots', 'emergencyContact.phone']);
    const {placed, unplaced} = placeErrors([
        {field: 'body.name', message: 'must not be blank'},
        {field: 'body.schedule.slots[0].startTime', message: 'must not be null'},
        {field: 'body.schedule.slots[1].lengthMinutes', message: 'must be at least 30'},
        {field: 'body.emergencyContact.phone', message: 'must be a phone number'},
        {field: 'body.name', message: 'must be at most 100 characters'},
        {field: 'body.capacity', message: 'must be at most 12'},
        {field: 'body', message: 'must not be null'},
    ], (name) => inputs.has(name));
    assert.deepEqual([...placed.entries()], [
        ['name', ['must not be blank', 'must be at most 100 characters']],
        ['schedule.slots[0].startTime', ['must not be null']],
        ['schedule.slots', ['must be at least 30']],
        ['emergencyContact.phone', ['must be a phone number']],
    ]);
    assert.deepEqual(unplaced.map(unplacedWords), ['capacity: must be at most 12', 'must not be null']);
    assert.deepEqual(placeErrors(undefined, () => true), {placed: new Map(), unplaced: []});
});

test('the pager says where a page stands and keeps moves within the pages there are', () => {
    const middle = pageInfo({page: 1, size: 20, total: 57, items: new Array(20)});
    assert.deepEqual([middle.from, middle.to, middle.hasPrevious, middle.hasNext, middle.lastPage], [21, 40, true,
        true, 2]);
    assert.equal(pageWords(middle, 'sites'), 'Showing 21–40 of 57 sites.');
    const last = pageInfo({page: 2, size: 20, total: 57, items: new Array(17)});
    assert.deepEqual([last.from, last.to, last.hasNext], [41, 57, false]);
    assert.equal(movedPage(last, 1), 2);
    assert.equal(movedPage(middle, -1), 0);
    assert.equal(movedPage(pageInfo({page: 0, size: 20, total: 0, items: []}), -1), 0);
    assert.equal(pageWords(pageInfo({page: 0, size: 20, total: 0, items: []}), 'sites'), 'No sites yet.');
    assert.equal(pageWords(pageInfo({page: 3, size: 20, total: 57, items: []}), 'sites'),
        'Nothing on this page; 57 sites in all.');
});

test('first steps: site, program, its consent texts, group, each ticked once done, the next the first not done', () => {
    const empty = firstSteps({sites: 0, programs: 0, consents: 0, groups: 0});
    assert.deepEqual(empty.steps.map((s) => [s.number, s.done, s.href]),
        [[1, false, 'sites.html#new'], [2, false, 'programs.html#new'], [3, false, 'consents.html'],
            [4, false, 'groups.html#new']]);
    assert.equal(empty.next, 'sites');
    const noTexts = firstSteps({sites: 1, programs: 2, consents: 0, groups: 0});
    assert.equal(noTexts.next, 'consents', 'a program without consent texts cannot hold a session');
    const half = firstSteps({sites: 1, programs: 2, consents: 1, groups: 0});
    assert.equal(half.next, 'groups');
    assert.equal(half.allDone, false);
    assert.equal(firstSteps({sites: 1, programs: 1, consents: 1, groups: 3}).allDone, true);
});
