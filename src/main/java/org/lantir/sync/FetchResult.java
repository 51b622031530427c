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
 *        ambiguous date); a complete sync must not remove what is stored under them. A
 *        source that cannot tell a skipped row's key (its date is unreadable) may name its
 *        place instead (e.g. {@code bookings.csv:12}), which keeps nothing but counts it.
 * @param skipReasons why each skipped key was skipped, in plain words without patient data
 *        (e.g. {@code bookings.csv:12:3: scheduled_start_date: no such date}); a key without
 *        one here was not mapped, for no reason the source gives
 */
public record FetchResult(List<WorklistItem> rows, boolean complete, List<String> skippedKeys,
        Map<String, String> skipReasons) {

    /** The reason of a skipped key for which the source gave none. */
    static final String NOT_MAPPED = "not mapped";

    public FetchResult {
        rows = List.copyOf(rows);
        skippedKeys = List.copyOf(skippedKeys);
        // In the order the source met them.
        skipReasons = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(skipReasons, "skipReasons")));
    }

    /** Without reasons. */
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
            all.put(key, skipReasons.getOrDefault(key, NOT_MAPPED));
        }
        return all;
    }
}
