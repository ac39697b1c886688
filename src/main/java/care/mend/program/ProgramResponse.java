package care.mend.program;

import java.time.Instant;
import java.util.UUID;

public record ProgramResponse(UUID id, UUID siteId, String name, ProgramKind kind, int requiredSessions,
                              int plannedSessionsPerWeek, int plannedSessionMinutes, int minimumWeeklyMinutes,
                              AttendanceThresholds attendanceThresholds, Instant createdAt,
                              CheckInPlan checkIn) {

    public static ProgramResponse from(Program program) {
        ProgramPlan plan = program.plan();
        return new ProgramResponse(program.id(), program.siteId(), program.name(), program.kind(),
                plan.requiredSessions(), plan.plannedSessionsPerWeek(), plan.plannedSessionMinutes(),
                plan.minimumWeeklyMinutes(), program.attendanceThresholds(), program.createdAt(),
                program.checkInPlan());
    }
}
