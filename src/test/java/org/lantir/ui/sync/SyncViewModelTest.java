package org.lantir.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.config.OperationInterval;
import org.lantir.config.SyncSettings;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent.SyncRun;
import org.lantir.sync.ConfiguredSources;
import org.lantir.sync.ManualScheduler;
import org.lantir.sync.MemoryEventLog;
import org.lantir.sync.MemorySyncStateStore;
import org.lantir.sync.MemoryWorklistRepository;
import org.lantir.sync.MutableClock;
import org.lantir.sync.RepositorySyncSink;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.SyncScheduler;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.ui.DirectExecutorService;
import org.lantir.ui.UiThreads;

/**
 * The sync screen's view model over a real scheduler whose timer is stepped by hand, against
 * the REDCap emulator; both executors run work at once, so no toolkit and no waiting.
 */
class SyncViewModelTest {

    static final String NAME = "main_redcap";
    static final ZoneId ZONE = RedcapEmulator.SERVER_ZONE;
    static final SyncSettings SETTINGS = new SyncSettings(Duration.ofMinutes(5),
            Duration.ofSeconds(15), Duration.ofMinutes(10));

    RedcapEmulator redcap;
    MutableClock clock;
    ManualScheduler manual;
    MemoryEventLog eventLog;
    EventFeed feed;
    final AtomicReference<LantirConfig> config = new AtomicReference<>();
    final AtomicReference<SyncScheduler> scheduler = new AtomicReference<>();
    SyncViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        redcap = RedcapEmulator.start();
        clock = MutableClock.at(LocalDateTime.of(2025, 3, 10, 8, 0), ZONE);
        manual = new ManualScheduler(clock);
        eventLog = new MemoryEventLog(50);
        feed = new EventFeed();
        config.set(LantirConfig.defaults().withDataSources(List.of(
                redcapSource(NAME, true), redcapSource("old_site", false))));
        scheduler.set(newScheduler(config.get()));
        model = model(Runnable::run);
    }

    @AfterEach
    void tearDown() {
        model.close();
        scheduler.get().stop();
        feed.close();
        redcap.close();
    }

    @Test
    void oneCardPerConfiguredSourceEnabledOrNot() {
        model.refresh();

        assertThat(model.cards()).extracting(SourceCardModel::name)
                .containsExactly(NAME, "old_site");
        SourceCardModel main = model.cards().get(0);
        assertThat(main.typeProperty().get()).isEqualTo("REDCap");
        assertThat(main.scheduleProperty().get()).isEqualTo("every 1 min, all day");
        assertThat(main.enabledProperty().get()).isTrue();
        assertThat(main.stateProperty().get()).isEqualTo(SourceState.SCHEDULED);
        assertThat(main.nextRunProperty().get()).isEqualTo("08:00:00 (due now)");
        assertThat(main.canStopProperty().get()).isTrue();
        assertThat(main.canStartProperty().get()).isFalse();
        assertThat(main.canSyncNowProperty().get()).isTrue();
        assertThat(main.lastRunProperty().get()).isEmpty();

        SourceCardModel old = model.cards().get(1);
        assertThat(old.enabledProperty().get()).isFalse();
        assertThat(old.stateProperty().get()).isEqualTo(SourceState.DISABLED);
        assertThat(old.stateTextProperty().get()).isEqualTo("Disabled");
        assertThat(old.actionableProperty().get()).isFalse();
        assertThat(old.canStartProperty().get()).isFalse();
        assertThat(old.canStopProperty().get()).isFalse();
        assertThat(old.canSyncNowProperty().get()).isFalse();
        assertThat(old.nextRunProperty().get()).startsWith("Never");
    }

    @Test
    void aTimerRunShowsItsCountsAndTheCountdownToTheNext() {
        manual.runNext();
        clock.advance(Duration.ofSeconds(20));

        model.refresh();

        SourceCardModel card = model.cards().get(0);
        assertThat(card.resultProperty().get()).isEqualTo("Succeeded, full export");
        assertThat(card.lastRunProperty().get()).isEqualTo("2025-03-10 08:00:00 (took 0.0 s)");
        assertThat(card.addedProperty().get()).isEqualTo(4);
        assertThat(card.skippedProperty().get()).isEqualTo(1);
        assertThat(card.countsProperty().get())
                .isEqualTo("4 added, 0 updated, 0 unchanged, 0 removed, 1 skipped");
        assertThat(card.errorProperty().get()).isEmpty();
        assertThat(card.nextRunProperty().get()).isEqualTo("08:01:00 (in 40 s)");

        clock.advance(Duration.ofSeconds(15));
        model.tick();

        assertThat(card.nextRunProperty().get()).isEqualTo("08:01:00 (in 25 s)");
    }

    @Test
    void stopPausesTheScheduleAndStartResumesIt() {
        manual.runNext();
        model.refresh();
        SourceCardModel card = model.cards().get(0);

        model.stopSchedule(card);

        assertThat(scheduler.get().status(NAME).paused()).isTrue();
        assertThat(manual.pending()).isZero();
        assertThat(card.stateProperty().get()).isEqualTo(SourceState.PAUSED);
        assertThat(card.stateTextProperty().get()).isEqualTo("Paused");
        assertThat(card.canStartProperty().get()).isTrue();
        assertThat(card.canStopProperty().get()).isFalse();
        assertThat(card.canSyncNowProperty().get()).isTrue();
        assertThat(card.nextRunProperty().get()).startsWith("None while paused");
        assertThat(model.messageProperty().get()).contains("schedule stopped");

        model.startSchedule(card);

        assertThat(scheduler.get().status(NAME).paused()).isFalse();
        assertThat(manual.pending()).isEqualTo(1);
        assertThat(card.stateProperty().get()).isEqualTo(SourceState.SCHEDULED);
        assertThat(card.nextRunProperty().get()).isEqualTo("08:01:00 (in 1 min 00 s)");
        assertThat(model.messageProperty().get()).contains("schedule started");
    }

    @Test
    void syncNowRunsAPausedSourceAndShowsWhatItChanged() {
        manual.runNext();
        model.refresh();
        SourceCardModel card = model.cards().get(0);
        model.stopSchedule(card);
        clock.advance(Duration.ofSeconds(10));
        redcap.project().setValue("1", 1, "mri_time", "10:00", clock.localNow());

        model.syncNow(card);

        assertThat(card.syncingProperty().get()).isTrue();
        assertThat(card.canSyncNowProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(NAME + ": syncing…");
        assertThat(manual.runNext()).isTrue();

        assertThat(card.syncingProperty().get()).isFalse();
        assertThat(card.updatedProperty().get()).isEqualTo(1);
        assertThat(card.addedProperty().get()).isZero();
        assertThat(card.resultProperty().get()).isEqualTo("Succeeded, recent changes");
        assertThat(card.lastRunProperty().get()).startsWith("2025-03-10 08:00:10");
        assertThat(card.stateProperty().get()).isEqualTo(SourceState.PAUSED);
        assertThat(model.messageProperty().get()).isEqualTo(
                NAME + " synced: 0 added, 1 updated, 3 unchanged, 0 removed, 0 skipped");
        assertThat(model.history()).first().satisfies(row -> {
            assertThat(row.updated()).isEqualTo(1);
            assertThat(row.outcome()).isEqualTo("Succeeded, recent changes");
        });
    }

    @Test
    void aFailedRunShowsItsReasonInPlainWordsAndTheRetry() {
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();

        model.refresh();

        SourceCardModel card = model.cards().get(0);
        assertThat(card.stateProperty().get()).isEqualTo(SourceState.RETRYING);
        assertThat(card.stateTextProperty().get())
                .isEqualTo("Retrying after 1 failed scheduled run");
        assertThat(card.resultProperty().get()).isEqualTo("Failed, full export");
        assertThat(card.countsProperty().get()).isEqualTo("None applied");
        assertThat(card.errorProperty().get()).contains("HTTP 500")
                .doesNotContain("Exception", "\n", "\tat ", RedcapEmulator.TOKEN);
        assertThat(card.nextRunProperty().get()).isEqualTo("08:00:15 (in 15 s)");

        model.syncNow(card);
        manual.runNext();

        assertThat(model.messageProperty().get()).startsWith(NAME + " did not sync: ")
                .contains("HTTP 500");
    }

    @Test
    void theRetryCountCountsScheduledRunsAndSaysSo() {
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();
        model.refresh();
        SourceCardModel card = model.cards().get(0);
        assertThat(card.stateDetailProperty().get()).isEqualTo(SourceCardModel.RETRY_DETAIL);

        model.syncNow(card);
        manual.runNext();

        assertThat(card.lastRunProperty().get()).as("the failed Sync now is the last run")
                .startsWith("2025-03-10 08:00:00");
        assertThat(card.errorProperty().get()).contains("HTTP 500");
        assertThat(card.stateTextProperty().get()).as("a Sync now is not a scheduled run")
                .isEqualTo("Retrying after 1 failed scheduled run");

        redcap.fault(RedcapEmulator.Fault.NONE);
        model.syncNow(card);
        manual.runNext();

        assertThat(card.stateProperty().get()).as("a Sync now that succeeds ends it")
                .isEqualTo(SourceState.SCHEDULED);
        assertThat(card.stateDetailProperty().get()).isEmpty();
    }

    @Test
    void aRunReadJustBeforeANewerOneEndedDoesNotShowOverIt() throws Exception {
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        model.close();
        model = model(fx::add);
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();
        model.start();
        drain(fx);
        SourceCardModel card = model.cards().get(0);
        assertThat(card.errorProperty().get()).contains("HTTP 500");
        clock.advance(Duration.ofSeconds(15));

        // The feed tells of the newer run while the scheduler still has the one before: the
        // status read that follows carries the older run.
        feed.publish(new SyncRun(clock.instant(), NAME, SyncRun.Phase.FAILED, 0, 0, 0, 0, 0,
                "REDCap at http://127.0.0.1:1/api/ could not be reached: connection refused"));
        awaitHandOver(fx);
        drain(fx);

        assertThat(card.errorProperty().get()).endsWith("connection refused");
        assertThat(card.lastRunProperty().get()).startsWith("2025-03-10 08:00:15");
        assertThat(card.resultProperty().get()).isEqualTo("Failed");
    }

    @Test
    void aSyncNowResultGivesWayToALaterRunOfItsSource() throws Exception {
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        model.close();
        model = model(fx::add);
        manual.runNext();
        model.start();
        drain(fx);
        SourceCardModel card = model.cards().get(0);
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);

        model.syncNow(card);
        drain(fx);
        manual.runNext();
        awaitFx(fx, () -> model.messageProperty().get().contains("did not sync"));
        assertThat(model.messageProperty().get()).contains("HTTP 500");

        redcap.fault(RedcapEmulator.Fault.NONE);
        manual.runNext();

        awaitFx(fx, () -> model.messageProperty().get().isEmpty());
        assertThat(card.resultProperty().get()).startsWith("Succeeded");
    }

    @Test
    void theHistoryHoldsTheRunsItsNoteSaysItDoes() {
        manual.runNext();
        clock.advance(Duration.ofSeconds(10));
        manual.runNext();
        redcap.project().setValue("1", 1, "mri_time", "10:00", clock.localNow());
        clock.advance(Duration.ofSeconds(10));
        manual.runNext();
        scheduler.get().syncNow(NAME, true);
        manual.runNext();
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();

        model.loadHistory();

        assertThat(SyncView.HISTORY_NOTE).isEqualTo("Every run is recorded; runs in a row "
                + "that changed nothing, or failed for the same reason, share one entry.");
        assertThat(model.history()).extracting(HistoryRow::outcome).containsExactly(
                "Failed, recent changes", "Succeeded, full export",
                "Succeeded, recent changes", "Succeeded, recent changes",
                "Succeeded, full export");
        assertThat(model.history().get(1).changes()).isEqualTo("4 unchanged, 1 skipped");
        assertThat(model.history().get(2).changes()).startsWith("1 updated");
    }

    @Test
    void historyComesFromTheEventLogNewestFirst() {
        manual.runNext();
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();

        model.loadHistory();

        assertThat(model.history()).hasSize(2);
        HistoryRow failed = model.history().get(0);
        assertThat(failed.source()).isEqualTo(NAME);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.outcome()).isEqualTo("Failed, recent changes");
        assertThat(failed.error()).contains("HTTP 500");
        assertThat(failed.ended()).isEqualTo("2025-03-10 08:01:00");
        HistoryRow first = model.history().get(1);
        assertThat(first.outcome()).isEqualTo("Succeeded, full export");
        assertThat(first.started()).isEqualTo("2025-03-10 08:00:00");
        assertThat(first.duration()).isEqualTo("0.0 s");
        assertThat(first.added()).isEqualTo(4);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.error()).isEmpty();
    }

    @Test
    void runsThatRepeatTheSameFailureShowAsOneLineThatCountsThem() {
        manual.runNext();
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        manual.runNext();
        manual.runNext();

        model.loadHistory();

        assertThat(model.history()).hasSize(2);
        assertThat(model.history().get(0).outcome()).isEqualTo("Failed, recent changes "
                + "(2 runs like this since 2025-03-10 08:01:00)");
        assertThat(model.history().get(0).ended()).isEqualTo("2025-03-10 08:01:15");
    }

    @Test
    void beforeItsFirstRunACardShowsTheLastLoggedRun() {
        eventLog.append(org.lantir.sync.SyncRunRecord.succeeded(NAME,
                clock.instant().minusSeconds(3600), clock.instant().minusSeconds(3598),
                org.lantir.sync.SyncWindow.full(clock.instant().minusSeconds(3600)),
                new org.lantir.worklist.SyncCounts(2, 0, 0, 0), 0).toEvent());

        model.start();

        SourceCardModel card = model.cards().get(0);
        assertThat(card.lastRunProperty().get())
                .isEqualTo("2025-03-10 07:00:02 (took 2.0 s), from the event log");
        assertThat(card.addedProperty().get()).isEqualTo(2);

        manual.runNext();
        model.refresh();

        assertThat(card.lastRunProperty().get()).isEqualTo("2025-03-10 08:00:00 (took 0.0 s)");
    }

    @Test
    void liveRunsReachTheCardsThroughTheBatcher() throws Exception {
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        model.close();
        model = model(fx::add);
        model.start();
        drain(fx);
        SourceCardModel card = model.cards().get(0);

        feed.publish(new SyncRun(clock.instant(), NAME, SyncRun.Phase.STARTED, 0, 0, 0, 0, 0,
                null));
        awaitHandOver(fx);

        assertThat(card.stateProperty().get()).isEqualTo(SourceState.RUNNING);
        assertThat(fx).as("a status refresh follows").isNotEmpty();
        drain(fx);

        feed.publish(new SyncRun(clock.instant(), NAME, SyncRun.Phase.FAILED, 0, 0, 0, 0, 0,
                "REDCap at http://127.0.0.1:1/api/ is unreachable"));
        awaitHandOver(fx);
        drain(fx);

        assertThat(card.resultProperty().get()).isEqualTo("Failed");
        assertThat(card.errorProperty().get())
                .isEqualTo("REDCap at http://127.0.0.1:1/api/ is unreachable");
    }

    @Test
    void cardsFollowTheConfigurationAndTheSchedulerItHasNow() {
        model.refresh();
        SourceCardModel main = model.cards().get(0);
        LantirConfig edited = LantirConfig.defaults().withDataSources(List.of(
                redcapSource(NAME, true), redcapSource("site_b", true)));
        SyncScheduler old = scheduler.get();
        old.stop();
        config.set(edited);
        scheduler.set(newScheduler(edited));

        model.refresh();

        assertThat(model.cards()).extracting(SourceCardModel::name)
                .containsExactly(NAME, "site_b");
        assertThat(model.cards().get(0)).isNotSameAs(main);
        model.stopSchedule(model.cards().get(1));
        assertThat(scheduler.get().status("site_b").paused()).isTrue();
    }

    @Test
    void anActionOnASourceTheSchedulerNoLongerHasSaysSo() {
        model.refresh();
        SourceCardModel main = model.cards().get(0);
        scheduler.get().stop();
        scheduler.set(newScheduler(LantirConfig.defaults()));

        model.stopSchedule(main);

        assertThat(model.messageProperty().get())
                .isEqualTo("Could not stop " + NAME + ": it is not running now");
        assertThat(main.stateProperty().get()).isEqualTo(SourceState.NOT_RUNNING);
        assertThat(main.canSyncNowProperty().get()).isFalse();
    }

    @Test
    void syncAllNowRunsEveryScheduledSource() {
        manual.runNext();
        clock.advance(Duration.ofSeconds(10));
        redcap.project().setValue("2", 1, "mri_time", "11:00", clock.localNow());
        model.refresh();

        model.syncAllNow();

        assertThat(model.cards().get(0).syncingProperty().get()).isTrue();
        assertThat(model.cards().get(1).syncingProperty().get()).as("disabled").isFalse();
        manual.runNext();
        assertThat(model.cards().get(0).updatedProperty().get()).isEqualTo(1);
        assertThat(model.messageProperty().get()).startsWith(NAME + " synced: 0 added, 1 updated");
    }

    @Test
    void syncAllNowWithNothingScheduledSaysSo() {
        config.set(LantirConfig.defaults().withDataSources(List.of(
                redcapSource("old_site", false))));
        model.refresh();

        model.syncAllNow();

        assertThat(model.messageProperty().get())
                .isEqualTo("No data source is running; nothing to sync");
    }

    private SyncViewModel model(Executor fx) {
        return new SyncViewModel(config::get, scheduler::get, new SyncHistory(eventLog), feed,
                new UiThreads(fx, new DirectExecutorService()), clock);
    }

    private SyncScheduler newScheduler(LantirConfig sources) {
        SyncScheduler created = new SyncScheduler(
                new RepositorySyncSink(new MemoryWorklistRepository()),
                new MemorySyncStateStore(), eventLog, feed, clock, SETTINGS, name -> manual);
        List<String> problems = ConfiguredSources.addTo(created, sources,
                Map.of(DataSourceConfig.TYPE_REDCAP, RedcapSource.FACTORY), Map.of());
        assertThat(problems).isEmpty();
        created.start();
        return created;
    }

    private DataSourceConfig redcapSource(String name, boolean enabled) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("site_id", "792");
        settings.put("protocol", "BRAIN_MRI_3T");
        settings.put("server_timezone", ZONE.getId());
        settings.put("api_url", redcap.apiUrl().toString());
        settings.put("api_token", RedcapEmulator.TOKEN);
        return new DataSourceConfig(name, DataSourceConfig.TYPE_REDCAP, enabled, 60,
                OperationInterval.ALL_DAY, settings, Map.of(), null, null, Map.of());
    }

    private static void drain(LinkedBlockingQueue<Runnable> fx) {
        for (Runnable task; (task = fx.poll()) != null; ) {
            task.run();
        }
    }

    /** Runs what reaches the JavaFX queue until {@code done} holds (the guard bounds a hang). */
    private static void awaitFx(LinkedBlockingQueue<Runnable> fx,
            BooleanSupplier done) throws Exception {
        while (!done.getAsBoolean()) {
            Runnable task = fx.poll(20, TimeUnit.SECONDS);
            assertThat(task).as("work for the JavaFX thread").isNotNull();
            task.run();
        }
    }

    /** Waits for the feed's hand-over (the guard only bounds a hang) and runs it alone. */
    private static void awaitHandOver(LinkedBlockingQueue<Runnable> fx) throws Exception {
        Runnable handOver = fx.poll(20, TimeUnit.SECONDS);
        assertThat(handOver).as("a hand-over from the event feed").isNotNull();
        handOver.run();
    }
}
