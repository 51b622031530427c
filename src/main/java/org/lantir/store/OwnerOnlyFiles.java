package org.lantir.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite files only their owner may read: the worklist database holds patient data, the users
 * database password hashes. SQLite makes a new file with the process's umask (usually
 * {@code rw-r--r--}) and its {@code -wal}, {@code -shm} and {@code -journal} companions with
 * the database file's own permissions, so creating the database file owner-only before SQLite
 * opens it is enough for all of them.
 *
 * <p>A file found with wider permissions is narrowed, with a warning naming it; one this
 * process may not change (another account's) is left as it is, with a warning.
 */
public final class OwnerOnlyFiles {

    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private OwnerOnlyFiles() {
    }

    /**
     * Before SQLite opens {@code database}: creates it empty and owner-only when missing (SQLite
     * takes an empty file as an empty database), else narrows it and its companions.
     *
     * @param what the file's role for the warning, e.g. "users database"
     */
    public static void prepareDatabase(Path database, String what) {
        try {
            if (isPosix(database)) {
                Files.createFile(database, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(database);
                restrictAcl(database);
            }
            return;
        } catch (FileAlreadyExistsException e) {
            // Narrowed below.
        } catch (IOException e) {
            LOG.warn("Could not create the {} {} owner-only: {}", what, database,
                    e.getMessage());
            return;
        }
        narrow(database, what, true);
        for (String suffix : COMPANIONS) {
            Path companion = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(companion)) {
                narrow(companion, what, true);
            }
        }
    }

    /**
     * Makes {@code file} owner-only; with {@code warn}, says so when it was wider (a file
     * someone else may have read).
     */
    public static void narrow(Path file, String what, boolean warn) {
        if (!isPosix(file) || !Files.isRegularFile(file)) {
            // Windows: the per-user data folder's inherited ACL already keeps others out.
            return;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (now.equals(OWNER_ONLY)) {
                return;
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            if (warn) {
                LOG.warn("The {} {} had permissions {}; narrowed to rw-------", what, file,
                        PosixFilePermissions.toString(now));
            }
        } catch (IOException e) {
            LOG.warn("The {} {} may be readable by others and could not be narrowed to "
                    + "rw-------: {}", what, file, e.getMessage());
        }
    }

    private static void restrictAcl(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                    .setPrincipal(Files.getOwner(file))
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        }
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
