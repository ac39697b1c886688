package care.mend.attendance;

import java.util.Objects;

/**
 * A correction of a signed record as asked for, before it is checked ({@link AmendmentRules#check}).
 *
 * @param split                the minutes by modality after the correction; null to keep the record's split, which
 *                             only an unchanged minutes figure (or none at all) allows
 * @param creditOverrideReason why the session is credited below the program's credit minutes; null otherwise
 */
public record AttendanceCorrection(AttendanceStatus status, int minutes, boolean credited, ModalityMinutes split,
                                   String reason, String creditOverrideReason) {

    public AttendanceCorrection {
        Objects.requireNonNull(status, "status");
    }
}
