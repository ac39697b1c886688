// Amendments on the pages (src/main/webapp/app/js/amendment.js), without a DOM: both values shown, the form read into
// the API's body, and a refusal in the server's words.
import test from 'node:test';
import assert from 'node:assert/strict';
import {AMENDABLE_STATUSES, creditFor, lineWords, needsOverride, needsSplit, problemWords, readAmendment, rowWords,
    wasWords} from '../../main/webapp/app/js/amendment.js';

const WORDS = {PRESENT: 'Present', PARTIAL: 'Partial', ABSENT: 'Absent', EXCUSED: 'Excused'};
const status = (s) => WORDS[s] ?? s;
const minutes = (n) => `${n} min`;

// A signed line of a 30-minute session (credit from 23): absent at sign-off.
const LINE = {recordId: 'r-1', status: 'ABSENT', minutesPresent: 0, credited: false, scheduledMinutes: 30,
    minutesByModality: {AUDIO_VIDEO: 0, AUDIO_ONLY: 0, NONE: 0},
    original: {status: 'ABSENT', minutesPresent: 0, credited: false}, amendments: []};

const form = (values) => ({status: 'PRESENT', minutes: '25', audioVideo: '20', audioOnly: '5', noMedia: '0',
    credited: true, reason: 'Joined by phone', creditOverrideReason: '', ...values});

test('an amended value shows the signed one beside it; an unchanged one shows alone', () => {
    assert.equal(wasWords('PRESENT', 'ABSENT', status), 'Present (was Absent)');
    assert.equal(wasWords('PRESENT', 'PRESENT', status), 'Present');
    assert.equal(wasWords(12, undefined, minutes), '12 min');
    const amended = {...LINE, status: 'PRESENT', minutesPresent: 25, credited: true,
        amendments: [{reason: 'First'}, {reason: 'Joined by phone', creditOverrideReason: null}]};
    assert.deepEqual(lineWords(amended, status, minutes), {status: 'Present (was Absent)',
        minutes: '25 min (was 0 min)', credited: 'Yes (was No)', reason: 'Joined by phone', overrideReason: null});
    assert.deepEqual(lineWords(LINE, status, minutes), {status: 'Absent', minutes: '0 min', credited: 'No',
        reason: null, overrideReason: null});
});

test('a report row shows its original figures and its latest amendment', () => {
    const row = {status: 'PRESENT', minutesPresent: 11, credited: true, originalStatus: 'PARTIAL',
        originalMinutes: 11, originalCredited: false,
        amendment: {reason: 'Room log', creditOverrideReason: 'Director agreed'}};
    assert.deepEqual(rowWords(row, status, minutes), {status: 'Present (was Partial)', minutes: '11 min',
        credited: 'Yes (was No)', reason: 'Room log', overrideReason: 'Director agreed'});
    assert.equal(rowWords({...row, amendment: null}, status, minutes).reason, null);
});

test('only the four statuses of a held session are offered, and presence goes with credit', () => {
    assert.deepEqual([...AMENDABLE_STATUSES], ['PRESENT', 'PARTIAL', 'ABSENT', 'EXCUSED']);
    assert.equal(creditFor('PRESENT'), true);
    assert.equal(creditFor('PARTIAL'), false);
    assert.equal(creditFor('EXCUSED'), false);
});

test('the split is asked for when the minutes change to some, the override when crediting below the rule', () => {
    assert.equal(needsSplit(25, LINE), true);
    assert.equal(needsSplit(0, LINE), false, 'unchanged');
    assert.equal(needsSplit(0, {...LINE, minutesPresent: 40}), false, '0 minutes split only one way');
    assert.equal(needsOverride(true, 22, 23), true);
    assert.equal(needsOverride(true, 23, 23), false);
    assert.equal(needsOverride(false, 5, 23), false);
});

test('a valid form becomes the API body with the split', () => {
    const {body, errors} = readAmendment(form({}), LINE, 23);
    assert.deepEqual(errors, []);
    assert.deepEqual(body, {status: 'PRESENT', minutes: 25, credited: true, reason: 'Joined by phone',
        minutesByModality: {AUDIO_VIDEO: 20, AUDIO_ONLY: 5, NONE: 0}});
});

test('crediting below the rule sends the override reason, and asks for one', () => {
    const values = form({minutes: '11', audioVideo: '11', audioOnly: '0'});
    assert.deepEqual(readAmendment(values, LINE, 23).errors.map((e) => e.field), ['override']);
    const {body} = readAmendment({...values, creditOverrideReason: ' Director agreed '}, LINE, 23);
    assert.equal(body.creditOverrideReason, 'Director agreed');
});

test('the form names what to fix: minutes, a split that does not add up, a missing reason', () => {
    assert.deepEqual(readAmendment(form({minutes: '31'}), LINE, 23).errors.map((e) => e.field), ['minutes']);
    assert.deepEqual(readAmendment(form({minutes: '-1'}), LINE, 23).errors.map((e) => e.field), ['minutes']);
    assert.deepEqual(readAmendment(form({audioOnly: '4'}), LINE, 23).errors.map((e) => e.field), ['split']);
    assert.deepEqual(readAmendment(form({reason: '  '}), LINE, 23).errors.map((e) => e.field), ['reason']);
    assert.deepEqual(readAmendment(form({status: 'NOT_HELD'}), LINE, 23).errors.map((e) => e.field), ['status']);
    const unchanged = readAmendment(form({status: 'EXCUSED', minutes: '0', credited: false}), LINE, 23);
    assert.equal(unchanged.body.minutesByModality, undefined, 'no split when the minutes stay');
});

test('a refusal reads in the server\'s words, field by field', () => {
    const refusal = {message: 'The status PRESENT does not agree with the minutes and the credit',
        errors: [{field: 'body.credited', message: 'must be true for PRESENT: present without credit is PARTIAL'},
            {field: 'body.other', message: 'odd'}]};
    assert.equal(problemWords(refusal), 'The status PRESENT does not agree with the minutes and the credit.'
        + ' Credited: must be true for PRESENT: present without credit is PARTIAL. body.other: odd.');
    assert.equal(problemWords({message: 'The server could not be reached.'}), 'The server could not be reached.');
});
