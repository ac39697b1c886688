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
                false, false, "sub", null, null);
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
                "Home, Coles County", null);
        String csv = AttendanceCsv.of(List.of(row));
        String[] lines = csv.split("\r\n", -1);

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("session_id,date,");
        assertThat(lines[1]).contains(",\"Evening IOP, Jackson\",").contains(",PRESENT,175,100,75,0,3,1,2,false,0,false,42,AUDIO_VIDEO,true,")
                .endsWith(",sub,\"Home, Coles County\"");
        assertThat(lines[0]).endsWith(",signed_by,attested_location").contains(",minutes_no_media,gap_minutes,"
                + "gap_count,late_minutes,late,left_early_minutes,left_early,audio_only_percent,modality,");
        assertThat(lines[2]).isEmpty();
    }
}
