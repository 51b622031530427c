package org.lantir.ui;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;

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
        Application.launch(LantirApp.class);
        return !failed;
    }

    /**
     * A plain error dialog for a console that cannot start (e.g. its configuration is
     * broken), before any window: started from a menu, there is no terminal to read. Returns
     * when the dialog is closed; false, without waiting, when no window can be shown (no
     * display, or the toolkit does not start), which leaves the log to say it.
     */
    public static boolean showStartupProblem(String header, String detail) {
        if (missingDisplay(System.getProperty("os.name", ""), System.getenv()) != null) {
            return false;
        }
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CountDownLatch closed = new CountDownLatch(1);
        Runnable show = () -> {
            try {
                problemDialog(header, detail).showAndWait();
            } finally {
                closed.countDown();
            }
        };
        Boolean ownToolkit = startToolkit(show);
        if (ownToolkit == null) {
            return false;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownToolkit) {
            Platform.exit();
        }
        return true;
    }

    /**
     * Runs {@code first} on the FX thread: true when this call started the toolkit, false
     * when it ran already (a test's), null when there is none to run it on.
     */
    private static Boolean startToolkit(Runnable first) {
        try {
            // Shown from a later pulse: a dialog shown from the start-up runnable itself
            // stays blank on some X servers.
            Platform.startup(() -> Platform.runLater(first));
            return true;
        } catch (IllegalStateException alreadyRunning) {
            try {
                Platform.runLater(first);
                return false;
            } catch (IllegalStateException exited) {
                return null;
            }
        } catch (RuntimeException | UnsatisfiedLinkError noToolkit) {
            // E.g. GTK missing: the log and standard error still say what is wrong.
            return null;
        }
    }

    private static Alert problemDialog(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail);
        alert.setTitle("Lantir");
        alert.setHeaderText(header);
        alert.setResizable(true);
        alert.getDialogPane().setId("startup-problem-dialog");
        alert.getDialogPane().setPrefWidth(640);
        return alert;
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
