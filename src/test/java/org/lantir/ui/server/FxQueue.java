package org.lantir.ui.server;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands for the JavaFX thread in view-model tests: tasks handed to it from any thread wait
 * until the test runs them on its own thread, so the view model's state is only ever touched
 * by one thread, as on the real JavaFX thread.
 */
final class FxQueue implements Executor {

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs what is queued now. */
    void runPending() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
    }

    /** Runs tasks as they come until {@code done} holds; fails after 20 s. */
    void runUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        runPending();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            Runnable task = left > 0 ? tasks.poll(left, TimeUnit.NANOSECONDS) : null;
            if (task == null) {
                throw new AssertionError("not reached within 20 s");
            }
            task.run();
        }
    }
}
