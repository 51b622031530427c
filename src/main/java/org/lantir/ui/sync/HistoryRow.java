package org.lantir.ui.sync;

import java.time.ZoneId;
import org.lantir.sync.SyncRunRecord;
import org.lantir.worklist.SyncCounts;

/**
 * One line of the run history table, worded for people.
 *
 * @param started empty when the log line does not say (lines written by older versions)
 * @param outcome {@code Succeeded} or {@code Failed}, with what was asked for, and how many
 *        runs the line stands for when more than one
 * @param error the reason of a failure in plain words, else empty
 */
public record HistoryRow(String source, String started, String ended, String duration,
        String outcome, boolean succeeded, int added, int updated, int unchanged, int removed,
        int skipped, String error) {

    /** What the run did to the rows, in short; {@code none applied} for a failure. */
    public String changes() {
        return succeeded ? SyncTexts.countsInShort(
                new SyncCounts(added, updated, unchanged, removed), skipped) : "none applied";
    }

    static HistoryRow of(SyncRunRecord run, ZoneId zone) {
        String kind = SyncTexts.windowKind(run.window());
        // One log entry stands for runs in a row that said nothing new (SyncHistory).
        String repeated = run.runs() == 1 ? "" : " (" + run.runs() + " runs like this since "
                + SyncTexts.time(run.firstEnded(), zone) + ")";
        return new HistoryRow(run.source(), SyncTexts.time(run.started(), zone),
                SyncTexts.time(run.ended(), zone), SyncTexts.duration(run.duration()),
                (run.succeeded() ? "Succeeded" : "Failed") + (kind.isEmpty() ? "" : ", " + kind)
                        + repeated,
                run.succeeded(), run.counts().added(), run.counts().updated(),
                run.counts().unchanged(), run.counts().removed(), run.skipped(),
                SyncTexts.plainError(run.error()));
    }
}
