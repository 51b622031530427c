package org.lantir.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
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
 * full export: 4 added, 0 updated, 0 unchanged, 0 removed, 1 skipped (scheduled date is not
 *     YYYY-MM-DD or YYYYMMDD: 4:1); took 1.204 s
 * changes 2025-03-10T14:55:00Z .. 2025-03-10T15:01:00Z: REDCap ... (HTTP 500); took 0.081 s
 * changes 2025-03-10T14:55:00Z .. 2025-03-10T15:01:00Z: 0 added, 0 updated, 4 unchanged,
 *     0 removed, 0 skipped; took 0.093 s; 240 runs like this since 2025-03-10T11:01:00Z
 * </pre>
 *
 * <p>One entry may stand for several runs in a row that said nothing new
 * ({@link #repeatedBy}): incremental runs that changed nothing and skipped the same rows, or
 * failures with the same reason. Their entry shows the latest of them, how many there were
 * and when the first ended (see {@link SyncHistory#record}).
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
 * @param skipReasons why they were skipped, with their source keys ({@link SkipSummary}), or
 *        null when none were or the record does not say
 * @param error the plain-words reason of a failure, else null
 * @param runs how many runs in a row the entry stands for, at least 1
 * @param firstEnded when the first of those runs ended; {@code ended} for a single run
 */
public record SyncRunRecord(String source, Instant started, Instant ended, boolean succeeded,
        String window, SyncCounts counts, int skipped, String skipReasons, String error,
        int runs, Instant firstEnded) {

    /** Every kind of sync record starts with this, for reading them from the log. */
    public static final String KIND_PREFIX = "SYNC_";
    public static final String SUCCEEDED = "SYNC_SUCCEEDED";
    public static final String FAILED = "SYNC_FAILED";

    private static final String FULL = "full export";
    private static final Pattern LIKE_THIS =
            Pattern.compile("(?s)^(.*); (\\d+) runs like this since (\\S+)$");
    private static final Pattern TOOK = Pattern.compile("(?s)^(.*); took (\\d+)\\.(\\d{3}) s$");
    private static final Pattern WINDOW =
            Pattern.compile("(?s)^(full export|changes \\S+ \\.\\. \\S+): (.*)$");
    private static final Pattern COUNTS = Pattern.compile("(?s)^(\\d+) added, (\\d+) updated, "
            + "(\\d+) unchanged, (\\d+) removed, (\\d+) skipped(?: \\((.+)\\))?$");

    public SyncRunRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(counts, "counts");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        firstEnded = firstEnded == null ? ended : firstEnded;
    }

    public static SyncRunRecord succeeded(String source, Instant started, Instant ended,
            SyncWindow window, SyncCounts counts, int skipped) {
        return new SyncRunRecord(source, started, ended, true, window.toString(), counts,
                skipped, null, null, 1, ended);
    }

    /**
     * A success that skipped rows for these reasons.
     *
     * @param skips each skipped source key with its reason, in order (see
     *        {@link FetchResult#skips()})
     */
    public static SyncRunRecord succeeded(String source, Instant started, Instant ended,
            SyncWindow window, SyncCounts counts, Map<String, String> skips) {
        return new SyncRunRecord(source, started, ended, true, window.toString(), counts,
                skips.size(), SkipSummary.of(skips), null, 1, ended);
    }

    public static SyncRunRecord failed(String source, Instant started, Instant ended,
            SyncWindow window, String error) {
        return new SyncRunRecord(source, started, ended, false, window.toString(),
                SyncCounts.NONE, 0, null, Objects.requireNonNull(error, "error"), 1, ended);
    }

    /** How long the run took, or null when the record does not say. */
    public Duration duration() {
        return started == null ? null : Duration.between(started, ended);
    }

    /**
     * Whether {@code next}, the run of the same source after this one, says nothing this
     * entry does not: both are incremental successes that added, updated and removed nothing
     * and skipped the same rows for the same reasons (a Calpendo booking that cannot be mapped
     * is met again on every run), or both failed for the same reason. A full export is always
     * an entry of its own, as is every run that changed something.
     */
    public boolean repeatedBy(SyncRunRecord next) {
        if (!source.equals(next.source) || succeeded != next.succeeded) {
            return false;
        }
        if (!succeeded) {
            return error.equals(next.error);
        }
        return quiet() && next.quiet() && skipped == next.skipped
                && Objects.equals(skipReasons, next.skipReasons);
    }

    /** This entry standing also for {@code next}: next's run, one more, the same first end. */
    public SyncRunRecord followedBy(SyncRunRecord next) {
        return new SyncRunRecord(next.source, next.started, next.ended, next.succeeded,
                next.window, next.counts, next.skipped, next.skipReasons, next.error,
                runs + next.runs, firstEnded);
    }

    private boolean quiet() {
        return window != null && !window.equals(FULL) && counts.added() == 0
                && counts.updated() == 0 && counts.removed() == 0;
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
                + skipped + " skipped" + (skipReasons == null ? "" : " (" + skipReasons + ")")
                : error;
        String text = window == null ? body : window + ": " + body;
        Duration took = duration();
        if (took != null) {
            long millis = Math.max(0, took.toMillis());
            text += String.format(Locale.ROOT, "; took %d.%03d s", millis / 1000,
                    millis % 1000);
        }
        return runs == 1 ? text : text + "; " + runs + " runs like this since " + firstEnded;
    }

    /**
     * The run an event log line records, or empty when it is not a sync record or a success
     * without its counts (nothing Lantir writes).
     */
    public static Optional<SyncRunRecord> fromEvent(EventRecord event) {
        try {
            return parse(event);
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            // A number too large for a count, or no instant: not a line Lantir wrote.
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
        int runs = 1;
        Instant firstEnded = null;
        Matcher likeThis = LIKE_THIS.matcher(text);
        if (likeThis.matches()) {
            text = likeThis.group(1);
            runs = Integer.parseInt(likeThis.group(2));
            firstEnded = Instant.parse(likeThis.group(3));
            if (runs < 1) {
                return Optional.empty();
            }
        }
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
                    window, SyncCounts.NONE, 0, null, text, runs, firstEnded));
        }
        Matcher counts = COUNTS.matcher(text);
        if (!counts.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SyncRunRecord(event.source(), started, event.time(), true,
                window, new SyncCounts(number(counts, 1), number(counts, 2),
                        number(counts, 3), number(counts, 4)), number(counts, 5),
                counts.group(6), null, runs, firstEnded));
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
