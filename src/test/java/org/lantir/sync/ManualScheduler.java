package org.lantir.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs nothing by itself: {@link #runNext()} moves
 * the {@link MutableClock} to the earliest due task and runs it on the calling thread. Lets
 * scheduler tests step through hours of pacing without waiting.
 */
public final class ManualScheduler extends AbstractExecutorService
        implements ScheduledExecutorService {

    private final MutableClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;
    /** Runs once, inside the next task run, before the task's own work. */
    private Runnable atStartOfNextTask;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Runs the earliest task, first moving the clock to its due time; false when none. */
    public boolean runNext() {
        Task<?> task;
        synchronized (this) {
            task = queue.poll();
            if (task == null) {
                return false;
            }
        }
        if (task.due.isAfter(clock.instant())) {
            clock.set(task.due);
        }
        task.run();
        return true;
    }

    /**
     * Runs {@code hook} inside the next task run, before its work: as another thread acting
     * just after a pool thread took the task off its queue (the task is running then, so a
     * cancel no longer stops it).
     */
    public synchronized void atStartOfNextTask(Runnable hook) {
        atStartOfNextTask = hook;
    }

    private synchronized Runnable takeHook() {
        Runnable hook = atStartOfNextTask;
        atStartOfNextTask = null;
        return hook;
    }

    /** The delay from now to the earliest pending task, or null when none. */
    public synchronized Duration nextDelay() {
        Task<?> task = queue.peek();
        return task == null ? null : Duration.between(clock.instant(), task.due);
    }

    public synchronized int pending() {
        return queue.size();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay,
            TimeUnit unit) {
        return add(Executors.callable(command), delay, unit);
    }

    @Override
    public synchronized <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay,
            TimeUnit unit) {
        return add(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay,
            long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the sync scheduler");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
            long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the sync scheduler");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> dropped = new ArrayList<>(queue);
        queue.clear();
        return dropped;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private <V> Task<V> add(Callable<V> callable, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Callable<V> hooked = () -> {
            Runnable hook = takeHook();
            if (hook != null) {
                hook.run();
            }
            return callable.call();
        };
        Task<V> task = new Task<>(hooked, clock.instant().plusNanos(unit.toNanos(delay)),
                sequence++);
        queue.add(task);
        return task;
    }

    private synchronized void remove(Task<?> task) {
        queue.remove(task);
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant due;
        final long order;

        Task(Callable<V> callable, Instant due, long order) {
            super(callable);
            this.due = due;
            this.order = order;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            boolean cancelled = super.cancel(mayInterrupt);
            remove(this);
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> o = (Task<?>) other;
            int byDue = due.compareTo(o.due);
            return byDue != 0 ? byDue : Long.compare(order, o.order);
        }

        @Override
        protected void done() {
            // Surface failures of scheduled work instead of losing them in the future.
            if (!isCancelled()) {
                try {
                    get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("scheduled task failed", e.getCause());
                }
            }
        }
    }
}
