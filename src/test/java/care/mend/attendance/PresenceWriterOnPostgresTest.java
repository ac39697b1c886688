package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.media.MediaModality;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
import care.mend.schedule.GroupSession;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The presence writer with the real JPA store on a real PostgreSQL that becomes unavailable mid-stream: the
 * events published meanwhile are kept, retried, and stored exactly once when the database is back.
 */
class PresenceWriterOnPostgresTest {

    private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    void noEventIsLostWhileTheDatabaseIsUnavailable() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            EntityManagerFactory emf = TestPersistence.migrateAndValidate(postgres.getPostgresDatabase());
            UUID sessionId = session(emf);
            AtomicInteger failures = new AtomicInteger();
            CountDownLatch firstFailure = new CountDownLatch(1);
            CountDownLatch firstTen = new CountDownLatch(10);
            CountDownLatch all = new CountDownLatch(40);
            PresenceStore realStore = events -> {
                EntityManager em = emf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    JpaPresenceStore store = new JpaPresenceStore();
                    store.em = em;
                    int stored = store.storeNew(events);
                    em.getTransaction().commit();
                    for (int i = 0; i < stored; i++) {
                        firstTen.countDown();
                        all.countDown();
                    }
                    return stored;
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    firstFailure.countDown();
                    throw e;
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            };

            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                 Statement sql = admin.createStatement();
                 PresenceWriter writer = new PresenceWriter(realStore, Duration.ofMillis(20),
                         Duration.ofMillis(100))) {
                for (int i = 0; i < 10; i++) {
                    writer.publish(event(sessionId, i));
                }
                assertThat(firstTen.await(60, TimeUnit.SECONDS)).isTrue();
                sql.execute("alter table presence_event rename to presence_event_offline");
                for (int i = 10; i < 40; i++) {
                    writer.publish(event(sessionId, i));
                }
                writer.publish(event(sessionId, 5)); // a replay, during the outage
                assertThat(firstFailure.await(30, TimeUnit.SECONDS)).isTrue();
                sql.execute("alter table presence_event_offline rename to presence_event");
                assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(failures.get()).isPositive();
            assertThat(count(emf)).isEqualTo(40);
            emf.close();
        }
    }

    private static long count(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select count(p) from PresenceRecord p", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    /** Events of every kind in turn, so that the schema's kind check is known to take each one. */
    private static PresenceEvent event(UUID sessionId, int n) {
        PresenceKind kind = PresenceKind.values()[n % PresenceKind.values().length];
        return new PresenceEvent(sessionId, new ParticipantId("p" + n), "subject-" + n, RoomRole.PATIENT,
                kind, MediaModality.AUDIO_VIDEO, NOW.plusSeconds(n), sessionId + ":p" + n + ":" + kind + ":1");
    }

    private static UUID session(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            ZoneId chicago = ZoneId.of("America/Chicago");
            Site site = new Site("Writer Clinic", "Jackson", "TN", chicago, NOW);
            Program program = new Program(site.id(), "Writer IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), NOW);
            StaffMember facilitator = new StaffMember("writer-facilitator", "F", NOW);
            WeeklySchedule schedule = new WeeklySchedule(chicago,
                    List.of(new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180)));
            TherapyGroup group = new TherapyGroup("Writer group", program.id(), site.id(), 12, schedule,
                    Set.of(facilitator.id()), NOW);
            LocalDate monday = LocalDate.of(2026, 11, 2);
            GroupSession session = new GroupSession(group.id(),
                    SessionScheduler.expand(schedule, monday, monday).get(0), NOW);
            for (Object entity : List.of(site, program, facilitator, group, session)) {
                em.persist(entity);
            }
            em.getTransaction().commit();
            return session.id();
        } finally {
            em.close();
        }
    }
}
