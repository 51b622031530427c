package org.lantir.dicom.net;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where associations schedule their timers: ARTIM (PS3.8 §9.1.5), idle and write deadlines.
 * An interface so tests can run timers by hand instead of waiting.
 */
public interface TimerService {

    /** A scheduled task that may still be cancelled. */
    interface Timer {
        void cancel();
    }

    /** Runs {@code task} once after {@code delay}. */
    Timer schedule(Duration delay, Runnable task);

    /**
     * The clock the timers run on, in nanoseconds from an arbitrary origin: timers that only
     * note activity and look at it when they fire use it (see {@link IdleTimer}).
     */
    default long nanoTime() {
        return System.nanoTime();
    }

    /** The timers of a scheduled executor. */
    static TimerService of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> future =
                    executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }

    /** A single daemon timer thread, cancelled tasks removed at once. */
    static ScheduledExecutorService newScheduler(String threadName) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
