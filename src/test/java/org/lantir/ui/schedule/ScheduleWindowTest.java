package org.lantir.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.DimseResponse;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.WorklistRows;
import org.lantir.ui.ConsoleHarness;
import org.lantir.ui.TableChecks;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The schedule in the real window (headless): today's rows and not tomorrow's; a row turned
 * IN PROGRESS by an MPPS N-CREATE over DICOM while it stays selected; the row editor refusing
 * an invalid value and adding a valid row; the keyboard paths.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScheduleWindowTest {

    private static final String MPPS_UID = "2.25.900000000000000000001";

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private final FxRobot robot = new FxRobot();
    private ScheduleViewModel model;
    /** The day the schedule opened on: "today" as the window's clock has it. */
    private LocalDate today;

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.start(dir);
        model = ((ScheduleView) console.console().views().get(0)).model();
        today = model.dayProperty().get();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ScheduleRow> table() {
        return robot.lookup("#schedule-table").queryAs(TableView.class);
    }

    private static String basic(LocalDate date) {
        return date.toString().replace("-", "");
    }

    private WorklistItem add(WorklistItem row) {
        return console.lantir().worklist().add(row);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Read on the FX thread: the table's list changes there while a test thread waits. */
    private List<String> shownIds() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table().getItems().stream()
                .map(row -> row.item().patientId()).toList()).get();
    }

    /** What the table's cells say, status pills included. */
    private List<String> cellTexts() {
        List<String> texts = new java.util.ArrayList<>();
        for (TableCell<?, ?> cell : robot.lookup("#schedule-table .table-cell")
                .queryAllAs(TableCell.class)) {
            if (cell.getText() != null) {
                texts.add(cell.getText());
            }
            if (cell.getGraphic() instanceof Label pill) {
                texts.add(pill.getText());
            }
        }
        return texts;
    }

    /** Types {@code text} over what a text field holds. */
    private void replaceText(String query, String text) {
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private String statusShown(long id) {
        return robot.lookup("#schedule-table .status-pill").queryAllAs(Label.class).stream()
                .filter(pill -> pill.getParent() != null
                        && pill.getParent().getParent() instanceof javafx.scene.control.TableRow
                        && ((javafx.scene.control.TableRow<?>) pill.getParent().getParent())
                                .getItem() instanceof ScheduleRow row && row.id() == id)
                .map(Label::getText).findFirst().orElse("");
    }

    @Test
    void showsTodaysRowsAndNotTomorrows() throws Exception {
        add(WorklistRows.row("DOE^JANE", "SUB001", "MR", "MRI_3T", basic(today), "090000"));
        add(WorklistRows.row("ROE^RICHARD", "SUB002", "MR", "MRI_3T", basic(today.plusDays(1)),
                "090000"));
        add(WorklistRows.row("POE^EDGAR", "SUB003", "EEG", null, basic(today), "073000"));

        waitUntil("today's two rows show", () -> shownIds().size() == 2);

        assertThat(shownIds()).containsExactly("SUB003", "SUB001");
        assertThat(robot.lookup("#schedule-count").queryAs(Label.class).getText())
                .isEqualTo("2 rows, 0 in progress");
        assertThat(robot.lookup("#schedule-title").queryAs(Label.class).getText())
                .startsWith("Today's schedule: ");
        assertThat(cellTexts()).contains("DOE, Jane", "POE, Edgar", "07:30", "Scheduled",
                "any station", "EEG", "manual").doesNotContain("ROE, Richard");
        Label pill = robot.lookup("#schedule-table .status-pill").queryAs(Label.class);
        assertThat(pill.getText()).isEqualTo("Scheduled");
        assertThat(pill.getStyleClass()).contains("status-scheduled");
        assertThat(table().isFocused()).as("focus starts in the table").isTrue();
    }

    @Test
    void anMppsNCreateOverDicomTurnsTheSelectedRowInProgressAndKeepsItSelected()
            throws Exception {
        add(WorklistRows.row("ROE^RICHARD", "SUB002", "MR", "MRI_3T", basic(today), "080000"));
        WorklistItem sub001 = add(MppsMessages.sub001().toBuilder().scheduledStartDate(today)
                .build());
        add(WorklistRows.row("SMITH^ANNA", "SUB003", "MR", "MRI_3T", basic(today), "100000"));
        waitUntil("three rows show", () -> shownIds().size() == 3);
        robot.clickOn("#schedule-table");
        robot.type(KeyCode.HOME, KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        ScheduleRow selected = table().getSelectionModel().getSelectedItem();
        assertThat(selected.id()).isEqualTo(sub001.id());
        assertThat(statusShown(sub001.id())).isEqualTo("Scheduled");

        // A row arriving before it moves it down one place meanwhile.
        add(WorklistRows.row("EARLY^BIRD", "SUB004", "MR", "MRI_3T", basic(today), "070000"));
        DimseResponse created = nCreateAsTheScanner();

        assertThat(created.isSuccess()).as("N-CREATE status %04X", created.status()).isTrue();
        waitUntil("the row shows In progress",
                () -> "In progress".equals(statusShown(sub001.id())) && shownIds().size() == 4);
        assertThat(table().getSelectionModel().getSelectedItem()).isSameAs(selected);
        assertThat(table().getSelectionModel().getSelectedIndex()).isEqualTo(2);
        assertThat(model.selectedItemProperty().get().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(robot.lookup("#schedule-count").queryAs(Label.class).getText())
                .isEqualTo("4 rows, 1 in progress");
        assertThat(robot.lookup("#schedule-cancel").queryAs(Button.class).isDisabled())
                .as("a started step cannot be cancelled").isTrue();
    }

    @Test
    void aSyncedRowMovedToAnotherTimeTakesItsPlaceAndStaysSelected() throws Exception {
        WorklistItem early = synced("ROE^RICHARD", "sub_1001_ses01", "083000");
        WorklistItem mid = synced("SMITH^ANNA", "sub_1002_ses01", "090000");
        WorklistItem moved = synced("DOE^JANE", "sub_1003_ses01", "104500");
        console.lantir().worklist().applySync("main_redcap", List.of(early, mid, moved), true);
        waitUntil("three rows show", () -> shownIds().size() == 3);
        robot.clickOn("#schedule-table");
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        ScheduleRow selected = table().getSelectionModel().getSelectedItem();
        assertThat(selected.item().patientId()).isEqualTo("sub_1003_ses01");

        console.lantir().worklist().applySync("main_redcap", List.of(early, mid,
                moved.toBuilder().scheduledStartTime(LocalTime.of(8, 0)).build()), true);

        waitUntil("the moved row is first", () -> shownIds().equals(List.of(
                "sub_1003_ses01", "sub_1001_ses01", "sub_1002_ses01")));
        assertThat(table().getSelectionModel().getSelectedItem()).isSameAs(selected);
        assertThat(table().getSelectionModel().getSelectedIndex()).isZero();

        // A column sort the person chose is kept through live updates too.
        WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<ScheduleRow, ?> time = table().getColumns().get(0);
            time.setSortType(TableColumn.SortType.DESCENDING);
            table().getSortOrder().setAll(List.of(time));
        }).get();
        console.lantir().worklist().applySync("main_redcap", List.of(
                early.toBuilder().scheduledStartTime(LocalTime.of(11, 0)).build(), mid,
                moved.toBuilder().scheduledStartTime(LocalTime.of(8, 0)).build()), true);

        waitUntil("the row moved to 11:00 is first, sorted by time descending", () -> shownIds()
                .equals(List.of("sub_1001_ses01", "sub_1002_ses01", "sub_1003_ses01")));
        assertThat(table().getSelectionModel().getSelectedItem()).isSameAs(selected);
    }

    @Test
    void columnsHaveRoomForTypicalValuesAndTooltipsForLongerOnes() throws Exception {
        String longProcedure = "Resting state fMRI with field maps and a T1 structural scan";
        List<WorklistItem> rows = List.of(
                synced("OKAFOR^MAREN", "sub_1001_ses01", "080000"),
                synced("REYES^TOMAS", "sub_1002_ses01", "091500").toBuilder()
                        .requestedProcedureDescription(longProcedure).build(),
                synced("HALVORSEN^PRIYA", "sub_1003_ses02", "103000"));
        console.lantir().worklist().applySync("brisk_calpendo", rows, true);
        waitUntil("three rows show", () -> shownIds().size() == 3);
        WorklistItem first = console.lantir().worklist().list(WorklistFilter.onDate(today))
                .get(0);
        console.lantir().worklist().cancel(first.id());
        waitUntil("the first row shows Discontinued", () -> "Discontinued".equals(
                statusShown(first.id())));

        List<String> cut = WaitForAsyncUtils.asyncFx(() -> TableChecks.cutCells(table()))
                .get();
        assertThat(cut).containsExactly("Procedure: " + longProcedure);
        assertThat(WaitForAsyncUtils.asyncFx(() -> TableChecks.cutHeaders(table())).get())
                .isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> TableChecks.fits(table(), "Patient ID",
                "SUB_1001_SES01_X")).get()).as("a 16-character patient ID fits").isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> TableChecks.fits(table(), "Station",
                "PRISMA_FIT_SCAN1")).get()).as("a 16-character AE title fits").isTrue();
        Tooltip tooltip = robot.lookup("#schedule-table .table-cell").queryAllAs(
                TableCell.class).stream().filter(cell -> longProcedure.equals(cell.getText()))
                .findFirst().orElseThrow().getTooltip();
        assertThat(tooltip).as("the cut procedure's tooltip").isNotNull();
        assertThat(tooltip.getText()).isEqualTo(longProcedure);
        assertThat(robot.lookup("#schedule-table .table-cell").queryAllAs(TableCell.class)
                .stream().filter(cell -> "sub_1001_ses01".equals(cell.getText()))
                .findFirst().orElseThrow().getTooltip()).as("no tooltip on a whole text")
                .isNull();
    }

    /** A row as a data source delivers it, keyed by its patient ID. */
    private WorklistItem synced(String name, String patientId, String time) {
        return WorklistRows.row(name, patientId, "MR", "MRI_3T", basic(today), time)
                .toBuilder().sourceKey(patientId).build();
    }

    /** inputs/C24-ncreate-valid.dump from a scanner calling as MRI_3T, over 127.0.0.1. */
    private DimseResponse nCreateAsTheScanner() throws Exception {
        try (ClientAssociation scanner = new DicomClient().connect("127.0.0.1", console.port(),
                "MRI_3T", ConsoleHarness.AE_TITLE,
                DicomClient.contextsFor(UID.MODALITY_PERFORMED_PROCEDURE_STEP))) {
            DimseResponse response = scanner.nCreate(UID.MODALITY_PERFORMED_PROCEDURE_STEP,
                    MPPS_UID, MppsMessages.nCreate());
            scanner.release();
            return response;
        }
    }

    @Test
    void theEditorRefusesAnInvalidValueAndAddsAValidRow() throws Exception {
        robot.clickOn("#schedule-add");
        waitUntil("the editor opens", () -> robot.lookup("#row-editor").tryQuery().isPresent());

        robot.clickOn("#editor-patient-name").write("WALK, In");
        robot.clickOn("#editor-patient-id").write("SUB900");
        robot.clickOn("#editor-modality").write("xyz");
        replaceText("#editor-scheduled-time", "25:00");
        WaitForAsyncUtils.waitForFxEvents();

        Button save = robot.lookup("#editor-save").queryAs(Button.class);
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#editor-modality").queryAs(TextField.class).getText())
                .isEqualTo("XYZ");
        assertThat(robot.lookup("#editor-modality-message").queryAs(Label.class).getText())
                .startsWith("not a DICOM acquisition modality code");
        assertThat(robot.lookup("#editor-scheduled-time-message").queryAs(Label.class)
                .getText()).isEqualTo("no such time of day");
        assertThat(robot.lookup("#editor-summary").queryAs(Label.class).getText())
                .isEqualTo("To save, fill in or fix: Modality, Scheduled time");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.lantir().worklist().list(WorklistFilter.all())).isEmpty();

        replaceText("#editor-modality", "MR");
        replaceText("#editor-scheduled-time", "13:45");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn("#editor-save");

        waitUntil("the editor closes and the row shows", () -> robot.lookup("#row-editor")
                .tryQuery().isEmpty() && shownIds().contains("SUB900"));
        WorklistItem stored = console.lantir().worklist().list(WorklistFilter.all()).get(0);
        assertThat(stored.patientName()).isEqualTo("WALK^In");
        assertThat(stored.scheduledStartDate()).isEqualTo(today);
        assertThat(stored.scheduledStartTime()).isEqualTo(LocalTime.of(13, 45));
        assertThat(stored.spsId()).isNotBlank();
        assertThat(stored.dataSource()).isNull();
        assertThat(table().getSelectionModel().getSelectedItem().id()).isEqualTo(stored.id());
    }

    @Test
    void theEditorShowsEveryMessageWholeWithoutMovingFieldsOrHidingItsButtons()
            throws Exception {
        robot.clickOn("#schedule-add");
        waitUntil("the editor opens", () -> robot.lookup("#row-editor").tryQuery().isPresent());
        double birthDateY = sceneY("#editor-patient-birth-date");
        double weightY = sceneY("#editor-patient-weight");

        // A short message under one field moves none of the fields below it.
        setText("#editor-patient-id", "SUB\\1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labelText("#editor-patient-id-message")).startsWith("a backslash");
        assertThat(sceneY("#editor-patient-birth-date")).isEqualTo(birthDateY);

        setText("#editor-patient-name", "DOE".repeat(23) + "^JANE");
        setText("#editor-patient-birth-date", "12/03/1990");
        setText("#editor-patient-weight", "abc");
        setText("#editor-modality", "mrx");
        setText("#editor-scheduled-date", "2025-02-30");
        setText("#editor-scheduled-time", "25:61");
        setText("#editor-station-ae-title", "MRI\\3T");
        List<String> messages = List.of("patient-name", "patient-id", "patient-birth-date",
                "patient-weight", "modality", "scheduled-date", "scheduled-time",
                "station-ae-title");
        // A label's skin copies its text into the drawn Text node at the next layout pulse,
        // which on a loaded machine comes after waitForFxEvents: wait for the drawn texts
        // (if they never come whole, the assertions below say which one).
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> messages.stream().allMatch(this::messageShownWhole)).get());
        } catch (java.util.concurrent.TimeoutException e) {
            // fall through to the assertions
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sceneY("#editor-patient-weight")).as("a one-line message keeps its line")
                .isGreaterThanOrEqualTo(weightY - 0.5);
        for (String message : messages) {
            List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
                Label label = messageLabel(message);
                return List.of(label.getText(), shownText(label));
            }).get();
            assertThat(texts.get(0)).as(message).isNotEmpty();
            assertThat(texts.get(1)).as("%s shown whole", message)
                    .isEqualTo(texts.get(0).replace("\n", " "));
        }
        assertThat(labelText("#editor-patient-name-message")).contains("at most 64 characters");
        assertThat(labelText("#editor-patient-birth-date-message"))
                .isEqualTo("write the date as YYYY-MM-DD or YYYYMMDD");
        for (String button : List.of("#editor-save", ".dialog-pane .button-bar .button")) {
            Node node = robot.lookup(button).query();
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            Scene scene = node.getScene();
            assertThat(bounds.getMaxY()).as("%s inside the window", button)
                    .isLessThanOrEqualTo(scene.getHeight());
            assertThat(bounds.getMaxX()).isLessThanOrEqualTo(scene.getWidth());
        }
        robot.type(KeyCode.ESCAPE);
    }

    private Label messageLabel(String field) {
        return robot.lookup("#editor-" + field + "-message").queryAs(Label.class);
    }

    /** On the FX thread: the field's message is set and drawn whole. */
    private boolean messageShownWhole(String field) {
        Label label = messageLabel(field);
        return !label.getText().isEmpty()
                && shownText(label).equals(label.getText().replace("\n", " "));
    }

    private double sceneY(String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node node = robot.lookup(query).query();
            return node.localToScene(0, 0).getY();
        }).get();
    }

    private void setText(String query, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(query)
                .queryAs(TextInputControl.class).setText(text)).get();
    }

    private String labelText(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** What a label draws: its text, or the shortened text with an ellipsis when cut. */
    private static String shownText(Label label) {
        return label.lookupAll(".text").stream()
                .filter(Text.class::isInstance)
                .map(node -> ((Text) node).getText().replace("\n", " "))
                .findFirst().orElse("");
    }

    @Test
    void keyboardOpensDetailsFindsAndCancels() throws Exception {
        WorklistItem row = add(MppsMessages.sub001().toBuilder().scheduledStartDate(today)
                .build());
        add(WorklistRows.row("ROE^RICHARD", "SUB002", "MR", "MRI_3T", basic(today), "100000"));
        waitUntil("two rows show", () -> shownIds().size() == 2);

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#schedule-search").queryAs(TextField.class).isFocused())
                .isTrue();
        robot.write("jane doe");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownIds()).containsExactly("SUB001");

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().isFocused()).isTrue();
        assertThat(model.selectedItemProperty().get().id()).isEqualTo(row.id());

        robot.type(KeyCode.ENTER);
        waitUntil("the details open", () -> robot.lookup("#row-details").tryQuery()
                .isPresent());
        assertThat(robot.lookup("#details-values .text-field").queryAllAs(TextField.class))
                .extracting(TextField::getText).contains("SPS-SUB001-1", MppsMessages.STUDY_UID);
        robot.type(KeyCode.ESCAPE);
        waitUntil("the details close", () -> robot.lookup("#row-details").tryQuery()
                .isEmpty());

        robot.type(KeyCode.DELETE);
        waitUntil("the cancel is asked", () -> robot.lookup("#schedule-cancel-confirm")
                .tryQuery().isPresent());
        robot.press(KeyCode.ALT).press(KeyCode.R).release(KeyCode.R).release(KeyCode.ALT);
        waitUntil("the row shows Discontinued", () -> "Discontinued".equals(
                statusShown(row.id())));
        assertThat(console.lantir().worklist().get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.DISCONTINUED);
    }
}
