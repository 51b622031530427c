package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.EventRecord;

class SqliteEventLogTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2025-06-02T09:00:00Z");

    @Test
    void appendReturnsTheStoredEventWithIdAndTime() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);

            EventRecord stored = log.append(EventRecord.of(null, "SYNC_SUCCEEDED", "redcap",
                    null, null, "2 added, 0 updated, 5 unchanged, 0 removed"));

            assertThat(stored.id()).isNotNull();
            assertThat(stored.time()).isEqualTo(clock.instant());
            assertThat(log.recent(5)).containsExactly(stored);
        }
    }

    @Test
    void recentIsNewestFirstAndLimited() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);
            Instant t0 = clock.instant();
            log.append(EventRecord.of(t0.plusSeconds(60), "B", "s", null, 7L, null));
            log.append(EventRecord.of(t0, "A", "s", null, null, null));
            log.append(EventRecord.of(t0.plus(Duration.ofNanos(1500)), "C", "s", "2.25.9",
                    null, "m"));

            assertThat(log.recent(10)).extracting(EventRecord::kind)
                    .containsExactly("B", "C", "A");
            assertThat(log.recent(2)).extracting(EventRecord::kind).containsExactly("B", "C");
            assertThat(log.recent(10).get(0).worklistItemId()).isEqualTo(7L);
            assertThat(log.recent(10).get(1).time()).isEqualTo(t0.plus(Duration.ofNanos(1500)));
        }
    }

    @Test
    void eventsSurviveARestart() {
        Path file = dir.resolve("w.db");
        EventRecord stored;
        try (Database db = Database.open(file, clock)) {
            stored = new SqliteEventLog(db).append(EventRecord.of(clock.instant(), "SYNC_FAILED",
                    "redcap", null, null, "HTTP 503"));
        }

        try (Database db = Database.open(file, clock)) {
            assertThat(new SqliteEventLog(db).recent(1)).containsExactly(stored);
        }
    }
}
