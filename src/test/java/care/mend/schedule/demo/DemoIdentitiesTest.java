package care.mend.schedule.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo records and the realm's demo users name the same subjects, so each demo login finds its record. */
class DemoIdentitiesTest {

    private static final Path REALM = Path.of("wildfly-config/keycloak/mend-realm.json");

    @Test
    void everyDemoSubjectIsARealmUserWithTheMatchingRole() throws IOException {
        Map<String, String> roleBySubject = new HashMap<>();
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(REALM))) {
            for (JsonObject user : reader.readObject().getJsonArray("users").getValuesAs(JsonObject.class)) {
                if (user.containsKey("serviceAccountClientId")) {
                    continue; // a client's service account, no person: Keycloak gives it its id
                }
                roleBySubject.put(user.getString("id"), user.getJsonArray("realmRoles").getString(0));
            }
        }

        assertThat(roleBySubject).containsEntry(DemoIdentities.ADMIN, "admin")
                .containsEntry(DemoIdentities.SUPERVISOR, "supervisor")
                .containsEntry(DemoIdentities.FACILITATOR, "facilitator")
                .containsEntry(DemoIdentities.OTHER_FACILITATOR, "facilitator");
        for (String patient : DemoIdentities.patients(DemoData.PATIENTS)) {
            assertThat(roleBySubject).containsEntry(patient, "patient");
        }
    }
}
