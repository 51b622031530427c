package org.lantir.store;

/**
 * A write that could not start because another connection (most often another Lantir process:
 * {@code lantir import}, or a second server on the same file) held the database's write lock
 * for longer than the store's busy timeout. Nothing was written; trying again later is safe.
 */
public final class DatabaseBusyException extends StoreException {

    /** The plain-words reason, also shown in the sync history. */
    public static final String REASON =
            "the database was busy (another Lantir command is writing: lantir import?)";

    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
