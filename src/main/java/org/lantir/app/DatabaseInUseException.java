package org.lantir.app;

import java.nio.file.Path;
import org.lantir.store.StoreException;

/** Another running Lantir holds the worklist database's {@link InstanceLock}. */
public final class DatabaseInUseException extends StoreException {

    private final transient Path database;
    private final Long ownerPid;

    /** @param ownerPid the holder's process ID, or null when it could not be read */
    public DatabaseInUseException(Path database, Long ownerPid) {
        super("database " + database + " is in use by another Lantir"
                + (ownerPid == null ? "" : ", pid " + ownerPid));
        this.database = database;
        this.ownerPid = ownerPid;
    }

    public Path database() {
        return database;
    }

    /** The holder's process ID, or null when unknown. */
    public Long ownerPid() {
        return ownerPid;
    }
}
