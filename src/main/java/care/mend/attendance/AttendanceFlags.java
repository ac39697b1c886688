package care.mend.attendance;

/**
 * What a patient's attendance was like, beside its status: late, left early, reconnection gaps, audio only. Flags
 * never change the status, the minutes or the credit; they are independent of each other and of the status (a
 * PARTIAL patient may be late and have left early, a PRESENT one may have been late). Computed in one place,
 * {@link AttendanceCalculator}, frozen with the record at sign-off (a program's thresholds may change later; a
 * signed record's flags do not).
 *
 * @param lateMinutes      whole minutes from the scheduled start to the patient's first admission (0 if admitted at
 *                         or before the start); null if never admitted
 * @param late             whether {@code lateMinutes} is over the program's {@code lateAfterMinutes}: exactly at
 *                         the threshold is not late
 * @param leftEarlyMinutes whole minutes from the patient's last departure to the end (the earlier of the actual and
 *                         the scheduled end; 0 if they stayed to it, at most the session's length); null if never
 *                         admitted, and null while the session is live (a patient who left may come back)
 * @param leftEarly        whether {@code leftEarlyMinutes} is over the program's {@code earlyLeaveMinutes}
 * @param gapCount         reconnection gaps inside the session window (a drop that was resumed)
 * @param gapMinutes       their whole minutes, not counted as present
 * @param audioOnlyPercent the share of the measured minutes present that were audio only, in whole percent rounded
 *                         down (so 100 means every minute); null with no minute present
 */
public record AttendanceFlags(Integer lateMinutes, boolean late, Integer leftEarlyMinutes, boolean leftEarly,
                              int gapCount, int gapMinutes, Integer audioOnlyPercent) {

    public AttendanceFlags {
        if (late && lateMinutes == null || leftEarly && leftEarlyMinutes == null) {
            throw new IllegalArgumentException("a flag needs its figure");
        }
        if (negative(lateMinutes) || negative(leftEarlyMinutes) || gapCount < 0 || gapMinutes < 0
                || audioOnlyPercent != null && (audioOnlyPercent < 0 || audioOnlyPercent > 100)) {
            throw new IllegalArgumentException("flag figures are whole minutes, counts and percentages");
        }
    }

    /**
     * The flags of a signed record from its stored figures. The audio-only share is of the minutes measured by
     * modality at sign-off, which an amendment of the minutes present does not change.
     */
    static AttendanceFlags signed(Integer lateMinutes, boolean late, Integer leftEarlyMinutes, boolean leftEarly,
                                  int gapCount, int gapMinutes, int minutesAudioVideo, int minutesAudioOnly,
                                  int minutesNoMedia) {
        return new AttendanceFlags(lateMinutes, late, leftEarlyMinutes, leftEarly, gapCount, gapMinutes,
                audioOnlyPercent(minutesAudioOnly, (long) minutesAudioVideo + minutesAudioOnly + minutesNoMedia));
    }

    /** The audio-only share of {@code minutesPresent}; the one rule, for the calculation, records and reports. */
    public static Integer audioOnlyPercent(long audioOnlyMinutes, long minutesPresent) {
        return minutesPresent <= 0 ? null : Math.toIntExact(Math.min(100, audioOnlyMinutes * 100 / minutesPresent));
    }

    private static boolean negative(Integer minutes) {
        return minutes != null && minutes < 0;
    }
}
