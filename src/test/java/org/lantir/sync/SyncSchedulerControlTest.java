package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantir.sync.SyncSchedulerTest.INTERVAL;
import static org.lantir.sync.SyncSchedulerTest.NAME;
import static org.lantir.sync.SyncSchedulerTest.ZONE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.config.OperationInterval;
import org.lantir.events.EventFeed;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.worklist.SyncCounts;

/** Pausing and resuming one source's timer, and the status the console shows. */
class SyncSchedulerControlTest {

    RedcapEmulator redcap;
    MutableClock clock;
    ManualScheduler manual;
    MemoryEventLog eventLog;
    EventFeed feed;
    SyncScheduler scheduler;

    @BeforeEach
    void setUp() throws Exception {
        redcap = RedcapEmulator.start();
        clock = MutableClock.at(LocalDateTime.of(2025, 3, 10, 8, 0), ZONE);
        manual = new ManualScheduler(clock);
        eventLog = new MemoryEventLog(20);
        feed = new EventFeed();
        scheduler = new SyncScheduler(new RepositorySyncSink(new MemoryWorklistRepository()),
                new MemorySyncStateStore(), eventLog, feed, clock, SyncSchedulerTest.SETTINGS,
                name -> manual);
    }

    @AfterEach
    void tearDown() {
        scheduler.stop();
        feed.close();
        redcap.close();
    }

