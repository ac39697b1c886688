package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A session beyond the weekly pattern, at a local date and time in the group's zone.
 *
 * @param kind            ONE_OFF (the default: the whole group) or MAKE_UP (for {@code patientIds} only)
 * @param alreadyHappened true to record a session that took place without Mend's room: its start may then be in the
 *                        past (its end must be), and it is created ended, for the sign-off
 * @param patientIds      MAKE_UP only: the patients it is for, who become its make-up guests
 */
public record CreateSessionRequest(@NotNull LocalDate date, @NotNull LocalTime startTime,
                                   @NotNull @Min(ScheduleSlot.MIN_LENGTH_MINUTES)
                                   @Max(ScheduleSlot.MAX_LENGTH_MINUTES) Integer lengthMinutes,
                                   @NotBlank @Size(max = GroupSession.REASON_MAX) @PlainText String reason,
                                   GroupSessionKind kind, Boolean alreadyHappened,
                                   @Size(max = GroupSessionService.MAX_PATIENTS_PER_SESSION)
                                   List<@NotNull UUID> patientIds) {

    GroupSessionKind kindOrDefault() {
        return kind == null ? GroupSessionKind.ONE_OFF : kind;
    }
}
