package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.LogCapture;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

/**
 * Two Lantir processes on one database file, as a running server and {@code lantir import} or
 * {@code lantir query-db} are: each opens its own {@link Database}, so their writes meet at
 * SQLite's file lock, not at the store's in-process write lock.
 */
class TwoWritersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aWriterWaitsForTheOtherProcessesTransactionToEnd() throws Exception {
        Path file = dir.resolve("w.db");
        try (Database server = Database.open(file); Database other = Database.open(file)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> held = hold(other, holding, release);
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            Future<WorklistItem> write = threads.submit(() -> new SqliteWorklistRepository(server)
                    .insert(row("waited")));
            Thread.sleep(200); // let the write meet the lock; the test holds it, not a timer
            assertThat(write).isNotDone();
            release.countDown();

            assertThat(write.get(30, TimeUnit.SECONDS).sourceKey()).isEqualTo("waited");
            held.get(30, TimeUnit.SECONDS);
            assertThat(new SqliteWorklistRepository(server).find(WorklistFilter.all()))
                    .extracting(WorklistItem::sourceKey).containsExactlyInAnyOrder("held",
                            "waited");
        }
    }

    @Test
    void aWriteThatStaysBusyFailsInPlainWordsAndTheConnectionStaysUsable() throws Exception {
        Path file = dir.resolve("w.db");
        try (Database server = Database.open(file, Clock.systemUTC(), Duration.ofMillis(200));
                Database other = Database.open(file);
                LogCapture log = new LogCapture()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> held = hold(other, holding, release);
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            SqliteWorklistRepository rows = new SqliteWorklistRepository(server);

            assertThatThrownBy(() -> rows.insert(row("refused")))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageContaining("the database was busy (another Lantir command is "
                            + "writing: lantir import?)");
            release.countDown();
            held.get(30, TimeUnit.SECONDS);

            assertThat(log.events()).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            // The next transaction is a real one: it rolls back whole, and commits.
            assertThatThrownBy(() -> server.inTransaction(c -> {
                WorklistItemRows.insert(c, row("rolled-back"), server.clock().instant());
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            rows.insert(row("after"));
            assertThat(rows.find(WorklistFilter.all())).extracting(WorklistItem::sourceKey)
                    .containsExactlyInAnyOrder("held", "after");
            assertThat(log.events()).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        }
    }

    @Test
    void openingACurrentDatabaseOnlyReadsSoItOpensWhileAnotherProcessWrites() throws Exception {
        Path file = dir.resolve("w.db");
        Database.open(file).close();
        try (Database server = Database.open(file)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> held = hold(server, holding, release);
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            try (Database queryDb = Database.open(file, Clock.systemUTC(),
                    Duration.ofMillis(200))) {
                assertThat(queryDb.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
                assertThat(new SqliteWorklistRepository(queryDb).find(WorklistFilter.all()))
                        .isEmpty();
            } finally {
                release.countDown();
            }
            held.get(30, TimeUnit.SECONDS);
        }
    }

    /** Opens a write transaction on {@code db} that inserts a row and stays open until told. */
    private Future<?> hold(Database db, CountDownLatch holding, CountDownLatch release) {
        return threads.submit(() -> db.inTransaction(c -> {
            WorklistItemRows.insert(c, row("held"), db.clock().instant());
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
    }

    private static WorklistItem row(String key) {
        return TestItems.scheduled("s", key, DAY, LocalTime.NOON);
    }
}
