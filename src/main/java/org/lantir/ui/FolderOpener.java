package org.lantir.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the desktop can open a folder in its file manager. On Linux JavaFX hands a folder to
 * {@code xdg-open} (or a web browser); without one it only writes a line to standard error,
 * which nobody sees behind a menu entry, so the welcome panel asks first and says so.
 */
final class FolderOpener {

    /** What JavaFX tries on Linux, in its order: the desktop's opener, then browsers. */
    private static final String[] OPENERS = {"xdg-open", "google-chrome", "firefox", "opera",
        "konqueror", "mozilla"};

    private FolderOpener() {
    }

    /** Why no folder can be opened here, or null when one can. */
    static String whyNot(String osName, String searchPath) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return null;
        }
        String path = searchPath == null ? "" : searchPath;
        for (String folder : path.split(File.pathSeparator)) {
            for (String opener : OPENERS) {
                if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, opener))) {
                    return null;
                }
            }
        }
        return "no file manager was found (xdg-open is not installed)";
    }
}
