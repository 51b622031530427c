package org.lantir.sync;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lantir.events.LantirEvent;

/** Collects events from the feed; {@link #next} waits, with a timeout that guards hangs. */
public final class EventCollector implements Consumer<LantirEvent> {

    private final LinkedBlockingQueue<LantirEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(LantirEvent event) {
        events.add(event);
    }

    /** The next event of {@code type}, skipping others. */
    public <T extends LantirEvent> T next(Class<T> type) throws InterruptedException {
        while (true) {
            LantirEvent event = events.poll(20, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " event within "
                        + Duration.ofSeconds(20));
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }
}
