package org.lantir.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.Status;
import org.lantir.ui.ConsoleHarness;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Server screen in the real window: it shows the server listening on its port, counts a
 * C-ECHO from a requestor on screen, lists the open association, and Stop and Start work.
 */
@Timeout(120)
class ServerWindowTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.start(dir);
        robot.clickOn("#nav-1");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Waits until the screen shows {@code expected}; the screen refreshes on events and ticks. */
    private void waitFor(String id, Supplier<String> expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> expected.get().equals(text(id)));
    }

    @Test
    void showsListeningWithTheBoundPortAndTheAeTitle() {
        assertThat(text("#server-state")).isEqualTo("Listening");
        assertThat(text("#server-port")).isEqualTo(Integer.toString(console.port()));
        assertThat(text("#server-ae-title")).isEqualTo(ConsoleHarness.AE_TITLE);
        assertThat(text("#server-address")).isEqualTo("127.0.0.1");
        assertThat(robot.lookup("#server-state").queryAs(Label.class).getStyleClass())
                .contains("server-listening");
        assertThat(robot.lookup("#server-problem").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void anEchoFromARequestorIsCountedAndItsAssociationListed() throws Exception {
        assertThat(text("#count-c-echo-handled")).isEqualTo("0");

        try (ClientAssociation a = new DicomClient().connect("127.0.0.1", console.port(),
                "MRI_3T", ConsoleHarness.AE_TITLE, DicomClient.contextsFor(UID.VERIFICATION))) {
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);

            waitFor("#count-c-echo-handled", () -> "1");
            TableView<?> table = robot.lookup("#server-associations").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
            assertThat(((ServerViewModel.AssociationRow) table.getItems().get(0))
                    .callingAeTitle()).isEqualTo("MRI_3T");
        }

        TableView<?> table = robot.lookup("#server-associations").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(text("#count-c-echo-refused")).isEqualTo("0");
        assertThat(text("#count-associations-accepted")).isEqualTo("1");
    }

    @Test
    void stopThenStartFromTheKeyboard() throws Exception {
        Button start = robot.lookup("#server-start").queryAs(Button.class);
        Button stop = robot.lookup("#server-stop").queryAs(Button.class);
        assertThat(start.isDisabled()).isTrue();

        robot.clickOn(stop);
        waitFor("#server-state", () -> "Stopped");
        assertThat(console.lantir().dicomServer().isRunning()).isFalse();
        assertThat(text("#server-port")).isEqualTo("any free port");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
        assertThat(stop.isDisabled()).isTrue();

        // St_art: Alt+A.
        robot.press(KeyCode.ALT).press(KeyCode.A).release(KeyCode.A).release(KeyCode.ALT);
        waitFor("#server-state", () -> "Listening");
        assertThat(console.lantir().dicomServer().isRunning()).isTrue();
        waitFor("#server-port", () -> Integer.toString(console.port()));
    }
}
