package care.mend.attendance;

import java.util.List;

/**
 * Report rows as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or break.
 * Columns are found by name (the README lists what each means); an empty field is a figure that does not apply
 * (late and left-early minutes of a patient never admitted, the audio-only share of no minutes). The
 * {@code original_*} columns are the figures as signed (the same as the current ones unless amended); the
 * {@code amended_at}, {@code amended_by} (the author's identity-provider subject, as {@code signed_by} names the
 * signer), {@code amendment_reason} and {@code credit_override_reason} columns are the record's latest amendment's,
 * empty when it has none. The flag columns are as signed: an amendment does not change them.
 */
public final class AttendanceCsv {

    static final List<String> HEADER = List.of("session_id", "date", "scheduled_start", "scheduled_end",
            "room_opened", "room_closed", "site_id", "program_id", "program", "group_id", "group", "patient_id",
            "patient", "first_admitted", "last_left", "status", "minutes", "minutes_audio_video", "minutes_audio_only",
            "minutes_no_media", "gap_minutes", "gap_count", "late_minutes", "late", "left_early_minutes", "left_early",
            "audio_only_percent", "modality", "credited",
            "amended", "signed_by", "attested_location", "original_status", "original_minutes", "original_credited",
            "amended_at", "amended_by", "amendment_reason", "credit_override_reason");

    private AttendanceCsv() {
    }

    public static String of(List<AttendanceReportRow> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (AttendanceReportRow r : rows) {
            AttendanceReportRow.LatestAmendment latest = r.amendment();
            line(csv, List.of(text(r.sessionId()), text(r.date()), text(r.scheduledStart()), text(r.scheduledEnd()),
                    text(r.roomOpened()), text(r.roomClosed()), text(r.siteId()), text(r.programId()),
                    text(r.programName()), text(r.groupId()), text(r.groupName()), text(r.patientId()),
                    text(r.patientDisplayName()), text(r.firstAdmitted()), text(r.lastLeft()), r.status().name(), Integer.toString(r.minutesPresent()),
                    Integer.toString(r.minutesAudioVideo()), Integer.toString(r.minutesAudioOnly()),
                    Integer.toString(r.minutesNoMedia()), Integer.toString(r.gapMinutes()),
                    Integer.toString(r.flags().gapCount()), text(r.flags().lateMinutes()),
                    Boolean.toString(r.flags().late()), text(r.flags().leftEarlyMinutes()),
                    Boolean.toString(r.flags().leftEarly()), text(r.flags().audioOnlyPercent()), r.modality(),
                    Boolean.toString(r.credited()), Boolean.toString(r.amended()), text(r.signedBySubject()),
                    text(r.attestedLocation()), r.originalStatus().name(), Integer.toString(r.originalMinutes()),
                    Boolean.toString(r.originalCredited()), text(latest == null ? null : latest.amendedAt()),
                    text(latest == null ? null : latest.authorSubject()),
                    text(latest == null ? null : latest.reason()),
                    text(latest == null ? null : latest.creditOverrideReason())));
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        // A leading =, +, - or @ would be a formula to a spreadsheet: prefix it so the cell stays text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
