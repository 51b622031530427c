package org.lantir.ui.mpps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An executor that runs nothing until told: tests see exactly which hand-overs were queued and
 * run them on their own thread. {@link #direct()} runs each task at once instead.
 */
final class QueuedExecutor extends AbstractExecutorService {

    private final boolean direct;
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private int executed;
    private boolean shutdown;

    private QueuedExecutor(boolean direct) {
        this.direct = direct;
    }

    static QueuedExecutor queued() {
        return new QueuedExecutor(false);
    }

    static QueuedExecutor direct() {
        return new QueuedExecutor(true);
    }

    @Override
    public void execute(Runnable task) {
        if (direct) {
            executed++;
            task.run();
            return;
        }
        synchronized (queued) {
            queued.add(task);
        }
    }

    /** How many tasks wait. */
    int pending() {
        synchronized (queued) {
            return queued.size();
        }
    }

    /** Runs what waits, and what those tasks queue, until nothing waits; returns the count. */
    int runAll() {
        int ran = 0;
        for (Runnable next; (next = poll()) != null; ) {
            next.run();
            ran++;
        }
        executed += ran;
        return ran;
    }

    /** How many tasks have run so far. */
    int executed() {
        return executed;
    }

    private Runnable poll() {
        synchronized (queued) {
            return queued.poll();
        }
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        synchronized (queued) {
            List<Runnable> left = new ArrayList<>(queued);
            queued.clear();
            return left;
        }
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && pending() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }
}
