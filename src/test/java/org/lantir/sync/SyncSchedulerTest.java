package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.config.OperationInterval;
import org.lantir.config.SyncSettings;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent.SyncRun;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/** The scheduler against the REDCap emulator, with time stepped by hand. */
class SyncSchedulerTest {

    static final String NAME = "main_redcap";
    static final ZoneId ZONE = RedcapEmulator.SERVER_ZONE;
    static final SyncSettings SETTINGS = new SyncSettings(Duration.ofMinutes(5),
            Duration.ofSeconds(15), Duration.ofMinutes(10));
    static final Duration INTERVAL = Duration.ofSeconds(60);
    static final OperationInterval DAYTIME =
            new OperationInterval(LocalTime.of(8, 0), LocalTime.of(18, 0));

    RedcapEmulator redcap;
    MutableClock clock;
    ManualScheduler manual;
    MemoryWorklistRepository repository;
    MemorySyncStateStore states;
    MemoryEventLog eventLog;
    EventFeed feed;
    EventCollector events;
    SyncScheduler scheduler;

    @BeforeEach
    void setUp() throws Exception {
        redcap = RedcapEmulator.start();
        clock = MutableClock.at(LocalDateTime.of(2025, 3, 10, 8, 0), ZONE);
        manual = new ManualScheduler(clock);
        repository = new MemoryWorklistRepository();
        states = new MemorySyncStateStore();
        eventLog = new MemoryEventLog(20);
        feed = new EventFeed();
        events = new EventCollector();
        feed.subscribe(events);
        scheduler = new SyncScheduler(new RepositorySyncSink(repository), states, eventLog,
                feed, clock, SETTINGS, name -> manual);
    }

    @AfterEach
    void tearDown() {
        scheduler.stop();
        feed.close();
        redcap.close();
    }

