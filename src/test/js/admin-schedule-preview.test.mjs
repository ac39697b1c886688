// The group page's preview of the next sessions (src/main/webapp/app/js/admin/schedule-preview.js), without a DOM:
// the server's wall-clock rule in the group's zone, across America/Chicago's daylight-saving changes.
import test from 'node:test';
import assert from 'node:assert/strict';
import {instantOf, isZone, nextSessions, offsetAt, sessionWords}
    from '../../main/webapp/app/js/admin/schedule-preview.js';

const CHICAGO = 'America/Chicago';
const iso = (ms) => new Date(ms).toISOString();
const MONDAY_18 = {dayOfWeek: 'MONDAY', startTime: '18:00', lengthMinutes: 180};

test('the zone offset follows Chicago: -6 h in winter, -5 h in summer', () => {
    assert.equal(offsetAt(Date.parse('2026-01-15T12:00:00Z'), CHICAGO), -6 * 3600_000);
    assert.equal(offsetAt(Date.parse('2026-07-15T12:00:00Z'), CHICAGO), -5 * 3600_000);
});

test('a weekly slot keeps its wall-clock time across the spring change (8 March 2026)', () => {
    const sessions = nextSessions([MONDAY_18], CHICAGO, Date.parse('2026-03-01T12:00:00Z'), 3);
    assert.deepEqual(sessions.map((s) => iso(s.startsAt)),
        ['2026-03-03T00:00:00.000Z', '2026-03-09T23:00:00.000Z', '2026-03-16T23:00:00.000Z']);
    assert.deepEqual(sessions.map((s) => s.localDate), ['2026-03-02', '2026-03-09', '2026-03-16']);
    assert.deepEqual(sessions.map((s) => s.localTime), ['18:00', '18:00', '18:00']);
    assert.equal(sessions[0].endsAt - sessions[0].startsAt, 180 * 60_000);
});

test('and across the autumn change (1 November 2026)', () => {
    const sessions = nextSessions([MONDAY_18], CHICAGO, Date.parse('2026-10-25T12:00:00Z'), 2);
    assert.deepEqual(sessions.map((s) => iso(s.startsAt)), ['2026-10-26T23:00:00.000Z', '2026-11-03T00:00:00.000Z']);
});

test('a start in the spring-forward gap moves forward by the gap; in the overlap the earlier instant counts', () => {
    assert.equal(iso(instantOf(2026, 3, 8, 2, 30, CHICAGO)), '2026-03-08T08:30:00.000Z');
    const gap = nextSessions([{dayOfWeek: 'SUNDAY', startTime: '02:30', lengthMinutes: 60}], CHICAGO,
        Date.parse('2026-03-07T12:00:00Z'), 2);
    assert.deepEqual(gap.map((s) => [s.localDate, s.localTime]), [['2026-03-08', '03:30'], ['2026-03-15', '02:30']]);
    assert.equal(iso(instantOf(2026, 11, 1, 1, 30, CHICAGO)), '2026-11-01T06:30:00.000Z');
});

test('sessions come in order across slots, only those starting after now, today included', () => {
    const slots = [{dayOfWeek: 'WEDNESDAY', startTime: '09:00', lengthMinutes: 180}, MONDAY_18];
    // Monday 2 March, 19:00 in Chicago: today's 18:00 has begun, so it is not next.
    const sessions = nextSessions(slots, CHICAGO, Date.parse('2026-03-03T01:00:00Z'), 3);
    assert.deepEqual(sessions.map((s) => s.localDate), ['2026-03-04', '2026-03-09', '2026-03-11']);
    const earlier = nextSessions(slots, CHICAGO, Date.parse('2026-03-02T23:59:00Z'), 1);
    assert.deepEqual(earlier.map((s) => s.localDate), ['2026-03-02']);
});

test('no slots, an unusable slot or an unknown zone give no preview rather than a wrong one', () => {
    assert.deepEqual(nextSessions([], CHICAGO, Date.now()), []);
    assert.deepEqual(nextSessions([{dayOfWeek: 'FUNDAY', startTime: '18:00', lengthMinutes: 60}], CHICAGO,
        Date.now()), []);
    assert.equal(isZone('Mars/Olympus_Mons'), false);
    assert.deepEqual(nextSessions([MONDAY_18], 'Mars/Olympus_Mons', Date.now()), []);
});

test('a session reads in the group zone with its abbreviation', () => {
    const [first] = nextSessions([MONDAY_18], CHICAGO, Date.parse('2026-03-01T12:00:00Z'), 1);
    const words = sessionWords(first, CHICAGO, 'en-US');
    assert.match(words, /Mon/);
    assert.match(words, /6:00/);
    assert.match(words, /CST/);
});
