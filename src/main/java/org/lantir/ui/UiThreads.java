package org.lantir.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The two places a view model's work runs: the JavaFX thread, where observable state changes,
 * and a small background pool for anything that may block (the database, the network).
 * Tests pass a direct executor for both, so view models are tested without a toolkit.
 */
public record UiThreads(Executor fx, ExecutorService background) implements AutoCloseable {

    /** The JavaFX application thread and a pool of daemon threads named {@code ui-work-N}. */
    public static UiThreads forApplication() {
        AtomicInteger serial = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ui-work-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new UiThreads(Platform::runLater, pool);
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
