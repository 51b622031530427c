package org.lantir.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file path from the configuration: the text as written (kept so that saving the file does
 * not rewrite {@code ~/Desktop/worklist.db} into an absolute path) and the resolved path the
 * application uses. {@code ~} expands to the user's home folder; a relative path resolves
 * against the folder of the configuration file.
 */
public record ConfigPath(String text, Path path) {

    public ConfigPath {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(path, "path");
    }

    /** Resolves {@code text} against {@code baseDir} (the configuration file's folder). */
    public static ConfigPath resolve(String text, Path baseDir) {
        String expanded = expandHome(text.trim());
        Path path = Path.of(expanded);
        if (!path.isAbsolute()) {
            path = baseDir.resolve(path);
        }
        return new ConfigPath(text, path.toAbsolutePath().normalize());
    }

    /** {@code ~} and {@code ~/...} become the home folder; {@code ~user} is left alone. */
    static String expandHome(String text) {
        String home = System.getProperty("user.home");
        if (text.equals("~")) {
            return home;
        }
        if (text.startsWith("~/") || text.startsWith("~\\")) {
            return home + text.substring(1);
        }
        return text;
    }
}
