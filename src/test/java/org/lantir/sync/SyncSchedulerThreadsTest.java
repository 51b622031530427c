package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.config.OperationInterval;
import org.lantir.events.EventFeed;
import org.lantir.sync.redcap.RedcapEmulator;

/** The scheduler on real threads: one per source, and a prompt stop. */
@Timeout(120)
class SyncSchedulerThreadsTest {

    @Test
    void stopEndsARunStuckOnASlowServerPromptlyAndRecordsNoFailure() throws Exception {
        try (RedcapEmulator redcap = RedcapEmulator.start(); EventFeed feed = new EventFeed()) {
            redcap.slowDelay(Duration.ofSeconds(120));
            redcap.fault(RedcapEmulator.Fault.SLOW);
            MemoryEventLog eventLog = new MemoryEventLog(10);
            MemorySyncStateStore states = new MemorySyncStateStore();
            SyncScheduler scheduler = scheduler(feed, eventLog, states);
            RecordingSource source = new RecordingSource(SyncSchedulerTest.NAME, redcap);
            scheduler.add(source, Duration.ofSeconds(60), OperationInterval.ALL_DAY);
            scheduler.start();
            awaitRequest(redcap);
            var queued = scheduler.syncNow(SyncSchedulerTest.NAME, true);

            scheduler.stop();

            // The guard is far below the emulator's delay and the client's 60 s timeout.
            assertThat(scheduler.awaitTermination(Duration.ofSeconds(20))).isTrue();
            assertThat(queued).failsWithin(Duration.ofSeconds(20))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("stopped");
            assertThat(source.threads()).singleElement().satisfies(thread -> {
                assertThat(thread.getName()).isEqualTo("sync-" + SyncSchedulerTest.NAME);
                assertThat(ended(thread)).isTrue();
            });
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
            RecordingSource siteA = new RecordingSource("site_a", redcap);
            RecordingSource siteB = new RecordingSource("site_b", redcap);
            scheduler.add(siteA, Duration.ofSeconds(60), OperationInterval.ALL_DAY);
            scheduler.add(siteB, Duration.ofSeconds(60), OperationInterval.ALL_DAY);
            scheduler.start();
            while (redcap.requestCount() < 2) {
                Thread.sleep(10);
            }

            // Both runs hang on the slow server at once, each on its own thread.
            assertThat(siteA.threads()).extracting(Thread::getName).containsExactly("sync-site_a");
            assertThat(siteB.threads()).extracting(Thread::getName).containsExactly("sync-site_b");
            assertThat(siteA.threads().get(0)).isNotSameAs(siteB.threads().get(0));
            scheduler.stop();
            assertThat(scheduler.awaitTermination(Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void pauseAndResumeFromAnotherThreadKeepAtMostOneTask() throws Exception {
        try (RedcapEmulator redcap = RedcapEmulator.start(); EventFeed feed = new EventFeed()) {
            SyncScheduler scheduler = scheduler(feed, new MemoryEventLog(10),
                    new MemorySyncStateStore());
            scheduler.add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN),
                    Duration.ofHours(1), OperationInterval.ALL_DAY);
            scheduler.start();
            String name = SyncSchedulerTest.NAME;

            for (int i = 0; i < 100; i++) {
                scheduler.pause(name);
                var run = scheduler.syncNow(name, false);
                scheduler.resume(name);
                assertThat(run.get(20, java.util.concurrent.TimeUnit.SECONDS).succeeded())
                        .isTrue();
            }

            assertThat(scheduler.pendingTasks(name)).isEqualTo(1);
            assertThat(scheduler.status(name).nextRun()).isNotNull();
            scheduler.pause(name);
            assertThat(scheduler.pendingTasks(name)).isZero();
            assertThat(scheduler.status(name).nextRun()).isNull();
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

    /**
     * A REDCap source under its own name that remembers the threads its runs came on: the
     * scheduler's own threads, unlike a look at every live thread, which would also show
     * threads that other tests' schedulers were stopped without waiting for.
     */
    private static final class RecordingSource implements DataSource {
        private final String name;
        private final DataSource inner;
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        RecordingSource(String name, RedcapEmulator redcap) {
            this.name = name;
            this.inner = SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public FetchResult fetch(SyncWindow window) throws SourceException {
            if (!threads.contains(Thread.currentThread())) {
                threads.add(Thread.currentThread());
            }
            return inner.fetch(window);
        }

        @Override
        public void close() {
            inner.close();
        }

        /** The distinct threads runs came on, in order. */
        List<Thread> threads() {
            return List.copyOf(threads);
        }
    }

    private static void awaitRequest(RedcapEmulator redcap) throws InterruptedException {
        for (int i = 0; i < 2000 && redcap.requestCount() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(redcap.requestCount()).isPositive();
    }

    /**
     * Whether the thread has ended. awaitTermination returns once the executor has
     * terminated, which its last worker signals just before its thread returns: join, with a
     * timeout that guards hangs only.
     */
    private static boolean ended(Thread thread) throws InterruptedException {
        thread.join(Duration.ofSeconds(20).toMillis());
        return !thread.isAlive();
    }
}
