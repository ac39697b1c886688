package care.mend.attendance;

import care.mend.media.MediaModality;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One patient's attendance at one session, with the figures that explain its status.
 *
 * @param firstAdmitted     when the patient first took a seat, or null if never
 * @param lastLeft          when the patient last gave it up (left, dropped for good, or the session ended), or null
 * @param minutesPresent    whole minutes in the room within the session window, reconnection gaps excluded
 * @param minutesByModality the same minutes split by what the patient sent (audio-video, audio-only, none)
 * @param gaps              the stretches away while reconnecting, inside the window
 * @param scheduledMinutes  the session's scheduled length
 * @param creditMinutes     the minutes that earn credit under the rules
 * @param credited          whether the session counts toward the program
 * @param explanation       the status in words, from the figures above
 */
public record SessionAttendance(AttendanceStatus status, Instant firstAdmitted, Instant lastLeft, long minutesPresent,
                                Map<MediaModality, Long> minutesByModality, List<PresenceInterval> present,
                                List<PresenceInterval> gaps, long scheduledMinutes, long creditMinutes,
                                boolean credited, String explanation) {

    public SessionAttendance {
        minutesByModality = Map.copyOf(minutesByModality);
        present = List.copyOf(present);
        gaps = List.copyOf(gaps);
    }
}
