package org.lantir.dicom.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link TimerService} whose clock moves only when a test says so. */
final class ManualTimers implements TimerService {

    private final class Entry implements Timer {
        final long due;
        final Duration delay;
        final Runnable task;
        volatile boolean cancelled;

        Entry(long due, Duration delay, Runnable task) {
            this.due = due;
            this.delay = delay;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private long now;

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(now + delay.toNanos(), delay, task);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /** Timers of this delay scheduled and neither fired nor cancelled. */
    synchronized long pending(Duration delay) {
        return entries.stream().filter(e -> !e.cancelled && e.delay.equals(delay)).count();
    }

    /** Moves the clock and runs, on the caller's thread, every timer now due. */
    void advance(Duration elapsed) {
        List<Entry> due = new ArrayList<>();
        synchronized (this) {
            now += elapsed.toNanos();
            for (Entry e : new ArrayList<>(entries)) {
                if (e.due <= now) {
                    entries.remove(e);
                    if (!e.cancelled) {
                        due.add(e);
                    }
                }
            }
        }
        due.forEach(e -> e.task.run());
    }
}
