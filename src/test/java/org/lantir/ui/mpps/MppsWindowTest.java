package org.lantir.ui.mpps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.scu.WorklistAnswer;
import org.lantir.testing.WorklistRows;
import org.lantir.ui.ConsoleContext;
import org.lantir.ui.ConsoleHarness;
import org.lantir.ui.TableChecks;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The MPPS screen in the real window: a technologist picks today's row, sends the N-CREATE
 * and then COMPLETED over DICOM to the running server; the row is COMPLETED and the screen
 * lists both steps. The query test shows what a scanner would get.
 */
@Timeout(120)
class MppsWindowTest {

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

    private WorklistItem todaysRow() {
        return console.lantir().worklist().add(WorklistRows.w1().toBuilder()
                .scheduledStartDate(LocalDate.now()).build());
    }

    private static void waitUntil(String what, Supplier<Boolean> condition)
            throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 20 s for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean present(String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    private <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    @SuppressWarnings("unchecked")
    private TableView<MppsEventRow> eventsTable() {
        return node("#mpps-events-table", TableView.class);
    }

    @Test
    void anMppsTestFromTheEventsScreenCompletesTheRowAndBothStepsAreListed() throws Exception {
        WorklistItem row = todaysRow();
        robot.clickOn("#nav-3");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#mpps-test");
        waitUntil("the row chooser", () -> present("#row-chooser-list"));
        robot.clickOn("#row-chooser-open");
        waitUntil("the MPPS test dialog", () -> present("#mpps-create"));

        robot.clickOn("#mpps-create");
        waitUntil("the step to start", () -> !node("#mpps-complete", Button.class).isDisabled());
        assertThat(console.lantir().worklist().get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(node("#mpps-create", Button.class).isDisabled()).isTrue();

        robot.clickOn("#mpps-complete");
        waitUntil("the N-SET's answer", () -> node("#mpps-result", Label.class).getText()
                .startsWith("N-SET COMPLETED"));

        assertThat(node("#mpps-result", Label.class).getText())
                .isEqualTo("N-SET COMPLETED: 0x0000 Success");
        assertThat(node("#mpps-complete", Button.class).isDisabled()).isTrue();
        assertThat(console.lantir().worklist().get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.COMPLETED);
        waitUntil("both steps on the screen", () -> eventsTable().getItems().size() == 2);
        assertThat(eventsTable().getItems()).extracting(MppsEventRow::change,
                MppsEventRow::rowText, MppsEventRow::callingAeTitle).containsExactly(
                        tuple("IN PROGRESS \u2192 COMPLETED",
                                "Row " + row.id(), "LANTIR_TEST"),
                        tuple("created IN PROGRESS",
                                "Row " + row.id(), "LANTIR_TEST"));
        WaitForAsyncUtils.waitForFxEvents();
        // Every column has room for its values at 1280x800; UIDs alone show their end.
        assertThat(WaitForAsyncUtils.asyncFx(() -> TableChecks.cutCells(eventsTable())).get())
                .allMatch(cell -> cell.startsWith("SOP Instance UID: "));
        assertThat(WaitForAsyncUtils.asyncFx(() -> TableChecks.cutHeaders(eventsTable()))
                .get()).isEmpty();
        for (String aeTitle : List.of("MRI_3T_LAB", "PRISMA_FIT_SCAN1")) {
            assertThat(WaitForAsyncUtils.asyncFx(() -> TableChecks.fits(eventsTable(),
                    "Calling AE", aeTitle)).get()).as(aeTitle).isTrue();
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> TableChecks.fits(eventsTable(), "Time",
                "2025-12-31 23:59:59")).get()).as("an event of another day").isTrue();
    }

    @Test
    void theDialogOpensFromItsPublicEntryPointAndEnterStartsTheStep() throws Exception {
        WorklistItem row = todaysRow();
        try (UiThreads threads = UiThreads.forApplication()) {
            // What the schedule screen's button passes: its context, the row, its window.
            ConsoleContext context = new ConsoleContext(console.lantir(), console.configFile(),
                    threads, Clock.systemDefaultZone(), Map.of());
            robot.interact(() -> MppsTestDialog.show(context, row, console.stage()));
            waitUntil("the MPPS test dialog", () -> present("#mpps-create"));

            robot.type(KeyCode.ENTER);
            waitUntil("the step to start", () -> node("#mpps-result", Label.class).getText()
                    .startsWith("N-CREATE IN PROGRESS: 0x0000"));
        }

        assertThat(console.lantir().worklist().get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    @Test
    void theQueryTestShowsWhatAScannerWouldGetToday() throws Exception {
        todaysRow();
        robot.clickOn("#nav-3");
        robot.clickOn("#mpps-query-test");
        waitUntil("the query dialog", () -> present("#query-run"));

        robot.interact(() -> node("#query-calling-ae", TextField.class).setText("MRI_3T"));
        robot.clickOn("#query-run");
        waitUntil("the query's answer", () -> node("#query-find-result", Label.class)
                .getText().startsWith("C-FIND: 1"));

        assertThat(node("#query-echo-result", Label.class).getText())
                .isEqualTo("C-ECHO: 0x0000 Success");
        @SuppressWarnings("unchecked")
        TableView<WorklistAnswer> results = node("#query-results", TableView.class);
        assertThat(results.getItems()).extracting(WorklistAnswer::patientName)
                .containsExactly("DOE^JANE");
    }
}
