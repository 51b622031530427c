package org.lantir.sync.folder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lantir.sync.FetchResult;
import org.lantir.worklist.WorklistItem;

/**
 * The rows of a whole folder (or of one file), as one sync applies them: every file's rows in
 * file-name order, each source key once (a later row with a key already given is skipped,
 * naming both places), the skipped rows with their reasons, and the files' notes.
 *
 * <p>Each skipped row is known by its source key when it has a usable one, so that its stored
 * row stays; else by its place ({@code bookings.csv:12}, {@code a.wl item 2}, a file's name),
 * which matches no stored row and only counts it. A file that became unreadable keeps the
 * rows its last readable version gave, each skipped under its key.
 *
 * @param rows the rows, each with a distinct source key
 * @param skippedKeys the skipped rows' keys (or places), in the order met
 * @param skipReasons each skipped key's reason, without patient data
 * @param notes what else was noticed (unknown columns, values left out)
 * @param files how many files were read
 */
public record FolderContents(List<WorklistItem> rows, List<String> skippedKeys,
        Map<String, String> skipReasons, List<String> notes, int files) {

    public FolderContents {
        rows = List.copyOf(rows);
        skippedKeys = List.copyOf(skippedKeys);
        skipReasons = Collections.unmodifiableMap(new LinkedHashMap<>(skipReasons));
        notes = List.copyOf(notes);
    }

    static FolderContents of(List<FolderCatalog.Snapshot> snapshots) {
        Assembly assembly = new Assembly();
        for (FolderCatalog.Snapshot snapshot : snapshots) {
            snapshot.files().forEach(assembly::add);
        }
        return assembly.contents();
    }

    /** As a sync run's result: the source's whole current set. */
    FetchResult toFetchResult() {
        return new FetchResult(rows, true, skippedKeys, skipReasons);
    }

    /** Collects the files of a folder in name order. */
    private static final class Assembly {
        private final List<WorklistItem> rows = new ArrayList<>();
        private final Map<String, String> givenBy = new HashMap<>();
        private final List<FileRows.Skip> skips = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int files;

        void add(String fileName, FolderCatalog.Entry entry) {
            files++;
            FileRows file = entry.rows();
            for (FileRows.Row row : file.rows()) {
                String earlier = givenBy.putIfAbsent(row.item().sourceKey(), row.origin());
                if (earlier == null) {
                    rows.add(row.item());
                } else {
                    skips.add(new FileRows.Skip(null, row.origin(), row.origin()
                            + ": the same row as " + earlier + " (the same source_key, or the "
                            + "same patient, date and time); skipped"));
                }
            }
            skips.addAll(file.skips());
            for (String kept : file.keptKeys()) {
                skips.add(new FileRows.Skip(kept, null, fileName
                        + ": unreadable; its row stays as last read"));
            }
            notes.addAll(file.notes());
        }

        /**
         * Each skip under its key when the key is its own (no row of the folder has it, no
         * earlier skip took it), else under its place; a kept key some file gives again is no
         * skip at all.
         */
        FolderContents contents() {
            Map<String, String> skipped = new LinkedHashMap<>();
            for (FileRows.Skip skip : skips) {
                String key = skip.key();
                boolean own = key != null && !givenBy.containsKey(key)
                        && !skipped.containsKey(key);
                String known = own ? key : skip.place();
                if (known != null && !skipped.containsKey(known)) {
                    skipped.put(known, skip.reason());
                }
            }
            return new FolderContents(rows, new ArrayList<>(skipped.keySet()), skipped, notes,
                    files);
        }
    }
}
