package org.lantir.ui.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.app.Lantir;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent.SyncRun;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncScheduler;
import org.lantir.sync.SyncSourceStatus;
import org.lantir.ui.EventBatcher;
import org.lantir.ui.UiThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync screen: one card per configured data source, their schedules started and stopped
 * one by one, runs on demand, and the recent runs from the event log.
 *
 * <p>The configuration and the scheduler are asked for on every refresh, never kept: editing
 * the sources in the configuration may give Lantir a new scheduler, and the cards follow the
 * sources the configuration has now. Scheduler calls and event-log reads run on
 * {@link UiThreads#background()}; observable state changes on {@link UiThreads#fx()} only.
 */
public final class SyncViewModel implements AutoCloseable {

    /** Runs the history table shows; the log keeps more. */
    static final int HISTORY_LIMIT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);

    private final Supplier<LantirConfig> config;
    private final Supplier<SyncScheduler> scheduler;
    private final SyncHistory history;
    private final EventFeed events;
    private final UiThreads threads;
    private final Clock clock;
    private final ObservableList<SourceCardModel> cards = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> historyRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final EventBatcher<SyncRun> syncRuns;
    /** The newest logged run of each source, for cards whose source has not run yet. */
    private final Map<String, SyncRunRecord> lastLogged = new HashMap<>();
    private AutoCloseable subscription;
    /**
     * The source whose Sync now result the message tells, and when it came; a later run of
     * that source makes the message old news, so it goes (the card shows the newer run).
     */
    private String resultSource;
    private Instant resultTime;

    /**
     * @param config the configuration as it is now, asked for on every refresh
     * @param scheduler the scheduler as it is now, asked for on every action
     */
    public SyncViewModel(Supplier<LantirConfig> config, Supplier<SyncScheduler> scheduler,
            SyncHistory history, EventFeed events, UiThreads threads, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.history = Objects.requireNonNull(history, "history");
        this.events = Objects.requireNonNull(events, "events");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.syncRuns = new EventBatcher<>(threads.fx(), this::onSyncRuns);
    }

    /** The screen over a running Lantir. */
    public static SyncViewModel forLantir(Lantir lantir, UiThreads threads, Clock clock) {
        return new SyncViewModel(lantir::config, lantir::scheduler,
                new SyncHistory(lantir.eventLog()), lantir.events(), threads, clock);
    }

    /** Follows the runs as they happen, and loads the cards and the history once. */
    public void start() {
        if (subscription == null) {
            subscription = events.subscribe(event -> {
                if (event instanceof SyncRun run) {
                    syncRuns.offer(run);
                }
            });
        }
        refresh();
        loadHistory();
    }

    /** Reads the sources and their schedules again (no I/O: cheap every second). */
    public void refresh() {
        background("read the data sources", () -> {
            Snapshot snapshot = snapshot();
            threads.fx().execute(() -> apply(snapshot));
        });
    }

    /** Reads the recent runs from the event log again. */
    public void loadHistory() {
        background("read the run history", () -> {
            List<SyncRunRecord> runs = history.recent(null, HISTORY_LIMIT);
            threads.fx().execute(() -> showHistory(runs));
        });
    }

    /** Moves the next-run countdowns on; on the JavaFX thread, every second. */
    public void tick() {
        Instant now = clock.instant();
        cards.forEach(card -> card.tick(now, clock.getZone()));
    }

    /** Starts the card's schedule again (resumes its timer). */
    public void startSchedule(SourceCardModel card) {
        String name = card.name();
        background("start " + name, () -> {
            scheduler.get().resume(name);
            afterAction(name + ": schedule started");
        });
    }

    /** Stops the card's schedule (pauses its timer); Sync now still runs it. */
    public void stopSchedule(SourceCardModel card) {
        String name = card.name();
        background("stop " + name, () -> {
            scheduler.get().pause(name);
            afterAction(name + ": schedule stopped; it runs only when asked");
        });
    }

    /** Runs the card's source now, whatever its schedule and window. */
    public void syncNow(SourceCardModel card) {
        String name = card.name();
        card.setSyncing(true);
        say(name + ": syncing…");
        background("sync " + name, () -> {
            CompletableFuture<SyncOutcome> run;
            try {
                run = scheduler.get().syncNow(name, false);
            } catch (RuntimeException e) {
                threads.fx().execute(() -> card.setSyncing(false));
                throw e;
            }
            run.whenComplete((outcome, failure) -> threads.fx().execute(() -> {
                card.setSyncing(false);
                say(finished(name, outcome, failure));
                resultSource = name;
                resultTime = clock.instant();
                refresh();
                loadHistory();
            }));
        });
    }

    /** Runs every scheduled source now. */
    public void syncAllNow() {
        List<SourceCardModel> runnable = cards.stream()
                .filter(card -> card.actionableProperty().get()).toList();
        if (runnable.isEmpty()) {
            say("No data source is running; nothing to sync");
            return;
        }
        runnable.forEach(this::syncNow);
    }

    public ObservableList<SourceCardModel> cards() {
        return cards;
    }

    /** The recent runs, newest first. */
    public ObservableList<HistoryRow> history() {
        return historyRows;
    }

    /** What the last action did, or why it could not, in plain words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Unsubscribing the sync screen failed: {}", e.toString());
            }
            subscription = null;
        }
    }

    /** Live runs, batched onto the JavaFX thread. */
    void onSyncRuns(List<SyncRun> runs) {
        boolean finished = false;
        for (SyncRun run : runs) {
            SourceCardModel card = card(run.source());
            if (card != null) {
                card.showLive(run, clock.getZone());
            }
            if (run.phase() != SyncRun.Phase.STARTED) {
                finished = true;
                dropOlderResult(run);
            }
        }
        refresh();
        if (finished) {
            loadHistory();
        }
    }

    private Snapshot snapshot() {
        List<DataSourceConfig> sources = config.get().dataSources();
        Map<String, SyncSourceStatus> statuses = new LinkedHashMap<>();
        for (SyncSourceStatus status : scheduler.get().statuses()) {
            statuses.put(status.source(), status);
        }
        return new Snapshot(clock.instant(), sources, statuses);
    }

    private void apply(Snapshot snapshot) {
        List<String> names = snapshot.sources().stream().map(DataSourceConfig::name).toList();
        if (!names.equals(cards.stream().map(SourceCardModel::name).toList())) {
            // Sources were added, removed or renamed in the configuration.
            List<SourceCardModel> fresh = new ArrayList<>();
            names.forEach(name -> fresh.add(new SourceCardModel(name)));
            cards.setAll(fresh);
        }
        for (int i = 0; i < names.size(); i++) {
            DataSourceConfig source = snapshot.sources().get(i);
            SourceCardModel card = cards.get(i);
            // A disabled source is not in the scheduler, even under a reused name.
            card.update(source, source.enabled() ? snapshot.statuses().get(source.name())
                    : null, snapshot.now(), clock.getZone());
            card.showLogged(lastLogged.get(source.name()), clock.getZone());
        }
    }

    private void showHistory(List<SyncRunRecord> runs) {
        List<HistoryRow> rows = new ArrayList<>();
        lastLogged.clear();
        for (SyncRunRecord run : runs) {
            rows.add(HistoryRow.of(run, clock.getZone()));
            lastLogged.putIfAbsent(run.source(), run);
        }
        historyRows.setAll(rows);
        for (SourceCardModel card : cards) {
            card.showLogged(lastLogged.get(card.name()), clock.getZone());
        }
    }

    /** Says what an action did; not the result of a run. */
    private void say(String text) {
        message.set(text);
        resultSource = null;
    }

    private void dropOlderResult(SyncRun run) {
        if (run.source().equals(resultSource) && run.time().isAfter(resultTime)) {
            say("");
        }
    }

    private void afterAction(String done) {
        Snapshot snapshot = snapshot();
        threads.fx().execute(() -> {
            apply(snapshot);
            say(done);
        });
    }

    private static String finished(String name, SyncOutcome outcome, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return name + " did not sync: " + SyncTexts.plainError(cause.getMessage());
        }
        if (!outcome.succeeded()) {
            return name + " did not sync: " + SyncTexts.plainError(outcome.error());
        }
        return name + " synced: " + SyncTexts.counts(outcome.counts(), outcome.skipped());
    }

    private SourceCardModel card(String name) {
        for (SourceCardModel card : cards) {
            if (card.name().equals(name)) {
                return card;
            }
        }
        return null;
    }

    /** Runs work off the JavaFX thread; a failure becomes the screen's message. */
    private void background(String what, Runnable work) {
        try {
            threads.background().execute(() -> {
                try {
                    work.run();
                } catch (IllegalArgumentException e) {
                    // The scheduler no longer has the source: the configuration changed.
                    LOG.info("Sync screen could not {}: {}", what, e.getMessage());
                    threads.fx().execute(() -> {
                        say("Could not " + what + ": it is not running now");
                        refresh();
                    });
                } catch (RuntimeException e) {
                    LOG.warn("Sync screen could not {}", what, e);
                    threads.fx().execute(() -> say("Could not " + what + ": "
                            + SyncTexts.plainError(e.getMessage())));
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.debug("Sync screen closing; did not {}", what);
        }
    }

    private record Snapshot(Instant now, List<DataSourceConfig> sources,
            Map<String, SyncSourceStatus> statuses) {
    }
}
