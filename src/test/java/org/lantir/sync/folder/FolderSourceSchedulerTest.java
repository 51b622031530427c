package org.lantir.sync.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.OperationInterval;
import org.lantir.config.SyncSettings;
import org.lantir.events.EventFeed;
import org.lantir.sync.ManualScheduler;
import org.lantir.sync.MemoryEventLog;
import org.lantir.sync.MemorySyncStateStore;
import org.lantir.sync.MemoryWorklistRepository;
import org.lantir.sync.MutableClock;
import org.lantir.sync.RepositorySyncSink;
import org.lantir.sync.SyncScheduler;
import org.lantir.sync.SyncSink;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

/**
 * A CSV folder run by the real scheduler, time stepped by hand: runs over an unchanged folder
 * deliver nothing to write, and a run whose rows could not be written is delivered again at
 * the next run, so no change is lost. This holds the folder source to the
 * window planner's promise it relies on (an incremental window starts after the last success).
 */
class FolderSourceSchedulerTest {

    private static final String HEADER = CsvFilesTest.HEADER;

    @TempDir
    Path folder;
    private final MutableClock clock = MutableClock.at(LocalDateTime.of(2025, 2, 12, 7, 0),
            ZoneOffset.UTC);
    private final ManualScheduler manual = new ManualScheduler(clock);
    private final MemoryWorklistRepository worklist = new MemoryWorklistRepository();
    private final MemoryEventLog eventLog = new MemoryEventLog(50);
    private final AtomicBoolean failWrites = new AtomicBoolean();
    /** Per write: the rows delivered, negative when not the whole set (0: nothing). */
    private final List<Integer> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final EventFeed feed = new EventFeed();
    private SyncScheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        RepositorySyncSink store = new RepositorySyncSink(worklist);
        SyncSink sink = new SyncSink() {
            @Override
            public SyncCounts apply(String source, List<WorklistItem> rows, boolean complete) {
                return apply(source, rows, complete, java.util.Set.of());
            }

            @Override
            public SyncCounts apply(String source, List<WorklistItem> rows, boolean complete,
                    java.util.Set<String> keep) {
                deliveries.add(complete ? rows.size() : -rows.size());
                if (failWrites.getAndSet(false)) {
                    throw new IllegalStateException("disk full");
                }
                return store.apply(source, rows, complete, keep);
            }
        };
        scheduler = new SyncScheduler(sink, new MemorySyncStateStore(), eventLog, feed, clock,
                new SyncSettings(Duration.ofMinutes(5), Duration.ofSeconds(15),
                        Duration.ofMinutes(10)), name -> manual);
        DataSourceConfig config = DataSourceConfig.of("drop", DataSourceConfig.TYPE_CSV_FOLDER,
                Map.of("path", folder.toString(), "settle_seconds", 0), Map.of());
        scheduler.add(FolderSources.csv(config, clock), Duration.ofSeconds(60),
                OperationInterval.ALL_DAY);
        scheduler.start();
    }

    @AfterEach
    void stop() {
        scheduler.stop();
        feed.close();
    }

    private void write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(
                30 + Files.list(folder).count())));
    }

    private List<String> patientIds() {
        return worklist.find(WorklistFilter.all()).stream().map(WorklistItem::patientId)
                .sorted().toList();
    }

    private List<String> eventKinds() {
        return eventLog.recent(50).stream().map(EventRecord::kind).toList();
    }

    @Test
    void unchangedRunsWriteNothingAndAFailedWriteIsDeliveredAgain() throws Exception {
        write("a.csv", HEADER + "SUB1,Doe^Jane,2025-02-12,09:00,MR,MRI_3T,,\n");

        manual.runNext();
        manual.runNext();
        manual.runNext();
        manual.runNext();

        assertThat(patientIds()).containsExactly("SUB1");
        // The full first run, once more (a full run cannot be known applied), then nothing.
        assertThat(deliveries).containsExactly(1, 1, 0, 0);

        write("b.csv", HEADER + "SUB2,Doe^John,2025-02-12,10:00,MR,MRI_3T,,\n");
        failWrites.set(true);
        manual.runNext();

        assertThat(patientIds()).containsExactly("SUB1");
        assertThat(eventKinds()).first().isEqualTo("SYNC_FAILED");

        manual.runNext();
        manual.runNext();
        manual.runNext();

        assertThat(patientIds()).containsExactly("SUB1", "SUB2");
        assertThat(deliveries).containsExactly(1, 1, 0, 0, 2, 2, 0, 0);
    }
}
