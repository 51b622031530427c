package org.lantir.ui.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.OperationInterval;
import org.lantir.events.LantirEvent.SyncRun;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncSourceStatus;
import org.lantir.worklist.SyncCounts;

/**
 * One data source's card: what the configuration says of it, where its schedule stands, its
 * last run and its next. Changed on the JavaFX thread only, by {@link SyncViewModel}.
 */
public final class SourceCardModel {

    /** What the retry count counts, for the state's tooltip. */
    static final String RETRY_DETAIL = "Counts the timer's runs that failed in a row: each "
            + "makes it wait longer before the next. A Sync now that fails does not count; "
            + "one that succeeds ends the retrying.";

    private final String name;
    private final ReadOnlyStringWrapper type = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper schedule = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper actionable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SourceState> state =
            new ReadOnlyObjectWrapper<>(SourceState.NOT_RUNNING);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastRun = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper added = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper updated = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper unchanged = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper removed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper skipped = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper nextRun = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canSyncNow;

    /** What the next-run line counts down to; null when there is no countdown. */
    private Instant nextRunAt;
    private OperationInterval window = OperationInterval.ALL_DAY;
    /** Whether the scheduler knows a run of this source since it started. */
    private boolean runKnown;
    /**
     * When the run shown ended; an older run is never shown over it. A status read just as
     * a run ends may still carry the run before, after the feed told of the new one.
     */
    private Instant shownEnded;

    SourceCardModel(String name) {
        this.name = name;
        canStart = Bindings.createBooleanBinding(() -> actionable.get() && paused.get(),
                actionable, paused);
        canStop = Bindings.createBooleanBinding(() -> actionable.get() && !paused.get(),
                actionable, paused);
        canSyncNow = Bindings.createBooleanBinding(() -> actionable.get() && !syncing.get(),
                actionable, syncing);
    }

    /** Takes the configuration and the scheduler's status ({@code null}: not scheduled). */
    void update(DataSourceConfig config, SyncSourceStatus status, Instant now, ZoneId zone) {
        type.set(SyncTexts.typeLabel(config.type()));
        window = status == null ? config.operationInterval() : status.window();
        Duration interval = status == null ? config.syncInterval() : status.interval();
        schedule.set(SyncTexts.schedule(interval, window));
        enabled.set(config.enabled());
        actionable.set(config.enabled() && status != null);
        paused.set(status != null && status.paused());

        SourceState current = stateOf(config, status);
        state.set(current);
        stateText.set(stateText(current, status));
        stateDetail.set(current == SourceState.RETRYING ? RETRY_DETAIL : "");
        if (status != null && status.lastRun() != null) {
            showRun(status.lastRun(), zone);
        }
        nextRunAt = status == null || current == SourceState.PAUSED ? null : status.nextRun();
        tick(now, zone);
    }

    private static SourceState stateOf(DataSourceConfig config, SyncSourceStatus status) {
        if (!config.enabled()) {
            return SourceState.DISABLED;
        }
        if (status == null) {
            return SourceState.NOT_RUNNING;
        }
        if (status.running()) {
            return SourceState.RUNNING;
        }
        if (status.paused()) {
            return SourceState.PAUSED;
        }
        if (!status.insideWindow()) {
            return SourceState.OUTSIDE_WINDOW;
        }
        return status.backingOff() ? SourceState.RETRYING : SourceState.SCHEDULED;
    }

    /**
     * The state in words. The retry count is the scheduler's: timer runs that failed in a
     * row; a Sync now that fails does not count (it does not slow the timer down), one that
     * succeeds ends the retrying.
     */
    private String stateText(SourceState current, SyncSourceStatus status) {
        return switch (current) {
            case RETRYING -> "Retrying after " + status.consecutiveFailures() + " failed "
                    + (status.consecutiveFailures() == 1 ? "scheduled run" : "scheduled runs");
            case OUTSIDE_WINDOW -> "Outside its operation window (" + SyncTexts.window(window)
                    + ")";
            default -> current.label();
        };
    }

