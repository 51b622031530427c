package org.lantir.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.SyncCounts;

/**
 * One finished run of a data source as the event log keeps it, and the one place that writes
 * and reads its message. The message stays a line a person reads in the log, with a fixed
 * shape this class parses back:
 *
 * <pre>
 * full export: 4 added, 0 updated, 0 unchanged, 0 removed, 1 skipped; took 1.204 s
 * changes 2025-03-10T14:55:00Z .. 2025-03-10T15:01:00Z: REDCap ... (HTTP 500); took 0.081 s
 * </pre>
 *
 * <p>Records written before the run's duration was logged parse too: their start is unknown,
 * and a failure's message was the reason alone.
 *
 * @param source the data source name
 * @param started when the run began, or null when the record does not say
 * @param ended when the run ended (the event's time)
 * @param succeeded whether it succeeded; a failure applied nothing
 * @param window what was asked for ({@code full export} or {@code changes A .. B}), or null
 *        when the record does not say
 * @param counts what a success did to the worklist; {@link SyncCounts#NONE} for a failure
 * @param skipped rows the source has but could not map
 * @param error the plain-words reason of a failure, else null
 */
public record SyncRunRecord(String source, Instant started, Instant ended, boolean succeeded,
        String window, SyncCounts counts, int skipped, String error) {

    /** Every kind of sync record starts with this, for reading them from the log. */
    public static final String KIND_PREFIX = "SYNC_";
    public static final String SUCCEEDED = "SYNC_SUCCEEDED";
    public static final String FAILED = "SYNC_FAILED";

    private static final Pattern TOOK = Pattern.compile("(?s)^(.*); took (\\d+)\\.(\\d{3}) s$");
    private static final Pattern WINDOW =
            Pattern.compile("(?s)^(full export|changes \\S+ \\.\\. \\S+): (.*)$");
    private static final Pattern COUNTS = Pattern.compile("^(\\d+) added, (\\d+) updated, "
            + "(\\d+) unchanged, (\\d+) removed, (\\d+) skipped$");

    public SyncRunRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(counts, "counts");
    }

    public static SyncRunRecord succeeded(String source, Instant started, Instant ended,
            SyncWindow window, SyncCounts counts, int skipped) {
        return new SyncRunRecord(source, started, ended, true, window.toString(), counts,
                skipped, null);
    }

    public static SyncRunRecord failed(String source, Instant started, Instant ended,
            SyncWindow window, String error) {
        return new SyncRunRecord(source, started, ended, false, window.toString(),
                SyncCounts.NONE, 0, Objects.requireNonNull(error, "error"));
    }

    /** How long the run took, or null when the record does not say. */
    public Duration duration() {
        return started == null ? null : Duration.between(started, ended);
    }

    /** The event log line for this run. */
    public EventRecord toEvent() {
        return EventRecord.of(ended, succeeded ? SUCCEEDED : FAILED, source, null, null,
                message());
    }

    /** The message alone, e.g. for the application log. */
    public String message() {
        String body = succeeded ? counts.added() + " added, " + counts.updated() + " updated, "
                + counts.unchanged() + " unchanged, " + counts.removed() + " removed, "
                + skipped + " skipped" : error;
        String text = window == null ? body : window + ": " + body;
        Duration took = duration();
        if (took == null) {
            return text;
        }
        long millis = Math.max(0, took.toMillis());
        return text + String.format(Locale.ROOT, "; took %d.%03d s", millis / 1000,
                millis % 1000);
    }

    /**
     * The run an event log line records, or empty when it is not a sync record or a success
     * without its counts (nothing Lantir writes).
     */
    public static Optional<SyncRunRecord> fromEvent(EventRecord event) {
        try {
            return parse(event);
        } catch (NumberFormatException | ArithmeticException e) {
            // A number too large for a count: not a line Lantir wrote.
            return Optional.empty();
        }
    }

    private static Optional<SyncRunRecord> parse(EventRecord event) {
        boolean succeeded = SUCCEEDED.equals(event.kind());
        if (!succeeded && !FAILED.equals(event.kind()) || event.source() == null
                || event.time() == null) {
            return Optional.empty();
        }
        String text = Objects.requireNonNullElse(event.message(), "");
        Instant started = null;
        Matcher took = TOOK.matcher(text);
        if (took.matches()) {
            text = took.group(1);
            started = event.time().minusMillis(
                    Long.parseLong(took.group(2)) * 1000 + Long.parseLong(took.group(3)));
        }
        String window = null;
        Matcher windowed = WINDOW.matcher(text);
        if (windowed.matches()) {
            window = windowed.group(1);
            text = windowed.group(2);
        }
        if (!succeeded) {
            return Optional.of(new SyncRunRecord(event.source(), started, event.time(), false,
                    window, SyncCounts.NONE, 0, text));
        }
        Matcher counts = COUNTS.matcher(text);
        if (!counts.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SyncRunRecord(event.source(), started, event.time(), true,
                window, new SyncCounts(number(counts, 1), number(counts, 2),
                        number(counts, 3), number(counts, 4)), number(counts, 5), null));
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
