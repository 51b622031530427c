package org.lantir.sync.folder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lantir.sync.FetchResult;
import org.lantir.worklist.WorklistItem;

/**
 * The rows of a whole folder (or of one file), as one sync applies them: every file's rows in
 * file-name order, each source key once (a later row with a key already given is skipped,
 * naming both places), the skipped rows' keys and reasons, and the files' notes.
 *
 * @param rows the rows, each with a distinct source key
 * @param skippedKeys keys whose stored rows stay though this read could not give them
 * @param skipReasons one reason per skipped row or file, without patient data
 * @param notes what else was noticed (unknown columns, values left out)
 * @param files how many files were read
 */
public record FolderContents(List<WorklistItem> rows, List<String> skippedKeys,
        List<String> skipReasons, List<String> notes, int files) {

    public FolderContents {
        rows = List.copyOf(rows);
        skippedKeys = List.copyOf(skippedKeys);
        skipReasons = List.copyOf(skipReasons);
        notes = List.copyOf(notes);
    }

    static FolderContents of(List<FolderCatalog.Snapshot> snapshots) {
        List<WorklistItem> rows = new ArrayList<>();
        Set<String> skippedKeys = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> givenBy = new HashMap<>();
        int files = 0;
        for (FolderCatalog.Snapshot snapshot : snapshots) {
            for (FolderCatalog.Entry entry : snapshot.files().values()) {
                files++;
                FileRows file = entry.rows();
                for (FileRows.Row row : file.rows()) {
                    String earlier = givenBy.putIfAbsent(row.item().sourceKey(), row.origin());
                    if (earlier == null) {
                        rows.add(row.item());
                    } else {
                        reasons.add(row.origin() + ": the same row as " + earlier + " (the "
                                + "same source_key, or the same patient, date and time); "
                                + "skipped");
                    }
                }
                for (FileRows.Skip skip : file.skips()) {
                    reasons.add(skip.reason());
                    if (skip.key() != null) {
                        skippedKeys.add(skip.key());
                    }
                }
                skippedKeys.addAll(file.keptKeys());
                notes.addAll(file.notes());
            }
        }
        skippedKeys.removeAll(givenBy.keySet());
        return new FolderContents(rows, new ArrayList<>(skippedKeys), reasons, notes, files);
    }

    /** As a sync run's result: the source's whole current set. */
    FetchResult toFetchResult() {
        return new FetchResult(rows, true, skippedKeys, skipReasons);
    }
}
