package org.lantir.sync;

/**
 * A system the worklist is fed from (REDCap, Calpendo, a folder of CSV or DICOM worklist
 * files). A source is used by one scheduler thread at a time. It may remember what it read
 * (a folder source remembers its files, so an unchanged one is not read again), but no fetch
 * may rely on an earlier fetch's rows having been applied: a run can fail after its fetch.
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
