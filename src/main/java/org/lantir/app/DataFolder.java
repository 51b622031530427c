package org.lantir.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user data folder ({@link AppPaths}) and its logs folder, made readable by their
 * owner only (700 on POSIX): the worklist database in it holds patients' names and birth
 * dates. Only folders Lantir makes are given these permissions; one that exists is never
 * changed (the user may have made it, or shared it on purpose), but a data folder others can
 * enter is warned about.
 */
public final class DataFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {
    }

    /**
     * Makes {@code folder} (and the folders above it, as the system makes them) if it does not
     * exist, owner-only on POSIX. An existing folder is left as it is.
     */
    public static Path create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (isPosix(parent)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // The umask may have taken bits away, never added them; set exactly.
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(folder)) {
                throw raced;
            }
        }
        return folder;
    }

    /**
     * Makes the data folder and its logs folder where they are missing, owner-only, before
     * the log file is opened there.
     */
    public static void createWithLogs(Path dataDirectory) throws IOException {
        create(dataDirectory);
        create(AppPaths.logDirectory(dataDirectory));
    }

    /**
     * Warns (once: call it once per run) when the data folder exists and others may enter
     * it, naming the folder only. True when it warned.
     */
    public static boolean warnIfOpenToOthers(Path dataDirectory) {
        if (!Files.isDirectory(dataDirectory) || !isPosix(dataDirectory)) {
            return false;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(dataDirectory);
        } catch (IOException e) {
            return false;
        }
        Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
        others.removeAll(OWNER_ONLY);
        if (others.isEmpty()) {
            return false;
        }
        LOG.warn("The data folder {} can be entered by other users (permissions {}); the "
                + "worklist database in it holds patients' names: `chmod 700 {}` keeps it "
                + "yours", dataDirectory, PosixFilePermissions.toString(permissions),
                dataDirectory);
        return true;
    }

    private static boolean isPosix(Path path) {
        return path != null
                && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
