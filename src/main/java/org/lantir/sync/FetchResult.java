package org.lantir.sync;

import java.util.List;
import org.lantir.worklist.WorklistItem;

/**
 * What a source delivered for one window.
 *
 * @param rows worklist rows keyed by (source name, source key); IDs the source does not have
 *        (Requested Procedure ID, SPS ID, accession number, Study Instance UID) are left null
 *        for the worklist service to mint
 * @param complete true when {@code rows} is the source's whole current set (a full export),
 *        so that its SCHEDULED rows missing from it may leave the worklist
 * @param skippedKeys source keys of rows that exist upstream but could not be mapped (e.g. an
 *        ambiguous date); a complete sync must not remove what is stored under them
 * @param skipReasons why rows were skipped, one plain-words line each without patient data
 *        (e.g. {@code bookings.csv:12: column 3 (scheduled_start_date): ...}); a source that
 *        gives none has only its keys counted. A skipped row whose key cannot be known (its
 *        date is unreadable) has a reason and no key.
 */
public record FetchResult(List<WorklistItem> rows, boolean complete,
        List<String> skippedKeys, List<String> skipReasons) {

    public FetchResult {
        rows = List.copyOf(rows);
        skippedKeys = List.copyOf(skippedKeys);
        skipReasons = List.copyOf(skipReasons);
    }

    public FetchResult(List<WorklistItem> rows, boolean complete, List<String> skippedKeys) {
        this(rows, complete, skippedKeys, List.of());
    }

    /** A run that found nothing changed since the last applied one: nothing to apply. */
    public static FetchResult nothingChanged() {
        return new FetchResult(List.of(), false, List.of(), List.of());
    }

    /** The rows skipped: one per reason when the source gives reasons, else one per key. */
    public int skipped() {
        return Math.max(skippedKeys.size(), skipReasons.size());
    }
}
