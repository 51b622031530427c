package org.lantir.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lantir.sync.SyncRunRecord;

/**
 * {@code lantir query-db --sync-history}: the recent runs as a table, newest first, one line
 * per event log entry. An entry that stands for several quiet runs says how many and since
 * when; skipped rows show their reasons and source keys, failures their reason.
 */
final class SyncHistoryTable {

    static final int DEFAULT_LIMIT = 20;

    private static final String[] HEADERS = {"Ended", "Source", "Outcome", "Added", "Updated",
        "Unchanged", "Removed", "Skipped", "Runs", "Took", "Window", "Details"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private SyncHistoryTable() {
    }

    static void print(List<SyncRunRecord> runs, PrintWriter out, ZoneId zone) {
        List<String[]> table = new ArrayList<>();
        table.add(HEADERS);
        int total = 0;
        for (SyncRunRecord run : runs) {
            table.add(cells(run, zone));
            total += run.runs();
        }
        // Counts (Added to Runs) read best right-aligned.
        TextTable.print(table, out, column -> column >= 3 && column <= 8);
        out.printf(Locale.ROOT, "%d entr%s (%d run%s)%n", runs.size(),
                runs.size() == 1 ? "y" : "ies", total, total == 1 ? "" : "s");
        out.flush();
    }

    private static String[] cells(SyncRunRecord run, ZoneId zone) {
        boolean ok = run.succeeded();
        return new String[] {
            time(run.ended(), zone), run.source(), ok ? "succeeded" : "FAILED",
            ok ? Integer.toString(run.counts().added()) : "",
            ok ? Integer.toString(run.counts().updated()) : "",
            ok ? Integer.toString(run.counts().unchanged()) : "",
            ok ? Integer.toString(run.counts().removed()) : "",
            ok ? Integer.toString(run.skipped()) : "",
            Integer.toString(run.runs()), took(run.duration()),
            run.window() == null ? "" : run.window(), details(run, zone)
        };
    }

    private static String details(SyncRunRecord run, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        if (run.runs() > 1) {
            parts.add(run.runs() + " runs like this since " + time(run.firstEnded(), zone));
        }
        if (!run.succeeded()) {
            parts.add(run.error());
        } else if (run.skipReasons() != null) {
            parts.add("skipped: " + run.skipReasons());
        }
        return String.join("; ", parts);
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    private static String took(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = Math.max(0, duration.toMillis());
        return String.format(Locale.ROOT, "%d.%03d s", millis / 1000, millis % 1000);
    }
}
