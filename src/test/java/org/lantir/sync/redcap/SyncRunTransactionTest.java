package org.lantir.sync.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.events.LantirEvent;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncState;
import org.lantir.sync.SyncStateStore;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.WorklistFilter;

/**
 * A run's rows, its sync state and its event log entry are one transaction in SQLite, and
 * every run that ends is in the event log, quiet ones sharing an entry.
 */
@Timeout(60)
class SyncRunTransactionTest {

    @TempDir
    Path dir;
    private RedcapEmulator redcap;
    private RedcapSync sync;

    @BeforeEach
    void start() throws Exception {
        redcap = RedcapEmulator.start();
    }

    @AfterEach
    void stop() {
        if (sync != null) {
            sync.close();
        }
        redcap.close();
    }

    /**
     * The sync state cannot be written after the rows were: the whole run rolls back, so
     * the next run asks again for everything and nothing is stored twice or half.
     */
    @Test
    void aRunWhoseSyncStateCannotBeSavedKeepsNoneOfItsRows() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        sync = RedcapSync.of(dir, RedcapSync.source(redcap.apiUrl()),
                states -> new FailingStates(states, broken));
        List<LantirEvent> told = new CopyOnWriteArrayList<>();
        sync.feed.subscribe(told::add);

        SyncOutcome outcome = sync.run();

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
        assertThat(outcome.error()).contains("internal error (IllegalStateException)");
        assertThat(sync.rows()).isEmpty();
        assertThat(sync.states.load(RedcapSync.SOURCE)).isEmpty();
        assertThat(sync.history().last(RedcapSync.SOURCE)).get()
                .extracting(SyncRunRecord::succeeded).isEqualTo(false);

        broken.set(false);
        SyncOutcome retry = sync.run();

        assertThat(retry.window().full()).isTrue();
        assertThat(retry.counts().added()).isEqualTo(4);
        assertThat(sync.rows()).hasSize(4);
        // The feed delivers in order on its own thread: once the second run's news is here,
        // news of the first would be too. The rolled-back run told nobody of rows that
        // never were.
        for (int i = 0; i < 2000 && told.stream()
                .noneMatch(LantirEvent.WorklistChanged.class::isInstance); i++) {
            Thread.sleep(10);
        }
        assertThat(told).filteredOn(LantirEvent.WorklistChanged.class::isInstance)
                .singleElement().extracting(e -> ((LantirEvent.WorklistChanged) e).added())
                .isEqualTo(4);
    }

    /** Whoever hears of a sync's rows can read them: the news goes out at commit. */
    @Test
    void theWorklistIsToldOfTheRowsOnlyOnceTheyCanBeRead() throws Exception {
        sync = RedcapSync.of(dir, RedcapSync.source(redcap.apiUrl()));
        List<Integer> readWhenTold = new CopyOnWriteArrayList<>();
        CountDownLatch told = new CountDownLatch(1);
        sync.feed.subscribe(event -> {
            if (event instanceof LantirEvent.WorklistChanged) {
                readWhenTold.add(sync.worklist.list(WorklistFilter.all()).size());
                told.countDown();
            }
        });

        sync.run();

        assertThat(told.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(readWhenTold).containsExactly(4);
    }

    @Test
    void everyRunIsLoggedAndQuietRunsShareOneEntry() throws Exception {
        sync = RedcapSync.of(dir, RedcapSync.source(redcap.apiUrl()));
        sync.run();
        for (int i = 0; i < 10; i++) {
            sync.clock.advance(Duration.ofMinutes(1));
            assertThat(sync.run().succeeded()).isTrue();
        }
        redcap.project().setValue("1", 1, "mri_time", "10:00", sync.clock.localNow());
        sync.clock.advance(Duration.ofMinutes(1));
        sync.run();
        sync.clock.advance(Duration.ofMinutes(1));
        sync.run();

        List<SyncRunRecord> runs = sync.history().recent(RedcapSync.SOURCE, 10);
        assertThat(runs).extracting(SyncRunRecord::runs).containsExactly(1, 1, 10, 1);
        assertThat(runs.get(1).counts().updated()).isEqualTo(1);
        assertThat(runs.get(2).window()).startsWith("changes ");
        assertThat(runs.get(2).firstEnded()).isEqualTo(
                RedcapSync.NOW.plusMinutes(1).atZone(RedcapEmulator.SERVER_ZONE).toInstant());
        assertThat(runs.get(3).window()).isEqualTo("full export");
        assertThat(runs.get(3).skipReasons()).isEqualTo("scheduled date is not YYYY-MM-DD or "
                + "YYYYMMDD: 4:1");
        assertThat(sync.eventLog.recent(100)).extracting(EventRecord::kind)
                .filteredOn(kind -> kind.startsWith("SYNC_")).hasSize(4);
    }

    /** A state store whose saves fail while {@code broken} is set. */
    private record FailingStates(SyncStateStore inner, AtomicBoolean broken)
            implements SyncStateStore {

        @Override
        public Optional<SyncState> load(String source) {
            return inner.load(source);
        }

        @Override
        public void save(SyncState state) {
            if (broken.get()) {
                throw new IllegalStateException("disk full (test)");
            }
            inner.save(state);
        }
    }
}
