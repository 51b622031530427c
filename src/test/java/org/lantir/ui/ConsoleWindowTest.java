package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.testing.MppsMessages;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window's frame: it opens on the schedule with the server listening; navigation works. */
class ConsoleWindowTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.start(dir);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void opensWithTheServerListeningAndEveryScreenInTheNavigation() {
        assertThat(console.lantir().dicomServer().isRunning()).isTrue();
        assertThat(console.port()).isPositive();
        assertThat(robot.lookup(".navigation .toggle-button").queryAllAs(ToggleButton.class))
                .extracting(ToggleButton::getText)
                .containsExactly("_Schedule", "Ser_ver", "S_ync", "_MPPS events",
                        "_Configuration", "_Log");
        assertThat(robot.lookup("#nav-0").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void shortcutDigitsAndClicksSwitchScreens() {
        robot.clickOn("#nav-5");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-5").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#nav-5");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-5").queryAs(ToggleButton.class).isSelected())
                .as("a second click keeps the screen selected").isTrue();
    }

    @Test
    void theScheduleOpensTheMppsTestForTheSelectedRow() throws Exception {
        console.lantir().worklist().add(MppsMessages.sub001().toBuilder()
                .scheduledStartDate(LocalDate.now()).build());
        TableView<?> table = robot.lookup("#schedule-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        Button test = robot.lookup("#schedule-mpps-test").queryAs(Button.class);
        assertThat(test.isDisabled()).as("no row selected yet").isTrue();

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn(test);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#mpps-create").tryQuery().isPresent());
    }

    @Test
    void statusBarShowsMemoryAndUptime() {
        assertThat(robot.lookup("#status-memory").queryAs(Label.class).getText())
                .matches("Memory \\d+ of \\d+ MiB");
        assertThat(robot.lookup("#status-uptime").queryAs(Label.class).getText())
                .startsWith("Up 0:00:");
    }
}
