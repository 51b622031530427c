package org.lantir.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lantir.config.OperationInterval;
import org.lantir.config.SyncSettings;
import org.lantir.events.EventFeed;
import org.lantir.worklist.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every data source on its own thread: every {@code sync_interval} inside its
 * {@code operation_interval}, with a bounded exponential back-off after failures (never
 * sooner than a server's {@code Retry-After} asks, within a cap), and at once on demand. A
 * source that fails or hangs holds up only its own thread: the others keep their pace.
 * Windows are planned by {@link SyncWindowPlanner}; each run is a {@link SourceRunner}. The
 * scheduler owns the sources added to it and closes them on stop.
 *
 * <p>A source's timer can be paused and resumed on its own ({@link #pause}, {@link #resume});
 * a paused source still runs on demand. {@link #status} tells where each source stands.
 *
 * <p>Nothing is kept per cycle: each source holds at most one pending task, a failure counter
 * and its last run.
 */
public final class SyncScheduler implements AutoCloseable {

    /** The longest wait a source's {@code Retry-After} can impose on its timer. */
    static final Duration RETRY_AFTER_CAP = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final SyncSink sink;
    private final SyncStateStore states;
    private final EventLog eventLog;
    private final EventFeed feed;
    private final Clock clock;
    private final SyncSettings settings;
    private final Function<String, ScheduledExecutorService> executors;
    private final Map<String, ScheduledSource> sources = new LinkedHashMap<>();
    private volatile boolean started;
    private volatile boolean stopped;

    public SyncScheduler(SyncSink sink, SyncStateStore states, EventLog eventLog,
            EventFeed feed, Clock clock, SyncSettings settings) {
        this(sink, states, eventLog, feed, clock, settings, SyncScheduler::sourceThread);
    }

    /**
     * @param executors makes the single-threaded executor of each source, by source name
     */
    public SyncScheduler(SyncSink sink, SyncStateStore states, EventLog eventLog,
            EventFeed feed, Clock clock, SyncSettings settings,
            Function<String, ScheduledExecutorService> executors) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.states = Objects.requireNonNull(states, "states");
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /** Adds a source before {@link #start()}; names must be unique. */
    public synchronized void add(DataSource source, Duration interval,
            OperationInterval window) {
        if (started) {
            throw new IllegalStateException("sources are added before start()");
        }
        if (sources.containsKey(source.name())) {
            throw new IllegalArgumentException("source " + source.name() + " added twice");
        }
        SourceRunner runner = new SourceRunner(source, sink, states, eventLog, feed, clock,
                settings.overlap());
        sources.put(source.name(), new ScheduledSource(source, runner, interval, window,
                executors.apply(source.name())));
    }

    public synchronized List<String> sourceNames() {
        return List.copyOf(sources.keySet());
    }

    /** Starts every source's first run now. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        sources.values().forEach(s -> schedule(s, Duration.ZERO));
        LOG.info("Sync scheduler started for {}", sources.keySet());
    }

    /**
     * Runs a source now, on its own thread after any run in progress, even outside its
     * operation interval or while its timer is paused; {@code full} asks for everything
     * instead of recent changes.
     */
    public CompletableFuture<SyncOutcome> syncNow(String name, boolean full) {
        ScheduledSource source = source(name);
        CompletableFuture<SyncOutcome> result = new CompletableFuture<>();
        source.waiting.add(result);
        result.whenComplete((outcome, failure) -> source.waiting.remove(result));
        try {
            source.executor.execute(() -> runOnDemand(source, full, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("sync scheduler stopped"));
        }
        return result;
    }

    /**
     * Pauses a source's timer: it no longer runs by itself until {@link #resume}; a run in
     * progress finishes. Runs asked for with {@link #syncNow} still happen.
     */
    public void pause(String name) {
        ScheduledSource source = source(name);
        synchronized (source) {
            if (source.paused) {
                return;
            }
            source.paused = true;
            cancelPending(source);
        }
        LOG.info("Sync {}: schedule paused", name);
    }

    /**
     * Resumes a paused source's timer at its normal pace: its next run comes one interval
     * after its last run ended, or at once when that is past or it has not run yet.
     */
    public void resume(String name) {
        ScheduledSource source = source(name);
        synchronized (source) {
            if (!source.paused) {
                return;
            }
            source.paused = false;
            // A timer run still in progress schedules the next one when it ends.
            if (!source.ticking) {
                schedule(source, resumeDelay(source));
            }
        }
        LOG.info("Sync {}: schedule resumed", name);
    }

    /** Where a source stands now; no I/O, cheap enough to ask every second. */
    public SyncSourceStatus status(String name) {
        return status(source(name));
    }

    /** Every source's status, in the order they were added. */
    public List<SyncSourceStatus> statuses() {
        List<SyncSourceStatus> all = new ArrayList<>();
        for (ScheduledSource source : sourcesSnapshot()) {
            all.add(status(source));
        }
        return all;
    }

    /** Stops every source: runs in progress are interrupted and their connections closed. */
    public void stop() {
        List<ScheduledSource> all;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            all = List.copyOf(sources.values());
        }
        for (ScheduledSource source : all) {
            source.executor.shutdownNow();
            closeQuietly(source.source);
            // Requests that will never run must not leave their callers waiting.
            List.copyOf(source.waiting).forEach(waiting -> waiting.completeExceptionally(
                    new IllegalStateException("sync scheduler stopped")));
        }
        LOG.info("Sync scheduler stopped");
    }

    /** Waits for every source thread to end after {@link #stop()}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ScheduledSource source : sourcesSnapshot()) {
            long left = deadline - System.nanoTime();
            if (!source.executor.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        stop();
    }

    /** Tasks waiting in a source's executor (one in steady state); for leak checks. */
    int pendingTasks(String name) {
        ScheduledExecutorService executor = source(name).executor;
        return executor instanceof ScheduledThreadPoolExecutor pool ? pool.getQueue().size() : -1;
    }

    private void tick(ScheduledSource source, long ticket) {
        synchronized (source) {
            if (ticket != source.ticket) {
                // Cancelled after the executor took it, perhaps replaced by a newer timer
                // run that pause and resume queued meanwhile: that one is the source's timer.
                return;
            }
            source.next = null;
            source.nextRunAt = null;
            if (source.paused) {
                // Paused after this task was taken off the queue: the timer stays off.
                return;
            }
            source.ticking = true;
        }
        SyncOutcome outcome = SyncOutcome.skippedOutsideWindow();
        try {
            if (insideWindow(source)) {
                outcome = run(source, false);
            } else {
                LOG.debug("Sync {}: outside its operation interval", source.source.name());
            }
        } finally {
            Duration delay = nextDelay(source, outcome);
            synchronized (source) {
                source.ticking = false;
                schedule(source, delay);
            }
        }
    }

    private void runOnDemand(ScheduledSource source, boolean full,
            CompletableFuture<SyncOutcome> result) {
        try {
            SyncOutcome outcome = run(source, full);
            if (outcome.succeeded() && source.failures > 0) {
                // A person fixed the cause: go back to the normal pace at once.
                source.failures = 0;
                synchronized (source) {
                    if (cancelPending(source)) {
                        schedule(source, source.interval);
                    }
                }
            }
            result.complete(outcome);
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
            throw e;
        }
    }

    /** One run on the source's thread, remembered as its last run. */
    private SyncOutcome run(ScheduledSource source, boolean full) {
        Instant started = clock.instant();
        source.running = true;
        try {
            SyncOutcome outcome = source.runner.run(full);
            source.lastRun = new SyncSourceStatus.LastRun(started, clock.instant(), outcome);
            return outcome;
        } finally {
            source.running = false;
        }
    }

    private boolean insideWindow(ScheduledSource source) {
        return source.window.contains(LocalTime.ofInstant(clock.instant(), clock.getZone()));
    }

    /**
     * The interval after a success or a skip; after failures, a doubling bounded wait, and
     * never less than the source asked for with {@code Retry-After} (up to
     * {@link #RETRY_AFTER_CAP}, so that a server cannot silence a source for days).
     */
    private Duration nextDelay(ScheduledSource source, SyncOutcome outcome) {
        if (outcome.status() != SyncOutcome.Status.FAILED) {
            source.failures = 0;
            return source.interval;
        }
        source.failures++;
        Duration delay = outcome.retryable() ? backoff(source.failures) : settings.retryMax();
        Duration asked = outcome.retryAfter();
        if (asked != null) {
            Duration honoured = asked.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : asked;
            if (honoured.compareTo(delay) > 0) {
                LOG.info("Sync {}: the source asked to wait {} s; retry {} in {}",
                        source.source.name(), asked.toSeconds(), source.failures, honoured);
                return honoured;
            }
        }
        if (outcome.retryable()) {
            LOG.info("Sync {}: retry {} in {}", source.source.name(), source.failures, delay);
        }
        return delay;
    }

    private Duration backoff(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration wait = settings.retryInitial().multipliedBy(1L << doublings);
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    /**
     * Queues the source's next timer run, unless it is paused, has one queued already, or the
     * scheduler is not running: at most one task per source, ever.
     */
    private void schedule(ScheduledSource source, Duration delay) {
        synchronized (source) {
            if (stopped || !started || source.paused || source.next != null) {
                return;
            }
            try {
                long ticket = ++source.ticket;
                source.next = source.executor.schedule(() -> tick(source, ticket),
                        delay.toNanos(), TimeUnit.NANOSECONDS);
                source.nextRunAt = clock.instant().plus(delay);
            } catch (RejectedExecutionException e) {
                LOG.debug("Sync {}: not rescheduled, executor stopped", source.source.name());
            }
        }
    }

    /** Takes the queued timer run away; true when there was one. Caller holds the lock. */
    private static boolean cancelPending(ScheduledSource source) {
        ScheduledFuture<?> pending = source.next;
        if (pending == null) {
            return false;
        }
        pending.cancel(false);
        // A task already taken by the executor cannot be stopped by cancel(): its ticket
        // no longer matches, so it returns without running.
        source.ticket++;
        source.next = null;
        source.nextRunAt = null;
        return true;
    }

    private Duration resumeDelay(ScheduledSource source) {
        SyncSourceStatus.LastRun last = source.lastRun;
        if (last == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), last.ended().plus(source.interval));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private SyncSourceStatus status(ScheduledSource source) {
        boolean paused;
        Instant nextRun;
        synchronized (source) {
            paused = source.paused;
            // After stop() the queued task was dropped with the executor.
            nextRun = stopped ? null : source.nextRunAt;
        }
        return new SyncSourceStatus(source.source.name(), source.interval, source.window,
                paused, source.running, insideWindow(source), nextRun, source.lastRun,
                source.failures);
    }

    private synchronized ScheduledSource source(String name) {
        ScheduledSource source = sources.get(name);
        if (source == null) {
            throw new IllegalArgumentException("no data source named " + name);
        }
        return source;
    }

    private synchronized List<ScheduledSource> sourcesSnapshot() {
        return List.copyOf(sources.values());
    }

    private static void closeQuietly(DataSource source) {
        try {
            source.close();
        } catch (Exception e) {
            LOG.warn("Sync {}: closing failed: {}", source.name(), e.toString());
        }
    }

    private static ScheduledExecutorService sourceThread(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "sync-" + name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /**
     * One source and its pacing. {@code failures}, {@code running} and {@code lastRun} change
     * on its thread only; {@code paused}, {@code ticking}, {@code next}, {@code nextRunAt} and
     * {@code ticket} change under the object's lock, as pause and resume come from other threads.
     */
    private static final class ScheduledSource {
        final DataSource source;
        final SourceRunner runner;
        final Duration interval;
        final OperationInterval window;
        final ScheduledExecutorService executor;
        volatile int failures;
        volatile boolean running;
        volatile SyncSourceStatus.LastRun lastRun;
        boolean paused;
        /** A timer run is in progress; it schedules the next one when it ends. */
        boolean ticking;
        /** The queued timer run, or null (paused, running, or stopped). */
        ScheduledFuture<?> next;
        Instant nextRunAt;
        /** The ticket of {@code next}; a timer task with another one is stale. */
        long ticket;
        /** Runs asked for and not finished yet (bounded by the callers waiting). */
        final Set<CompletableFuture<SyncOutcome>> waiting = ConcurrentHashMap.newKeySet();

        ScheduledSource(DataSource source, SourceRunner runner, Duration interval,
                OperationInterval window, ScheduledExecutorService executor) {
            this.source = source;
            this.runner = runner;
            this.interval = interval;
            this.window = window;
            this.executor = executor;
        }
    }
}
