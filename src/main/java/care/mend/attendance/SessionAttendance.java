package care.mend.attendance;

import care.mend.media.MediaModality;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One patient's attendance at one session, with the figures that explain its status. Either final (the session has
 * ended: a status, no live state) or live (the session is still on: no status yet, a live state, the figures so far).
 *
 * @param status            the final status; null on a live line (see {@link #liveState})
 * @param liveState         where the patient is now while the session runs; null on a final line
 * @param liveSince         since when they are in that state (null for NOT_ARRIVED and on a final line)
 * @param firstAdmitted     when the patient first took a seat, or null if never
 * @param lastLeft          when the patient last gave it up (left, dropped for good, or the session ended), or null
 * @param minutesPresent    whole minutes in the room within the session window, reconnection gaps excluded
 * @param minutesByModality the same minutes split by what the patient sent (audio-video, audio-only, none)
 * @param gaps              the stretches away while reconnecting, inside the window
 * @param scheduledMinutes  the session's scheduled length
 * @param creditMinutes     the minutes that earn credit under the rules
 * @param credited          whether the session counts toward the program (on a live line: so far)
 * @param flags             late, left early, gaps, audio-only share: beside the status, never changing it
 * @param explanation       the status in words, from the figures above
 */
public record SessionAttendance(AttendanceStatus status, LiveState liveState, Instant liveSince,
                                Instant firstAdmitted, Instant lastLeft, long minutesPresent,
                                Map<MediaModality, Long> minutesByModality, List<PresenceInterval> present,
                                List<PresenceInterval> gaps, long scheduledMinutes, long creditMinutes,
                                boolean credited, AttendanceFlags flags, String explanation) {

    public SessionAttendance {
        if ((status == null) == (liveState == null)) {
            throw new IllegalArgumentException("a line is either final (a status) or live (a live state)");
        }
        Objects.requireNonNull(flags, "flags");
        minutesByModality = Map.copyOf(minutesByModality);
        present = List.copyOf(present);
        gaps = List.copyOf(gaps);
    }

    /** Whether the session is still on for this line: no status yet. */
    public boolean live() {
        return liveState != null;
    }

    public SessionAttendance withExplanation(String explanation) {
        return new SessionAttendance(status, liveState, liveSince, firstAdmitted, lastLeft, minutesPresent,
                minutesByModality, present, gaps, scheduledMinutes, creditMinutes, credited, flags, explanation);
    }
}
