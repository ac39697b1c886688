package care.mend.attendance;

import care.mend.media.MediaModality;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.Problem;
import care.mend.platform.problem.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a correction of a signed record must satisfy: the rules the sign-off's calculation follows
 * ({@link AttendanceCalculator}), stated for figures that a person gives instead of a room's events. A correction
 * that breaks one is refused as a whole and changes nothing; every broken rule is named by its field (the paths of
 * the request body, as Bean Validation's errors name them).
 *
 * <ul>
 *   <li>{@code VALIDATION_FAILED} (400): a reason of 1 to {@value AttendanceRecord#REASON_MAX} characters; a status
 *       of a held session (never NOT_HELD); minutes within 0 and the session's scheduled minutes; a split by modality
 *       with AUDIO_VIDEO, AUDIO_ONLY and NONE that adds up to the minutes, stated whenever the minutes change (a
 *       change to 0 minutes may leave it out: it can only be 0, 0, 0); a credit override reason only when crediting
 *       below the credit minutes.</li>
 *   <li>{@code AMENDMENT_INCONSISTENT} (409): the status agrees with the minutes and the credit. ABSENT: 0 minutes,
 *       no credit. PRESENT: minutes and credit. PARTIAL: minutes, no credit. EXCUSED: no credit. Lateness and leaving
 *       early are flags, not statuses: an amendment leaves the flags as signed.</li>
 *   <li>{@code CREDIT_BELOW_THRESHOLD} (409): credit needs the program's credit minutes (its credit percent of the
 *       scheduled minutes), or a reason to override them, which the amendment keeps.</li>
 * </ul>
 */
public final class AmendmentRules {

    static final String REASON = "body.reason";
    static final String STATUS = "body.status";
    static final String MINUTES = "body.minutes";
    static final String CREDITED = "body.credited";
    static final String SPLIT = "body.minutesByModality";
    static final String OVERRIDE = "body.creditOverrideReason";

    private static final Set<String> SPLIT_KEYS = Set.of(MediaModality.AUDIO_VIDEO.name(),
            MediaModality.AUDIO_ONLY.name(), MediaModality.NONE.name());

    private AmendmentRules() {
    }

    /**
     * The split of the request body: null when it gives none. Refused unless it has exactly AUDIO_VIDEO, AUDIO_ONLY
     * and NONE, each a whole number of 0 or more.
     */
    public static ModalityMinutes splitOf(Map<String, Integer> byModality) {
        if (byModality == null) {
            return null;
        }
        if (!byModality.keySet().equals(SPLIT_KEYS) || byModality.values().stream().anyMatch(m -> m == null || m < 0)) {
            throw MendException.invalidField(SPLIT, "must give AUDIO_VIDEO, AUDIO_ONLY and NONE, each 0 or more");
        }
        return new ModalityMinutes(byModality.get(MediaModality.AUDIO_VIDEO.name()),
                byModality.get(MediaModality.AUDIO_ONLY.name()), byModality.get(MediaModality.NONE.name()));
    }

    /**
     * Checks a correction of {@code record} and returns the split the record has after it.
     *
     * @param creditMinutes the minutes that earn credit in the session's program
     */
    static ModalityMinutes check(AttendanceCorrection c, AttendanceRecord record, long creditMinutes) {
        List<Problem.FieldError> invalid = new ArrayList<>();
        if (c.reason() == null || c.reason().isBlank()) {
            invalid.add(new Problem.FieldError(REASON, "must not be blank"));
        } else if (c.reason().strip().length() > AttendanceRecord.REASON_MAX) {
            invalid.add(new Problem.FieldError(REASON, "must be at most " + AttendanceRecord.REASON_MAX
                    + " characters"));
        }
        if (c.status() == AttendanceStatus.NOT_HELD) {
            invalid.add(new Problem.FieldError(STATUS, "must be PRESENT, PARTIAL, ABSENT or EXCUSED: a held"
                    + " session's record is never NOT_HELD"));
        }
        if (c.minutes() < 0 || c.minutes() > record.scheduledMinutes()) {
            invalid.add(new Problem.FieldError(MINUTES, "must be between 0 and the session's "
                    + record.scheduledMinutes() + " scheduled minutes"));
        }
        ModalityMinutes split = c.split();
        if (split == null && c.minutes() == 0) {
            split = new ModalityMinutes(0, 0, 0);
        }
        if (split == null && c.minutes() != record.currentMinutes()) {
            invalid.add(new Problem.FieldError(SPLIT, "is required when the minutes change: AUDIO_VIDEO,"
                    + " AUDIO_ONLY and NONE adding up to minutes"));
        } else if (split != null && split.total() != c.minutes()) {
            invalid.add(new Problem.FieldError(SPLIT, "must add up to minutes"));
        }
        boolean belowCredit = c.minutes() < creditMinutes;
        boolean overridden = c.creditOverrideReason() != null && !c.creditOverrideReason().isBlank();
        if (overridden && !(c.credited() && belowCredit)) {
            invalid.add(new Problem.FieldError(OVERRIDE, "only when crediting fewer than the program's "
                    + creditMinutes + " credit minutes"));
        } else if (overridden && c.creditOverrideReason().strip().length() > AttendanceRecord.REASON_MAX) {
            invalid.add(new Problem.FieldError(OVERRIDE, "must be at most " + AttendanceRecord.REASON_MAX
                    + " characters"));
        }
        // Same figures with another reason are allowed: correcting the reason of the last amendment is one.
        ModalityMinutes after = split != null ? split : record.currentSplit();
        if (!invalid.isEmpty()) {
            throw new MendException(ProblemCode.VALIDATION_FAILED, "The request has invalid fields", invalid);
        }

        List<Problem.FieldError> inconsistent = new ArrayList<>();
        switch (c.status()) {
            case ABSENT -> {
                if (c.minutes() != 0) {
                    inconsistent.add(new Problem.FieldError(MINUTES, "must be 0 for ABSENT"));
                }
                if (c.credited()) {
                    inconsistent.add(new Problem.FieldError(CREDITED, "must be false for ABSENT"));
                }
            }
            case PARTIAL -> {
                if (c.minutes() == 0) {
                    inconsistent.add(new Problem.FieldError(MINUTES, "must be more than 0 for PARTIAL: without"
                            + " minutes the patient is ABSENT"));
                }
                if (c.credited()) {
                    inconsistent.add(new Problem.FieldError(CREDITED, "must be false for PARTIAL: a credited"
                            + " session is PRESENT"));
                }
            }
            case EXCUSED -> {
                if (c.credited()) {
                    inconsistent.add(new Problem.FieldError(CREDITED, "must be false for EXCUSED: an excused"
                            + " session earns no credit"));
                }
            }
            case NOT_HELD -> throw new IllegalStateException("refused above as an invalid field");
            case PRESENT -> {
                if (c.minutes() == 0) {
                    inconsistent.add(new Problem.FieldError(MINUTES, "must be more than 0 for " + c.status()
                            + ": without minutes the patient is ABSENT"));
                }
                if (!c.credited()) {
                    inconsistent.add(new Problem.FieldError(CREDITED, "must be true for " + c.status()
                            + ": present without credit is PARTIAL"));
                }
            }
        }
        if (!inconsistent.isEmpty()) {
            throw new MendException(ProblemCode.AMENDMENT_INCONSISTENT, "The status " + c.status()
                    + " does not agree with the minutes and the credit", inconsistent);
        }
        if (c.credited() && belowCredit && !overridden) {
            throw new MendException(ProblemCode.CREDIT_BELOW_THRESHOLD, "Credit needs " + creditMinutes
                    + " minutes in this program, or a reason to credit fewer", List.of(new Problem.FieldError(
                    OVERRIDE, "is required to credit fewer than the program's " + creditMinutes
                    + " credit minutes")));
        }
        return after;
    }

    /**
     * The record's explanation after a correction, from the amended figures: that it was amended and why (the author
     * is the amendment's own column, not part of the text).
     */
    static String explanation(AttendanceCorrection c, ModalityMinutes split, int scheduledMinutes,
                              long creditMinutes) {
        String figures = switch (c.status()) {
            case ABSENT -> "absent, not in the room during the session";
            case EXCUSED -> "excused; " + c.minutes() + " of " + scheduledMinutes + " scheduled minutes present, no"
                    + " credit";
            default -> c.status().name().toLowerCase() + ", " + c.minutes() + " of "
                    + scheduledMinutes + " scheduled minutes present (credit from " + creditMinutes + "), "
                    + (c.credited() ? "credited" : "not credited");
        };
        StringBuilder text = new StringBuilder("Amended after sign-off: ").append(figures);
        if (c.minutes() > 0) {
            text.append("; ").append(split.audioVideo()).append(" min audio and video, ").append(split.audioOnly())
                    .append(" min audio only, ").append(split.noMedia()).append(" min without media");
        }
        text.append(". Reason: ").append(c.reason().strip());
        if (c.credited() && c.minutes() < creditMinutes) {
            text.append(" (credited below the credit minutes: ").append(c.creditOverrideReason().strip()).append(')');
        }
        return text.toString();
    }
}