    @Test
    void statusTellsTheLastRunWithItsCountsAndTheNextRun() {
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN), OperationInterval.ALL_DAY);
        SyncSourceStatus before = scheduler.status(NAME);
        assertThat(before.nextRun()).as("not started").isNull();
        assertThat(before.lastRun()).isNull();
        scheduler.start();
        assertThat(scheduler.status(NAME).nextRun()).isEqualTo(clock.instant());
        Instant started = clock.instant();

        manual.runNext();

        SyncSourceStatus status = scheduler.status(NAME);
        assertThat(status.source()).isEqualTo(NAME);
        assertThat(status.interval()).isEqualTo(INTERVAL);
        assertThat(status.paused()).isFalse();
        assertThat(status.running()).isFalse();
        assertThat(status.insideWindow()).isTrue();
        assertThat(status.backingOff()).isFalse();
        assertThat(status.nextRun()).isEqualTo(clock.instant().plus(INTERVAL));
        assertThat(status.lastRun().started()).isEqualTo(started);
        assertThat(status.lastRun().outcome().counts()).isEqualTo(new SyncCounts(4, 0, 0, 0));
        assertThat(status.lastRun().outcome().skipped()).isEqualTo(1);
        assertThat(scheduler.statuses()).containsExactly(status);

        scheduler.stop();

        assertThat(scheduler.status(NAME).nextRun()).isNull();
    }

    @Test
    void aPausedSourceDoesNotRunOnItsTimerButRunsOnDemand() throws Exception {
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN), OperationInterval.ALL_DAY);
        scheduler.start();
        manual.runNext();
        int requests = redcap.requestCount();

        scheduler.pause(NAME);

        assertThat(manual.pending()).isZero();
        assertThat(manual.runNext()).isFalse();
        assertThat(redcap.requestCount()).isEqualTo(requests);
        SyncSourceStatus paused = scheduler.status(NAME);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.nextRun()).isNull();

        SyncOutcome onDemand = runOnDemand();

        assertThat(onDemand.succeeded()).isTrue();
        assertThat(redcap.requestCount()).isGreaterThan(requests);
        assertThat(manual.pending()).as("still paused after the run").isZero();
        assertThat(scheduler.status(NAME).lastRun().outcome()).isEqualTo(onDemand);
    }

    @Test
    void resumeKeepsThePaceOfTheLastRun() {
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN), OperationInterval.ALL_DAY);
        scheduler.start();
        manual.runNext();
        Instant lastEnded = scheduler.status(NAME).lastRun().ended();
        scheduler.pause(NAME);
        clock.advance(Duration.ofSeconds(20));

        scheduler.resume(NAME);
        scheduler.resume(NAME);

        assertThat(manual.pending()).isEqualTo(1);
        assertThat(scheduler.status(NAME).paused()).isFalse();
        assertThat(scheduler.status(NAME).nextRun()).isEqualTo(lastEnded.plus(INTERVAL));
        assertThat(manual.nextDelay()).isEqualTo(Duration.ofSeconds(40));

        scheduler.pause(NAME);
        clock.advance(Duration.ofHours(2));
        scheduler.resume(NAME);

        assertThat(manual.nextDelay()).as("overdue: at once").isEqualTo(Duration.ZERO);
        assertThat(manual.pending()).isEqualTo(1);
    }

    @Test
    void pausedBeforeStartItWaitsForResume() {
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN), OperationInterval.ALL_DAY);
        scheduler.pause(NAME);

        scheduler.start();

        assertThat(manual.pending()).isZero();
        scheduler.resume(NAME);
        assertThat(manual.nextDelay()).isEqualTo(Duration.ZERO);
        manual.runNext();
        assertThat(scheduler.status(NAME).lastRun().outcome().succeeded()).isTrue();
    }

    @Test
    void pauseDuringATimerRunLetsItFinishAndQueuesNothing() {
        add(new HookedSource(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN),
                window -> {
                    assertThat(scheduler.status(NAME).running()).isTrue();
                    scheduler.pause(NAME);
                }), OperationInterval.ALL_DAY);
        scheduler.start();

        manual.runNext();

        assertThat(manual.pending()).isZero();
        SyncSourceStatus status = scheduler.status(NAME);
        assertThat(status.running()).isFalse();
        assertThat(status.paused()).isTrue();
        assertThat(status.lastRun().outcome().succeeded()).isTrue();
    }

    @Test
    void pauseAndResumeDuringATimerRunLeaveOneTaskAtTheRunsOwnPace() {
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        add(new HookedSource(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN),
                window -> {
                    scheduler.pause(NAME);
                    scheduler.resume(NAME);
                }), OperationInterval.ALL_DAY);
        scheduler.start();

        manual.runNext();

        assertThat(manual.pending()).isEqualTo(1);
        assertThat(manual.nextDelay()).as("the failure's back-off").isEqualTo(
                SyncSchedulerTest.SETTINGS.retryInitial());
    }

    @Test
    void pauseAndResumeJustAsTheTimerTakesItsTaskLeaveOneTask() {
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN), OperationInterval.ALL_DAY);
        scheduler.start();
        // Another thread pauses and resumes after the source's thread took the timer task
        // off its queue, before the task looked at the source.
        manual.atStartOfNextTask(() -> {
            scheduler.pause(NAME);
            scheduler.resume(NAME);
        });

        manual.runNext();

        assertThat(manual.pending()).as("the resumed timer's task alone").isEqualTo(1);
        assertThat(scheduler.status(NAME).nextRun()).isNotNull();
        manual.runNext();
        assertThat(scheduler.status(NAME).lastRun()).as("it runs").isNotNull();
        assertThat(manual.pending()).isEqualTo(1);
    }

    @Test
    void failuresShowAsBackOffWithThePlainReason() {
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN), OperationInterval.ALL_DAY);
        scheduler.start();
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);

        manual.runNext();
        manual.runNext();

        SyncSourceStatus status = scheduler.status(NAME);
        assertThat(status.consecutiveFailures()).isEqualTo(2);
        assertThat(status.backingOff()).isTrue();
        assertThat(status.lastRun().outcome().succeeded()).isFalse();
        assertThat(status.lastRun().outcome().error()).contains("HTTP 500");
        assertThat(status.nextRun()).isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void outsideItsWindowTheStatusSaysSoAndSkipsAreNotRuns() {
        clock.set(LocalDateTime.of(2025, 3, 10, 6, 0).atZone(ZONE).toInstant());
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN),
                SyncSchedulerTest.DAYTIME);
        scheduler.start();

        manual.runNext();

        SyncSourceStatus status = scheduler.status(NAME);
        assertThat(status.insideWindow()).isFalse();
        assertThat(status.lastRun()).isNull();
        assertThat(status.nextRun()).isEqualTo(clock.instant().plus(INTERVAL));
    }

    @Test
    void theHistoryReadsBackWhatTheRunsLogged() {
        add(SyncSchedulerTest.source(redcap, RedcapEmulator.TOKEN), OperationInterval.ALL_DAY);
        scheduler.start();
        manual.runNext();
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();

        SyncHistory history = new SyncHistory(eventLog);

        assertThat(history.recent(NAME, 10)).hasSize(2);
        SyncRunRecord failed = history.recent(NAME, 10).get(0);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.error()).contains("HTTP 500").doesNotContain("took");
        assertThat(failed.window()).startsWith("changes ");
        SyncRunRecord first = history.recent(NAME, 10).get(1);
        assertThat(first.succeeded()).isTrue();
        assertThat(first.window()).isEqualTo("full export");
        assertThat(first.counts()).isEqualTo(new SyncCounts(4, 0, 0, 0));
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void unknownSourcesAreRefusedByName() {
        assertThatThrownBy(() -> scheduler.pause("nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> scheduler.status("nobody"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void add(DataSource source, OperationInterval window) {
        scheduler.add(source, INTERVAL, window);
    }

    private SyncOutcome runOnDemand() throws Exception {
        var future = scheduler.syncNow(NAME, false);
        for (int i = 0; i < 10 && !future.isDone(); i++) {
            manual.runNext();
        }
        return future.get(20, TimeUnit.SECONDS);
    }

    /** A source that calls a hook inside each fetch, while the run is in progress. */
    private static final class HookedSource implements DataSource {
        private final DataSource inner;
        private final Consumer<SyncWindow> hook;

        HookedSource(DataSource inner, Consumer<SyncWindow> hook) {
            this.inner = inner;
            this.hook = hook;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public FetchResult fetch(SyncWindow window) throws SourceException {
            hook.accept(window);
            return inner.fetch(window);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
