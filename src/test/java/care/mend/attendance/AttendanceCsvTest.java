package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttendanceCsvTest {

    private static AttendanceReportRow row(int minutes, int audioVideo, int audioOnly) {
        return new AttendanceReportRow(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 11, 2),
                ZoneId.of("America/Chicago"), Instant.parse("2026-11-03T00:00:00Z"),
                Instant.parse("2026-11-03T03:00:00Z"), null, null, UUID.randomUUID(), UUID.randomUUID(), "IOP",
                UUID.randomUUID(), "Group", UUID.randomUUID(), "P.", null, null, AttendanceStatus.PARTIAL, minutes,
                audioVideo, audioOnly, minutes - audioVideo - audioOnly, 0,
                new AttendanceFlags(0, false, 140, true, 0, 0, AttendanceFlags.audioOnlyPercent(audioOnly, minutes)),
                false, false, "sub", null, null, AttendanceStatus.PARTIAL, minutes, false, null);
    }

    @Test
    void minutesWithoutMediaAreNeverVideoAndTheColumnsAddUp() {
        assertThat(row(40, 0, 0).modality()).isEqualTo("NONE");
        assertThat(row(40, 10, 0).modality()).isEqualTo("AUDIO_VIDEO");
        assertThat(row(40, 10, 11).modality()).isEqualTo("AUDIO_ONLY");
        String line = AttendanceCsv.of(List.of(row(40, 0, 0))).split("\r\n")[1];
        assertThat(line).contains(",PARTIAL,40,0,0,40,0,0,0,false,140,true,0,NONE,false,");
    }

    @Test
    void quotesWhatNeedsQuotingAndEndsLinesWithCrLf() {
        assertThat(AttendanceCsv.field("plain")).isEqualTo("plain");
        assertThat(AttendanceCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AttendanceCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AttendanceCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AttendanceCsv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(AttendanceCsv.field("-5")).isEqualTo("-5");

        AttendanceReportRow row = new AttendanceReportRow(UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.of(2026, 11, 2), ZoneId.of("America/Chicago"), Instant.parse("2026-11-03T00:00:00Z"),
                Instant.parse("2026-11-03T03:00:00Z"), null, null, UUID.randomUUID(), UUID.randomUUID(),
                "Evening IOP, Jackson", UUID.randomUUID(), "Group", UUID.randomUUID(), "Patient A. (demo)",
                Instant.parse("2026-11-03T00:02:00Z"), Instant.parse("2026-11-03T03:00:00Z"), AttendanceStatus.PRESENT,
                175, 100, 75, 0, 3, new AttendanceFlags(2, false, 0, false, 1, 3, 42), true, false, "sub",
                "Home, Coles County", null, AttendanceStatus.PRESENT, 175, true, null);
        String csv = AttendanceCsv.of(List.of(row));
        String[] lines = csv.split("\r\n", -1);

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("session_id,date,");
        assertThat(lines[1]).contains(",\"Evening IOP, Jackson\",")
                .contains(",PRESENT,175,100,75,0,3,1,2,false,0,false,42,AUDIO_VIDEO,true,")
                .endsWith(",sub,\"Home, Coles County\",PRESENT,175,true,,,,");
        assertThat(lines[0]).endsWith(",signed_by,attested_location,original_status,original_minutes,"
                + "original_credited,amended_at,amended_by,amendment_reason,credit_override_reason")
                .contains(",minutes_no_media,gap_minutes,gap_count,late_minutes,late,left_early_minutes,left_early,"
                        + "audio_only_percent,modality,");
        assertThat(lines[2]).isEmpty();
    }

    @Test
    void anAmendedRowShowsTheOriginalFiguresAndItsLatestAmendment() {
        AttendanceReportRow signed = new AttendanceReportRow(UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.of(2026, 11, 2), ZoneId.of("America/Chicago"), Instant.parse("2026-11-03T00:00:00Z"),
                Instant.parse("2026-11-03T00:30:00Z"), null, null, UUID.randomUUID(), UUID.randomUUID(), "IOP",
                UUID.randomUUID(), "Group", UUID.randomUUID(), "P.", null, null, AttendanceStatus.PRESENT, 11, 0, 11,
                0, 0, new AttendanceFlags(null, false, null, false, 0, 0, null), true, true, "facilitator-sub", null,
                null, AttendanceStatus.ABSENT, 0, false, null);
        AttendanceReportRow amended = signed.withAmendment(new AttendanceReportRow.LatestAmendment(
                Instant.parse("2026-11-04T15:00:00Z"), "supervisor-sub", UUID.randomUUID(), "Supervisor S.",
                "Joined by phone per the call log", "Clinical director agreed"));

        String[] lines = AttendanceCsv.of(List.of(amended)).split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        List<String> fields = List.of(lines[1].split(",", -1));

        assertThat(fields).hasSameSizeAs(header);
        assertThat(fields.get(header.indexOf("status"))).isEqualTo("PRESENT");
        assertThat(fields.get(header.indexOf("minutes"))).isEqualTo("11");
        assertThat(fields.get(header.indexOf("amended"))).isEqualTo("true");
        assertThat(fields.get(header.indexOf("late_minutes"))).as("the flags as signed: never admitted").isEmpty();
        assertThat(fields.get(header.indexOf("late"))).isEqualTo("false");
        assertThat(fields.get(header.indexOf("original_status"))).isEqualTo("ABSENT");
        assertThat(fields.get(header.indexOf("original_minutes"))).isEqualTo("0");
        assertThat(fields.get(header.indexOf("original_credited"))).isEqualTo("false");
        assertThat(fields.get(header.indexOf("amended_at"))).isEqualTo("2026-11-04T15:00:00Z");
        assertThat(fields.get(header.indexOf("amended_by"))).isEqualTo("supervisor-sub");
        assertThat(fields.get(header.indexOf("amendment_reason"))).isEqualTo("Joined by phone per the call log");
        assertThat(fields.get(header.indexOf("credit_override_reason"))).isEqualTo("Clinical director agreed");
        assertThat(AttendanceCsv.of(List.of(signed)).split("\r\n")[1]).as("not amended: empty amendment columns")
                .endsWith(",ABSENT,0,false,,,,");
        assertThat(header).as("the columns before the amendment's are kept in their place")
                .startsWith("session_id", "date").contains("signed_by", "attested_location")
                .containsSubsequence("minutes_no_media", "gap_minutes", "gap_count", "late_minutes", "late",
                        "left_early_minutes", "left_early", "audio_only_percent", "modality", "credited", "amended",
                        "signed_by", "attested_location", "original_status", "original_minutes", "original_credited",
                        "amended_at", "amended_by", "amendment_reason", "credit_override_reason");
    }
}
