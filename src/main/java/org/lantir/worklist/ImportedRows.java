package org.lantir.worklist;

/**
 * How a worklist row taken over from the Python tool's database (pylantir) is marked, so that
 * the first sync of its source can adopt it (see {@link WorklistService#applySync}) instead of
 * adding a second row for the same session.
 *
 * <p>An imported row keeps the tool's {@code data_source} (often the name the same source has
 * in Lantir's configuration), or {@link #UNNAMED_SOURCE} when the tool recorded none; its
 * source key is the tool's row id behind {@link #KEY_PREFIX}. No source of Lantir's writes a
 * key with that prefix, and adoption replaces it with the source's own key, so a row is
 * imported exactly as long as it has not been adopted.
 */
public final class ImportedRows {

    /** Begins the source key of every imported row: {@code pylantir:<row id>}. */
    public static final String KEY_PREFIX = "pylantir:";

    /** The data source of imported rows for which the tool recorded none. */
    public static final String UNNAMED_SOURCE = "pylantir";

    private ImportedRows() {
    }

    /** The source key of the tool's row {@code rowId}. */
    public static String sourceKey(String rowId) {
        return KEY_PREFIX + rowId;
    }

    /** Whether {@code row} came from the tool's database and no sync has adopted it yet. */
    public static boolean isImported(WorklistItem row) {
        return row.sourceKey() != null && row.sourceKey().startsWith(KEY_PREFIX);
    }

    /**
     * Whether a sync of {@code source} may adopt {@code row}: an imported row of that source,
     * or one the tool recorded no source for. A row named after another source waits for
     * that source's sync.
     */
    static boolean adoptableBy(String source, WorklistItem row) {
        return isImported(row) && (source.equals(row.dataSource())
                || UNNAMED_SOURCE.equals(row.dataSource()));
    }
}
