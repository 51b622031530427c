package org.lantir.config;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The daily window in which a data source may sync, in the host's local time, as the Python
 * tool's {@code operation_interval} ({@code {"start_time": [h, m], "end_time": [h, m]}}).
 * Both ends are inclusive at minute resolution, so {@code 23:59} covers the whole last
 * minute of the day. A window whose start is after its end runs overnight.
 */
public record OperationInterval(LocalTime start, LocalTime end) {

    /** The Python tool's default: 00:00 to 23:59, all day. */
    public static final OperationInterval ALL_DAY =
            new OperationInterval(LocalTime.MIDNIGHT, LocalTime.of(23, 59));

    public OperationInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        start = start.truncatedTo(ChronoUnit.MINUTES);
        end = end.truncatedTo(ChronoUnit.MINUTES);
    }

    /** Whether a sync may run at this local time. */
    public boolean contains(LocalTime time) {
        LocalTime minute = time.truncatedTo(ChronoUnit.MINUTES);
        if (!start.isAfter(end)) {
            return !minute.isBefore(start) && !minute.isAfter(end);
        }
        return !minute.isBefore(start) || !minute.isAfter(end);
    }
}
