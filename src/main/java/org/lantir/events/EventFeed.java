package org.lantir.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process feed that tells subscribers (the desktop window, the REST API, tests) what
 * happened. Publishing never blocks the caller: events are delivered in order on one feed
 * thread, so a slow subscriber delays other subscribers but never a DICOM association or a
 * sync.
 */
public final class EventFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

    private final CopyOnWriteArrayList<Consumer<? super LantirEvent>> subscribers =
            new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "event-feed");
        t.setDaemon(true);
        return t;
    });

    /** Subscribes; closing the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<? super LantirEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(LantirEvent event) {
        try {
            delivery.execute(() -> deliver(event));
        } catch (RejectedExecutionException closed) {
            LOG.debug("Event feed closed; dropped {}", event.getClass().getSimpleName());
        }
    }

    private void deliver(LantirEvent event) {
        for (Consumer<? super LantirEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.error("Event subscriber {} failed", subscriber, e);
            }
        }
    }

    /** Delivers what was already published, then stops. */
    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
