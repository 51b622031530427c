package org.lantir.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @param skipReasons why each skipped key was skipped, in plain words that name no patient
 *        data (e.g. "scheduled time is not HH:MM"), for the run's event log entry; a skipped
 *        key without a reason here is reported as not mapped
 */
public record FetchResult(List<WorklistItem> rows, boolean complete, List<String> skippedKeys,
        Map<String, String> skipReasons) {

    public FetchResult {
        rows = List.copyOf(rows);
        skippedKeys = List.copyOf(skippedKeys);
        // Insertion order: the entry lists reasons in the order the source met them.
        skipReasons = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(skipReasons, "skipReasons")));
    }

    /** Without reasons: each skipped key is reported as not mapped. */
    public FetchResult(List<WorklistItem> rows, boolean complete, List<String> skippedKeys) {
        this(rows, complete, skippedKeys, Map.of());
    }

    public int skipped() {
        return skippedKeys.size();
    }

    /** Every skipped key with its reason, in the order they were skipped. */
    public Map<String, String> skips() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String key : skippedKeys) {
            all.put(key, skipReasons.getOrDefault(key, SkipSummary.NOT_MAPPED));
        }
        return all;
    }
}
