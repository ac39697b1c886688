package care.mend.attendance;

import care.mend.media.MediaModality;
import care.mend.room.PresenceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives one patient's attendance at one session from the presence events the room recorded for them. A pure
 * function: the same events give the same result whatever order they arrive in and however often one is
 * replayed, which is what lets the ledger be rebuilt at any time.
 *
 * <p>How the figures are made:
 * <ul>
 *   <li>Events are de-duplicated by idempotency key and ordered by server time, then by the participant's own
 *       sequence (two events can share a millisecond).</li>
 *   <li>ADMITTED and RESUMED open a stretch in the room; CONNECTION_LOST closes it and opens a gap; RESUMED closes
 *       the gap (a reconnection gap, excluded from the minutes and shown); LEFT and SESSION_ENDED close the stay. A
 *       drop never followed by a resume is a departure at the drop. MODALITY_CHANGED splits a stretch.</li>
 *   <li>Everything is clipped to the session window: from the scheduled start to the actual end (or the scheduled
 *       end if the session has not ended). Time in the waiting room or before the start does not count; events after
 *       the end change nothing.</li>
 *   <li>Minutes are whole minutes, rounded down from seconds, for the total; the minutes of each modality add up
 *       to it ({@link #wholeMinutes}).</li>
 * </ul>
 */
public final class AttendanceCalculator {

    private AttendanceCalculator() {
    }

    /**
     * @param scheduledStart the session's scheduled start
     * @param scheduledEnd   the session's scheduled end
     * @param actualEnd      when the room ended, or null if it has not
     * @param events         the patient's presence events for this session, in any order, duplicates allowed
     * @param excused        whether a facilitator excused the patient (with a reason, recorded elsewhere)
     */
    public static SessionAttendance calculate(Instant scheduledStart, Instant scheduledEnd, Instant actualEnd,
                                              Collection<PresenceEvent> events, boolean excused, AttendanceRules rules) {
        Objects.requireNonNull(scheduledStart, "scheduledStart");
        Objects.requireNonNull(scheduledEnd, "scheduledEnd");
        Instant windowEnd = actualEnd != null ? actualEnd : scheduledEnd;
        long scheduledMinutes = Duration.between(scheduledStart, scheduledEnd).toMinutes();
        long creditMinutes = rules.creditMinutes(scheduledMinutes);

        List<PresenceInterval> stays = new ArrayList<>();
        List<PresenceInterval> gaps = new ArrayList<>();
        Walk walk = new Walk();
        for (PresenceEvent event : ordered(events)) {
            walk.apply(event, stays, gaps);
        }
        walk.finish(windowEnd, stays);

        List<PresenceInterval> present = clip(stays, scheduledStart, windowEnd);
        List<PresenceInterval> reconnecting = clip(gaps, scheduledStart, windowEnd);
        Map<MediaModality, Long> seconds = new EnumMap<>(MediaModality.class);
        long totalSeconds = 0;
        for (PresenceInterval interval : present) {
            long s = interval.length().toSeconds();
            seconds.merge(interval.modality(), s, Long::sum);
            totalSeconds += s;
        }
        long minutes = totalSeconds / 60;
        Map<MediaModality, Long> minutesByModality = wholeMinutes(seconds, minutes);
        boolean credited = !excused && minutes >= creditMinutes;
        Instant firstIn = present.isEmpty() ? null : present.get(0).from();
        Instant lastOut = present.isEmpty() ? null : present.get(present.size() - 1).to();

        AttendanceStatus status;
        if (excused) {
            status = AttendanceStatus.EXCUSED;
        } else if (present.isEmpty()) {
            status = AttendanceStatus.ABSENT;
        } else if (!credited) {
            status = AttendanceStatus.PARTIAL;
        } else if (Duration.between(scheduledStart, firstIn).compareTo(rules.lateAfter()) > 0) {
            status = AttendanceStatus.LATE;
        } else if (Duration.between(lastOut, windowEnd).compareTo(rules.earlyLeaveBefore()) > 0) {
            status = AttendanceStatus.LEFT_EARLY;
        } else {
            status = AttendanceStatus.PRESENT;
        }
        String explanation = explain(status, minutes, scheduledMinutes, creditMinutes, scheduledStart, windowEnd,
                firstIn, lastOut, reconnecting);
        return new SessionAttendance(status, walk.firstAdmitted, walk.lastLeft, minutes, minutesByModality, present,
                reconnecting, scheduledMinutes, creditMinutes, credited, explanation);
    }

    /**
     * Whole minutes per modality that add up to the whole minutes in the room: each modality's floor, and the one or
     * two minutes the floors leave over go to the largest remainders of seconds; on a tie the less billable modality
     * gets it (no media before audio only before audio and video), so rounding never turns a minute into video.
     */
    static Map<MediaModality, Long> wholeMinutes(Map<MediaModality, Long> seconds, long minutes) {
        Map<MediaModality, Long> whole = new EnumMap<>(MediaModality.class);
        long handedOut = 0;
        for (MediaModality modality : MediaModality.values()) {
            long m = seconds.getOrDefault(modality, 0L) / 60;
            whole.put(modality, m);
            handedOut += m;
        }
        List<MediaModality> byRemainder = new ArrayList<>(List.of(MediaModality.NONE, MediaModality.AUDIO_ONLY,
                MediaModality.AUDIO_VIDEO));
        byRemainder.sort(Comparator.comparingLong((MediaModality m) -> seconds.getOrDefault(m, 0L) % 60).reversed());
        for (int i = 0; handedOut < minutes && i < byRemainder.size(); i++) {
            whole.merge(byRemainder.get(i), 1L, Long::sum);
            handedOut++;
        }
        return whole;
    }

    /**
     * A patient's line for a session that did not take place: NOT_HELD, nothing present, no credit, and not an
     * absence. No presence events are needed: the room never went live.
     */
    public static SessionAttendance notHeld(Instant scheduledStart, Instant scheduledEnd) {
        long scheduledMinutes = Duration.between(scheduledStart, scheduledEnd).toMinutes();
        Map<MediaModality, Long> none = new EnumMap<>(MediaModality.class);
        for (MediaModality modality : MediaModality.values()) {
            none.put(modality, 0L);
        }
        return new SessionAttendance(AttendanceStatus.NOT_HELD, null, null, 0, none, List.of(), List.of(),
                scheduledMinutes, 0, false, "The session was not held: nobody attended, and it is not an absence.");
    }

    private static List<PresenceEvent> ordered(Collection<PresenceEvent> events) {
        Map<String, PresenceEvent> unique = new LinkedHashMap<>();
        for (PresenceEvent event : events) {
            unique.putIfAbsent(event.idempotencyKey(), event);
        }
        List<PresenceEvent> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparing(PresenceEvent::at)
                .thenComparing(event -> event.participantId().value())
                .thenComparingLong(AttendanceCalculator::sequenceOf)
                .thenComparing(PresenceEvent::idempotencyKey));
        return sorted;
    }

    /** The participant's own sequence number: the last part of the idempotency key, or 0 if it has none. */
    static long sequenceOf(PresenceEvent event) {
        String key = event.idempotencyKey();
        int colon = key.lastIndexOf(':');
        try {
            return Long.parseLong(key.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The state of the walk through one patient's events. */
    private static final class Walk {
        private boolean inRoom;
        private boolean away;
        private Instant stretchFrom;
        private Instant awayFrom;
        private MediaModality modality = MediaModality.NONE;
        private Instant firstAdmitted;
        private Instant lastLeft;

        void apply(PresenceEvent event, List<PresenceInterval> stays, List<PresenceInterval> gaps) {
            Instant at = event.at();
            switch (event.kind()) {
                case ADMITTED, RESUMED -> {
                    if (away) {
                        gaps.add(new PresenceInterval(awayFrom, at, MediaModality.NONE));
                        away = false;
                    }
                    if (!inRoom) {
                        inRoom = true;
                        stretchFrom = at;
                        modality = event.modality();
                        lastLeft = null;
                    }
                    if (firstAdmitted == null) {
                        firstAdmitted = at;
                    }
                }
                case MODALITY_CHANGED -> {
                    if (inRoom) {
                        stays.add(new PresenceInterval(stretchFrom, at, modality));
                        stretchFrom = at;
                    }
                    modality = event.modality();
                }
                case CONNECTION_LOST -> {
                    if (inRoom) {
                        stays.add(new PresenceInterval(stretchFrom, at, modality));
                        inRoom = false;
                        away = true;
                        awayFrom = at;
                    }
                }
                case LEFT, SESSION_ENDED -> {
                    if (inRoom) {
                        stays.add(new PresenceInterval(stretchFrom, at, modality));
                        inRoom = false;
                        lastLeft = at;
                    } else if (away) {
                        // The grace period ran out: the patient left when the connection dropped, not now.
                        away = false;
                        lastLeft = awayFrom;
                    }
                }
                case MEDIA_CHOSEN -> {
                    // A choice, not a flow: the minutes follow what the media server saw (MODALITY_CHANGED).
                }
                default -> throw new IllegalStateException("unknown presence kind " + event.kind());
            }
        }

        void finish(Instant windowEnd, List<PresenceInterval> stays) {
            if (inRoom && stretchFrom.isBefore(windowEnd)) {
                stays.add(new PresenceInterval(stretchFrom, windowEnd, modality));
            }
            if (away) {
                lastLeft = awayFrom;
            }
        }
    }

    private static List<PresenceInterval> clip(List<PresenceInterval> intervals, Instant from, Instant to) {
        List<PresenceInterval> clipped = new ArrayList<>();
        for (PresenceInterval interval : intervals) {
            Instant start = interval.from().isBefore(from) ? from : interval.from();
            Instant end = interval.to().isAfter(to) ? to : interval.to();
            if (start.isBefore(end)) {
                clipped.add(new PresenceInterval(start, end, interval.modality()));
            }
        }
        return clipped;
    }

    private static String explain(AttendanceStatus status, long minutes, long scheduledMinutes, long creditMinutes,
                                  Instant start, Instant end, Instant firstIn, Instant lastOut,
                                  List<PresenceInterval> gaps) {
        if (status == AttendanceStatus.EXCUSED) {
            return "Excused by the facilitator; " + minutes + " of " + scheduledMinutes + " minutes present.";
        }
        if (status == AttendanceStatus.ABSENT) {
            return "Not in the room during the session.";
        }
        long gapMinutes = gaps.stream().mapToLong(gap -> gap.length().toSeconds()).sum() / 60;
        return "Present " + minutes + " of " + scheduledMinutes + " scheduled minutes (credit from " + creditMinutes
                + "); in " + Duration.between(start, firstIn).toMinutes() + " min after the start; out "
                + Duration.between(lastOut, end).toMinutes() + " min before the end; " + gaps.size()
                + " reconnection gap(s) of " + gapMinutes + " min excluded.";
    }
}