    /** Recomputes the next-run line; called every second for the countdown. */
    void tick(Instant now, ZoneId zone) {
        nextRun.set(switch (state.get()) {
            case DISABLED -> "Never: the source is disabled in the configuration";
            case NOT_RUNNING -> "Never: Lantir could not start this source; check its "
                    + "settings in Configuration";
            case PAUSED -> "None while paused; Sync now still runs it";
            case RUNNING -> "After the run in progress";
            case OUTSIDE_WINDOW -> "When its window opens at " + SyncTexts.windowStart(window);
            default -> nextRunAt == null ? "Not planned yet"
                    : SyncTexts.clockTime(nextRunAt, zone) + " ("
                            + SyncTexts.countdown(now, nextRunAt) + ")";
        });
    }

    private void showRun(SyncSourceStatus.LastRun run, ZoneId zone) {
        runKnown = true;
        SyncOutcome outcome = run.outcome();
        String window = outcome.window() == null ? null : outcome.window().toString();
        show(run.started(), run.ended(), outcome.succeeded(), window, outcome.counts(),
                outcome.skipped(), outcome.error(), zone);
    }

    /**
     * A run from the event log: shown only while the scheduler knows no run of its own (just
     * after a restart, or while paused since), as the log keeps runs that changed something.
     */
    void showLogged(SyncRunRecord run, ZoneId zone) {
        if (runKnown || run == null) {
            return;
        }
        if (show(run.started(), run.ended(), run.succeeded(), run.window(), run.counts(),
                run.skipped(), run.error(), zone)) {
            lastRun.set(lastRun.get() + ", from the event log");
        }
    }

    /** A run starting or ending, as the event feed tells it, ahead of the next status. */
    void showLive(SyncRun run, ZoneId zone) {
        if (run.phase() == SyncRun.Phase.STARTED) {
            state.set(SourceState.RUNNING);
            stateText.set(SourceState.RUNNING.label());
            stateDetail.set("");
            tick(run.time(), zone);
            return;
        }
        runKnown = true;
        boolean succeeded = run.phase() == SyncRun.Phase.SUCCEEDED;
        show(null, run.time(), succeeded, null,
                new SyncCounts(run.added(), run.updated(), run.unchanged(), run.removed()),
                run.skipped(), run.error(), zone);
    }

    /** Shows a run's every field, unless it ended before the one shown; says whether. */
    private boolean show(Instant started, Instant ended, boolean succeeded, String window,
            SyncCounts runCounts, int runSkipped, String runError, ZoneId zone) {
        if (shownEnded != null && ended.isBefore(shownEnded)) {
            return false;
        }
        shownEnded = ended;
        Duration took = started == null ? null : Duration.between(started, ended);
        lastRun.set(SyncTexts.time(ended, zone)
                + (took == null ? "" : " (took " + SyncTexts.duration(took) + ")"));
        String kind = SyncTexts.windowKind(window);
        result.set((succeeded ? "Succeeded" : "Failed") + (kind.isEmpty() ? "" : ", " + kind));
        added.set(runCounts.added());
        updated.set(runCounts.updated());
        unchanged.set(runCounts.unchanged());
        removed.set(runCounts.removed());
        skipped.set(runSkipped);
        counts.set(succeeded ? SyncTexts.counts(runCounts, runSkipped) : "None applied");
        error.set(succeeded ? "" : SyncTexts.plainError(runError));
        return true;
    }

    void setSyncing(boolean value) {
        syncing.set(value);
    }

    public String name() {
        return name;
    }

    public ReadOnlyStringProperty typeProperty() {
        return type.getReadOnlyProperty();
    }

    /** E.g. {@code every 5 min, 08:00–18:00}. */
    public ReadOnlyStringProperty scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    /** Enabled and scheduled: its buttons do something. */
    public ReadOnlyBooleanProperty actionableProperty() {
        return actionable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** A Sync now asked from this screen has not finished yet. */
    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SourceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** More on the state, for its tooltip: what the retry count counts; else empty. */
    public ReadOnlyStringProperty stateDetailProperty() {
        return stateDetail.getReadOnlyProperty();
    }

    /** When the last run ended and how long it took; empty before any run. */
    public ReadOnlyStringProperty lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** {@code Succeeded, full export}, {@code Failed, recent changes}, or empty. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The last run's rows in words. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty addedProperty() {
        return added.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unchangedProperty() {
        return unchanged.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty removedProperty() {
        return removed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextRunProperty() {
        return nextRun.getReadOnlyProperty();
    }

    /** The last run's error in plain words; empty after a success. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    public BooleanBinding canSyncNowProperty() {
        return canSyncNow;
    }
}
