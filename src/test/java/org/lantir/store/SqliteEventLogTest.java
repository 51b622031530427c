package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.testing.InMemoryEventLog;
import org.lantir.worklist.EventLog;
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
    void recentByKindPrefixKeepsOnlyThoseKindsNewestFirstAndLimited() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);
            Instant t0 = clock.instant();
            log.append(EventRecord.of(t0, "MPPS_CREATED", "MRI_3T", "2.25.1", 4L, "a"));
            log.append(EventRecord.of(t0.plusSeconds(1), "SYNC_SUCCEEDED", "redcap", null, null,
                    "b"));
            log.append(EventRecord.of(t0.plusSeconds(2), "MPPSX", "MRI_3T", "2.25.9", null, "c"));
            log.append(EventRecord.of(t0.plusSeconds(3), "MPPS_UPDATED", "MRI_3T", "2.25.1", 4L,
                    "d"));
            log.append(EventRecord.of(t0.plusSeconds(4), "mpps_created", "MRI_3T", "2.25.2",
                    null, "e"));

            assertThat(log.recentOfKind("MPPS_", null, 10)).extracting(EventRecord::message)
                    .as("'_' is a character, not LIKE's wildcard; case counts")
                    .containsExactly("d", "a");
            assertThat(log.recentOfKind("MPPS_", null, 1)).extracting(EventRecord::kind)
                    .containsExactly("MPPS_UPDATED");
            assertThat(log.recentOfKind("SYNC_", null, 10)).extracting(EventRecord::source)
                    .containsExactly("redcap");
            assertThat(log.recentOfKind("NOTHING", null, 10)).isEmpty();
        }
    }

    @Test
    void theDefaultQueryOfALogInMemoryAgreesWithTheStore() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog stored = new SqliteEventLog(db);
            InMemoryEventLog memory = new InMemoryEventLog();
            Instant t0 = clock.instant();
            for (int i = 0; i < 6; i++) {
                EventRecord e = EventRecord.of(t0.plusSeconds(i), i % 2 == 0 ? "MPPS_CREATED"
                        : "SYNC_FAILED", "s", "2.25." + i, null, "m" + i);
                stored.append(e);
                memory.append(e);
            }

            assertThat(memory.recentOfKind("MPPS_", null, 2)).extracting(EventRecord::message)
                    .containsExactly("m4", "m2")
                    .isEqualTo(stored.recentOfKind("MPPS_", null, 2).stream()
                            .map(EventRecord::message).toList());
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

    @Test
    void recentOfKindFiltersByKindPrefixAndSourceNewestFirst() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);
            Instant t0 = clock.instant();
            log.append(EventRecord.of(t0, "SYNC_SUCCEEDED", "site_a", null, null, "a1"));
            log.append(EventRecord.of(t0.plusSeconds(1), "MPPS_CREATED", "MRI_3T", "2.25.1",
                    null, "m"));
            log.append(EventRecord.of(t0.plusSeconds(2), "SYNC_FAILED", "site_b", null, null,
                    "b1"));
            log.append(EventRecord.of(t0.plusSeconds(3), "SYNC_SUCCEEDED", "site_a", null,
                    null, "a2"));
            log.append(EventRecord.of(t0.plusSeconds(4), "sync_succeeded", "site_a", null,
                    null, "lower case is another kind"));
            log.append(EventRecord.of(t0.plusSeconds(5), "SYNCX", "site_a", null, null,
                    "an underscore is no wildcard"));

            assertThat(log.recentOfKind("SYNC_", null, 10)).extracting(EventRecord::message)
                    .containsExactly("a2", "b1", "a1");
            assertThat(log.recentOfKind("SYNC_", "site_a", 10)).extracting(EventRecord::message)
                    .containsExactly("a2", "a1");
            assertThat(log.recentOfKind("SYNC_", null, 2)).extracting(EventRecord::message)
                    .containsExactly("a2", "b1");
            assertThat(log.recentOfKind("SYNC_FAILED", null, 10)).extracting(EventRecord::source)
                    .containsExactly("site_b");
            assertThat(log.recentOfKind("SYNC_", "nobody", 10)).isEmpty();
        }
    }

    @Test
    void recentOfKindAgreesWithTheInterfaceDefault() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);
            for (int i = 0; i < 30; i++) {
                log.append(EventRecord.of(clock.instant().plusSeconds(i % 7),
                        i % 3 == 0 ? "MPPS_UPDATED" : "SYNC_SUCCEEDED", "s" + (i % 2), null,
                        null, "event " + i));
            }
            EventLog filteringDefault = new EventLog() {
                @Override
                public EventRecord append(EventRecord event) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public java.util.List<EventRecord> recent(int limit) {
                    return log.recent(limit);
                }
            };

            assertThat(log.recentOfKind("SYNC_", "s1", 8))
                    .isEqualTo(filteringDefault.recentOfKind("SYNC_", "s1", 8))
                    .hasSize(8);
            assertThat(log.recentOfKind("MPPS_", null, 100))
                    .isEqualTo(filteringDefault.recentOfKind("MPPS_", null, 100))
                    .hasSize(10);
        }
    }

    @Test
    void replaceRewritesAnEntryInPlace() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);
            Instant t0 = clock.instant();
            EventRecord first = log.append(EventRecord.of(t0, "SYNC_SUCCEEDED", "s", null,
                    null, "one run"));
            EventRecord other = log.append(EventRecord.of(t0.plusSeconds(1), "MPPS_CREATED",
                    "MRI", "2.25.1", null, "IN PROGRESS"));

            EventRecord replaced = log.replace(new EventRecord(first.id(), t0.plusSeconds(60),
                    "SYNC_SUCCEEDED", "s", null, null, "two runs"));

            assertThat(replaced.id()).isEqualTo(first.id());
            assertThat(log.recent(10)).containsExactly(replaced, other);
            assertThatThrownBy(() -> log.replace(new EventRecord(999L, t0, "X", null, null,
                    null, null))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.replace(EventRecord.of(t0, "X", null, null, null,
                    null))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void removeOlderThanTakesOnlyOldEventsOfTheKind() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);
            Instant t0 = clock.instant();
            log.append(EventRecord.of(t0, "SYNC_FAILED", "s", null, null, "old run"));
            EventRecord oldMpps = log.append(EventRecord.of(t0, "MPPS_CREATED", "MRI", "2.25.1",
                    null, "old step"));
            EventRecord newRun = log.append(EventRecord.of(t0.plusSeconds(10), "SYNC_SUCCEEDED",
                    "s", null, null, "new run"));
            // SQLite's LIKE would take '_' as any character: this kind must stay.
            EventRecord lookalike = log.append(EventRecord.of(t0, "SYNCXSUCCEEDED", "s", null,
                    null, "not a run"));

            int removed = log.removeOlderThan("SYNC_", t0.plusSeconds(10));

            assertThat(removed).isEqualTo(1);
            assertThat(log.recent(10)).containsExactlyInAnyOrder(oldMpps, newRun, lookalike);
        }
    }

    @Test
    void containsFindsAnEventByKindAndSubject() {
        try (Database db = Database.open(dir.resolve("w.db"), clock)) {
            SqliteEventLog log = new SqliteEventLog(db);
            log.append(EventRecord.of(clock.instant(), "WORKLIST_POSSIBLE_DUPLICATE", "a+b",
                    "rows 3+7", 7L, "Rows 3 and 7"));

            assertThat(log.contains("WORKLIST_POSSIBLE_DUPLICATE", "rows 3+7")).isTrue();
            assertThat(log.contains("WORKLIST_POSSIBLE_DUPLICATE", "rows 3+8")).isFalse();
            assertThat(log.contains("MPPS_CREATED", "rows 3+7")).isFalse();
        }
    }
}
