package org.lantir.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.RecentLog;
import org.lantir.ui.ConsoleHarness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Log screen in the real window: lines logged by the application arrive at the bottom and
 * stay in sight until the user scrolls up; the level filter hides the less severe ones.
 */
@Timeout(120)
class LogWindowTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogWindowTest.class);

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private final FxRobot robot = new FxRobot();
    private TableView<RecentLog.Line> table;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() throws Exception {
        console = ConsoleHarness.start(dir);
        robot.clickOn("#nav-5");
        WaitForAsyncUtils.waitForFxEvents();
        table = robot.lookup("#log-table").queryAs(TableView.class);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    private String lastMessage() {
        int size = table.getItems().size();
        return size == 0 ? "" : table.getItems().get(size - 1).message();
    }

    private int lastVisibleIndex() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null ? -1 : last.getIndex();
    }

    private void awaitNewestInSight(String message) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.equals(lastMessage())
                && lastVisibleIndex() == table.getItems().size() - 1);
    }

    @Test
    void newLinesStayInSightUntilTheUserScrollsUp() throws Exception {
        String marker = UUID.randomUUID().toString();
        // Lines already in the log change where the table stands when the burst arrives; with
        // these the newest line used to stay one row below the fold.
        for (int i = 0; i < 7; i++) {
            LOG.info("an earlier line {}", i);
        }
        for (int i = 0; i < 60; i++) {
            LOG.warn("{} line {}", marker, i);
        }
        awaitNewestInSight(marker + " line 59");
        CheckBox follow = robot.lookup("#log-follow").queryAs(CheckBox.class);
        assertThat(follow.isSelected()).isTrue();

        // Back to the first line from the keyboard (the robot's wheel direction differs
        // between platforms).
        robot.interact(table::requestFocus);
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !follow.isSelected());
        for (int i = 0; i < 5; i++) {
            LOG.warn("{} later {}", marker, i);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> (marker + " later 4").equals(lastMessage()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastVisibleIndex()).as("the user's place is kept")
                .isLessThan(table.getItems().size() - 1);

        robot.clickOn(follow);
        awaitNewestInSight(marker + " later 4");
    }

    @Test
    void theLevelFilterHidesLessSevereLines() throws Exception {
        String marker = UUID.randomUUID().toString();
        LOG.warn("{} warning", marker);
        LOG.error("{} error", marker);
        awaitNewestInSight(marker + " error");

        @SuppressWarnings("unchecked")
        ComboBox<Level> level = robot.lookup("#log-level").queryAs(ComboBox.class);
        robot.interact(() -> level.setValue(Level.ERROR));

        assertThat(table.getItems()).extracting(RecentLog.Line::level).containsOnly(Level.ERROR);
        assertThat(table.getItems()).extracting(RecentLog.Line::message)
                .contains(marker + " error").doesNotContain(marker + " warning");
    }
}
