package org.lantir.store;

/**
 * A failure of the SQLite store: the database could not be opened, migrated, read or written.
 * Messages name the file, table or operation and never carry patient data.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
