package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.kurento.standin.KurentoRecordings;
import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session of five patients played through the real signaling socket, the real Kurento client and the protocol
 * stand-in, as the clinic tried it: one stays to the end, one's link stalls silently and comes back, one arrives late
 * and chooses audio only in the waiting room, one never comes and is excused, one leaves early. The test keeps its own
 * clock of what it did, computes each patient's figures from it, and compares them with the live sheet, the signed
 * sheet, the report, the CSV and the FHIR export (parsed).
 *
 * <p>The session is scheduled to start at a coming minute and everyone is seated before it, so that minutes count
 * from a known instant; each stretch is at least 15 s away from a whole minute, so the server's clock and the test's
 * may differ by seconds without changing a floored figure. It takes under four minutes of wall-clock time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScriptedSessionIT {

    /** Patients of the realm that no other test seats at the same time in a group of its own. */
    private static final int STAYS = 15;
    private static final int STALLS = 16;
    private static final int LATE_AUDIO_ONLY = 17;
    private static final int NEVER_CAME = 18;
    private static final int LEAVES_EARLY = 19;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private final List<SignalingClient> clients = new ArrayList<>();

    /**
     * On a failure, what the server said about its media servers and presence meanwhile (a media server taken for
     * lost under load ends every publisher's flow; the server's log is overwritten by the next run).
     */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestExecutionExceptionHandler SERVER_LOG_ON_FAILURE = (context, e) -> {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("mend.server.dir", "target/server"),
                "standalone", "log", "server.log");
        if (Files.isReadable(log)) {
            try (var lines = Files.lines(log)) {
                lines.filter(l -> l.contains("MEND-MEDIA") || l.contains("MEND-ATTENDANCE") || l.contains("HEARTBEAT"))
                        .limit(200).forEach(l -> System.out.println("server: " + l));
            }
        }
        throw e;
    };

    @AfterEach
    void closeClients() {
        clients.forEach(SignalingClient::close);
    }

    @Test
    void fivePatientsFiguresAgreeFromTheLiveSheetToTheFhirExport() throws Exception {
        Api api = Api.of(url);
        Api admin = api.as("admin");
        AccessFixture.on(api);
        Fixture fx = fixture(admin);
        String video = json(offer("chromium-offer-03-sfu-two-publishers-1.sdp"));
        String audioOnly = json(offer("chromium-offer-mend-02-audio-only-and-camera-off-19.sdp"));
        Instant start = fx.start();

        // Before the start: the facilitator opens the room, three patients are admitted and publish.
        SignalingClient facilitator = connect(api, "facilitator");
        facilitator.join(fx.sessionId(), "fj");
        Map<Integer, SignalingClient> patients = new LinkedHashMap<>();
        Map<Integer, String> participant = new LinkedHashMap<>();
        for (int n : new int[] {STAYS, STALLS, LEAVES_EARLY}) {
            seat(api, facilitator, fx, n, patients, participant);
            publish(patients.get(n), video, false);
        }
        assertThat(Instant.now()).as("everyone was seated before the start").isBefore(start);

        // +40 s: one link stalls without a close on either side; the server notices by itself.
        sleepUntil(start.plusSeconds(40));
        Instant stalledAt = Instant.now();
        patients.get(STALLS).stall();
        facilitator.await("the stalled patient shown reconnecting", m -> "roomUpdated".equals(m.getString("type", null))
                && participants(m).stream().anyMatch(p -> p.getString("participantId").equals(participant.get(STALLS))
                && p.getBoolean("reconnecting", false)));
        Duration detected = Duration.between(stalledAt, Instant.now());
        System.out.printf("MEND-FIGURES a silent stall was noticed after %.1f s (heartbeat: ping 3 s, dead at 10 s)%n",
                detected.toMillis() / 1000.0);

        // +75 s: one leaves early.
        sleepUntil(start.plusSeconds(75));
        SignalingClient leaving = patients.get(LEAVES_EARLY);
        leaving.send("{\"type\":\"leave\",\"requestId\":\"bye\"}");
        leaving.reply("bye");
        Instant leftAt = Instant.now();

        // +85 s: one arrives late, chooses audio only in the waiting room, and is admitted at +90 s.
        sleepUntil(start.plusSeconds(85));
        SignalingClient late = connect(api, "patient" + LATE_AUDIO_ONLY);
        String lateId = late.join(fx.sessionId(), "jl").getString("participantId");
        late.send("{\"type\":\"setAudioOnly\",\"requestId\":\"ao\",\"enabled\":true}");
        assertThat(late.reply("ao").getString("type")).isEqualTo("ok");
        sleepUntil(start.plusSeconds(90));
        admit(facilitator, lateId);
        Instant lateAdmittedAt = Instant.now();
        publish(late, audioOnly, true);

        // +100 s: the live sheet says where everyone is, and no final word yet.
        sleepUntil(start.plusSeconds(100));
        JsonObject live = api.as("facilitator").get("/api/attendance/sessions/" + fx.sessionId()).json();
        Map<Integer, String> where = Map.of(STAYS, "IN_ROOM", STALLS, "RECONNECTING", LATE_AUDIO_ONLY, "IN_ROOM",
                NEVER_CAME, "NOT_ARRIVED", LEAVES_EARLY, "LEFT");
        where.forEach((n, state) -> {
            JsonObject line = byPatient(live.getJsonArray("lines").getValuesAs(JsonObject.class),
                    fx.patientIds().get(n));
            assertThat(line.getString("liveState", null)).as("patient" + n + " live").isEqualTo(state);
            assertThat(line.containsKey("status") && !line.isNull("status")).as("patient" + n + " has no status yet")
                    .isFalse();
        });

        // +115 s: the stalled patient's phone is back: a new connection takes the seat back without an admission.
        sleepUntil(start.plusSeconds(115));
        patients.get(STALLS).abort();
        SignalingClient back = connect(api, "patient" + STALLS);
        JsonObject rejoined = back.join(fx.sessionId(), "jb");
        Instant backAt = Instant.now();
        assertThat(rejoined.getString("participantId")).isEqualTo(participant.get(STALLS));
        assertThat(rejoined.getJsonObject("room").getJsonObject("you").getString("status")).isEqualTo("PRESENT");
        publish(back, video, false);

        // +165 s: the facilitator ends the session.
        sleepUntil(start.plusSeconds(165));
        facilitator.send("{\"type\":\"endSession\",\"requestId\":\"end\"}");
        assertThat(facilitator.reply("end").getString("type")).isEqualTo("ok");
        Instant end = Instant.now();

        // What the test itself saw, as seconds in the room (a stall is counted from up to one ping before it).
        Map<Integer, Expected> expected = new LinkedHashMap<>();
        expected.put(STAYS, Expected.present(seconds(start, end), 0, 0));
        long beforeStall = seconds(start, stalledAt.minusMillis(1500));
        expected.put(STALLS, Expected.present(beforeStall + seconds(backAt, end), 0, 0)
                .withGap(seconds(stalledAt.minusMillis(1500), backAt)));
        expected.put(LATE_AUDIO_ONLY, Expected.present(seconds(lateAdmittedAt, end), seconds(lateAdmittedAt, end), 0)
                .late(seconds(start, lateAdmittedAt)));
        expected.put(LEAVES_EARLY, Expected.present(seconds(start, leftAt), 0, seconds(leftAt, end)));
        expected.put(NEVER_CAME, Expected.excused());

        // Sign-off: the one who never came is excused with the facilitator's reason. (Tokens live five minutes and
        // the session took three: fresh ones from here on.)
        Api signer = api.as("facilitator");
        admin = api.as("admin");
        HttpResult signed = signer.post("/api/attendance/sessions/" + fx.sessionId() + "/sign-off",
                "{\"excused\":[{\"patientId\":\"%s\",\"reason\":\"Called in sick (synthetic)\"}]}"
                        .formatted(fx.patientIds().get(NEVER_CAME)));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        JsonObject sheet = signed.json();

        String filter = "groupId=" + fx.groupId() + "&from=" + fx.day() + "&to=" + fx.day().plusDays(1);
        JsonObject report = admin.get("/api/attendance/report?" + filter).json();
        String csv = admin.accepting("text/csv").get("/api/attendance/report.csv?" + filter).body();
        String fhirJson = admin.accepting("application/fhir+json").get("/api/attendance/report.fhir?" + filter).body();
        assertThat(care.mend.attendance.FhirExportValidation.errors("the scripted session's export", fhirJson))
                .as("FHIR validation errors").isEmpty();
        Bundle fhir = care.mend.attendance.AttendanceFhirExport.context().newJsonParser().parseResource(Bundle.class,
                fhirJson);
        List<Map<String, String>> csvRows = csvRows(csv);

        for (Map.Entry<Integer, Expected> e : expected.entrySet()) {
            String patientId = fx.patientIds().get(e.getKey());
            Expected want = e.getValue();
            String who = "patient" + e.getKey();
            JsonObject line = byPatient(sheet.getJsonArray("lines").getValuesAs(JsonObject.class), patientId);
            JsonObject row = byPatient(report.getJsonArray("items").getValuesAs(JsonObject.class), patientId);
            Map<String, String> csvRow = csvRows.stream().filter(r -> r.get("patient_id").equals(patientId))
                    .findFirst().orElseThrow(() -> new AssertionError("no CSV row for " + who));
            Encounter encounter = encounterOf(fhir, patientId);

            assertThat(line.getString("status")).as(who + " sheet status").isEqualTo(want.status());
            assertThat(line.getInt("minutesPresent")).as(who + " sheet minutes").isEqualTo(want.minutes());
            assertThat(line.getJsonObject("minutesByModality").getInt("AUDIO_ONLY")).as(who + " audio only")
                    .isEqualTo(want.audioOnlyMinutes());
            assertThat(line.getJsonObject("minutesByModality").getInt("AUDIO_VIDEO")).as(who + " audio-video")
                    .isEqualTo(want.minutes() - want.audioOnlyMinutes());
            assertThat(line.getInt("gapMinutes")).as(who + " gap minutes").isEqualTo(want.gapMinutes());
            JsonObject flags = line.getJsonObject("flags");
            assertThat(flags.getInt("gapCount")).as(who + " gaps").isEqualTo(want.gapMinutes() > 0 ? 1 : 0);
            assertThat(flags.getBoolean("late")).as(who + " late").isEqualTo(want.lateMinutes() > 0);
            assertThat(flags.getBoolean("leftEarly")).as(who + " left early").isEqualTo(want.leftEarlyMinutes() > 0);
            if (!want.status().equals("EXCUSED")) {
                assertThat(flags.getInt("lateMinutes")).as(who + " late minutes").isEqualTo(want.lateMinutes());
                assertThat(flags.getInt("leftEarlyMinutes")).as(who + " left-early minutes")
                        .isEqualTo(want.leftEarlyMinutes());
                assertThat(flags.getInt("audioOnlyPercent")).as(who + " audio-only share")
                        .isEqualTo(want.audioOnlyMinutes() * 100 / want.minutes());
            }
            assertThat(row.getJsonObject("flags")).as(who + " report flags").isEqualTo(flags);

            assertThat(row.getString("status")).as(who + " report status").isEqualTo(want.status());
            assertThat(row.getInt("minutesPresent")).as(who + " report minutes").isEqualTo(want.minutes());

            assertThat(csvRow.get("status")).as(who + " CSV status").isEqualTo(want.status());
            assertThat(Integer.parseInt(csvRow.get("minutes"))).as(who + " CSV minutes").isEqualTo(want.minutes());
            assertThat(Integer.parseInt(csvRow.get("minutes_audio_video"))
                    + Integer.parseInt(csvRow.get("minutes_audio_only"))
                    + Integer.parseInt(csvRow.get("minutes_no_media")))
                    .as(who + " CSV columns add up").isEqualTo(want.minutes());
            assertThat(Integer.parseInt(csvRow.get("minutes_audio_only"))).as(who + " CSV audio only")
                    .isEqualTo(want.audioOnlyMinutes());
            assertThat(csvRow.get("modality")).as(who + " CSV billing modality").isEqualTo(want.modality());
            assertThat(csvRow.get("late")).as(who + " CSV late").isEqualTo(Boolean.toString(want.lateMinutes() > 0));
            assertThat(csvRow.get("left_early")).as(who + " CSV left early")
                    .isEqualTo(Boolean.toString(want.leftEarlyMinutes() > 0));
            assertThat(csvRow.get("gap_minutes")).as(who + " CSV gap minutes")
                    .isEqualTo(Integer.toString(want.gapMinutes()));

            assertThat(encounter.hasLength() ? encounter.getLength().getValue().intValue() : 0)
                    .as(who + " FHIR minutes").isEqualTo(want.minutes());
        }
        // The late patient's choice is on the record beside what flowed.
        assertThat(ledger(fx.sessionId(), lateId)).contains("MEDIA_CHOSEN:AUDIO_ONLY", "MODALITY_CHANGED:AUDIO_ONLY");
        assertThat(byPatient(signer.get("/api/attendance/sessions/" + fx.sessionId()).json().getJsonArray("lines")
                .getValuesAs(JsonObject.class), fx.patientIds().get(STAYS)).getString("recordId", null)).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the test expects, from its own clock

    /** Figures in whole minutes, from the test's own seconds. */
    record Expected(String status, int minutes, int audioOnlyMinutes, int gapMinutes, int lateMinutes,
                    int leftEarlyMinutes) {

        static Expected present(long seconds, long audioOnlySeconds, long leftEarlySeconds) {
            // Nobody in a session a few minutes long reaches the credit minutes of a scheduled half hour.
            return new Expected("PARTIAL", (int) (seconds / 60), (int) (audioOnlySeconds / 60), 0, 0,
                    (int) (leftEarlySeconds / 60));
        }

        static Expected excused() {
            return new Expected("EXCUSED", 0, 0, 0, 0, 0);
        }

        Expected withGap(long seconds) {
            return new Expected(status, minutes, audioOnlyMinutes, (int) (seconds / 60), lateMinutes, leftEarlyMinutes);
        }

        Expected late(long seconds) {
            return new Expected(status, minutes, audioOnlyMinutes, gapMinutes, (int) (seconds / 60), leftEarlyMinutes);
        }

        String modality() {
            if (minutes == 0) {
                return "NONE";
            }
            return audioOnlyMinutes * 2 > minutes ? "AUDIO_ONLY" : "AUDIO_VIDEO";
        }
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The session and its people

    record Fixture(String groupId, String sessionId, LocalDate day, Instant start, Map<Integer, String> patientIds) {
    }

    /**
     * A group whose session starts at the next whole minute at least 20 s away (in a zone where its half hour stays
     * within today), its five patients enrolled and members, and program thresholds of zero minutes for late and early
     * leave (a whole minute late is late), so that this short session shows both flags.
     */
    private static Fixture fixture(Api admin) {
        int[] patients = {STAYS, STALLS, LATE_AUDIO_ONLY, NEVER_CAME, LEAVES_EARLY};
        LiveGroups live = LiveGroups.startingNextMinute(admin, "Scripted",
                java.util.Arrays.stream(patients).mapToObj(DemoIdentities::patient).toList(), 30, """
                {"name":"Access IOP","requiredSessions":30,"plannedSessionsPerWeek":4,"plannedSessionMinutes":180,
                 "minimumWeeklyMinutes":540,"lateAfterMinutes":0,"earlyLeaveMinutes":0,"creditPercent":50}""");
        Map<Integer, String> patientIds = new LinkedHashMap<>();
        for (int n : patients) {
            patientIds.put(n, live.patientIds().get(DemoIdentities.patient(n)));
        }
        return new Fixture(live.groupId(), live.sessionId(), live.day(), live.start(), patientIds);
    }

    private SignalingClient connect(Api api, String username) throws Exception {
        SignalingClient client = SignalingClient.connect(api, username);
        clients.add(client);
        return client;
    }

    private void seat(Api api, SignalingClient facilitator, Fixture fx, int n, Map<Integer, SignalingClient> patients,
                      Map<Integer, String> participant) throws Exception {
        SignalingClient client = connect(api, "patient" + n);
        String id = client.join(fx.sessionId(), "j" + n).getString("participantId");
        admit(facilitator, id);
        patients.put(n, client);
        participant.put(n, id);
    }

    private static void admit(SignalingClient facilitator, String participantId) throws InterruptedException {
        String requestId = "admit-" + participantId;
        facilitator.send("{\"type\":\"admit\",\"requestId\":\"%s\",\"participantId\":\"%s\"}"
                .formatted(requestId, participantId));
        assertThat(facilitator.reply(requestId).getString("type")).isEqualTo("ok");
    }

    private static void publish(SignalingClient client, String offer, boolean audioOnly) throws InterruptedException {
        client.send("{\"type\":\"publish\",\"requestId\":\"pub\",\"sdpOffer\":%s,\"audioOnly\":%s}"
                .formatted(offer, audioOnly));
        JsonObject answer = client.reply("pub");
        assertThat(answer.getString("type")).as(answer.toString()).isEqualTo("sdpAnswer");
    }

    private static List<JsonObject> participants(JsonObject roomUpdated) {
        return roomUpdated.getJsonObject("room").getJsonArray("participants").getValuesAs(JsonObject.class);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void sleepUntil(Instant at) throws InterruptedException {
        // Waiting for the wall clock is the point here: the figures are minutes of it.
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** The participant's presence events in the ledger, as KIND:MODALITY in order. */
    private static List<String> ledger(String sessionId, String participantId) {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getProperty("mend.it.db.url"),
                System.getProperty("mend.it.db.user"), System.getProperty("mend.it.db.password"));
             java.sql.PreparedStatement q = db.prepareStatement("select kind, modality from presence_event"
                     + " where session_id = ? and participant_id = ? order by occurred_at, idempotency_key")) {
            q.setObject(1, UUID.fromString(sessionId));
            q.setString(2, participantId);
            List<String> events = new ArrayList<>();
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1) + ":" + rs.getString(2));
                }
            }
            return events;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject byPatient(List<JsonObject> lines, String patientId) {
        return lines.stream().filter(l -> patientId.equals(l.getString("patientId", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no line for patient " + patientId + " in " + lines));
    }

    private static Encounter encounterOf(Bundle bundle, String patientId) {
        String subject = care.mend.attendance.AttendanceFhirExport.urn("Patient", UUID.fromString(patientId));
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Encounter.class::isInstance).map(Encounter.class::cast)
                .filter(e -> e.hasSubject() && e.getSubject().getReference().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no Encounter for patient " + patientId));
    }

    /** The CSV as rows keyed by the header's names (the export quotes no field in this session). */
    private static List<Map<String, String>> csvRows(String csv) {
        String[] lines = csv.split("\r\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], c < fields.length ? fields[c] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static String offer(String file) throws IOException {
        return Files.readString(KurentoRecordings.dir("sdp").resolve(file));
    }

    private static String json(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }
}
