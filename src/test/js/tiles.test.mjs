// Which tile the patient's phone shows large (src/main/webapp/app/js/tiles.js): the one speaking, else the
// facilitator, held for a moment so that it does not jump at every breath.
import test from 'node:test';
import assert from 'node:assert/strict';
import {SpeakerTracker, featuredTile} from '../../main/webapp/app/js/tiles.js';
import {participant} from './fakes.mjs';

const ME = 'me';
// A full room: the facilitator and twelve patients, oneself among them.
const fullRoom = [participant('fac', {role: 'FACILITATOR'}), participant(ME),
    ...Array.from({length: 11}, (_, i) => participant(`p${i + 1}`))];

test('the speaker is large; nobody speaking, the facilitator; never oneself; nobody to feature, none', () => {
    assert.equal(featuredTile(fullRoom, {speakerId: 'p4', youId: ME}), 'p4');
    assert.equal(featuredTile(fullRoom, {speakerId: null, youId: ME}), 'fac');
    assert.equal(featuredTile(fullRoom, {speakerId: ME, youId: ME}), 'fac', 'one knows when one speaks');
    assert.equal(featuredTile(fullRoom, {speakerId: 'gone', youId: ME}), 'fac', 'a speaker who left is not shown');
    const noFacilitator = fullRoom.filter((p) => p.role !== 'FACILITATOR');
    assert.equal(featuredTile(noFacilitator, {youId: ME}), null, 'an even grid');
    assert.equal(featuredTile([participant(ME)], {youId: ME}), null);
});

test('the loudest speaker above the speech level takes the large tile; noise does not', () => {
    const speakers = new SpeakerTracker();
    assert.equal(speakers.update(new Map([['p1', 0.01], ['p2', 0.02]]), 0), null, 'room noise');
    assert.equal(speakers.update(new Map([['p1', 0.3], ['p2', 0.1]]), 1000), 'p1');
});

test('a new speaker takes over only after the current one held it a moment, and quiet hands it back', () => {
    const speakers = new SpeakerTracker();
    speakers.update(new Map([['p1', 0.3]]), 0);
    assert.equal(speakers.update(new Map([['p1', 0.0], ['p2', 0.4]]), 500), 'p1', 'no jump at crosstalk');
    assert.equal(speakers.update(new Map([['p2', 0.4]]), 1600), 'p2');
    assert.equal(speakers.update(new Map([['p2', 0.0]]), 3000), 'p2', 'a pause is not the end of speaking');
    assert.equal(speakers.update(new Map([['p2', 0.0]]), 5600), null, 'quiet: the facilitator again');
    assert.equal(speakers.current, null);
});

test('a full room: one large and twelve small, four rows of three', () => {
    const featured = featuredTile(fullRoom, {speakerId: null, youId: ME});
    const small = fullRoom.filter((p) => p.participantId !== featured);
    assert.equal(small.length, 12);
    assert.equal(Math.ceil(small.length / 3), 4, 'four rows of three under the large tile');
});
