package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.lantir.events.EventFeed;
import org.lantir.store.DatabaseBusyException;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;

/**
 * A run whose write meets a database another process holds (lantir import): it fails in
 * plain words, is still recorded in the history when the database frees up, and when even
 * the record cannot be written, that is said once, without a stack trace.
 */
class SourceRunnerBusyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"),
            ZoneOffset.UTC);
    private final MemoryEventLog eventLog = new MemoryEventLog(20);

    @Test
    void aRunThatFindsTheDatabaseBusyFailsInPlainWordsAndIsRecorded() {
        try (LogCapture log = new LogCapture(); EventFeed feed = new EventFeed()) {
            SyncOutcome outcome = runner(new BusySink(1), feed).run(false);

            assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
            assertThat(outcome.error()).isEqualTo(DatabaseBusyException.REASON);
            assertThat(new SyncHistory(eventLog).recent("src", 5)).singleElement()
                    .satisfies(run -> assertThat(run.error()).isEqualTo(
                            "the database was busy (another Lantir command is writing: "
                                    + "lantir import?)"));
            assertThat(log.events()).noneMatch(e -> e.getLevel() == Level.ERROR);
        }
    }

    @Test
    void whenTheFailureCannotBeRecordedEitherThatIsLoggedOncePlainly() {
        try (LogCapture log = new LogCapture(); EventFeed feed = new EventFeed()) {
            runner(new BusySink(2), feed).run(false);

            assertThat(eventLog.recent(5)).isEmpty();
            assertThat(log.events()).noneMatch(e -> e.getLevel() == Level.ERROR)
                    .noneMatch(e -> e.getThrowableProxy() != null);
            assertThat(log.messages(Level.WARN)).filteredOn(m -> m.contains("missing from"))
                    .containsExactly("Sync src: this failed run is missing from the sync "
                            + "history: " + DatabaseBusyException.REASON);
        }
    }

    private SourceRunner runner(SyncSink sink, EventFeed feed) {
        DataSource source = new DataSource() {
            @Override
            public String name() {
                return "src";
            }

            @Override
            public FetchResult fetch(SyncWindow window) {
                return new FetchResult(List.of(), true, List.of());
            }
        };
        return new SourceRunner(source, sink, new MemorySyncStateStore(), eventLog, feed, clock,
                Duration.ofMinutes(5));
    }

    /** A sink whose first {@code busyTimes} transactions meet a busy database. */
    private static final class BusySink implements SyncSink {

        private final AtomicInteger busyLeft;

        BusySink(int busyTimes) {
            busyLeft = new AtomicInteger(busyTimes);
        }

        @Override
        public SyncCounts apply(String source, List<WorklistItem> rows, boolean complete) {
            return SyncCounts.NONE;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (busyLeft.getAndDecrement() > 0) {
                throw new DatabaseBusyException("Writing to w.db failed: "
                        + DatabaseBusyException.REASON, null);
            }
            return work.get();
        }
    }
}
