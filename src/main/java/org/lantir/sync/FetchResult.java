package org.lantir.sync;

import java.util.List;

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
 */
public record FetchResult(List<org.lantir.worklist.WorklistItem> rows, boolean complete,
        List<String> skippedKeys) {

    public FetchResult {
        rows = List.copyOf(rows);
        skippedKeys = List.copyOf(skippedKeys);
    }

    public int skipped() {
        return skippedKeys.size();
    }
}
