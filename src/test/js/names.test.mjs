// How the room pages name people (room-client.js's roomLabels, personName, nameIn): from the names the room sends,
// by participant, never from the order a page saw people. DOM-free.
import test from 'node:test';
import assert from 'node:assert/strict';
import {nameIn, personName, roomLabels} from '../../main/webapp/app/js/room-client.js';
import {participant, room} from './fakes.mjs';

const dana = participant('fac-1', {role: 'FACILITATOR', name: 'Dana Reyes'});
const ana = participant('pat-1', {name: 'Ana', recordName: 'Ana Alvarez (test)', patientId: 'rec-ana'});
const ben = participant('pat-2', {name: 'Ben', recordName: 'Benjamin Brooks (test)', patientId: 'rec-ben'});

function facilitatorRoom({present = [ana], waiting = [ben]} = {}) {
    const r = room('fac-1', present);
    r.you = dana;
    r.participants = [dana, ...present];
    r.waiting = waiting;
    return r;
}

test('a facilitator\'s page names the waiting and the seated by chosen name, itself "(you)", with their records',
    () => {
        const labels = roomLabels(facilitatorRoom(), 'fac-1');
        assert.deepEqual(labels.get('pat-2'), {name: 'Ben', tile: 'Ben', record: 'Benjamin Brooks (test)',
            patientId: 'rec-ben'});
        assert.equal(labels.get('pat-1').name, 'Ana');
        assert.equal(labels.get('fac-1').tile, 'Dana Reyes (you)');
        assert.equal(labels.get('fac-1').record, null);
        assert.equal(`Admit ${labels.get('pat-2').name}`, 'Admit Ben');
    });

test('labels follow the participant, not the order: the same after someone rejoins and the list is reordered',
    () => {
        const before = roomLabels(facilitatorRoom({present: [ana, ben], waiting: []}), 'fac-1');
        // Ana dropped and came back (the same participant), and now arrives after Ben.
        const after = roomLabels(facilitatorRoom({present: [ben, {...ana, reconnecting: false}], waiting: []}),
            'fac-1');
        for (const id of ['pat-1', 'pat-2', 'fac-1']) {
            assert.deepEqual(after.get(id), before.get(id), id);
        }
    });

test('a patient\'s page shows other patients\' chosen names and the facilitator\'s name; no record reaches it',
    () => {
        const seenByAna = room('pat-1', [dana, {...ben, recordName: undefined, patientId: undefined}]);
        seenByAna.you = {...seenByAna.you, name: 'Ana'};
        seenByAna.participants[0] = seenByAna.you;
        const labels = roomLabels(seenByAna, 'pat-1');
        assert.equal(labels.get('pat-1').tile, 'Ana (you)');
        assert.equal(labels.get('fac-1').tile, 'Dana Reyes');
        assert.equal(labels.get('pat-2').tile, 'Ben');
        assert.equal(labels.get('pat-2').record, null);
        assert.equal(nameIn(seenByAna, 'fac-1'), 'Dana Reyes');
        assert.equal(nameIn(seenByAna, 'nobody'), null);
    });

test('two patients with one chosen name are told apart by their records where the page has them', () => {
    const sam1 = participant('pat-3', {name: 'Sam', recordName: 'Sam Ortiz (test)', patientId: 'rec-3'});
    const sam2 = participant('pat-4', {name: 'Sam', recordName: 'Samantha Lee (test)', patientId: 'rec-4'});
    const labels = roomLabels(facilitatorRoom({present: [sam1], waiting: [sam2]}), 'fac-1');
    assert.equal(labels.get('pat-3').name, 'Sam (Sam Ortiz (test))');
    assert.equal(labels.get('pat-4').name, 'Sam (Samantha Lee (test))');
    const patientSees = roomLabels(room('pat-9', [{...sam1, recordName: undefined}, {...sam2, recordName: undefined}]),
        'pat-9');
    assert.equal(patientSees.get('pat-3').name, 'Sam', 'a patient\'s page has no records to tell them apart by');
});

test('without a name from the server, the role names the person; blank names count as none', () => {
    assert.equal(personName(participant('x', {role: 'FACILITATOR'})), 'Facilitator');
    assert.equal(personName(participant('y', {name: '   '})), 'Patient');
    assert.equal(personName(null), 'Someone');
    const labels = roomLabels(room('me', [participant('y')]), 'me');
    assert.equal(labels.get('me').tile, 'You');
    assert.equal(labels.get('y').tile, 'Patient');
    assert.deepEqual([...roomLabels(null, 'me').keys()], []);
});
