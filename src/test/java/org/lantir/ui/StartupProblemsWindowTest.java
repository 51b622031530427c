package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window says when Lantir cannot work as asked: its port is taken (leave, or open
 * without the server and fix the port), or another Lantir runs on its database (say so and
 * leave). Leaving is recorded instead of ending the test's JavaFX toolkit.
 */
@Timeout(120)
class StartupProblemsWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AtomicInteger exits = new AtomicInteger();
    private Application app;

    private DesktopStartup startup(int port) throws Exception {
        Path configFile = dir.resolve("lantir.json");
        Files.writeString(configFile, """
                {"db_path": "%s",
                 "lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1",
                                       "port": %d}}}
                """.formatted(database().toString().replace("\\", "\\\\"), port));
        LantirConfig config = ConfigLoader.load(configFile);
        return new DesktopStartup(config, configFile, database(), Map.of());
    }

    private Path database() {
        return dir.resolve("worklist.db");
    }

    private void launch(DesktopStartup startup) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new LantirApp(startup, exits::incrementAndGet));
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** The dialog once it is shown and laid out, its buttons clickable. */
    private DialogPane dialog(String id) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                .map(pane -> ((DialogPane) pane).getButtonTypes().stream()
                        .allMatch(type -> ((DialogPane) pane).lookupButton(type).getScene()
                                != null))
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(DialogPane.class);
    }

    @Test
    void aPortInUseOffersExitByDefaultOrTheWindowWithoutTheServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            launch(startup(taken.getLocalPort()));

            DialogPane pane = dialog("#server-problem-dialog");
            assertThat(pane.getHeaderText())
                    .isEqualTo("Port " + taken.getLocalPort() + " is already in use");
            assertThat(pane.getContentText()).contains("Configuration");
            assertThat(pane.getButtonTypes()).containsExactly(LantirApp.EXIT,
                    LantirApp.OPEN_WITHOUT_SERVER);
            assertThat(((javafx.scene.control.Button) pane.lookupButton(LantirApp.EXIT))
                    .isDefaultButton()).isTrue();

            robot.clickOn((Node) pane.lookupButton(LantirApp.OPEN_WITHOUT_SERVER));
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(exits).hasValue(0);
            robot.clickOn("#nav-1");
            WaitForAsyncUtils.waitForFxEvents();
            Label problem = robot.lookup("#server-problem").queryAs(Label.class);
            assertThat(problem.isVisible()).isTrue();
            assertThat(problem.getText()).contains("port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use");
            assertThat(robot.lookup("#server-state").queryAs(Label.class).getText())
                    .isEqualTo("Stopped");
        }
    }

    @Test
    void exitLeavesWhenThePortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            launch(startup(taken.getLocalPort()));

            DialogPane pane = dialog("#server-problem-dialog");
            robot.clickOn((Node) pane.lookupButton(LantirApp.EXIT));
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(exits).hasValue(1);
        }
    }

    @Test
    void aDatabaseInUseByAnotherLantirIsToldAndTheWindowLeaves() throws Exception {
        DesktopStartup startup = startup(0);
        try (Lantir running = Lantir.open(startup.config(), database())) {
            // The message waits for its OK inside start(), so start from another thread.
            FxToolkit.registerPrimaryStage();
            CompletableFuture<Application> starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return FxToolkit.setupApplication(
                            () -> new LantirApp(startup, exits::incrementAndGet));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            DialogPane pane = dialog("#fatal-dialog");
            assertThat(pane.getHeaderText())
                    .isEqualTo("Lantir is already running on this worklist");
            assertThat(pane.getContentText()).startsWith("Database " + database()
                    + " is in use by another Lantir, pid " + ProcessHandle.current().pid());
            robot.clickOn((Node) pane.lookupButton(ButtonType.OK));

            app = starting.get(30, TimeUnit.SECONDS);
            assertThat(exits).hasValue(1);
            assertThat(running.worklist().list(org.lantir.worklist.WorklistFilter.all()))
                    .as("the running Lantir is untouched").isEmpty();
        }
    }
}
