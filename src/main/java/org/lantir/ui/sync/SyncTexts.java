package org.lantir.ui.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.OperationInterval;
import org.lantir.worklist.SyncCounts;

/** How the sync screen words times, durations, counts and errors. */
final class SyncTexts {

    /** A Java class name before a message, e.g. {@code java.net.ConnectException: }. */
    private static final Pattern QUALIFIED_THROWABLE = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b(?::\\s*)?");
    /**
     * A REDCap API token is 32 hexadecimal digits. Sources keep tokens out of their messages
     * already; this hides one should any text ever carry it.
     */
    private static final Pattern TOKEN = Pattern.compile("\\b[0-9A-Fa-f]{32}\\b");
    private static final int MAX_ERROR_LENGTH = 300;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter HOUR_MINUTE =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private SyncTexts() {
    }

    /**
     * An error as a person at the scanner reads it: its first line only (never a stack
     * trace), no Java class names, no token, at most a few lines long.
     */
    static String plainError(String error) {
        if (error == null || error.isBlank()) {
            return "";
        }
        String firstLine = error.strip().lines().findFirst().orElse("");
        String plain = QUALIFIED_THROWABLE.matcher(firstLine).replaceAll("");
        plain = TOKEN.matcher(plain).replaceAll("[token hidden]").strip();
        if (plain.isEmpty()) {
            plain = "an unexpected error; see Lantir's log";
        }
        return plain.length() <= MAX_ERROR_LENGTH
                ? plain : plain.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    static String clockTime(Instant instant, ZoneId zone) {
        return CLOCK_TIME.format(instant.atZone(zone));
    }

    /** A run's length: {@code 0.4 s}, {@code 12 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = Math.max(0, duration.toMillis());
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return span(Duration.ofMillis(millis));
    }

    /** How long until {@code due}: {@code in 42 s}, or {@code due now} once it has passed. */
    static String countdown(Instant now, Instant due) {
        Duration left = Duration.between(now, due);
        if (left.toSeconds() <= 0) {
            return "due now";
        }
        return "in " + span(left);
    }

    private static String span(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        long hours = seconds / 3600;
        if (hours < 48) {
            return String.format(Locale.ROOT, "%d h %02d min", hours, seconds % 3600 / 60);
        }
        return hours / 24 + " days";
    }

    static String counts(SyncCounts counts, int skipped) {
        return counts.added() + " added, " + counts.updated() + " updated, "
                + counts.unchanged() + " unchanged, " + counts.removed() + " removed, "
                + skipped + " skipped";
    }

    /**
     * A run's rows in few words, the counts that are not zero: {@code 4 added, 1 skipped},
     * {@code 120 unchanged}, or {@code no rows} when the source had none.
     */
    static String countsInShort(SyncCounts counts, int skipped) {
        List<String> parts = new ArrayList<>();
        addCount(parts, counts.added(), "added");
        addCount(parts, counts.updated(), "updated");
        addCount(parts, counts.unchanged(), "unchanged");
        addCount(parts, counts.removed(), "removed");
        addCount(parts, skipped, "skipped");
        return parts.isEmpty() ? "no rows" : String.join(", ", parts);
    }

    private static void addCount(List<String> parts, int count, String what) {
        if (count != 0) {
            parts.add(count + " " + what);
        }
    }

    /** The source type as people write it. */
    static String typeLabel(String type) {
        return switch (type) {
            case DataSourceConfig.TYPE_REDCAP -> "REDCap";
            case DataSourceConfig.TYPE_CALPENDO -> "Calpendo";
            case DataSourceConfig.TYPE_CSV_FOLDER -> "CSV folder";
            case DataSourceConfig.TYPE_WL_FOLDER -> "Worklist folder";
            default -> type;
        };
    }

    /** {@code every 60 s, all day} or {@code every 5 min, 08:00–18:00}. */
    static String schedule(Duration interval, OperationInterval window) {
        return "every " + interval(interval) + ", " + window(window);
    }

    private static String interval(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    static String window(OperationInterval window) {
        if (window.equals(OperationInterval.ALL_DAY)) {
            return "all day";
        }
        return HOUR_MINUTE.format(window.start()) + "–" + HOUR_MINUTE.format(window.end());
    }

    static String windowStart(OperationInterval window) {
        return HOUR_MINUTE.format(window.start());
    }

    /** What a run asked for, shortly: the log's window text names instants in full. */
    static String windowKind(String window) {
        if (window == null) {
            return "";
        }
        return window.startsWith("full") ? "full export" : "recent changes";
    }
}
