package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import care.mend.media.FakeMediaServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A registry on a direct executor, a manual clock and scheduler, the fake media server and a recorder: every command
 * has run, and every event has been delivered, by the time the call returns. Subjects are {@code f1..f3} for
 * facilitators and {@code p1..p14} for patients; {@code stranger} is on no roster.
 */
final class RoomFixture {

    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(3));

    final ManualClock clock = new ManualClock(START.minus(Duration.ofMinutes(10)));
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final FakeMediaServer media;
    final Recorder recorder = new Recorder();
    final RoomRegistry registry;
    final UUID sessionId = UUID.randomUUID();
    boolean autoAdmit;
    /** Patients the plans flag outside licensure. */
    final Set<String> outsideLicensure = new java.util.HashSet<>();

    RoomFixture() {
        this(new FakeMediaServer(), Runnable::run, RoomConfig.DEFAULTS);
    }

    RoomFixture(FakeMediaServer media, Executor executor, RoomConfig config) {
        this.media = media;
        this.registry = new RoomRegistry(config, new RoomRuntime(executor, scheduler, clock), media,
                recorder.outlets());
    }

    RoomFixture autoAdmit() {
        autoAdmit = true;
        return this;
    }

    RoomPlan plan() {
        return plan(sessionId);
    }

    RoomPlan plan(UUID session) {
        Set<String> patients = new LinkedHashSet<>();
        for (int i = 1; i <= 14; i++) {
            patients.add("p" + i);
        }
        return new RoomPlan(session, START, END, Set.of("f1", "f2", "f3"), patients, autoAdmit, names(patients))
                .withOutsideLicensure(outsideLicensure);
    }

    /** Staff {@code f1} is "Facilitator f1"; patient {@code p1} is "Chosen p1" to the group, "Record p1" on record. */
    static Map<String, ParticipantName> names(Set<String> patients) {
        Map<String, ParticipantName> names = new java.util.HashMap<>();
        for (String staff : Set.of("f1", "f2", "f3")) {
            names.put(staff, ParticipantName.staff("Facilitator " + staff));
        }
        for (String patient : patients) {
            names.put(patient, ParticipantName.patient("Chosen " + patient, "Record " + patient, recordOf(patient)));
        }
        return names;
    }

    /** The synthetic patient record id of a subject. */
    static UUID recordOf(String subject) {
        return UUID.nameUUIDFromBytes(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The latest resume token each participant was given. */
    final Map<ParticipantId, ResumeToken> tokens = new ConcurrentHashMap<>();

    RoomEntry join(String subject) {
        RoomEntry entry = done(registry.join(plan(), subject));
        tokens.put(entry.participantId(), entry.resumeToken());
        return entry;
    }

    /** Resumes the participant with its latest token. */
    RoomEntry resume(String subject, ParticipantId id) {
        RoomEntry entry = done(registry.resume(sessionId, subject, tokens.get(id)));
        tokens.put(entry.participantId(), entry.resumeToken());
        return entry;
    }

    /** Joins a patient and has facilitator {@code by} admit them. */
    ParticipantId seatPatient(ParticipantId by, String subject) {
        RoomEntry entry = join(subject);
        if (entry.snapshot().you().status() == ParticipantStatus.WAITING) {
            done(room().admit(by, entry.participantId()));
        }
        return entry.participantId();
    }

    Room room() {
        return registry.find(sessionId).orElseThrow();
    }

    ParticipantView view(ParticipantId viewer, ParticipantId of) {
        RoomSnapshot s = done(room().snapshot(viewer));
        return s.participants().stream().filter(v -> v.id().equals(of)).findFirst()
                .or(() -> s.waiting().stream().filter(v -> v.id().equals(of)).findFirst())
                .orElse(null);
    }

    static <T> T done(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("refused: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("not done", e);
        }
    }

    /** Asserts that the stage failed with the code. */
    static RoomException refused(CompletionStage<?> stage, RoomErrorCode code) {
        try {
            Object value = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            return fail("expected %s but succeeded with %s", code, value);
        } catch (ExecutionException e) {
            RoomException refusal = RoomException.of(e).orElseThrow(() -> new AssertionError("not a refusal", e));
            assertThat(refusal.code()).isEqualTo(code);
            return refusal;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("not done", e);
        }
    }
}
