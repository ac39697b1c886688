// The next sessions a weekly schedule makes, in the group's time zone, without the DOM: the same wall-clock rule as
// the server's SessionScheduler (a slot keeps its local time across daylight-saving changes; a start in the
// spring-forward gap moves forward by the gap; in the autumn overlap the earlier instant counts), worked out with
// Intl's zone data only, so the preview is right whatever zone the admin's browser is in.

export const DAYS = Object.freeze(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const partsFormats = new Map();

function partsFormat(zone) {
    if (!partsFormats.has(zone)) {
        partsFormats.set(zone, new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric',
            month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'}));
    }
    return partsFormats.get(zone);
}

/** The wall clock of an instant in the zone, as {year, month, day, hour, minute, second}. */
export function wallClock(instantMs, zone) {
    const fields = {};
    for (const part of partsFormat(zone).formatToParts(new Date(instantMs))) {
        if (part.type !== 'literal') {
            fields[part.type] = Number(part.value);
        }
    }
    return fields;
}

/** The zone's offset from UTC at an instant, in milliseconds (Chicago in winter: -6 h). */
export function offsetAt(instantMs, zone) {
    const w = wallClock(instantMs, zone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant of a local date and time in the zone, by java.time's rule for gaps and overlaps. */
export function instantOf(year, month, day, hour, minute, zone) {
    const local = Date.UTC(year, month - 1, day, hour, minute);
    const before = offsetAt(local - DAY, zone);
    const after = offsetAt(local + DAY, zone);
    const valid = [...new Set([before, after])].map((offset) => local - offset)
        .filter((instant) => offsetAt(instant, zone) === local - instant);
    if (valid.length > 0) {
        return Math.min(...valid);
    }
    // In the gap: the same instant as the wall time read with the offset before it, which is later by the gap.
    return local - before;
}

/** A slot's start "18:00" or "18:00:00" as [hour, minute]. */
function hourMinute(startTime) {
    const [hour, minute] = String(startTime).split(':').map(Number);
    return [hour, minute];
}

/** Whether an IANA zone name is one this browser knows. */
export function isZone(zone) {
    try {
        partsFormat(zone);
        return true;
    } catch (unknown) {
        return false;
    }
}

/**
 * The next {@code count} sessions that start after {@code fromMs}, from slots {dayOfWeek, startTime,
 * lengthMinutes}: each {startsAt, endsAt} (ms), with its local date (yyyy-mm-dd) and time in the zone. Empty for
 * no slots or an unknown zone.
 */
export function nextSessions(slots, zone, fromMs, count = 6) {
    const usable = (slots ?? []).filter((s) => DAYS.includes(s.dayOfWeek) && /^\d{1,2}:\d{2}/.test(s.startTime ?? '')
        && Number(s.lengthMinutes) > 0);
    if (usable.length === 0 || !isZone(zone)) {
        return [];
    }
    const today = wallClock(fromMs, zone);
    const sessions = [];
    // Each day from the zone's today on, for as many weeks as the count needs (plus one for today's past slots).
    for (let offset = 0; sessions.length < count && offset < 7 * (count + 1); offset++) {
        const date = new Date(Date.UTC(today.year, today.month - 1, today.day) + offset * DAY);
        const weekday = DAYS[(date.getUTCDay() + 6) % 7];
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth() + 1;
        const d = date.getUTCDate();
        const ofTheDay = usable.filter((s) => s.dayOfWeek === weekday)
            .map((s) => {
                const [hour, minute] = hourMinute(s.startTime);
                const startsAt = instantOf(y, m, d, hour, minute, zone);
                return {startsAt, endsAt: startsAt + Number(s.lengthMinutes) * MINUTE,
                    localDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`};
            })
            .filter((s) => s.startsAt > fromMs)
            .sort((a, b) => a.startsAt - b.startsAt);
        sessions.push(...ofTheDay);
    }
    return sessions.slice(0, count).map((s) => {
        const w = wallClock(s.startsAt, zone);
        return {...s, localTime: `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`};
    });
}

/** A session as the admin reads it: weekday, date and time in the group's zone, with the zone's abbreviation. */
export function sessionWords(session, zone, locale = undefined) {
    const format = new Intl.DateTimeFormat(locale, {timeZone: zone, weekday: 'short', month: 'short',
        day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short'});
    return format.format(new Date(session.startsAt));
}
