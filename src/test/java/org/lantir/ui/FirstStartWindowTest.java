package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.FirstStart;
import org.lantir.config.ConfigStore;
import org.lantir.config.LantirConfig;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first start as the window shows it: the welcome panel with the port the server really
 * listens on, the configuration it wrote, and no panel on the next start; Getting started
 * (Alt+G) and About (F1) from the keyboard. The data folder is a test folder and the server
 * binds 127.0.0.1, as the command line's --ip would make it.
 */
@Timeout(120)
class FirstStartWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    /** What `lantir gui --ip 127.0.0.1` does with an empty data folder. */
    private ConsoleHarness firstStart() throws Exception {
        FirstStart.Report report = FirstStart.create(dir, null, "127.0.0.1", null);
        return open(report);
    }

    private ConsoleHarness open(FirstStart.Report report) throws Exception {
        Path configFile = dir.resolve("lantir.json");
        LantirConfig config = new ConfigStore(configFile).load().orElseThrow().config();
        console = ConsoleHarness.start(new DesktopStartup(config, configFile,
                dir.resolve("worklist.db"), Map.of(), dir, report));
        WaitForAsyncUtils.waitForFxEvents();
        return console;
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private boolean welcomeShown() {
        return robot.lookup("#welcome-panel").tryQuery().isPresent();
    }

    @Test
    void theFirstStartShowsTheWelcomePanelWithThePortAndAeTitleItListensOn() throws Exception {
        firstStart();

        assertThat(welcomeShown()).isTrue();
        assertThat(console.lantir().dicomServer().isRunning()).isTrue();
        assertThat(text("#welcome-port")).isEqualTo(Integer.toString(console.port()));
        assertThat(text("#welcome-ae-title")).isEqualTo("MWL_SERVER");
        assertThat(text("#welcome-config-file")).isEqualTo(dir.resolve("lantir.json")
                .toString());
        assertThat(text("#welcome-database-file")).isEqualTo(dir.resolve("worklist.db")
                .toString());
        assertThat(text("#welcome-log-folder")).isEqualTo(dir.resolve("logs").toString());
        assertThat(text("#welcome-reach-note")).contains("127.0.0.1, this computer only");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text("#welcome-host")
                .equals("…"));
        assertThat(dir.resolve("worklist.db")).exists();

        List<String> warnings = new ArrayList<>();
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        LantirConfig written = store.parse(Files.readString(store.file()), warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(written.lantir().server().port()).isEqualTo(console.port());
    }

    @Test
    void escapeClosesThePanelAndAltGBringsItBack() throws Exception {
        firstStart();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#welcome-add-source")
                .queryAs(Node.class).isFocused());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(welcomeShown()).isFalse();

        robot.press(KeyCode.ALT).type(KeyCode.G).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(welcomeShown()).isTrue();
    }

    @Test
    void aSecondStartShowsNoWelcomePanel() throws Exception {
        FirstStart.create(dir, null, "127.0.0.1", null);

        open(null);

        assertThat(console.lantir().dicomServer().isRunning()).isTrue();
        assertThat(welcomeShown()).isFalse();
        robot.clickOn("#nav-getting-started");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(welcomeShown()).isTrue();
        assertThat(text("#welcome-intro")).doesNotContain("has made");
        assertThat(text("#welcome-port")).isEqualTo(Integer.toString(console.port()));
    }

    @Test
    void port4242InUseIsSaidAndTheNextFreePortServes() throws Exception {
        try (ServerSocket held = holdIfFree(4242)) {
            firstStart();

            assertThat(console.port()).isGreaterThan(4242);
            assertThat(text("#welcome-port")).isEqualTo(Integer.toString(console.port()));
            assertThat(text("#welcome-port-note")).isEqualTo("Port 4242 was in use by another "
                    + "program, so Lantir listens on port " + console.port()
                    + " (saved in the configuration).");
        }
    }

    @Test
    void addADataSourceOpensTheEditorsDataSourcesReadyToAddOne() throws Exception {
        firstStart();

        robot.clickOn("#welcome-add-source");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(welcomeShown()).isFalse();
        assertThat(robot.lookup("#nav-4").queryAs(ToggleButton.class).isSelected()).isTrue();
        Tab tab = robot.lookup("#config-tabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem();
        assertThat(tab.getText()).isEqualTo("Data sources");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#config-add-redcap")
                .queryAs(Node.class).isFocused());
    }

    @Test
    void f1OpensAboutWithTheVersionAndTheLicenseNotices() throws Exception {
        FirstStart.create(dir, null, "127.0.0.1", null);
        open(null);

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#about-dialog").tryQuery().isPresent());

        DialogPane about = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertThat(text("#about-version")).isEqualTo("development build");
        assertThat(text("#about-build-date")).isEqualTo("development build");
        assertThat(text("#about-java")).startsWith(System.getProperty("java.version"));
        assertThat(text("#about-javafx")).startsWith("21.");
        assertThat(text("#about-data-folder")).isEqualTo(dir.toString());
        assertThat(robot.lookup("#about-notices").queryAs(TextArea.class).getText())
                .contains("Lantir's own license has not been chosen yet")
                .contains("org.xerial:sqlite-jdbc:").contains("GPLv2+CE")
                .contains("Java runtime").contains("Classpath Exception");
        assertThat(robot.lookup("#about-notices").queryAs(TextArea.class).isWrapText())
                .as("notices wrap instead of running off the right edge").isTrue();
        robot.interact(() -> about.getScene().getWindow().hide());
    }

    private static ServerSocket holdIfFree(int port) throws Exception {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new java.net.InetSocketAddress(
                    java.net.InetAddress.getLoopbackAddress(), port), 1);
            return socket;
        } catch (java.io.IOException inUse) {
            socket.close();
            return null;
        }
    }
}
