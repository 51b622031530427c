package org.lantir.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.ui.ConsoleHarness;
import org.lantir.ui.TableChecks;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sync screen in the real application, its REDCap source on the loopback emulator and its
 * token in the environment, as a site would run it: the first run shows on the card and in
 * the history, Stop and Start pause and resume the schedule, Sync now runs the source.
 */
@Timeout(120)
class SyncWindowTest {

    private static final String SOURCE = "main_redcap";
    /** Generous: each wait ends as soon as the screen shows what is expected. */
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    private RedcapEmulator redcap;
    private ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        redcap = RedcapEmulator.start();
        console = ConsoleHarness.start(dir, configJson(),
                Map.of(RedcapSource.ENV_TOKEN, RedcapEmulator.TOKEN));
        robot.clickOn("#nav-2");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        try {
            console.close();
        } finally {
            redcap.close();
        }
    }

    @Test
    void theCardShowsTheRunAndItsControlsWork() throws Exception {
        awaitText("#sync-result-" + SOURCE, "Succeeded, full export");
        assertThat(text("#sync-counts-" + SOURCE))
                .isEqualTo("4 added, 0 updated, 0 unchanged, 0 removed, 1 skipped");
        awaitText("#sync-state-" + SOURCE, "Scheduled");
        assertThat(text("#sync-next-" + SOURCE)).contains("(in 23 h");
        await(() -> historyRows() == 1);
        HistoryRow logged = onFx(() -> history().getItems().get(0));
        assertThat(logged.source()).isEqualTo(SOURCE);
        assertThat(logged.added()).isEqualTo(4);
        assertThat(logged.skipped()).isEqualTo(1);

        robot.clickOn("#sync-stop-" + SOURCE);

        awaitText("#sync-state-" + SOURCE, "Paused");
        await(() -> onFx(() -> robot.lookup("#sync-start-" + SOURCE).query().isFocused()));
        assertThat(console.lantir().scheduler().status(SOURCE).paused()).isTrue();
        assertThat(text("#sync-next-" + SOURCE)).startsWith("None while paused");

        robot.clickOn("#sync-start-" + SOURCE);

        awaitText("#sync-state-" + SOURCE, "Scheduled");
        assertThat(console.lantir().scheduler().status(SOURCE).paused()).isFalse();
    }

    @Test
    void syncNowFromTheKeyboardRunsTheSource() throws Exception {
        awaitText("#sync-result-" + SOURCE, "Succeeded, full export");
        int requests = redcap.requestCount();
        // The emulator compares change times to whole seconds: a change in the second just
        // past, well inside the next incremental window (which begins 5 minutes early).
        redcap.project().setValue("1", 1, "mri_time", "10:15", LocalDateTime
                .now(RedcapEmulator.SERVER_ZONE).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1));

        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);

        await(() -> text("#sync-counts-" + SOURCE).startsWith("0 added, 1 updated, "));
        assertThat(text("#sync-result-" + SOURCE)).isEqualTo("Succeeded, recent changes");
        assertThat(text("#sync-message")).startsWith(SOURCE + " synced: 0 added, 1 updated");
        assertThat(redcap.requestCount()).isGreaterThan(requests);
        await(() -> historyRows() == 2);
    }

    @Test
    void theRecentRunsShowEveryOutcomeWholeAndALongErrorInItsTooltip() throws Exception {
        awaitText("#sync-result-" + SOURCE, "Succeeded, full export");
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);

        robot.clickOn("#sync-now-" + SOURCE);

        await(() -> historyRows() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        HistoryRow failed = onFx(() -> history().getItems().get(0));
        assertThat(failed.outcome()).isEqualTo("Failed, recent changes");
        assertThat(onFx(() -> TableChecks.cutHeaders(history()))).isEmpty();
        assertThat(onFx(() -> TableChecks.cutCells(history())))
                .containsExactly("Error: " + failed.error());
        TableCell<?, ?> error = onFx(() -> robot.lookup("#sync-history .table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(cell -> failed.error().equals(cell.getText())).findFirst()
                .orElseThrow());
        assertThat(error.getTooltip()).isNotNull();
        assertThat(error.getTooltip().getText()).isEqualTo(failed.error());
        assertThat(onFx(() -> TableChecks.fits(history(), "Outcome",
                "Succeeded, recent changes"))).isTrue();
    }

    private String configJson() {
        return """
                {
                    "db_path": "%s",
                    "lantir": {
                        "server": {"ae_title": "%s", "bind_address": "127.0.0.1", "port": 0}
                    },
                    "data_sources": [{
                        "name": "%s",
                        "type": "redcap",
                        "enabled": true,
                        "sync_interval": 86400,
                        "config": {
                            "site_id": "792",
                            "protocol": "BRAIN_MRI_3T",
                            "api_url": "%s",
                            "server_timezone": "%s"
                        }
                    }]
                }
                """.formatted(dir.resolve("worklist.db").toString().replace("\\", "\\\\"),
                ConsoleHarness.AE_TITLE, SOURCE, redcap.apiUrl(),
                RedcapEmulator.SERVER_ZONE.getId());
    }

    private String text(String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private TableView<HistoryRow> history() {
        return robot.lookup("#sync-history").queryAs(TableView.class);
    }

    private int historyRows() throws Exception {
        return onFx(() -> history().getItems().size());
    }

    private void awaitText(String query, String expected) throws Exception {
        try {
            await(() -> expected.equals(text(query)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(query + " did not show \"" + expected + "\" within "
                    + WAIT_SECONDS + " s; it shows \"" + text(query) + "\"", e);
        }
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }

    /** Reads the scene on the JavaFX thread, where it changes. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
