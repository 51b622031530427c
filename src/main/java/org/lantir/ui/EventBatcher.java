package org.lantir.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items offered from any thread to a consumer on the JavaFX thread, many at a time: at
 * most one hand-over is queued on the JavaFX thread at once, and it takes everything offered
 * until it runs. A burst of a thousand MPPS events therefore costs one table refresh, not a
 * thousand, and never floods the JavaFX event queue.
 */
public final class EventBatcher<T> {

    private final Executor fx;
    private final Consumer<List<T>> consumer;
    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverQueued = new AtomicBoolean();

    public EventBatcher(Executor fx, Consumer<List<T>> consumer) {
        this.fx = Objects.requireNonNull(fx, "fx");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Queues an item; safe from any thread. */
    public void offer(T item) {
        pending.add(item);
        if (handOverQueued.compareAndSet(false, true)) {
            fx.execute(this::handOver);
        }
    }

    private void handOver() {
        // Cleared before draining: an item offered while the consumer runs queues a new
        // hand-over instead of waiting for one that has already started.
        handOverQueued.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = pending.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
