package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The plain dialog a console that cannot start shows before any window, until it is closed. */
@Timeout(60)
class StartupProblemDialogTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theProblemIsShownUntilTheDialogIsClosed() throws Exception {
        FxToolkit.registerPrimaryStage();
        CompletableFuture<Boolean> shown = CompletableFuture.supplyAsync(() ->
                DesktopLauncher.showStartupProblem("Lantir cannot start",
                        "configuration file /data/lantir.json: not valid JSON at line 2\n\n"
                                + "The log: /data/logs/lantir.log"));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#startup-problem-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#startup-problem-dialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Lantir cannot start");
        assertThat(pane.getContentText()).contains("/data/lantir.json")
                .contains("not valid JSON at line 2").contains("/data/logs/lantir.log");
        assertThat(shown).isNotDone();

        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());

        assertThat(shown.get(20, TimeUnit.SECONDS)).isTrue();
    }
}
