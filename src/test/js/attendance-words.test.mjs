// The attendance words of the staff pages (src/main/webapp/app/js/attendance-words.js), without a DOM.
import test from 'node:test';
import assert from 'node:assert/strict';
import {STATUS_WORDS, flagText, flagWords, lineStatusWords, liveWords, modalityText, statusWords}
    from '../../main/webapp/app/js/attendance-words.js';

const time = (instant) => `<${instant}>`;

test('every status the server sends has words; LATE and LEFT_EARLY are not statuses any more', () => {
    for (const status of ['PRESENT', 'PARTIAL', 'ABSENT', 'EXCUSED', 'NOT_HELD']) {
        assert.ok(STATUS_WORDS[status], status);
    }
    assert.equal(STATUS_WORDS.LATE, undefined);
    assert.equal(STATUS_WORDS.LEFT_EARLY, undefined);
    assert.equal(statusWords('SOMETHING_NEW'), 'something new');
});

test('a live line says where the patient is, never absent or partial', () => {
    assert.equal(liveWords({liveState: 'NOT_ARRIVED'}, time), 'Not here yet');
    assert.equal(liveWords({liveState: 'IN_ROOM', liveSince: 'a'}, time), 'In the room since <a>');
    assert.equal(liveWords({liveState: 'RECONNECTING', liveSince: 'b'}, time), 'Reconnecting since <b>');
    assert.equal(liveWords({liveState: 'LEFT', liveSince: 'c'}, time), 'Left at <c>');
    assert.equal(liveWords({status: 'PRESENT'}, time), null);
    assert.equal(lineStatusWords({status: null, liveState: 'NOT_ARRIVED'}, time), 'Not here yet');
    assert.equal(lineStatusWords({status: 'PARTIAL', liveState: null}, time), 'Partial');
    assert.equal(lineStatusWords({}, time), '—');
});

test('the flags are short words, each only when it applies, independent of each other', () => {
    const all = {lateMinutes: 12, late: true, leftEarlyMinutes: 25, leftEarly: true, gapCount: 2, gapMinutes: 3,
        audioOnlyPercent: 40};
    assert.deepEqual(flagWords(all), ['late 12 min', 'left 25 min early', '2 gaps, 3 min', 'audio only 40%']);
    assert.equal(flagText(all), 'late 12 min; left 25 min early; 2 gaps, 3 min; audio only 40%');
    // Under the thresholds the figures are there but nothing is flagged.
    assert.deepEqual(flagWords({lateMinutes: 5, late: false, leftEarlyMinutes: 0, leftEarly: false, gapCount: 0,
        gapMinutes: 0, audioOnlyPercent: 0}), []);
    assert.deepEqual(flagWords({late: false, leftEarly: true, leftEarlyMinutes: 30, gapCount: 1, gapMinutes: 0}),
        ['left 30 min early', '1 gap, 0 min']);
    // Never admitted: the figures are absent (JSON-B leaves out nulls).
    assert.equal(flagText({late: false, leftEarly: false, gapCount: 0, gapMinutes: 0}), '—');
    assert.equal(flagText(undefined), '—');
});

test('the minutes by modality name only those above 0, a dash when there are none', () => {
    const minutes = (n) => `${n} min`;
    assert.equal(modalityText({AUDIO_VIDEO: 100, AUDIO_ONLY: 0, NONE: 5}, minutes), 'video 100 min, no media 5 min');
    assert.equal(modalityText({AUDIO_VIDEO: 0, AUDIO_ONLY: 0, NONE: 0}, minutes), '—');
    assert.equal(modalityText(undefined, minutes), '—');
});
