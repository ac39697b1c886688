package care.mend.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReminderMessageTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final URI PAGE = URI.create("https://mend.example.org/app/patient.html");

    static Instant chicago(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    @Test
    void saysWhenYourGroupMeetsInTheGroupsZoneAndWhereToJoinAndNothingElse() {
        // 6 PM in Chicago is midnight UTC: the e-mail says the group's own time and day.
        Instant start = chicago("2026-03-02T18:00");
        ReminderMessage message = ReminderMessage.of(start, CHICAGO, start.minusSeconds(7200), PAGE);

        assertThat(message.subject()).isEqualTo("Reminder: your group meets today at 6:00 PM CST");
        assertThat(message.body()).isEqualTo("""
                Hello,

                This is a reminder that your group meets today (Monday, March 2) at 6:00 PM CST.

                Join from your page: https://mend.example.org/app/patient.html

                You get this e-mail because you asked for session reminders. You can turn them off on your page.
                """);
    }

    @Test
    void theZonesAbbreviationIsTheOneInForceAtTheStartAcrossDaylightSavingTime() {
        // Daylight-saving time begins in Chicago on Sunday 8 March 2026 at 2 AM: the reminder sent on Saturday
        // evening (CST) for Sunday's group says CDT, and the wall-clock time stays 6:00 PM.
        Instant sunday = chicago("2026-03-08T18:00");
        ReminderMessage message = ReminderMessage.of(sunday, CHICAGO, chicago("2026-03-07T20:00"), PAGE);
        assertThat(message.subject()).isEqualTo("Reminder: your group meets tomorrow at 6:00 PM CDT");
        assertThat(message.body()).contains("your group meets tomorrow (Sunday, March 8) at 6:00 PM CDT.");

        Instant november = chicago("2026-11-02T09:30");
        assertThat(ReminderMessage.of(november, CHICAGO, chicago("2026-10-31T10:00"), PAGE).subject())
                .as("two days ahead, after the fall change").isEqualTo(
                        "Reminder: your group meets on Monday, November 2 at 9:30 AM CST");
    }

    @Test
    void todayAndTomorrowAreTheGroupsDaysNotTheServers() {
        // 11 PM in Chicago on Monday is already Tuesday in UTC; a 9 AM group on Tuesday is "tomorrow" there.
        Instant start = chicago("2026-03-03T09:00");
        assertThat(ReminderMessage.of(start, CHICAGO, chicago("2026-03-02T23:00"), PAGE).subject())
                .isEqualTo("Reminder: your group meets tomorrow at 9:00 AM CST");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant tokyoStart = LocalDateTime.parse("2026-03-03T07:00").atZone(tokyo).toInstant();
        assertThat(ReminderMessage.of(tokyoStart, tokyo, tokyoStart.minusSeconds(3600), PAGE).subject())
                .isEqualTo("Reminder: your group meets today at 7:00 AM JST");
    }
}
