package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lantir.config.OperationInterval;
import org.lantir.events.EventFeed;
import org.lantir.sync.redcap.RedcapEmulator;

/**
 * Thousands of sync cycles against the emulator leave nothing behind: the Python tool's
 * memory grew from about 110 MB to 700 MB in five days. Counts of what Lantir's own
 * structures hold are compared, not times.
 */
class SyncCyclesTest {

    private static final int CYCLES = 2000;
    private static final int WARM_UP = 200;

    @Test
    void twoThousandCyclesRetainNothingPerCycle() throws Exception {
        try (RedcapEmulator redcap = RedcapEmulator.start(); EventFeed feed = new EventFeed()) {
            MutableClock clock = MutableClock.at(LocalDateTime.of(2025, 3, 10, 8, 0),
                    SyncSchedulerTest.ZONE);
            ManualScheduler manual = new ManualScheduler(clock);
            MemoryWorklistRepository repository = new MemoryWorklistRepository();
            MemorySyncStateStore states = new MemorySyncStateStore();
            MemoryEventLog eventLog = new MemoryEventLog(50);
            AtomicLong published = new AtomicLong();
            feed.subscribe(event -> published.incrementAndGet());
            SyncScheduler scheduler = new SyncScheduler(new RepositorySyncSink(repository),
                    states, eventLog, feed, clock, SyncSchedulerTest.SETTINGS, name -> manual);
            scheduler.add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN),
                    SyncSchedulerTest.INTERVAL, OperationInterval.ALL_DAY);
            scheduler.start();

            Snapshot warm = null;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                if (cycle % 50 == 0) {
                    // Keep some runs busy: a scan time moves back and forth.
                    redcap.project().setValue("1", 1, "mri_time",
                            cycle % 100 == 0 ? "09:45" : "09:30", clock.localNow());
                }
                manual.runNext();
                if (cycle == WARM_UP) {
                    warm = Snapshot.take();
                }
            }
            Snapshot end = Snapshot.take();
            scheduler.stop();

            assertThat(redcap.requestCount()).isEqualTo(2 * CYCLES);
            assertThat(repository.size()).isEqualTo(4);
            assertThat(repository.bySourceKey(SyncSchedulerTest.NAME, "1:1")).isNotNull();
            assertThat(manual.pending()).isZero();
            assertThat(states.size()).isEqualTo(1);
            assertThat(eventLog.appended()).isGreaterThanOrEqualTo(CYCLES / 50);
            assertThat(eventLog.retained()).isLessThanOrEqualTo(50);
            assertThat(redcap.retainedRequests()).isLessThanOrEqualTo(500);
            assertThat(end.threads).isLessThanOrEqualTo(warm.threads + 2);
            assertThat(end.heapBytes - warm.heapBytes).isLessThan(24L * 1024 * 1024);
        }
    }

    @Test
    void schedulerKeepsOneTaskPerSourceAcrossManyRuns() throws Exception {
        try (RedcapEmulator redcap = RedcapEmulator.start(); EventFeed feed = new EventFeed()) {
            SyncScheduler scheduler = new SyncScheduler(
                    new RepositorySyncSink(new MemoryWorklistRepository()),
                    new MemorySyncStateStore(), new MemoryEventLog(10), feed,
                    java.time.Clock.system(SyncSchedulerTest.ZONE), SyncSchedulerTest.SETTINGS);
            scheduler.add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN),
                    java.time.Duration.ofHours(1), OperationInterval.ALL_DAY);
            scheduler.start();

            for (int i = 0; i < 200; i++) {
                assertThat(scheduler.syncNow(SyncSchedulerTest.NAME, false)
                        .get(20, java.util.concurrent.TimeUnit.SECONDS).succeeded()).isTrue();
            }

            assertThat(scheduler.pendingTasks(SyncSchedulerTest.NAME)).isEqualTo(1);
            scheduler.stop();
        }
    }

    /** Threads and used heap after a collection. */
    private static final class Snapshot {
        final int threads;
        final long heapBytes;

        private Snapshot(int threads, long heapBytes) {
            this.threads = threads;
            this.heapBytes = heapBytes;
        }

        static Snapshot take() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return new Snapshot(ManagementFactory.getThreadMXBean().getThreadCount(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }
}
