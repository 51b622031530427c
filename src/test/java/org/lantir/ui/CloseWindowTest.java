package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code lantir.desktop.close_action: "ask"}: closing the window asks; "Keep serving"
 * minimises the window and the scanners are still served; Cancel keeps the window.
 */
@Timeout(60)
class CloseWindowTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.start(dir, """
                {
                    "db_path": "%s",
                    "lantir": {
                        "server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1", "port": 0},
                        "desktop": {"close_action": "ask"}
                    }
                }
                """.formatted(dir.resolve("worklist.db").toString().replace("\\", "\\\\")));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void keepServingMinimisesTheWindowAndTheServerStillListens() throws Exception {
        askToClose();

        robot.clickOn(button("Keep serving"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(console.stage().isIconified()).isTrue();
        assertThat(console.stage().isShowing()).as("still there to be restored").isTrue();
        assertThat(console.lantir().dicomServer().isRunning()).isTrue();
    }

    @Test
    void cancelKeepsTheWindowOpen() throws Exception {
        askToClose();

        robot.clickOn(button("Cancel"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(console.stage().isShowing()).isTrue();
        assertThat(robot.lookup("#close-dialog").tryQuery()).isEmpty();
    }

    /** As the window manager's close button does; the dialog opens inside the handler. */
    private void askToClose() throws Exception {
        Stage stage = console.stage();
        Platform.runLater(() -> stage.fireEvent(
                new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#close-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#close-dialog").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("Keep serving in the background?");
    }

    private Button button(String text) {
        return robot.lookup("#close-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().replace("_", "").equals(text))
                .findFirst().orElseThrow();
    }
}
