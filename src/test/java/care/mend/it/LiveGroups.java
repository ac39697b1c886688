package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Groups whose session is live (or about to be) for the integration tests that need a room: a new site, program and
 * group with the demo facilitator, the given demo patients enrolled and members since the day before, and the day's
 * session generated; the program's consent texts published and accepted by those patients. One per test: a session ends once. The time zone is UTC, or Tokyo when the session would cross
 * midnight in UTC, so that the session stays within one day.
 *
 * @param groupId       the group
 * @param sessionId     its session today
 * @param programId     the program the patients are enrolled in
 * @param membershipIds the patients' memberships, in the order of the subjects given
 * @param patientIds    the patients' record ids by their subject, in the order given
 * @param day           the session's day in the group's zone
 * @param start         when the session starts
 */
record LiveGroups(String groupId, String sessionId, String programId, List<String> membershipIds,
                  Map<String, String> patientIds, LocalDate day, Instant start) {

    /** A three-hour session that started ten minutes ago. */
    static LiveGroups startedTenMinutesAgo(Api admin, String label, List<String> patientSubjects) {
        return startedTenMinutesAgo(admin, label, patientSubjects, true);
    }

    /** As above; {@code consent} false leaves the program without consent texts and the patients without consent. */
    static LiveGroups startedTenMinutesAgo(Api admin, String label, List<String> patientSubjects, boolean consent) {
        ZoneId zone = fits(ZoneId.of("UTC"), LocalTime.of(0, 30), LocalTime.of(20, 30));
        ZonedDateTime start = ZonedDateTime.now(zone).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        return create(admin, label, patientSubjects, start, 180, null, consent);
    }

    /**
     * A session of {@code lengthMinutes} starting at the next whole minute at least 20 s away; {@code programPlan}
     * (the program's PUT body), when given, sets the program's thresholds first.
     */
    static LiveGroups startingNextMinute(Api admin, String label, List<String> patientSubjects, int lengthMinutes,
            String programPlan) {
        ZoneId zone = fits(ZoneId.of("UTC"), LocalTime.of(0, 5), LocalTime.of(23, 0));
        ZonedDateTime start = ZonedDateTime.now(zone).plusSeconds(20).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        return create(admin, label, patientSubjects, start, lengthMinutes, programPlan, true);
    }

    /** Enrols the patient in the program and makes them a member of the group from {@code from}; the membership. */
    static String enrol(Api admin, String program, String group, String subject, LocalDate from) {
        String patient = patientRecord(admin, subject);
        HttpResult enrolled = admin.post("/api/enrollments",
                "{\"patientId\":\"%s\",\"programId\":\"%s\",\"startDate\":\"%s\"}".formatted(patient, program, from));
        assertThat(enrolled.status()).as(enrolled.toString()).isIn(201, 409);
        return AccessFixture.id(admin.post("/api/groups/" + group + "/memberships",
                "{\"patientId\":\"%s\",\"fromDate\":\"%s\"}".formatted(patient, from)));
    }

    /** The patient record linked to a demo identity, made (with synthetic details) when there is none yet. */
    static String patientRecord(Api admin, String subject) {
        JsonObject found = admin.get("/api/patients?idpSubject=" + subject).json();
        if (found.getInt("total") > 0) {
            return found.getJsonArray("items").getJsonObject(0).getString("id");
        }
        return AccessFixture.id(admin.post("/api/patients", """
                {"idpSubject":"%s","displayName":"Live Patient",
                 "emergencyContact":{"name":"Live Contact","phone":"+1 555 0100"}}""".formatted(subject)));
    }

    private static LiveGroups create(Api admin, String label, List<String> patientSubjects, ZonedDateTime start,
            int lengthMinutes, String programPlan, boolean consent) {
        String site = AccessFixture.id(admin.post("/api/sites", AccessFixture.site(label + " Site " + UUID.randomUUID())));
        String program = AccessFixture.id(admin.post("/api/programs", AccessFixture.program(site)));
        if (programPlan != null) {
            HttpResult planned = admin.put("/api/programs/" + program, programPlan);
            assertThat(planned.status()).as(planned.toString()).isEqualTo(200);
        }
        String facilitator = admin.get("/api/staff?idpSubject=" + DemoIdentities.FACILITATOR).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        String group = AccessFixture.id(admin.post("/api/groups", """
                {"name":"%s Group","programId":"%s","capacity":12,
                 "schedule":{"timeZone":"%s","slots":[
                   {"dayOfWeek":"%s","startTime":"%s","lengthMinutes":%d}]},
                 "facilitatorIds":["%s"]}""".formatted(label, program, start.getZone().getId(), start.getDayOfWeek(),
                start.toLocalTime(), lengthMinutes, facilitator)));
        LocalDate day = start.toLocalDate();
        List<String> memberships = new ArrayList<>();
        Map<String, String> patients = new LinkedHashMap<>();
        for (String subject : patientSubjects) {
            memberships.add(enrol(admin, program, group, subject, day.minusDays(1)));
            patients.put(subject, patientRecord(admin, subject));
        }
        // Their join needs the program's consent texts accepted (CONSENT_REQUIRED otherwise), as a patient's page does.
        if (consent) {
            Consent.giveAll(admin, program, patientSubjects);
        }
        HttpResult generated = admin.post("/api/groups/" + group + "/sessions/generate",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(day, day));
        assertThat(generated.status()).as(generated.toString()).isIn(200, 201);
        JsonObject session = generated.json().getJsonArray("created").getJsonObject(0);
        assertThat(Instant.parse(session.getString("startsAt"))).isEqualTo(start.toInstant());
        return new LiveGroups(group, session.getString("id"), program, List.copyOf(memberships), java.util.Collections.unmodifiableMap(patients),
                day, start.toInstant());
    }

    /** {@code zone} when the time of day there is between the bounds, else Tokyo (about half a day away). */
    private static ZoneId fits(ZoneId zone, LocalTime after, LocalTime before) {
        LocalTime now = LocalTime.now(zone);
        return now.isAfter(after) && now.isBefore(before) ? zone : ZoneId.of("Asia/Tokyo");
    }
}
