// Consent in words and decisions (src/main/webapp/app/js/consent.js): what the page asks before a join, the words
// for each state, a text's paragraphs.
import test from 'node:test';
import assert from 'node:assert/strict';
import {askedWhy, canWithdraw, consentStep, paragraphs, pendingTexts, stateWords, unpublished}
    from '../../main/webapp/app/js/consent.js';

const text = (kind, version) => ({id: `${kind}-${version}`, kind, version, title: `T ${kind}`, body: 'B'});
const program = (...kinds) => ({programId: 'p1', programName: 'Evening IOP',
    satisfied: kinds.every((k) => k.state === 'ACCEPTED'), kinds});

test('all accepted: the join goes on; nothing to ask', () => {
    const answer = {programs: [program({kind: 'TELEHEALTH_CONSENT', state: 'ACCEPTED', text: text('T', 1),
        acceptedVersion: 1}, {kind: 'GROUP_AGREEMENT', state: 'ACCEPTED', text: text('G', 1), acceptedVersion: 1})]};
    assert.deepEqual(consentStep(answer), {action: 'join', texts: []});
    assert.deepEqual(consentStep({programs: []}), {action: 'join', texts: []}, 'a session without a program answer');
});

test('texts still to accept are asked, with why; accepted ones are not shown again', () => {
    const answer = {programs: [program(
        {kind: 'TELEHEALTH_CONSENT', state: 'ACCEPTED', text: text('T', 1), acceptedVersion: 1},
        {kind: 'GROUP_AGREEMENT', state: 'NEW_VERSION', text: text('G', 2), acceptedVersion: 1})]};
    const step = consentStep(answer);
    assert.equal(step.action, 'ask');
    assert.equal(step.programId, 'p1');
    assert.deepEqual(step.texts.map((t) => t.id), ['G-2']);
    assert.match(askedWhy(step.texts[0]), /changed since you accepted version 1.*version 2/);
    assert.match(askedWhy({state: 'WITHDRAWN'}), /withdrew/);
    assert.match(askedWhy({state: 'NOT_ACCEPTED'}), /first group/);
});

test('a program without a published text cannot be joined by anything the patient does', () => {
    const answer = {programs: [program({kind: 'TELEHEALTH_CONSENT', state: 'NOT_PUBLISHED', text: null},
        {kind: 'GROUP_AGREEMENT', state: 'NOT_ACCEPTED', text: text('G', 1)})]};
    assert.equal(unpublished(answer.programs[0]), true);
    assert.deepEqual(consentStep(answer), {action: 'blocked', texts: []});
    assert.deepEqual(pendingTexts(answer.programs[0]).map((t) => t.id), ['G-1']);
});

test('each state in words, with the version and when', () => {
    const format = (instant) => `at ${instant}`;
    assert.equal(stateWords({state: 'ACCEPTED', acceptedVersion: 2, decidedAt: 'T1'}, {format}),
        'Accepted version 2 on at T1');
    assert.equal(stateWords({state: 'WITHDRAWN', decidedAt: 'T2'}, {format}), 'Withdrawn on at T2');
    assert.equal(stateWords({state: 'NEW_VERSION', acceptedVersion: 2, text: {version: 3}}),
        'Needs version 3 (accepted version 2)');
    assert.equal(stateWords({state: 'NOT_PUBLISHED'}), 'No text published');
    assert.equal(stateWords({state: 'NOT_ACCEPTED'}), 'Not accepted yet');
});

test('withdrawing is offered only where something is accepted', () => {
    assert.equal(canWithdraw(program({kind: 'TELEHEALTH_CONSENT', state: 'NEW_VERSION', acceptedVersion: 1})), true);
    assert.equal(canWithdraw(program({kind: 'TELEHEALTH_CONSENT', state: 'WITHDRAWN', acceptedVersion: null})),
        false);
});

test('a body is shown as its paragraphs: blank lines separate them', () => {
    assert.deepEqual(paragraphs('One.\n\nTwo,\nstill two.\n  \n\nThree.'), ['One.', 'Two,\nstill two.', 'Three.']);
    assert.deepEqual(paragraphs(''), []);
    assert.deepEqual(paragraphs(undefined), []);
});
