package org.lantir.sync.folder;

import java.util.ArrayList;
import java.util.List;
import org.lantir.worklist.WorklistItem;

/**
 * What one file of a folder gave: its worklist rows, each with where in the file it came
 * from, the rows it has but could not give, and notes about the file itself (an unknown
 * column, a value left out). Reasons and notes start with the file's name and hold no patient
 * data.
 *
 * @param unreadable whether the file as a whole could not be read (no data set, a bad
 *        encoding, a header without a required column)
 * @param keptKeys keys of rows an earlier version of an unreadable file gave, whose stored
 *        rows stay until the file is readable again or gone
 */
record FileRows(List<Row> rows, List<Skip> skips, List<String> notes, boolean unreadable,
        List<String> keptKeys) {

    FileRows {
        rows = List.copyOf(rows);
        skips = List.copyOf(skips);
        notes = List.copyOf(notes);
        keptKeys = List.copyOf(keptKeys);
    }

    FileRows(List<Row> rows, List<Skip> skips, List<String> notes) {
        this(rows, skips, notes, false, List.of());
    }

    /**
     * One row.
     *
     * @param origin where it came from, e.g. {@code bookings.csv:12} or {@code a.wl item 2}
     * @param item the row, keyed ({@link WorklistItem#sourceKey()}) but without data source
     */
    record Row(String origin, WorklistItem item) {
    }

    /**
     * A row (or a whole file) that could not be read.
     *
     * @param key the source key of the row when it can be told, so that its stored version
     *        stays; null when it cannot (an unreadable date, a whole file)
     * @param place where it is: {@code bookings.csv:12}, {@code a.wl item 2}, or the file's
     *        name for a whole file
     * @param reason why, e.g. {@code bookings.csv:12:3: scheduled_start_date: no such date}
     */
    record Skip(String key, String place, String reason) {
    }

    /** A file that gives nothing, for one reason. */
    static FileRows unreadable(String fileName, String reason) {
        return new FileRows(List.of(), List.of(new Skip(null, fileName, reason)), List.of(),
                true, List.of());
    }

    /** Every source key this version of the file holds: its rows', skips' and kept ones. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(keptKeys);
        rows.forEach(row -> keys.add(row.item().sourceKey()));
        skips.stream().filter(skip -> skip.key() != null).forEach(skip -> keys.add(skip.key()));
        return keys;
    }

    /** This unreadable version, keeping the rows of the version it replaces. */
    FileRows keeping(FileRows previous) {
        return new FileRows(rows, skips, notes, unreadable, previous.keys());
    }
}
