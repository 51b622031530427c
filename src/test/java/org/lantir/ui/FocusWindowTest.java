package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keyboard focus shows: the theme draws a focused button's border only, which a selected
 * navigation button (all accent) and a table do not show; lantir.css adds a ring.
 */
class FocusWindowTest {

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
    void theSelectedNavigationButtonLooksDifferentWhenFocused() throws Exception {
        ToggleButton schedule = robot.lookup("#nav-0").queryAs(ToggleButton.class);
        robot.interact(() -> robot.lookup("#schedule-table").query().requestFocus());
        int unfocused = fills(schedule);

        robot.interact(schedule::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(schedule.isSelected()).isTrue();
        assertThat(fills(schedule)).as("a halo and a ring over the accent")
                .isGreaterThan(unfocused);
        assertThat(schedule.getBackground().getFills().get(0).getInsets().getTop())
                .as("the halo is outside the button").isNegative();
    }

    @Test
    void aFocusedTableHasAWiderBorderThanAnUnfocusedOne() throws Exception {
        TableView<?> table = robot.lookup("#schedule-table").queryAs(TableView.class);
        robot.interact(() -> robot.lookup("#schedule-search").query().requestFocus());
        double unfocused = borderWidth(table);

        robot.interact(table::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.isFocused()).isTrue();
        assertThat(borderWidth(table)).isGreaterThan(unfocused);
    }

    private static int fills(Region region) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            region.applyCss();
            return region.getBackground().getFills().size();
        }).get();
    }

    private static double borderWidth(Region region) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            region.applyCss();
            Border border = region.getBorder();
            return border == null || border.getStrokes().isEmpty() ? 0
                    : border.getStrokes().get(0).getWidths().getTop();
        }).get();
    }
}
