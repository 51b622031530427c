package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.users.LoginResult;
import org.lantir.users.UserDirectory;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop with {@code lantir.api.enabled}: the REST API runs beside the DICOM server, and
 * the first start shows the admin account's one-time password in a dialog; the next start
 * does not.
 */
@Timeout(120)
class ApiWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    private String config() {
        return """
                {"db_path": "%s",
                 "lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1",
                                       "port": 0},
                            "api": {"enabled": true, "host": "127.0.0.1", "port": 0}}}
                """.formatted(dir.resolve("worklist.db").toString().replace("\\", "\\\\"));
    }

    @Test
    void theFirstStartShowsTheAdminPasswordOnceInADialog() throws Exception {
        String password;
        try (ConsoleHarness console = ConsoleHarness.start(dir, config())) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () ->
                    robot.lookup("#first-admin-dialog").tryQuery().isPresent());
            DialogPane dialog = robot.lookup("#first-admin-dialog").queryAs(DialogPane.class);
            password = robot.from(dialog).lookup("#first-admin-password")
                    .queryAs(TextField.class).getText();
            assertThat(password).hasSizeGreaterThanOrEqualTo(12);
            Label notice = robot.from(dialog).lookup("#first-admin-notice").queryAs(Label.class);
            TextField field = robot.from(dialog).lookup("#first-admin-password")
                    .queryAs(TextField.class);
            assertThat(notice.getText()).endsWith("`lantir admin-password`.");
            assertThat(notice.getHeight()).as("the notice is not cut off")
                    .isGreaterThanOrEqualTo(notice.prefHeight(notice.getWidth()) - 0.5);
            assertThat(field.getWidth()).as("the whole password shows")
                    .isGreaterThanOrEqualTo(field.prefWidth(-1) - 0.5);
            assertThat(dialog.getScene().getWindow().getWidth()).isLessThanOrEqualTo(1280);
            robot.interact(() -> dialog.getScene().getWindow().hide());
        }
        try (UserDirectory users = UserDirectory.open(dir.resolve("users.db"))) {
            assertThat(users.login("admin", password.toCharArray(), "test"))
                    .isInstanceOf(LoginResult.Accepted.class);
        }

        try (ConsoleHarness again = ConsoleHarness.start(dir, config())) {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#first-admin-dialog").tryQuery()).isEmpty();
        }
    }
}
