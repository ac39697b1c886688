package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The synthetic clinic the load harness drives: one facilitator and twelve patients per room, as real Keycloak users
 * ({@code load-f-0001}, {@code load-p-00001} ...) and as Mend records made through the REST API. Each step gets a
 * program of its own and a group per room meeting now, so that every step's sessions are fresh; people are reused.
 */
final class LoadPopulation {

    static final int PATIENTS_PER_ROOM = 12;

    /** One room's people and its session happening now. */
    record RoomPlan(String sessionId, String facilitatorUser, List<String> patientUsers) {
    }

    /** The API as the administrator, with a fresh token each time: a run outlives an access token (five minutes). */
    private final java.util.function.Supplier<Api> admin;
    private final ExecutorService pool;
    private final String site;
    private final Map<Integer, String> staffIds = new ConcurrentHashMap<>();
    private final Map<Integer, String> patientIds = new ConcurrentHashMap<>();
    private int usersCreatedFor;
    private int programs;

    LoadPopulation(java.util.function.Supplier<Api> admin, ExecutorService pool) {
        this.admin = admin;
        this.pool = pool;
        this.site = AccessFixture.id(admin.get().post("/api/sites", AccessFixture.site("Load Site " + UUID.randomUUID())));
    }

    static String facilitatorUser(int n) {
        return "load-f-%04d".formatted(n);
    }

    static String patientUser(int n) {
        return "load-p-%05d".formatted(n);
    }

    static String facilitatorSubject(int n) {
        return "8d7a1c2e-3000-4a6b-9c3d-%012d".formatted(n);
    }

    static String patientSubject(int n) {
        return "8d7a1c2e-4000-4a6b-9c3d-%012d".formatted(n);
    }

    /** Makes sure Keycloak has the people for {@code rooms} rooms. */
    void ensureUsers(KeycloakAdmin keycloak, int rooms) {
        if (rooms <= usersCreatedFor) {
            return;
        }
        if (usersCreatedFor == 0) {
            // Synthetic users of a throw-away realm: a cheap hash keeps thousands of logins from dominating the run.
            keycloak.setPasswordPolicy("mend", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        }
        List<JsonObject> users = new ArrayList<>();
        for (int r = usersCreatedFor + 1; r <= rooms; r++) {
            users.add(user(facilitatorUser(r), facilitatorSubject(r), "facilitator"));
            for (int p = 1; p <= PATIENTS_PER_ROOM; p++) {
                int n = (r - 1) * PATIENTS_PER_ROOM + p;
                users.add(user(patientUser(n), patientSubject(n), "patient"));
            }
        }
        for (int from = 0; from < users.size(); from += 500) {
            JsonArrayBuilder chunk = Json.createArrayBuilder();
            users.subList(from, Math.min(users.size(), from + 500)).forEach(chunk::add);
            keycloak.importUsers("mend", chunk.build());
        }
        usersCreatedFor = rooms;
    }

    private static JsonObject user(String username, String id, String role) {
        return Json.createObjectBuilder()
                .add("id", id).add("username", username).add("enabled", true)
                .add("firstName", "Load").add("lastName", username).add("email", username + "@demo.mend.invalid")
                .add("emailVerified", true)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", "demo-" + username).add("temporary", false)))
                .add("realmRoles", Json.createArrayBuilder().add(role))
                .build();
    }

    /** A program of its own and, per room, a group meeting now with its session generated. */
    List<RoomPlan> rooms(int rooms) throws Exception {
        ZoneId zone = ZoneId.of("UTC");
        LocalTime utcNow = ZonedDateTime.now(zone).toLocalTime();
        if (utcNow.isBefore(LocalTime.of(0, 30)) || utcNow.isAfter(LocalTime.of(20, 30))) {
            zone = ZoneId.of("Asia/Tokyo"); // the three hours from ten minutes ago stay within one day there
        }
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDate today = now.toLocalDate();
        LocalTime start = now.toLocalTime().minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        String program = AccessFixture.id(admin.get().post("/api/programs", AccessFixture.program(site)
                .replace("Access IOP", "Load IOP " + (++programs))));
        String zoneId = zone.getId();
        List<Future<RoomPlan>> made = new ArrayList<>();
        for (int r = 1; r <= rooms; r++) {
            int room = r;
            made.add(pool.submit(() -> room(room, program, zoneId, today, start)));
        }
        List<RoomPlan> plans = new ArrayList<>();
        for (Future<RoomPlan> plan : made) {
            plans.add(plan.get());
        }
        return plans;
    }

    private RoomPlan room(int r, String program, String zone, LocalDate today, LocalTime start) throws Exception {
        String staff = staffIds.computeIfAbsent(r, n -> AccessFixture.id(admin.get().post("/api/staff",
                "{\"idpSubject\":\"%s\",\"displayName\":\"Load Facilitator\"}".formatted(facilitatorSubject(n)))));
        String group = AccessFixture.id(admin.get().post("/api/groups", """
                {"name":"Load Group %d","programId":"%s","capacity":12,
                 "schedule":{"timeZone":"%s","slots":[
                   {"dayOfWeek":"%s","startTime":"%s","lengthMinutes":180}]},
                 "facilitatorIds":["%s"]}""".formatted(r, program, zone, today.getDayOfWeek(), start, staff)));
        List<String> users = new ArrayList<>();
        for (int p = 1; p <= PATIENTS_PER_ROOM; p++) {
            int n = (r - 1) * PATIENTS_PER_ROOM + p;
            String patient = patientIds.computeIfAbsent(n, k -> AccessFixture.id(admin.get().post("/api/patients", """
                    {"idpSubject":"%s","displayName":"Load Patient",
                     "emergencyContact":{"name":"Load Contact","phone":"+1 555 0100"}}""".formatted(
                    patientSubject(k)))));
            AccessFixture.id(admin.get().post("/api/enrollments", "{\"patientId\":\"%s\",\"programId\":\"%s\",\"startDate\":\"%s\"}"
                    .formatted(patient, program, today.minusDays(1))));
            AccessFixture.id(admin.get().post("/api/groups/" + group + "/memberships",
                    "{\"patientId\":\"%s\",\"fromDate\":\"%s\"}".formatted(patient, today.minusDays(1))));
            users.add(patientUser(n));
        }
        // The patients' joins need the program's consent texts accepted, as their pages would.
        Consent.giveAllByUsername(admin.get(), program, users);
        HttpResult generated = admin.get().post("/api/groups/" + group + "/sessions/generate",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today, today));
        assertThat(generated.status()).as(generated.toString()).isIn(200, 201);
        String session = generated.json().getJsonArray("created").getJsonObject(0).getString("id");
        return new RoomPlan(session, facilitatorUser(r), users);
    }

    /** Runs the calls on the pool and waits for all of them. */
    static <T> List<T> all(ExecutorService pool, List<Callable<T>> calls) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        calls.forEach(call -> futures.add(pool.submit(call)));
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
