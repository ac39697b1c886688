package care.mend.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One patient's mood and craving over their sessions, oldest first, for the trend chart (at most
 * {@link CheckIns#TREND_MAX} points: the latest). The notes are not repeated here: they belong to each session's round.
 */
public record CheckInTrendResponse(UUID patientId, List<Point> points) {

    /** One session's check-in: its day, the answers and their flags as made. */
    public record Point(UUID sessionId, UUID groupId, LocalDate date, Instant checkedInAt, int mood, Integer craving,
                        MedicationAnswer medication, boolean lowMood, boolean highCraving) {
    }

    static CheckInTrendResponse from(UUID patientId, List<CheckIns.TrendPoint> points) {
        return new CheckInTrendResponse(patientId, points.stream().map(p -> new Point(p.checkIn().sessionId(),
                p.groupId(), p.date(), p.checkIn().checkedInAt(), p.checkIn().mood(), p.checkIn().craving(),
                p.checkIn().medication(), p.checkIn().lowMood(), p.checkIn().highCraving())).toList());
    }
}
