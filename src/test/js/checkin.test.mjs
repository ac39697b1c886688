import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NOTE_MAX, SCALE, checkInBody, flagWords, refusalWords, roundByPatient, roundWords, shouldAsk, trendGeometry,
    trendText} from '../../main/webapp/app/js/checkin.js';

test('the patient is asked only when the server says so and they did not skip it', () => {
    assert.equal(shouldAsk({ask: true}), true);
    assert.equal(shouldAsk({ask: true}, true), false, 'skipped once: not asked again on this page');
    assert.equal(shouldAsk({ask: false}), false);
    assert.equal(shouldAsk(null), false, 'no prompt (it failed to load): straight to the waiting room');
});

test('a check-in needs a mood, a craving only where asked, a medication answer; a blank note is none', () => {
    assert.deepEqual(SCALE, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(checkInBody('s1', {mood: '2', medication: 'TAKEN', note: '   '}),
        {body: {sessionId: 's1', mood: 2, medication: 'TAKEN'}, errors: {}});
    assert.deepEqual(checkInBody('s1', {mood: '0', craving: '10', medication: 'NOT_PRESCRIBED', note: ' Hi '},
        {asksCraving: true}).body, {sessionId: 's1', mood: 0, craving: 10, medication: 'NOT_PRESCRIBED', note: 'Hi'});
    assert.equal(checkInBody('s1', {mood: '5', craving: '7', medication: 'TAKEN'}).body.craving, undefined,
        'a craving is never sent where the program does not ask it');
    const missing = checkInBody('s1', {}, {asksCraving: true});
    assert.equal(missing.body, null);
    assert.deepEqual(Object.keys(missing.errors).sort(), ['craving', 'medication', 'mood']);
    assert.match(checkInBody('s1', {mood: '11', medication: 'TAKEN'}).errors.mood, /0 to 10/);
});

test('the note is one line of plain text, at most 280 characters', () => {
    assert.equal(NOTE_MAX, 280);
    assert.ok(checkInBody('s1', {mood: 5, medication: 'TAKEN', note: 'x'.repeat(280)}).body);
    assert.match(checkInBody('s1', {mood: 5, medication: 'TAKEN', note: 'x'.repeat(281)}).errors.note, /280/);
    assert.match(checkInBody('s1', {mood: 5, medication: 'TAKEN', note: 'two\nlines'}).errors.note, /one line/);
});

test('a refused check-in: already made or closed goes on to the waiting room; others can be tried again', () => {
    assert.deepEqual(refusalWords('CHECK_IN_EXISTS'), {done: true, text: 'You already checked in for this session.'});
    assert.equal(refusalWords('CHECK_IN_CLOSED').done, true);
    assert.equal(refusalWords('CHECK_IN_NOT_ASKED').done, true);
    assert.equal(refusalWords('VALIDATION_FAILED').done, false);
    assert.match(refusalWords('INTERNAL_ERROR').text, /skip/);
});

test('the round says the flags first, then the answers and the note', () => {
    const low = {patientId: 'p1', mood: 2, craving: 8, medication: 'NOT_TAKEN', note: 'Rough day', lowMood: true,
        highCraving: true};
    assert.deepEqual(flagWords(low), ['Low mood', 'High craving']);
    assert.equal(roundWords(low),
        'Low mood; High craving; mood 2/10; craving 8/10; did not take their medication; note: “Rough day”');
    assert.equal(roundWords({mood: 7, craving: null, medication: 'NOT_PRESCRIBED', lowMood: false}),
        'mood 7/10; no medication prescribed');
    assert.equal(roundWords(null), '—');
    assert.equal(roundByPatient([low]).get('p1'), low);
    assert.equal(roundByPatient(undefined).size, 0);
});

test('the trend: one x per session oldest left, 10 at the top, craving only where answered', () => {
    const points = [{date: '2026-03-02', mood: 2, craving: 8, lowMood: true, highCraving: true},
        {date: '2026-03-04', mood: 5, craving: null}, {date: '2026-03-09', mood: 10, craving: 0}];
    const g = trendGeometry(points, {width: 100, height: 120, left: 0, right: 0, top: 10, bottom: 10});
    assert.deepEqual(g.mood.map((p) => p.x), [0, 50, 100]);
    assert.deepEqual(g.mood.map((p) => p.y), [90, 60, 10]);
    assert.deepEqual(g.mood.map((p) => p.flagged), [true, false, false]);
    assert.deepEqual(g.craving.map((p) => [p.x, p.y, p.flagged]), [[0, 30, true], [100, 110, false]]);
    assert.equal(g.path(g.mood), 'M0.0,90.0 L50.0,60.0 L100.0,10.0');
    assert.deepEqual(g.ticks.map((t) => t.y), [110, 60, 10]);
    assert.equal(trendGeometry([{mood: 4}], {width: 100, left: 0, right: 0}).mood[0].x, 50, 'one point: centred');
    assert.equal(trendText(points), '2026-03-02: mood 2 (low), craving 8 (high); 2026-03-04: mood 5; '
        + '2026-03-09: mood 10, craving 0');
    assert.equal(trendText([]), 'No check-ins yet.');
});

test('the roster column: its words and the flags as a data attribute', async () => {
    const {checkInCell} = await import('../../main/webapp/app/js/checkin-round.js');
    assert.deepEqual(checkInCell({mood: 2, medication: 'TAKEN', lowMood: true}),
        {text: 'Low mood; mood 2/10; took their medication', flags: 'low-mood'});
    assert.deepEqual(checkInCell({mood: 6, craving: 9, medication: 'TAKEN', highCraving: true}).flags, 'high-craving');
    assert.deepEqual(checkInCell(undefined), {text: '—', flags: ''});
});
