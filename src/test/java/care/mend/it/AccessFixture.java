package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;

/**
 * Records tied to the realm's demo users, for the authorization tests: two sites, a program and a group at each,
 * the demo facilitator running group 1 and the second facilitator group 2, patient1 in group 1 and patient2 in
 * group 2, the supervisor assigned to site 1 only. Created once per server (looked up by subject on later runs of
 * the same database), always through the API as the admin.
 */
final class AccessFixture {

    final String site1;
    final String site2;
    final String program1;
    final String group1;
    final String group2;
    final String patient1;
    final String patient2;
    final String enrollment1;
    final String membership1;
    final String session1;

    // Disposable records on which the admin's writes in the matrix succeed without disturbing the rest.
    final String otherFacilitator;
    final String disposableStaff;
    final String group3;
    final String unenrolledPatient;
    final String enrolledNonMember;
    final String enrollmentToEnd;
    final String membershipToEnd;
    final String sessionToCancel;

    private static AccessFixture instance;

    static synchronized AccessFixture on(Api anonymous) {
        if (instance == null) {
            instance = new AccessFixture(anonymous.as("admin"));
        }
        return instance;
    }

    private AccessFixture(Api admin) {
        site1 = id(admin.post("/api/sites", site("Access Site One")));
        site2 = id(admin.post("/api/sites", site("Access Site Two")));
        String facilitator = staff(admin, DemoIdentities.FACILITATOR, "Demo Facilitator");
        otherFacilitator = staff(admin, DemoIdentities.OTHER_FACILITATOR, "Demo Co-facilitator");
        String supervisor = staff(admin, DemoIdentities.SUPERVISOR, "Demo Supervisor");
        assertThat(admin.post("/api/staff/" + supervisor + "/sites", "{\"siteId\":\"" + site1 + "\"}").status())
                .isEqualTo(200);
        program1 = id(admin.post("/api/programs", program(site1)));
        String program2 = id(admin.post("/api/programs", program(site2)));
        group1 = id(admin.post("/api/groups", group(program1, facilitator)));
        group2 = id(admin.post("/api/groups", group(program2, otherFacilitator)));
        patient1 = patient(admin, DemoIdentities.patient(1));
        patient2 = patient(admin, DemoIdentities.patient(2));
        enrollment1 = id(admin.post("/api/enrollments", enrollment(patient1, program1)));
        id(admin.post("/api/enrollments", enrollment(patient2, program2)));
        membership1 = id(admin.post("/api/groups/" + group1 + "/memberships", membership(patient1)));
        id(admin.post("/api/groups/" + group2 + "/memberships", membership(patient2)));
        session1 = admin.post("/api/groups/" + group1 + "/sessions/generate",
                "{\"from\":\"2026-11-02\",\"to\":\"2026-11-08\"}").json().getJsonArray("created")
                .getJsonObject(0).getString("id");

        disposableStaff = staff(admin, "it-disposable-staff-" + java.util.UUID.randomUUID(), "Disposable Staff");
        group3 = id(admin.post("/api/groups", group(program1, facilitator)));
        unenrolledPatient = patient(admin, "it-unenrolled-" + java.util.UUID.randomUUID());
        enrolledNonMember = patient(admin, "it-nonmember-" + java.util.UUID.randomUUID());
        id(admin.post("/api/enrollments", enrollment(enrolledNonMember, program1)));
        String ending = patient(admin, "it-ending-" + java.util.UUID.randomUUID());
        enrollmentToEnd = id(admin.post("/api/enrollments", enrollment(ending, program1)));
        String leaving = patient(admin, "it-leaving-" + java.util.UUID.randomUUID());
        id(admin.post("/api/enrollments", enrollment(leaving, program1)));
        membershipToEnd = id(admin.post("/api/groups/" + group3 + "/memberships", membership(leaving)));
        sessionToCancel = admin.post("/api/groups/" + group3 + "/sessions/generate",
                "{\"from\":\"2026-12-01\",\"to\":\"2026-12-01\"}").json().getJsonArray("created")
                .getJsonObject(0).getString("id");
    }

    private static String staff(Api admin, String subject, String name) {
        JsonObject found = admin.get("/api/staff?idpSubject=" + subject).json();
        if (found.getInt("total") > 0) {
            return found.getJsonArray("items").getJsonObject(0).getString("id");
        }
        return id(admin.post("/api/staff", "{\"idpSubject\":\"%s\",\"displayName\":\"%s\"}".formatted(subject, name)));
    }

    private static String patient(Api admin, String subject) {
        JsonObject found = admin.get("/api/patients?idpSubject=" + subject).json();
        if (found.getInt("total") > 0) {
            return found.getJsonArray("items").getJsonObject(0).getString("id");
        }
        return id(admin.post("/api/patients", """
                {"idpSubject":"%s","displayName":"Access Patient",
                 "emergencyContact":{"name":"Access Contact","phone":"+1 555 0100"}}""".formatted(subject)));
    }

    static String site(String name) {
        return "{\"name\":\"%s\",\"city\":\"Jackson\",\"state\":\"TN\",\"timeZone\":\"America/Chicago\"}".formatted(name);
    }

    static String program(String siteId) {
        return """
                {"siteId":"%s","name":"Access IOP","kind":"SUBSTANCE_USE_IOP","requiredSessions":30,
                 "plannedSessionsPerWeek":4,"plannedSessionMinutes":180}""".formatted(siteId);
    }

    static String group(String programId, String staffId) {
        return """
                {"name":"Access Group","programId":"%s","capacity":10,
                 "schedule":{"timeZone":"America/Chicago","slots":[
                   {"dayOfWeek":"TUESDAY","startTime":"09:00","lengthMinutes":180}]},
                 "facilitatorIds":["%s"]}""".formatted(programId, staffId);
    }

    static String enrollment(String patientId, String programId) {
        return "{\"patientId\":\"%s\",\"programId\":\"%s\",\"startDate\":\"2026-10-01\"}".formatted(patientId, programId);
    }

    static String membership(String patientId) {
        return "{\"patientId\":\"%s\",\"fromDate\":\"2026-10-06\"}".formatted(patientId);
    }

    static String id(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        return result.json().getString("id");
    }
}
