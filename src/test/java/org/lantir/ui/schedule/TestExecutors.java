package org.lantir.ui.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An executor for view model tests that holds tasks (the one that runs them at once is
 * {@link org.lantir.ui.DirectExecutorService}).
 */
final class TestExecutors {

    private TestExecutors() {
    }

    /** Holds tasks until the test runs them, in order or newest first. */
    static final class Queued extends AbstractExecutorService {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int pending() {
            return tasks.size();
        }

        /** Runs held tasks, and tasks they queue, until none is left. */
        void runAll() {
            for (Runnable task; (task = next(false)) != null; ) {
                task.run();
            }
        }

        /** Runs the newest held task only. */
        void runNewest() {
            Runnable task = next(true);
            if (task != null) {
                task.run();
            }
        }

        private synchronized Runnable next(boolean newest) {
            return newest ? tasks.pollLast() : tasks.pollFirst();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
