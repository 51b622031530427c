package org.lantir.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A configuration's next text, written beside the file it becomes, readable by this user
 * only (a configuration may hold a REDCap token or a Calpendo password); the caller moves it
 * in place and deletes it when that fails.
 */
final class OwnerOnlyTempFile {

    private OwnerOnlyTempFile() {
    }

    /** Writes {@code text} to a new temporary file in {@code target}'s folder. */
    static Path write(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            PosixFileAttributeView view =
                    Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
