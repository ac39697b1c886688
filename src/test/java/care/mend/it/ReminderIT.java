package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session reminders end to end: WildFly's mail session sends through the GreenMail server of the test environment
 * (arquillian.xml points {@code mend.smtp.*} at it). A patient opts in on their page, an admin opts another in, a
 * third never chooses; a session starts within the lead and another, cancelled, too. The opted-in two each receive one
 * e-mail with the session's time in the group's zone and the link to their page, and nothing about their care; the
 * third, and the cancelled session, none.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReminderIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(40);
    private static final String PATIENT = "remi1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    /** The test's patient login: a realm user of its own (password demo-remi1), made once. */
    private static String patientSubject() {
        String id = UUID.nameUUIDFromBytes(PATIENT.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        IntegrationEnvironment.keycloakAdmin().importUsers("mend", Json.createArrayBuilder().add(
                Json.createObjectBuilder().add("id", id).add("username", PATIENT).add("enabled", true)
                        .add("emailVerified", true).add("firstName", "Synthetic").add("lastName", "Remi")
                        .add("email", PATIENT + "@demo.mend.invalid")
                        .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("type", "password").add("value", "demo-" + PATIENT).add("temporary", false)))
                        .add("realmRoles", Json.createArrayBuilder().add("patient"))).build());
        return id;
    }

    @Test
    void theOptedInPatientsOfASessionStartingWithinTheLeadGetOneEmailEachWithItsTimeAndNoHealthInformation()
            throws Exception {
        Api api = Api.of(url);
        // The demo staff records (the facilitator the group is given), whatever ran before.
        AccessFixture.on(api);
        Api admin = api.as("admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String self = patientSubject();
        String viaPage = patient(admin, self, "remi1-" + tag + "@example.test");
        String viaStaff = patient(admin, "remi2-" + tag, "remi2-" + tag + "@example.test");
        String never = patient(admin, "remi3-" + tag, "remi3-" + tag + "@example.test");

        // A group in Chicago (Tokyo late in the evening there) whose session starts in about half an hour, within
        // the default lead of two hours.
        ZoneId zone = ZoneId.of("America/Chicago");
        LocalTime nowThere = LocalTime.now(zone);
        if (nowThere.isAfter(LocalTime.of(21, 50)) || nowThere.isBefore(LocalTime.of(0, 10))) {
            zone = ZoneId.of("Asia/Tokyo");
        }
        ZonedDateTime start = ZonedDateTime.now(zone).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        String site = AccessFixture.id(admin.post("/api/sites", AccessFixture.site("Reminder Site " + tag)));
        String program = AccessFixture.id(admin.post("/api/programs", AccessFixture.program(site)));
        String group = group(admin, program, "Reminder Group " + tag, start, List.of(self, "remi2-" + tag,
                "remi3-" + tag));
        HttpResult generated = admin.post("/api/groups/" + group + "/sessions/generate",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(start.toLocalDate(), start.toLocalDate()));
        assertThat(generated.status()).as(generated.toString()).isIn(200, 201);
        assertThat(generated.json().getJsonArray("created")).as(generated.toString()).hasSize(1);
        // A one-off session of the same group after it, within the lead too, cancelled: nobody hears of it.
        ZonedDateTime later = start.plusMinutes(75);
        String cancelled = AccessFixture.id(admin.post("/api/groups/" + group + "/sessions",
                "{\"date\":\"%s\",\"startTime\":\"%s\",\"lengthMinutes\":30,\"reason\":\"extra group\"}"
                        .formatted(later.toLocalDate(), later.toLocalTime())));
        HttpResult cancel = admin.post("/api/sessions/" + cancelled + "/cancel", "{\"reason\":\"facilitator ill\"}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);

        // The patient opts in on their page; staff opt another in; nobody else may.
        Api patient = api.as(PATIENT);
        JsonObject before = patient.get("/api/me/reminders").json();
        assertThat(before.getBoolean("email")).isFalse();
        assertThat(before.getBoolean("hasAddress")).isTrue();
        assertThat(before.getBoolean("sending")).isTrue();
        assertThat(patient.put("/api/me/reminders", "{}").status()).isEqualTo(400);
        HttpResult optIn = patient.put("/api/me/reminders", "{\"email\":true}");
        assertThat(optIn.status()).as(optIn.toString()).isEqualTo(200);
        assertThat(optIn.json().getString("patientId")).isEqualTo(viaPage);
        assertThat(optIn.json().getString("changedBy")).isEqualTo("PATIENT");
        assertThat(api.as("facilitator").put("/api/patients/" + viaStaff + "/reminders", "{\"email\":true}")
                .status()).isEqualTo(403);
        HttpResult staffOptIn = admin.put("/api/patients/" + viaStaff + "/reminders", "{\"email\":true}");
        assertThat(staffOptIn.status()).as(staffOptIn.toString()).isEqualTo(200);
        assertThat(staffOptIn.json().getString("changedBy")).isEqualTo("STAFF");
        assertThat(admin.get("/api/patients/" + never + "/reminders").json().getBoolean("email")).isFalse();

        List<MimeMessage> toViaPage = awaitMessagesTo("remi1-" + tag + "@example.test", 1);
        List<MimeMessage> toViaStaff = awaitMessagesTo("remi2-" + tag + "@example.test", 1);
        // Several more runs of the job (every 2 s here): still one each, and none to the patient who never chose.
        Thread.sleep(6000);
        assertThat(messagesTo("remi1-" + tag + "@example.test")).as("once, and none for the cancelled session")
                .hasSize(1);
        assertThat(messagesTo("remi2-" + tag + "@example.test")).hasSize(1);
        assertThat(messagesTo("remi3-" + tag + "@example.test")).isEmpty();

        String time = DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US).format(start);
        String day = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US).format(start);
        String link = "http://127.0.0.1:" + System.getProperty("mend.it.http.port") + "/app/patient.html";
        for (MimeMessage message : List.of(toViaPage.get(0), toViaStaff.get(0))) {
            String body = message.getContent().toString().replace("\r\n", "\n");
            assertThat(message.getSubject()).isEqualTo("Reminder: your group meets today at " + time);
            assertThat(body).contains("This is a reminder that your group meets today (" + day + ") at " + time
                    + ".", "Join from your page: " + link);
            assertThat(message.getSubject() + body).as("no program, group, site or name")
                    .doesNotContain("IOP", "Access", "Group " + tag, "Reminder Group", "Site", "Synthetic",
                            "Remi Patient", "Remi Contact", "Live Patient");
            assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("reminders@mend.test");
        }
    }

    /** A patient record with an e-mail address. */
    private static String patient(Api admin, String subject, String email) {
        JsonObject found = admin.get("/api/patients?idpSubject=" + subject).json();
        if (found.getInt("total") > 0) {
            String id = found.getJsonArray("items").getJsonObject(0).getString("id");
            HttpResult updated = admin.put("/api/patients/" + id, """
                    {"displayName":"Remi Patient","email":"%s",
                     "emergencyContact":{"name":"Remi Contact","phone":"+1 555 0100"}}""".formatted(email));
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            return id;
        }
        return AccessFixture.id(admin.post("/api/patients", """
                {"idpSubject":"%s","displayName":"Remi Patient","email":"%s",
                 "emergencyContact":{"name":"Remi Contact","phone":"+1 555 0100"}}""".formatted(subject, email)));
    }

    /** A group with the demo facilitator whose one weekly slot is {@code start}, the members enrolled; its id. */
    private static String group(Api admin, String program, String name, ZonedDateTime start,
                                List<String> members) {
        String facilitator = admin.get("/api/staff?idpSubject=" + DemoIdentities.FACILITATOR).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        String group = AccessFixture.id(admin.post("/api/groups", """
                {"name":"%s","programId":"%s","capacity":12,
                 "schedule":{"timeZone":"%s","slots":[
                   {"dayOfWeek":"%s","startTime":"%s","lengthMinutes":60}]},
                 "facilitatorIds":["%s"]}""".formatted(name, program, start.getZone().getId(), start.getDayOfWeek(),
                start.toLocalTime(), facilitator)));
        LocalDate day = start.toLocalDate();
        for (String subject : members) {
            LiveGroups.enrol(admin, program, group, subject, day.minusDays(1));
        }
        return group;
    }

    private static List<MimeMessage> messagesTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : IntegrationEnvironment.smtp().getReceivedMessages()) {
            Address[] to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equals(address))) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<MimeMessage> awaitMessagesTo(String address, int count) throws Exception {
        long until = System.nanoTime() + EVENTUALLY.toNanos();
        while (System.nanoTime() < until) {
            List<MimeMessage> found = messagesTo(address);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no reminder reached " + address + " within " + EVENTUALLY.toSeconds() + " s");
    }
}
