package org.lantir.ui;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.lantir.api.LantirApi;
import org.lantir.app.DatabaseInUseException;
import org.lantir.app.Lantir;
import org.lantir.app.RecentLog;
import org.lantir.app.ServerProblems;
import org.lantir.config.ApiSettings;
import org.lantir.config.CloseAction;
import org.lantir.config.ServerSettings;
import org.lantir.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application: opens the worklist database, starts the DICOM server and the
 * data-source schedules, and shows the console. Closing the window stops them cleanly.
 */
public final class LantirApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(LantirApp.class);

    /** The default answer when the server cannot listen: Enter leaves. */
    static final ButtonType EXIT = new ButtonType("_Exit", ButtonBar.ButtonData.OK_DONE);
    /** Escape or closing the dialog keeps the window, which does no harm. */
    static final ButtonType OPEN_WITHOUT_SERVER = new ButtonType("_Open without the server",
            ButtonBar.ButtonData.CANCEL_CLOSE);
    static final ButtonType KEEP_SERVING = new ButtonType("_Keep serving",
            ButtonBar.ButtonData.OK_DONE);
    static final ButtonType STOP_AND_QUIT = new ButtonType("_Stop and quit",
            ButtonBar.ButtonData.OTHER);

    private final DesktopStartup startup;
    private final Runnable exit;
    private Lantir lantir;
    private UiThreads threads;
    private Console console;
    private ConsoleHelp help;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Closes Lantir on SIGTERM too, e.g. while it serves with its window closed. */
    private final Thread shutdownHook = new Thread(this::shutdown, "lantir-shutdown");

    /** The constructor JavaFX calls: takes the startup the command line left. */
    public LantirApp() {
        this(DesktopLauncher.takePending());
    }

    /** For tests, which start the application in-process with their own configuration. */
    public LantirApp(DesktopStartup startup) {
        this(startup, LantirApp::exitFailed);
    }

    /**
     * @param exit what leaving because Lantir cannot work does: by default marks the launch
     *        failed and ends the JavaFX application; a test that must keep its toolkit
     *        passes its own
     */
    LantirApp(DesktopStartup startup, Runnable exit) {
        if (startup == null) {
            throw new IllegalStateException("start the window with `lantir gui`");
        }
        this.startup = startup;
        this.exit = exit;
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // First, so the Log screen also shows how the database opened.
        RecentLog.install();
        try {
            lantir = Lantir.open(startup.config(), startup.defaultDatabase());
        } catch (DatabaseInUseException e) {
            fatal("Lantir is already running on this worklist", capitalized(e.getMessage())
                    + ".\n\nUse the Lantir that is running, or stop it first.");
            return;
        } catch (StoreException e) {
            fatal("The worklist database could not be opened", e.getMessage());
            return;
        }
        threads = UiThreads.forApplication();
        ConsoleContext context = new ConsoleContext(lantir, startup.configFile(), threads,
                Clock.systemDefaultZone(), startup.environment());
        console = new Console(context, ConsoleViews.create(context));
        help = ConsoleHelp.install(console, context, startup, this::openFolder);

        stage.setScene(new Scene(console.root(), 1280, 800));
        stage.getScene().getStylesheets().add(Console.STYLESHEET);
        stage.setTitle("Lantir");
        stage.getIcons().setAll(AppIcon.images());
        stage.setOnCloseRequest(event -> onCloseRequest(stage, event));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        stage.show();
        startServices();
        if (startup.firstStart() != null) {
            // After the server started, so the panel shows the port it listens on.
            help.showWelcome();
        }
    }

    /** A folder in the system's file manager (the welcome panel's "Open folder"). */
    private String openFolder(java.nio.file.Path folder) {
        String problem = FolderOpener.whyNot(System.getProperty("os.name", ""),
                System.getenv("PATH"));
        if (problem != null) {
            LOG.warn("Could not open the folder {}: {}", folder, problem);
            return problem;
        }
        getHostServices().showDocument(folder.toUri().toString());
        return null;
    }

    /** The window is up before the server binds, so a port in use is told in the window. */
    private void startServices() {
        ServerSettings server = lantir.config().lantir().server();
        try {
            lantir.startServer();
            LOG.info("Desktop console open; listening on {}:{} as {}", server.bindAddress(),
                    lantir.dicomServer().port(), server.aeTitle());
        } catch (IOException e) {
            String problem = ServerProblems.listenProblem(e, server.bindAddress(), server.port());
            LOG.error("The DICOM server did not start: {}", problem);
            askExitOrOpenWithoutServer(ServerProblems.portInUse(e)
                    ? "Port " + server.port() + " is already in use"
                    : "The DICOM server cannot listen", problem);
        }
        List<String> problems = lantir.startSync(startup.environment());
        if (!problems.isEmpty()) {
            warn("Some data sources did not start", String.join("\n", problems));
        }
        startApiIfEnabled();
    }

    /**
     * With {@code lantir.api.enabled}, the REST API beside the DICOM server ({@link Lantir}
     * stops it on close). A first admin account's password is shown once, never logged.
     */
    private void startApiIfEnabled() {
        ApiSettings settings = lantir.config().lantir().api();
        if (!settings.enabled()) {
            return;
        }
        try {
            LantirApi api = LantirApi.start(lantir, settings, startup.environment());
            api.firstAdminPassword().ifPresent(this::showFirstAdminPassword);
        } catch (IOException | RuntimeException e) {
            LOG.error("The REST API did not start: {}", e.getMessage());
            warn("The REST API did not start", e.getMessage()
                    + "\n\nScanners are served; fix lantir.api in Configuration and restart.");
        }
    }

    /** Fits a 1280x800 screen with room to spare; the notice wraps inside it. */
    private static final double FIRST_ADMIN_DIALOG_WIDTH = 520;

    /** The password in a field that can be selected and copied, and nowhere else. */
    private void showFirstAdminPassword(String password) {
        TextField field = new TextField(password);
        field.setEditable(false);
        field.setId("first-admin-password");
        // Wide enough for the whole password: it is read off the screen or copied.
        field.setPrefColumnCount(password.length() + 2);
        javafx.scene.control.Label notice = new javafx.scene.control.Label(
                "Its password is shown only this once: note it now (select it and press "
                        + "Ctrl+C to copy), then change it with `lantir admin-password`.");
        notice.setId("first-admin-notice");
        notice.setWrapText(true);
        notice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Lantir");
        alert.setHeaderText("REST API: the first account, \"admin\"");
        alert.getDialogPane().setContent(new VBox(8, notice, field));
        alert.getDialogPane().setPrefWidth(FIRST_ADMIN_DIALOG_WIDTH);
        alert.getDialogPane().setId("first-admin-dialog");
        alert.setOnShown(e -> {
            field.requestFocus();
            field.selectAll();
        });
        alert.show();
    }

    /**
     * Without its server Lantir serves no scanner, so leaving is the default; staying lets
     * the user fix the port or address in Configuration and start the server from Server.
     * Not modal-blocking: start() returns and the window stays responsive behind it.
     */
    private void askExitOrOpenWithoutServer(String header, String problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "Scanners cannot reach Lantir: "
                + problem + " (another Lantir or DICOM program may be using it).\n\n"
                + "Exit, or open Lantir without the server: change the port in Configuration, "
                + "then start the server from Server.", EXIT, OPEN_WITHOUT_SERVER);
        alert.setHeaderText(header);
        alert.setTitle("Lantir");
        alert.getDialogPane().setId("server-problem-dialog");
        alert.resultProperty().addListener((o, was, answer) -> {
            if (answer == EXIT) {
                LOG.info("Leaving: the DICOM server could not start");
                exit.run();
            } else if (answer == OPEN_WITHOUT_SERVER) {
                LOG.warn("Console open without the DICOM server: {}", problem);
            }
        });
        alert.show();
    }

    /**
     * With {@code lantir.desktop.close_action} "ask", closing the window asks whether to keep
     * serving; otherwise (the default) the window closes and {@link #stop()} ends the server
     * and the sync.
     */
    private void onCloseRequest(Stage stage, WindowEvent event) {
        if (lantir.config().lantir().desktop().closeAction() != CloseAction.ASK) {
            return;
        }
        event.consume();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Scanners can keep querying the "
                + "worklist and reporting MPPS while Lantir waits minimised in the task bar; "
                + "the data sources keep syncing. Stop and quit ends both.",
                KEEP_SERVING, STOP_AND_QUIT, ButtonType.CANCEL);
        ask.setHeaderText("Keep serving in the background?");
        ask.setTitle("Lantir");
        ask.initOwner(stage);
        ask.getDialogPane().setId("close-dialog");
        ask.showAndWait().ifPresent(answer -> {
            if (answer == KEEP_SERVING) {
                keepServingWithoutWindow(stage);
            } else if (answer == STOP_AND_QUIT) {
                Platform.exit();
            }
        });
    }

    /**
     * Minimised rather than hidden: a hidden window could not be brought back (a second
     * launch is told that Lantir already runs on the database), a minimised one is a click
     * away in the task bar.
     */
    private void keepServingWithoutWindow(Stage stage) {
        stage.setIconified(true);
        ServerSettings server = lantir.config().lantir().server();
        LOG.info("Window minimised; Lantir keeps serving as {} on port {}", server.aeTitle(),
                lantir.dicomServer().port());
    }

    /** The running instance behind the window, e.g. for tests; null before {@link #start}. */
    Lantir lantir() {
        return lantir;
    }

    Console console() {
        return console;
    }

    ConsoleHelp help() {
        return help;
    }

    @Override
    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same.
        }
        shutdown();
    }

    /** Stops the screens, the server and the sync once, whichever asks first. */
    private void shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (console != null) {
            console.close();
        }
        if (threads != null) {
            threads.close();
        }
        if (lantir != null) {
            lantir.close();
        }
    }

    private static void warn(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.WARNING, detail);
        alert.setHeaderText(header);
        alert.show();
    }

    private void fatal(String header, String detail) {
        LOG.error("{}: {}", header, detail);
        Alert alert = new Alert(Alert.AlertType.ERROR, detail);
        alert.setHeaderText(header);
        alert.setTitle("Lantir");
        alert.getDialogPane().setId("fatal-dialog");
        alert.showAndWait();
        exit.run();
    }

    private static void exitFailed() {
        DesktopLauncher.markFailed();
        Platform.exit();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
