package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lantir.config.OperationInterval;
import org.lantir.events.EventFeed;
import org.lantir.sync.redcap.RedcapEmulator;

/** The scheduler on real threads: one per source, and a prompt stop. */
class SyncSchedulerThreadsTest {

    @Test
    void stopEndsARunStuckOnASlowServerPromptlyAndRecordsNoFailure() throws Exception {
        try (RedcapEmulator redcap = RedcapEmulator.start(); EventFeed feed = new EventFeed()) {
            redcap.slowDelay(Duration.ofSeconds(120));
            redcap.fault(RedcapEmulator.Fault.SLOW);
            MemoryEventLog eventLog = new MemoryEventLog(10);
            MemorySyncStateStore states = new MemorySyncStateStore();
            SyncScheduler scheduler = scheduler(feed, eventLog, states);
            scheduler.add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN),
                    Duration.ofSeconds(60), OperationInterval.ALL_DAY);
            scheduler.start();
            awaitRequest(redcap);
            var queued = scheduler.syncNow(SyncSchedulerTest.NAME, true);

            scheduler.stop();

            // The guard is far below the emulator's delay and the client's 60 s timeout.
            assertThat(scheduler.awaitTermination(Duration.ofSeconds(20))).isTrue();
            assertThat(queued).failsWithin(Duration.ofSeconds(20))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("stopped");
            assertThat(syncThreads()).isEmpty();
            assertThat(eventLog.appended()).isZero();
            assertThat(states.size()).isZero();
        }
    }

    @Test
    void eachSourceRunsOnItsOwnThread() throws Exception {
        try (RedcapEmulator redcap = RedcapEmulator.start(); EventFeed feed = new EventFeed()) {
            redcap.slowDelay(Duration.ofSeconds(120));
            redcap.fault(RedcapEmulator.Fault.SLOW);
            SyncScheduler scheduler = scheduler(feed, new MemoryEventLog(10),
                    new MemorySyncStateStore());
            scheduler.add(named(redcap, "site_a"), Duration.ofSeconds(60),
                    OperationInterval.ALL_DAY);
            scheduler.add(named(redcap, "site_b"), Duration.ofSeconds(60),
                    OperationInterval.ALL_DAY);
            scheduler.start();
            while (redcap.requestCount() < 2) {
                Thread.sleep(10);
            }

            assertThat(syncThreads()).containsExactlyInAnyOrder("sync-site_a", "sync-site_b");
            scheduler.stop();
            assertThat(scheduler.awaitTermination(Duration.ofSeconds(20))).isTrue();
        }
    }

    private static SyncScheduler scheduler(EventFeed feed, MemoryEventLog eventLog,
            MemorySyncStateStore states) {
        return new SyncScheduler(new RepositorySyncSink(new MemoryWorklistRepository()),
                states, eventLog, feed, Clock.system(SyncSchedulerTest.ZONE),
                SyncSchedulerTest.SETTINGS);
    }

    private static DataSource named(RedcapEmulator redcap, String name) {
        DataSource inner = SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN);
        return new DataSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FetchResult fetch(SyncWindow window) throws SourceException {
                return inner.fetch(window);
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    private static void awaitRequest(RedcapEmulator redcap) throws InterruptedException {
        for (int i = 0; i < 2000 && redcap.requestCount() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(redcap.requestCount()).isPositive();
    }

    private static Set<String> syncThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("sync-"))
                .collect(Collectors.toSet());
    }
}
