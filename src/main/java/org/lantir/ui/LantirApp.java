package org.lantir.ui;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.lantir.app.Lantir;
import org.lantir.app.ServerProblems;
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

    private final DesktopStartup startup;
    private Lantir lantir;
    private UiThreads threads;
    private Console console;

    /** The constructor JavaFX calls: takes the startup the command line left. */
    public LantirApp() {
        this(DesktopLauncher.takePending());
    }

    /** For tests, which start the application in-process with their own configuration. */
    public LantirApp(DesktopStartup startup) {
        if (startup == null) {
            throw new IllegalStateException("start the window with `lantir gui`");
        }
        this.startup = startup;
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        try {
            lantir = Lantir.open(startup.config(), startup.defaultDatabase());
        } catch (StoreException e) {
            fatal("The worklist database could not be opened", e.getMessage());
            return;
        }
        threads = UiThreads.forApplication();
        ConsoleContext context = new ConsoleContext(lantir, startup.configFile(), threads,
                Clock.systemDefaultZone(), startup.environment());
        console = new Console(context, ConsoleViews.create(context));

        stage.setScene(new Scene(console.root(), 1280, 800));
        stage.getScene().getStylesheets().add(Console.STYLESHEET);
        stage.setTitle("Lantir");
        stage.getIcons().setAll(AppIcon.images());
        stage.show();
        startServices();
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
            warn("The DICOM server did not start", problem + ".\n\nStop the other server, or "
                    + "choose another port in Configuration; then start it from Server.");
        }
        List<String> problems = lantir.startSync(startup.environment());
        if (!problems.isEmpty()) {
            warn("Some data sources did not start", String.join("\n", problems));
        }
    }

    /** The running instance behind the window, e.g. for tests; null before {@link #start}. */
    Lantir lantir() {
        return lantir;
    }

    Console console() {
        return console;
    }

    @Override
    public void stop() {
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

    private static void fatal(String header, String detail) {
        LOG.error("{}: {}", header, detail);
        Alert alert = new Alert(Alert.AlertType.ERROR, detail);
        alert.setHeaderText(header);
        alert.showAndWait();
        DesktopLauncher.markFailed();
        Platform.exit();
    }
}