    @Test
    void firstRunIsAFullExportAndRecordsItsResult() throws Exception {
        addSource(OperationInterval.ALL_DAY, RedcapEmulator.TOKEN);
        scheduler.start();

        manual.runNext();

        assertThat(lastRecordRequest().lastValues()).doesNotContainKeys("dateRangeBegin",
                "dateRangeEnd");
        assertThat(repository.all()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("1:1", "2:1", "2:2", "5:2");
        SyncState state = states.load(NAME).orElseThrow();
        assertThat(state.lastWindowEnd()).isEqualTo(clock.instant());
        assertThat(state.lastFullSync()).isEqualTo(clock.instant());
        assertThat(state.lastError()).isNull();
        assertThat(eventLog.recent(1).get(0).kind()).isEqualTo("SYNC_SUCCEEDED");
        assertThat(events.next(SyncRun.class).phase()).isEqualTo(SyncRun.Phase.STARTED);
        SyncRun done = events.next(SyncRun.class);
        assertThat(done.phase()).isEqualTo(SyncRun.Phase.SUCCEEDED);
        assertThat(done.added()).isEqualTo(4);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(done.source()).isEqualTo(NAME);
    }

    @Test
    void laterRunsAreIncrementalWithAnOverlapAndNeverComplete() throws Exception {
        addSource(OperationInterval.ALL_DAY, RedcapEmulator.TOKEN);
        scheduler.start();
        manual.runNext();
        redcap.project().removeRecord("5");

        assertThat(manual.nextDelay()).isEqualTo(INTERVAL);
        manual.runNext();

        assertThat(lastRecordRequest().lastValues())
                .containsEntry("dateRangeBegin", "2025-03-10 07:55:00")
                .containsEntry("dateRangeEnd", "2025-03-10 08:01:00");
        assertThat(repository.bySourceKey(NAME, "5:2")).isNotNull();
    }

    @Test
    void runsOnlyInsideTheOperationInterval() {
        clock.set(LocalDateTime.of(2025, 3, 10, 6, 0).atZone(ZONE).toInstant());
        addSource(DAYTIME, RedcapEmulator.TOKEN);
        scheduler.start();

        int ticks = 0;
        while (redcap.requestCount() == 0 && ticks++ < 500) {
            manual.runNext();
        }

        assertThat(clock.localNow().toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(ticks).isEqualTo(121);
        assertThat(repository.size()).isEqualTo(4);
    }

    @Test
    void firstRunOfTheDayCoversTheGapSinceTheWindowClosed() {
        states.save(new SyncState(NAME, LocalDateTime.of(2025, 3, 9, 18, 0).atZone(ZONE)
                .toInstant(), null, null, null));
        clock.set(LocalDateTime.of(2025, 3, 10, 7, 59).atZone(ZONE).toInstant());
        addSource(DAYTIME, RedcapEmulator.TOKEN);
        scheduler.start();

        manual.runNext();
        assertThat(redcap.requestCount()).isZero();
        manual.runNext();

        assertThat(lastRecordRequest().lastValues())
                .containsEntry("dateRangeBegin", "2025-03-09 17:55:00")
                .containsEntry("dateRangeEnd", "2025-03-10 08:00:00");
        // Records 2 and 5 changed overnight; record 1 changed before the window closed.
        assertThat(repository.all()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("2:1", "2:2", "5:2");
    }

    @Test
    void outageFailsTheRunLeavesRowsAloneAndRetriesWithBoundedBackoff() throws Exception {
        addSource(OperationInterval.ALL_DAY, RedcapEmulator.TOKEN);
        scheduler.start();
        manual.runNext();
        List<WorklistItem> before = repository.all();
        SyncState good = states.load(NAME).orElseThrow();
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        redcap.project().setValue("1", 1, "mri_time", "10:00", clock.localNow());

        manual.runNext();

        assertThat(repository.all()).isEqualTo(before);
        SyncState failed = states.load(NAME).orElseThrow();
        assertThat(failed.lastWindowEnd()).isEqualTo(good.lastWindowEnd());
        assertThat(failed.lastError()).contains("HTTP 500");
        EventRecord logged = eventLog.recent(1).get(0);
        assertThat(logged.kind()).isEqualTo("SYNC_FAILED");
        assertThat(logged.message()).contains("HTTP 500");
        assertThat(nextPhase(SyncRun.Phase.FAILED).error()).contains("HTTP 500");

        assertThat(retryDelays(7)).containsExactly(Duration.ofSeconds(15),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofMinutes(10));

        redcap.fault(RedcapEmulator.Fault.NONE);
        manual.runNext();

        assertThat(lastRecordRequest().param("dateRangeBegin")).isEqualTo("2025-03-10 07:55:00");
        assertThat(repository.bySourceKey(NAME, "1:1").scheduledStartTime())
                .isEqualTo(LocalTime.of(10, 0));
        assertThat(states.load(NAME).orElseThrow().lastError()).isNull();
        assertThat(manual.nextDelay()).isEqualTo(INTERVAL);
    }

    @Test
    void refusedTokenWaitsTheLongestBackoff() {
        addSource(OperationInterval.ALL_DAY, "00000000000000000000000000000000");
        scheduler.start();

        manual.runNext();

        assertThat(manual.nextDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(states.load(NAME).orElseThrow().lastError()).contains("refused the API token");
    }

    @Test
    void fullSyncOnDemandRemovesVanishedScheduledRowsOnly() throws Exception {
        addSource(OperationInterval.ALL_DAY, RedcapEmulator.TOKEN);
        scheduler.start();
        manual.runNext();
        repository.setStatus(NAME, "2:1", ProcedureStepStatus.IN_PROGRESS);
        redcap.project().removeRecord("1");
        redcap.project().removeRecord("2");

        SyncOutcome outcome = runOnDemand(true);

        assertThat(outcome.counts().removed()).isEqualTo(2);
        assertThat(outcome.window().full()).isTrue();
        assertThat(repository.all()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("2:1", "5:2");
    }

    @Test
    void completeSyncKeepsRowsThatCouldNotBeMappedThisTime() throws Exception {
        redcap.project().setValue("4", 1, "mri_date", "2025-03-14", clock.localNow());
        addSource(OperationInterval.ALL_DAY, RedcapEmulator.TOKEN);
        scheduler.start();
        manual.runNext();
        assertThat(repository.bySourceKey(NAME, "4:1")).isNotNull();
        redcap.project().setValue("4", 1, "mri_date", "12/03/2025", clock.localNow());

        SyncOutcome outcome = runOnDemand(true);

        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(outcome.counts().removed()).isZero();
        assertThat(repository.bySourceKey(NAME, "4:1").scheduledStartDate())
                .isEqualTo(java.time.LocalDate.of(2025, 3, 14));
    }

    @Test
    void syncOnDemandRunsOutsideTheOperationInterval() throws Exception {
        clock.set(LocalDateTime.of(2025, 3, 10, 22, 0).atZone(ZONE).toInstant());
        addSource(DAYTIME, RedcapEmulator.TOKEN);
        scheduler.start();

        SyncOutcome outcome = runOnDemand(false);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(repository.size()).isEqualTo(4);
    }

    @Test
    void successfulRunOnDemandEndsTheBackoff() throws Exception {
        addSource(OperationInterval.ALL_DAY, RedcapEmulator.TOKEN);
        scheduler.start();
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();
        manual.runNext();
        assertThat(manual.nextDelay()).isEqualTo(Duration.ofSeconds(30));
        redcap.fault(RedcapEmulator.Fault.NONE);

        SyncOutcome outcome = runOnDemand(false);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(manual.pending()).isEqualTo(1);
        assertThat(manual.nextDelay()).isEqualTo(INTERVAL);
    }

    @Test
    void aRateLimitsRetryAfterIsHonouredBeforeTheBackoff() throws Exception {
        addSource(OperationInterval.ALL_DAY, RedcapEmulator.TOKEN);
        scheduler.start();
        manual.runNext();
        redcap.fault(RedcapEmulator.Fault.TOO_MANY_REQUESTS);

        manual.runNext();

        // The back-off alone would try again after 15 s; the server asked for 120 s.
        assertThat(manual.nextDelay()).isEqualTo(Duration.ofSeconds(120));
        assertThat(scheduler.status(NAME).nextRun()).isEqualTo(clock.instant()
                .plusSeconds(120));
        assertThat(states.load(NAME).orElseThrow().lastError()).contains("HTTP 429")
                .contains("it asks to wait 120 s");
        redcap.fault(RedcapEmulator.Fault.NONE);
        manual.runNext();
        assertThat(manual.nextDelay()).isEqualTo(INTERVAL);
    }

    @Test
    void aRetryAfterIsCappedAndALongerBackoffStays() {
        scheduler.add(new AskingToWait(Duration.ofHours(5), true), INTERVAL,
                OperationInterval.ALL_DAY);
        scheduler.add(new AskingToWait(Duration.ofSeconds(30), false), INTERVAL,
                OperationInterval.ALL_DAY);
        scheduler.start();

        manual.runNext();
        manual.runNext();

        assertThat(scheduler.status("wait_PT5H").nextRun()).isEqualTo(clock.instant()
                .plus(SyncScheduler.RETRY_AFTER_CAP));
        // A refusal waits the longest back-off, longer than the 30 s asked for.
        assertThat(scheduler.status("wait_PT30S").nextRun()).isEqualTo(clock.instant()
                .plus(SETTINGS.retryMax()));
    }

    /** A source whose server always answers "not now, come back in {@code wait}". */
    private record AskingToWait(Duration asked, boolean retryable) implements DataSource {

        @Override
        public String name() {
            return "wait_" + asked;
        }

        @Override
        public FetchResult fetch(SyncWindow window) throws SourceException {
            throw new SourceException("busy (HTTP 429)", retryable, asked, null);
        }
    }

    /** Asks for a run and steps the scheduler until it has run (skipping due ticks). */
    private SyncOutcome runOnDemand(boolean full) throws Exception {
        var future = scheduler.syncNow(NAME, full);
        for (int i = 0; i < 10 && !future.isDone(); i++) {
            manual.runNext();
        }
        return future.get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    private List<Duration> retryDelays(int count) {
        List<Duration> delays = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            delays.add(manual.nextDelay());
            manual.runNext();
        }
        return delays;
    }

    private SyncRun nextPhase(SyncRun.Phase phase) throws InterruptedException {
        while (true) {
            SyncRun run = events.next(SyncRun.class);
            if (run.phase() == phase) {
                return run;
            }
        }
    }

    RedcapEmulator.Request lastRecordRequest() {
        List<RedcapEmulator.Request> requests = redcap.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if ("record".equals(requests.get(i).param("content"))) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no record export requested");
    }

    void addSource(OperationInterval window, String token) {
        scheduler.add(source(redcap, token), INTERVAL, window);
    }

    static RedcapSource source(RedcapEmulator redcap, String token) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("site_id", "792");
        settings.put("protocol", "BRAIN_MRI_3T");
        settings.put("server_timezone", ZONE.getId());
        settings.put("api_url", redcap.apiUrl().toString());
        settings.put("api_token", token);
        try {
            return RedcapSource.create(LantirConfig.defaults(),
                    DataSourceConfig.of(NAME, "redcap", settings, Map.of()), Map.of());
        } catch (SourceException e) {
            throw new AssertionError(e);
        }
    }
}
