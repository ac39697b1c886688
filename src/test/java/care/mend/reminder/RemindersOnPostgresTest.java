package care.mend.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.TestPersistence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The same rules on PostgreSQL, where a trigger also keeps the record of what was sent, and where two nodes sending
 * the same reminder at the same moment send it once.
 */
class RemindersOnPostgresTest extends RemindersContract {

    private EmbeddedPostgres postgres;

    @Override
    DataSource startDatabase() throws Exception {
        postgres = EmbeddedPostgres.start();
        return postgres.getPostgresDatabase();
    }

    @Override
    void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveTheRecordOfAReminderSent() throws SQLException {
        Clinic c = clinic();
        run(c, new Outbox(), HOUR_BEFORE);
        SentReminder sent = sentFor(c).get(0);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String change : new String[] {
                    "update sent_reminder set sent_at = now() where id = '" + sent.id() + "'",
                    "delete from sent_reminder where id = '" + sent.id() + "'", "truncate sent_reminder cascade"}) {
                assertThatThrownBy(() -> statement.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(sentFor(c)).hasSize(2);
    }

    @Test
    void twoNodesSendingTheSameReminderAtOnceSendItOnce() throws Exception {
        Clinic c = clinic();
        Reminders.Due due = new Reminders.Due(c.monday().id(), c.patients().get("optedIn"), c.monday().startsAt());
        CountDownLatch handingOver = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Outbox first = new Outbox() {
            @Override
            public void send(String address, ReminderMessage message) {
                handingOver.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.send(address, message);
            }
        };
        Outbox second = new Outbox();
        CompletableFuture<Reminders.Outcome> one = CompletableFuture.supplyAsync(() -> TestPersistence.inTransaction(
                emf, em -> reminders(em, c, first, HOUR_BEFORE).send(due, LEAD, PAGE)));
        assertThat(handingOver.await(30, TimeUnit.SECONDS)).as("the first node is handing its message over").isTrue();
        CompletableFuture<Reminders.Outcome> two = CompletableFuture.supplyAsync(() -> TestPersistence.inTransaction(
                emf, em -> reminders(em, c, second, HOUR_BEFORE).send(due, LEAD, PAGE)));
        awaitAnInsertWaitingOnALock();
        release.countDown();

        assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(Reminders.Outcome.SENT);
        assertThatThrownBy(() -> two.get(30, TimeUnit.SECONDS)).as("the second node's row loses to the first's")
                .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
        assertThat(first.sent).hasSize(1);
        assertThat(second.sent).isEmpty();
        assertThat(sentFor(c)).hasSize(1);
    }

    /** Until a session of this database waits on a lock: the second node's insert, behind the first's row. */
    private void awaitAnInsertWaitingOnALock() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            while (System.nanoTime() < until) {
                try (ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and query like 'insert into sent_reminder%'")) {
                    waiting.next();
                    if (waiting.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the second node's insert never waited on the first's row");
    }
}
