package org.lantir.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Lantir keeps its files when the user names none: the per-user data folder of the
 * platform (XDG on Linux, {@code %APPDATA%} on Windows, Application Support on macOS), never
 * the installation folder.
 */
public final class AppPaths {

    public static final String CONFIG_FILE_NAME = "lantir.json";
    public static final String DATABASE_FILE_NAME = "worklist.db";
    /** The desktop's log files ({@link LogFile}), in the data folder. */
    public static final String LOG_FOLDER_NAME = "logs";

    private AppPaths() {
    }

    /** The data folder for this user and platform. */
    public static Path dataDirectory() {
        return dataDirectory(System.getProperty("os.name", ""), System.getProperty("user.home"),
                System.getenv());
    }

    static Path dataDirectory(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null ? Path.of(appData) : Path.of(home, "AppData", "Roaming");
            return base.resolve("Lantir");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Lantir");
        }
        // The XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and is ignored.
        String xdg = env.get("XDG_DATA_HOME");
        boolean usable = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute();
        Path base = usable ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("lantir");
    }

    public static Path defaultConfigFile() {
        return dataDirectory().resolve(CONFIG_FILE_NAME);
    }

    /** Where the desktop writes its log files. */
    public static Path logDirectory(Path dataDirectory) {
        return dataDirectory.resolve(LOG_FOLDER_NAME);
    }
}
