package org.lantir.sync;

/**
 * A system the worklist is fed from (REDCap, Calpendo). A source is used by one
 * scheduler thread at a time; it keeps nothing from one fetch to the next.
 */
public interface DataSource extends AutoCloseable {

    /** The configured source name; rows and sync state are kept under it. */
    String name();

    /**
     * Fetches and maps the rows of one window.
     *
     * @throws SourceException when the source could not deliver; nothing may be applied then
     */
    FetchResult fetch(SyncWindow window) throws SourceException;

    /** Releases connections; an in-flight fetch fails promptly. */
    @Override
    default void close() {
    }
}
