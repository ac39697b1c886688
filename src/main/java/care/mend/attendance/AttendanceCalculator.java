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
 *       end if the session has not ended; to now on a live line). Time in the waiting room or before the start does
 *       not count; events after the end change nothing.</li>
 *   <li>Minutes are whole minutes, rounded down from seconds, for the total; the minutes of each modality add up
 *       to it ({@link #wholeMinutes}).</li>
 * </ul>
 *
 * <p>The status depends on the minutes, the credit and the excuse only ({@link #statusOf}): EXCUSED, else ABSENT
 * when never in the room during the window, else PRESENT when credited, else PARTIAL. Lateness, leaving early,
 * reconnection gaps and the audio-only share are {@link AttendanceFlags}, computed here ({@link #flags}) beside the
 * status and never changing it.
 *
 * <p><b>Live and final.</b> {@link #calculate} is the final word, for a session that has ended. {@link #live} is the
 * line of a session still on: the same figures up to now, but no status (a patient not yet admitted is not ABSENT,
 * one below the credit minutes is not PARTIAL yet: both may change before the end), a {@link LiveState} instead,
 * {@code credited} as it stands so far, and no left-early figure (whoever left may come back). Once the window closes
 * the two agree on every figure.
 */
public final class AttendanceCalculator {

    private AttendanceCalculator() {
    }

    /**
     * The final line of a session that has ended.
     *
     * @param scheduledStart the session's scheduled start
     * @param scheduledEnd   the session's scheduled end
     * @param actualEnd      when the room ended, or null if it never did (the scheduled end is then the end)
     * @param events         the patient's presence events for this session, in any order, duplicates allowed
     * @param excused        whether a facilitator excused the patient (with a reason, recorded elsewhere)
     */
    public static SessionAttendance calculate(Instant scheduledStart, Instant scheduledEnd, Instant actualEnd,
                                              Collection<PresenceEvent> events, boolean excused, AttendanceRules rules) {
        Instant windowEnd = actualEnd != null ? actualEnd : scheduledEnd;
        Measured m = measure(scheduledStart, scheduledEnd, windowEnd, events, rules);
        AttendanceStatus status = statusOf(excused, !m.present.isEmpty(), m.minutes, m.creditMinutes);
        // Staying past a session that overran its schedule is not needed to have stayed to the end.
        Instant end = windowEnd.isBefore(scheduledEnd) ? windowEnd : scheduledEnd;
        AttendanceFlags flags = flags(scheduledStart, end, m.walk.firstAdmitted, m.walk.lastLeft, m.reconnecting,
                m.minutesByModality, m.minutes, rules);
        boolean credited = status == AttendanceStatus.PRESENT;
        return new SessionAttendance(status, null, null, m.walk.firstAdmitted, m.walk.lastLeft, m.minutes,
                m.minutesByModality, m.present, m.reconnecting, m.scheduledMinutes, m.creditMinutes, credited, flags,
                explain(status, m, flags));
    }

    /**
     * The line of a session that is still on, counted up to {@code now}: no status yet, where the patient is now, and
     * the figures so far (see the class comment).
     */
    public static SessionAttendance live(Instant scheduledStart, Instant scheduledEnd, Instant now,
                                         Collection<PresenceEvent> events, AttendanceRules rules) {
        Objects.requireNonNull(now, "now");
        Instant windowEnd = now.isBefore(scheduledStart) ? scheduledStart : now;
        Measured m = measure(scheduledStart, scheduledEnd, windowEnd, events, rules);
        AttendanceFlags flags = flags(scheduledStart, null, m.walk.firstAdmitted, m.walk.lastLeft, m.reconnecting,
                m.minutesByModality, m.minutes, rules);
        return new SessionAttendance(null, m.liveState, m.liveSince, m.walk.firstAdmitted, m.walk.lastLeft,
                m.minutes, m.minutesByModality, m.present, m.reconnecting, m.scheduledMinutes, m.creditMinutes,
                m.minutes >= m.creditMinutes, flags, explainSoFar(m, flags));
    }

    /** The status, from the minutes, the credit and the excuse alone: flags never enter it. */
    static AttendanceStatus statusOf(boolean excused, boolean inTheRoom, long minutes, long creditMinutes) {
        if (excused) {
            return AttendanceStatus.EXCUSED;
        }
        if (!inTheRoom) {
            return AttendanceStatus.ABSENT;
        }
        return minutes >= creditMinutes ? AttendanceStatus.PRESENT : AttendanceStatus.PARTIAL;
    }

    /**
     * The flags, the one place they are decided. Late and left-early figures are whole minutes (rounded down, as
     * shown) from the scheduled start to the first admission and from the last departure to the end, never below 0;
     * a departure before the start counts as the whole session left early, no more. Over the threshold is flagged,
     * exactly at it is not. The database migration V11 computes the same figures for records signed before flags
     * existed.
     *
     * @param end the end a departure is measured against (the earlier of actual and scheduled end); null while live
     */
    static AttendanceFlags flags(Instant start, Instant end, Instant firstAdmitted, Instant lastLeft,
                                 List<PresenceInterval> gaps, Map<MediaModality, Long> minutesByModality,
                                 long minutesPresent, AttendanceRules rules) {
        Integer late = null;
        Integer leftEarly = null;
        if (firstAdmitted != null) {
            late = wholeMinutesBetween(start, firstAdmitted);
            if (end != null) {
                leftEarly = lastLeft == null ? 0 : Math.min(wholeMinutesBetween(lastLeft, end),
                        wholeMinutesBetween(start, end));
            }
        }
        long gapSeconds = gaps.stream().mapToLong(gap -> gap.length().toSeconds()).sum();
        return new AttendanceFlags(late, late != null && late > rules.lateAfter().toMinutes(), leftEarly,
                leftEarly != null && leftEarly > rules.earlyLeaveBefore().toMinutes(), gaps.size(),
                Math.toIntExact(gapSeconds / 60), AttendanceFlags.audioOnlyPercent(
                        minutesByModality.getOrDefault(MediaModality.AUDIO_ONLY, 0L), minutesPresent));
    }

    /** Whole minutes from {@code from} to {@code to}, rounded down; 0 if {@code to} is not later. */
    private static int wholeMinutesBetween(Instant from, Instant to) {
        return Math.toIntExact(Math.max(0, Duration.between(from, to).getSeconds() / 60));
    }

    /** The figures both lines share: the walk, clipped to the window. */
    private record Measured(Walk walk, LiveState liveState, Instant liveSince, List<PresenceInterval> present,
                            List<PresenceInterval> reconnecting, long minutes, Map<MediaModality, Long> minutesByModality,
                            long scheduledMinutes, long creditMinutes) {
    }

    private static Measured measure(Instant scheduledStart, Instant scheduledEnd, Instant windowEnd,
                                    Collection<PresenceEvent> events, AttendanceRules rules) {
        Objects.requireNonNull(scheduledStart, "scheduledStart");
        Objects.requireNonNull(scheduledEnd, "scheduledEnd");
        long scheduledMinutes = Duration.between(scheduledStart, scheduledEnd).toMinutes();
        List<PresenceInterval> stays = new ArrayList<>();
        List<PresenceInterval> gaps = new ArrayList<>();
        Walk walk = new Walk();
        for (PresenceEvent event : ordered(events)) {
            walk.apply(event, stays, gaps);
        }
        LiveState liveState = walk.liveState();
        Instant liveSince = switch (liveState) {
            case NOT_ARRIVED -> null;
            case IN_ROOM -> walk.inSince;
            case RECONNECTING -> walk.awayFrom;
            case LEFT -> walk.lastLeft;
        };
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
        return new Measured(walk, liveState, liveSince, present, reconnecting, minutes, wholeMinutes(seconds, minutes),
                scheduledMinutes, rules.creditMinutes(scheduledMinutes));
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
        return new SessionAttendance(AttendanceStatus.NOT_HELD, null, null, null, null, 0, none, List.of(), List.of(),
                scheduledMinutes, 0, false, new AttendanceFlags(null, false, null, false, 0, 0, null),
                "The session was not held: nobody attended, and it is not an absence.");
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
        private Instant inSince;
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
                        inSince = at;
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

        /** Where the walk leaves the patient, before {@link #finish} closes what is still open. */
        LiveState liveState() {
            if (inRoom) {
                return LiveState.IN_ROOM;
            }
            if (away) {
                return LiveState.RECONNECTING;
            }
            return firstAdmitted == null ? LiveState.NOT_ARRIVED : LiveState.LEFT;
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

    private static String explain(AttendanceStatus status, Measured m, AttendanceFlags flags) {
        if (status == AttendanceStatus.EXCUSED) {
            return "Excused by the facilitator; " + m.minutes + " of " + m.scheduledMinutes + " minutes present.";
        }
        if (status == AttendanceStatus.ABSENT) {
            return "Not in the room during the session.";
        }
        return "Present " + m.minutes + " of " + m.scheduledMinutes + " scheduled minutes (credit from "
                + m.creditMinutes + "); in " + flags.lateMinutes() + " min after the start" + (flags.late() ? " (late)"
                : "") + "; out " + flags.leftEarlyMinutes() + " min before the end" + (flags.leftEarly()
                ? " (left early)" : "") + "; " + gapWords(flags) + ".";
    }

    private static String explainSoFar(Measured m, AttendanceFlags flags) {
        if (flags.lateMinutes() == null) {
            return "Not in the room yet.";
        }
        return "So far " + m.minutes + " of " + m.scheduledMinutes + " scheduled minutes (credit from "
                + m.creditMinutes + "); in " + flags.lateMinutes() + " min after the start" + (flags.late()
                ? " (late)" : "") + "; " + gapWords(flags) + ".";
    }

    private static String gapWords(AttendanceFlags flags) {
        return flags.gapCount() + " reconnection gap(s) of " + flags.gapMinutes() + " min excluded";
    }
}
