package org.lantir.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar's memory and uptime, refreshed by the view once a second. */
public final class StatusBarModel {

    private static final long MIB = 1024 * 1024;

    private final Clock clock;
    private final Instant started;
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper("");

    public StatusBarModel(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
        refresh();
    }

    public void refresh() {
        Runtime runtime = Runtime.getRuntime();
        refresh(runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
    }

    void refresh(long usedBytes, long maxBytes) {
        memory.set(String.format("Memory %d of %d MiB", usedBytes / MIB, maxBytes / MIB));
        uptime.set("Up " + uptimeText(Duration.between(started, clock.instant())));
    }

    static String uptimeText(Duration up) {
        long days = up.toDays();
        String clockTime = String.format("%d:%02d:%02d", up.toHoursPart(), up.toMinutesPart(),
                up.toSecondsPart());
        return days > 0 ? days + " d " + clockTime : clockTime;
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }
}
