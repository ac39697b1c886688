// The patient's steps, the notices about time and the live region's rule
// (src/main/webapp/app/js/patient-steps.js). Times are pinned to en-US, in the group's zone.
import test from 'node:test';
import assert from 'node:assert/strict';
import {STEPS, announcer, facilitatorNote, goodbyeText, nextSession, nextSessionText, noSessionText, sessionNotice,
    stepStates, timeInZone, whenText} from '../../main/webapp/app/js/patient-steps.js';

const CHICAGO = 'America/Chicago';
// ICU 72-73 (Node 18-20) put a narrow no-break space before "PM"; later ones a plain space again.
const plain = (text) => (typeof text === 'string' ? text.replace(/\u202f/g, ' ') : text);
const en = {locale: 'en-US', readerZone: CHICAGO};
// Wednesday 2026-12-02, 18:00 in Chicago (UTC-6).
const session = {id: 's1', status: 'LIVE', startsAt: '2026-12-03T00:00:00Z', endsAt: '2026-12-03T03:00:00Z',
    timeZone: CHICAGO};

test('the steps come in order, each current only once the ones before it are done', () => {
    assert.deepEqual(STEPS.map((s) => s.id), ['devices', 'location', 'mode', 'consent', 'checkin', 'waiting',
        'room']);
    assert.deepEqual(stepStates({}), {current: 'devices', states: {devices: 'current', location: 'upcoming',
        mode: 'upcoming', consent: 'upcoming', checkin: 'upcoming', waiting: 'upcoming', room: 'upcoming'}});
    assert.equal(stepStates({located: true}).current, 'devices', 'a location typed first still waits for the check');
    assert.deepEqual(stepStates({checked: true}).states, {devices: 'done', location: 'current', mode: 'upcoming',
        consent: 'upcoming', checkin: 'upcoming', waiting: 'upcoming', room: 'upcoming'});
    assert.equal(stepStates({checked: true, located: true}).current, 'mode');
    assert.equal(stepStates({checkingIn: true}).current, 'devices', 'the check-in comes after the steps before it');
    assert.deepEqual(stepStates({checked: true, located: true, checkingIn: true}).states, {devices: 'done',
        location: 'done', mode: 'done', consent: 'done', checkin: 'current', waiting: 'upcoming', room: 'upcoming'});
    assert.deepEqual(stepStates({checked: true, located: true, consenting: true}).states, {devices: 'done',
        location: 'done', mode: 'done', consent: 'current', checkin: 'upcoming', waiting: 'upcoming',
        room: 'upcoming'}, 'the consent comes after how one joins and before the check-in');
    assert.equal(stepStates({consenting: true}).current, 'devices');
    assert.deepEqual(stepStates({phase: 'waiting', checked: true, located: true}).states, {devices: 'done',
        location: 'done', mode: 'done', consent: 'done', checkin: 'done', waiting: 'current', room: 'upcoming'});
    assert.equal(stepStates({phase: 'room'}).states.waiting, 'done');
    assert.deepEqual(stepStates({phase: 'out'}), {current: null, states: {devices: 'done', location: 'done',
        mode: 'done', consent: 'done', checkin: 'done', waiting: 'done', room: 'done'}});
});

test('late: the group started at its time in its zone, and the patient can still join', () => {
    const late = sessionNotice(session, {...en, now: new Date('2026-12-03T00:12:00Z')});
    assert.deepEqual({...late, text: plain(late.text)}, {kind: 'late', text: 'The group started at 6:00 PM — you can still join.'});
    const early = sessionNotice(session, {...en, now: new Date('2026-12-02T22:00:00Z')});
    assert.equal(early.kind, 'later');
    assert.match(plain(early.text), /^The group starts at 6:00 PM\. /);
    assert.equal(sessionNotice(session, {...en, now: new Date('2026-12-03T03:00:00Z')}), null, 'over');
    assert.equal(sessionNotice(null), null);
});

test('a reader in another zone sees the group\'s time with the zone named', () => {
    assert.equal(plain(timeInZone(session.startsAt, CHICAGO, {locale: 'en-US', readerZone: 'America/New_York'})),
        '6:00 PM CST');
    assert.equal(plain(timeInZone(session.startsAt, CHICAGO, en)), '6:00 PM');
});

test('the next session: the first scheduled one after now, other than this one, said as today, tomorrow or a day',
    () => {
        const now = new Date('2026-12-03T03:30:00Z'); // 9:30 PM Wednesday in Chicago
        const thursday = {id: 's2', status: 'SCHEDULED', startsAt: '2026-12-04T00:00:00Z', timeZone: CHICAGO};
        const monday = {id: 's3', status: 'SCHEDULED', startsAt: '2026-12-08T00:00:00Z', timeZone: CHICAGO};
        const cancelled = {id: 's4', status: 'CANCELLED', startsAt: '2026-12-03T12:00:00Z', timeZone: CHICAGO};
        assert.equal(nextSession([monday, thursday, cancelled, session], {now, exceptId: 's1'}), thursday);
        assert.equal(nextSession([], {now}), null);
        assert.equal(plain(nextSessionText(thursday, {...en, now})), 'Your next group is tomorrow at 6:00 PM.');
        assert.equal(plain(whenText(monday.startsAt, CHICAGO, {...en, now})), 'Monday, December 7 at 6:00 PM');
        assert.equal(plain(whenText(thursday.startsAt, CHICAGO, {...en, now: new Date('2026-12-03T15:00:00Z')})),
            'today at 6:00 PM');
        assert.equal(plain(goodbyeText(thursday, {...en, now})),
            'The group has ended. Thank you for coming. Your next group is tomorrow at 6:00 PM.');
        assert.equal(plain(goodbyeText(null)), 'The group has ended. Thank you for coming.');
        assert.equal(plain(noSessionText(monday, {...en, now})),
            'There is no group session for you right now. Your next group is Monday, December 7 at 6:00 PM.');
        assert.match(noSessionText(null), /please call your program/);
    });

test('the facilitator: either way in the waiting room, only when away in the group', () => {
    assert.match(facilitatorNote('waiting', false), /^Your facilitator has not joined yet/);
    assert.match(facilitatorNote('waiting', true), /^Your facilitator is here/);
    assert.equal(facilitatorNote('room', false), 'Your facilitator is not in the room at the moment.');
    assert.equal(facilitatorNote('room', true), '', 'cleared when they come back');
});

test('the live region says each message once, not at every render; forgotten, it may say it again', () => {
    const said = [];
    const region = announcer((text) => said.push(text));
    assert.equal(region.announce('Your connection is unstable.'), true);
    assert.equal(region.announce('Your connection is unstable.'), false);
    region.announce('');
    region.announce(null);
    region.announce('Your connection is stable again.');
    region.forget('something else');
    region.announce('Your connection is stable again.');
    region.forget();
    region.announce('Your connection is stable again.');
    assert.deepEqual(said, ['Your connection is unstable.', 'Your connection is stable again.',
        'Your connection is stable again.']);
});
