package org.lantir.ui;

import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import org.lantir.app.AppPaths;
import org.lantir.app.LogFile;

/**
 * Starts the JavaFX window from the plain {@code Main} class. A jar whose main class extends
 * {@link Application} fails from the classpath ("JavaFX runtime components are missing"), so
 * the command line calls this instead, and it hands the startup to {@link LantirApp}.
 */
public final class DesktopLauncher {

    /**
     * JavaFX's own logger, held so its level sticks (java.util.logging keeps loggers weakly).
     * From the jar, JavaFX is on the classpath and warns at every start that this is an
     * "unsupported configuration": it is what `java -jar` can do and it works; an installer
     * made with jpackage can put JavaFX on the module path instead. Its errors still show.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private static volatile DesktopStartup pending;
    private static volatile boolean failed;

    private DesktopLauncher() {
    }

    /**
     * Opens the window and returns when it is closed (or the application is told to exit).
     *
     * @return false when the console could not open (e.g. its database was unavailable)
     * @throws IllegalStateException when there is no display to open a window on
     */
    public static boolean launch(DesktopStartup startup) {
        String missing = missingDisplay(System.getProperty("os.name", ""), System.getenv());
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        JAVAFX_LOG.setLevel(Level.SEVERE);
        pending = startup;
        failed = false;
        // Started from a desktop menu there is no terminal: the log also goes to a file.
        LogFile logFile = LogFile.attach(AppPaths.dataDirectory());
        try {
            Application.launch(LantirApp.class);
        } finally {
            if (logFile != null) {
                logFile.close();
            }
        }
        return !failed;
    }

    /** Called by the application when it gives up before the window could be used. */
    static void markFailed() {
        failed = true;
    }

    /** The startup {@link LantirApp}'s no-argument constructor takes; read once. */
    static DesktopStartup takePending() {
        DesktopStartup startup = pending;
        pending = null;
        return startup;
    }

    /**
     * Why no window can open, or null. On Linux without X11 or Wayland JavaFX would fail deep
     * inside its toolkit; a server without a display wants {@code lantir start} instead.
     */
    static String missingDisplay(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")
                || "Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
                + "on a server without a display run `lantir start`";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
