package org.lantir.sync.folder;

import java.util.List;
import java.util.Objects;
import org.lantir.sync.DataSource;
import org.lantir.sync.FetchResult;
import org.lantir.sync.SourceException;
import org.lantir.sync.SyncWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of files as a data source: CSV files ({@code csv_folder}) or DICOM worklist files
 * ({@code wl_folder}), read by a {@link FolderCatalog} that reads a file again only when it
 * changed. A run that delivers gives the folder's whole current set ({@link FolderContents}):
 * a changed file updates its rows, a deleted file's SCHEDULED rows leave, rows MPPS has moved
 * stay (the worklist's sync rules).
 *
 * <p>A scheduled run over a folder that has not changed since the last applied run delivers
 * nothing and costs one listing of the folder. Whether the last run was applied is read from
 * the window the scheduler asks for: an incremental window starts where the last successful
 * one ended (less the overlap, see {@link org.lantir.sync.SyncWindowPlanner}), so its start
 * moves on only after a success. When that cannot be told (the first run, a full run, a
 * failed one) the whole set is delivered again, and the worklist's comparison leaves unchanged
 * rows alone. This is the one thing a folder source keeps from one run to the next besides
 * the files it has read.
 */
public final class FolderSource implements DataSource {

    private static final Logger LOG = LoggerFactory.getLogger(FolderSource.class);

    private final String name;
    private final String label;
    private final FolderCatalog catalog;
    /** The last run's window, and what it delivered (null for nothing). */
    private Delivery last;
    /** What the worklist is known to hold from this folder, or null when not known. */
    private FolderCatalog.Snapshot applied;

    private record Delivery(SyncWindow window, FolderCatalog.Snapshot snapshot) {
    }

    /**
     * @param label the source as messages name it, e.g. {@code CSV folder source 'x'}
     */
    FolderSource(String name, String label, FolderCatalog catalog) {
        this.name = Objects.requireNonNull(name, "name");
        this.label = Objects.requireNonNull(label, "label");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FetchResult fetch(SyncWindow window) throws SourceException {
        learnWhetherApplied(window);
        FolderCatalog.Snapshot now = catalog.scan();
        if (!window.full() && applied != null && applied.sameContent(now)) {
            LOG.debug("{}: no file changed", label);
            last = new Delivery(window, null);
            // Nothing to deliver again, but the bad lines still stand: say so in every run,
            // not only in the one that read them.
            FolderContents standing = FolderContents.of(List.of(now));
            return new FetchResult(List.of(), false, standing.skippedKeys(),
                    standing.skipReasons());
        }
        FolderContents contents = FolderContents.of(List.of(now));
        LOG.debug("{}: {} file(s), {} row(s), {} skipped", label, contents.files(),
                contents.rows().size(), contents.skippedKeys().size());
        last = new Delivery(window, now);
        return contents.toFetchResult();
    }

    /** Moves {@link #applied} on when this window shows the last run succeeded. */
    private void learnWhetherApplied(SyncWindow window) {
        if (last == null) {
            return;
        }
        boolean succeeded = !window.full() && !last.window().full()
                && window.begin().isAfter(last.window().begin());
        if (!succeeded) {
            applied = null;
        } else if (last.snapshot() != null) {
            applied = last.snapshot();
        }
    }

    @Override
    public String toString() {
        return label + " (" + catalog.folder() + ")";
    }
}
