package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consent for the integration tests whose patients join a room: the program's texts published (version 1 of each
 * kind it lacks, as the admin) and accepted by each patient as themselves, through the real API
 * ({@code GET}/{@code POST /api/me/consents}), as the patient page does. Without it a patient's join is refused with
 * {@code CONSENT_REQUIRED}.
 */
final class Consent {

    static final String[] KINDS = {"TELEHEALTH_CONSENT", "GROUP_AGREEMENT"};
    private static final Pattern DEMO_PATIENT = Pattern.compile("8d7a1c2e-1(\\d{3})-4a6b-9c3d-\\d{12}");
    private static final Pattern CROWD = Pattern.compile("8d7a1c2e-2(\\d{3})-4a6b-9c3d-\\d{12}");
    private static final Pattern CONSENT = Pattern.compile("8d7a1c2e-7(\\d{3})-4a6b-9c3d-\\d{12}");

    private Consent() {
    }

    /** Publishes what the program lacks, then the patients (by their Keycloak subjects) accept its current texts. */
    static void giveAll(Api admin, String programId, Collection<String> patientSubjects) {
        publishAll(admin, programId);
        for (String subject : patientSubjects) {
            accept(admin.as(usernameOf(subject)), programId);
        }
    }

    /** As {@link #giveAll}, for patients given by username. */
    static void giveAllByUsername(Api admin, String programId, Collection<String> usernames) {
        publishAll(admin, programId);
        for (String username : usernames) {
            accept(admin.as(username), programId);
        }
    }

    /** Version 1 of each kind the program has not published yet. */
    static void publishAll(Api admin, String programId) {
        HttpResult texts = admin.get("/api/programs/" + programId + "/consent-texts");
        assertThat(texts.status()).as(texts.toString()).isEqualTo(200);
        for (String kind : KINDS) {
            boolean published = texts.jsonArray().stream().map(JsonValue::asJsonObject)
                    .anyMatch(t -> t.getString("kind").equals(kind));
            if (!published) {
                publish(admin, programId, kind, "Synthetic " + kind.toLowerCase() + " for the tests.");
            }
        }
    }

    /** Publishes a new version of one kind; the text as answered. */
    static JsonObject publish(Api admin, String programId, String kind, String body) {
        HttpResult made = admin.post("/api/programs/" + programId + "/consent-texts",
                "{\"kind\":\"%s\",\"title\":\"Test %s\",\"body\":\"%s\"}".formatted(kind, kind, body));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json();
    }

    /** The patient (an API with their token) accepts every current text of the program they have not accepted. */
    static void accept(Api patient, String programId) {
        HttpResult mine = patient.get("/api/me/consents");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        JsonObject program = mine.json().getJsonArray("programs").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("programId").equals(programId)).findFirst()
                .orElseThrow(() -> new AssertionError("the program does not concern the patient: " + mine));
        for (JsonValue value : program.getJsonArray("kinds")) {
            JsonObject kind = value.asJsonObject();
            if (!kind.getString("state").equals("ACCEPTED")) {
                JsonObject text = kind.getJsonObject("text");
                HttpResult accepted = patient.post("/api/me/consents", "{\"textId\":\"%s\",\"version\":%d}"
                        .formatted(text.getString("id"), text.getInt("version")));
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            }
        }
    }

    /** The realm username of a demo patient ({@code patientN}) or a crowd patient ({@code crowdNN}) by subject. */
    static String usernameOf(String subject) {
        Matcher demo = DEMO_PATIENT.matcher(subject);
        if (demo.matches()) {
            return "patient" + Integer.parseInt(demo.group(1));
        }
        Matcher crowd = CROWD.matcher(subject);
        if (crowd.matches()) {
            return KeycloakAdmin.crowdUser(Integer.parseInt(crowd.group(1)));
        }
        Matcher consent = CONSENT.matcher(subject);
        if (consent.matches()) {
            return KeycloakAdmin.consentUser(Integer.parseInt(consent.group(1)));
        }
        throw new IllegalArgumentException("not a subject of a known test user");
    }
}
