package org.lantir.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.ui.schedule.ScheduleFixture.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.events.LantirEvent;
import org.lantir.sync.MutableClock;
import org.lantir.testing.MppsMessages;
import org.lantir.ui.DirectExecutorService;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.MppsException;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItemValidator.Field;

/** The schedule's state without a toolkit: every executor runs work at once or on demand. */
class ScheduleViewModelTest {

    private final ScheduleFixture lantir = new ScheduleFixture();
    private WorklistItem roe;
    private WorklistItem doe;
    private WorklistItem smith;

    @BeforeEach
    void theDay() {
        smith = lantir.synced("SMITH^ANNA", "P300", "20250212", "103000");
        doe = lantir.service.add(MppsMessages.sub001());
        roe = lantir.manual("ROE^RICHARD", "P100", "20250212", "080000");
        lantir.manual("DOE^JOHN", "P400", "20250213", "090000");
        lantir.manual("POE^EDGAR", "P500", "20250211", "090000");
    }

    @AfterEach
    void close() {
        lantir.close();
    }

    private static List<String> ids(List<ScheduleRow> rows) {
        return rows.stream().map(row -> row.item().patientId()).toList();
    }

    private static LantirEvent worklistChanged() {
        return new LantirEvent.WorklistChanged(Instant.EPOCH, "sync:main_redcap", 0, 1, 0);
    }

    private void start(WorklistItem row) throws MppsException {
        lantir.service.createMpps("2.25.1", MppsMessages.nCreate(), "MRI_3T");
        assertThat(lantir.service.get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    // ---- the day ----

    @Test
    void opensOnTodayWithTodaysRowsInScheduleOrder() {
        ScheduleViewModel model = lantir.directModel();

        assertThat(model.dayProperty().get()).isEqualTo(TODAY);
        assertThat(model.titleProperty().get())
                .isEqualTo("Today's schedule: Wednesday 12 February 2025");
        assertThat(ids(model.visibleRows())).containsExactly("P100", "SUB001", "P300");
        assertThat(model.countProperty().get()).isEqualTo("3 rows, 0 in progress");
        assertThat(model.rows().get(0).timeProperty().get()).isEqualTo("08:00");
        assertThat(model.rows().get(0).patientNameProperty().get()).isEqualTo("ROE, Richard");
        assertThat(model.rows().get(2).sourceProperty().get()).isEqualTo("main_redcap");
        assertThat(model.rows().get(1).sourceProperty().get()).isEqualTo("manual");
    }

    @Test
    void pastMidnightAConsoleShowingTodayMovesToTheNewDay() {
        MutableClock clock = new MutableClock(Instant.parse("2025-02-11T23:59:00Z"),
                ZoneOffset.UTC);
        ScheduleViewModel model = directModelOn(clock);
        model.followToday();
        assertThat(model.dayProperty().get()).isEqualTo(TODAY.minusDays(1));

        clock.advance(Duration.ofMinutes(2));
        model.followToday();

        assertThat(model.dayProperty().get()).isEqualTo(TODAY);
        assertThat(model.titleProperty().get()).startsWith("Today's schedule:");
        assertThat(ids(model.visibleRows())).containsExactly("P100", "SUB001", "P300");
    }

    @Test
    void pastMidnightAConsoleShowingAnotherDayStaysOnIt() {
        MutableClock clock = new MutableClock(Instant.parse("2025-02-12T23:59:00Z"),
                ZoneOffset.UTC);
        ScheduleViewModel model = directModelOn(clock);
        model.previousDay();

        clock.advance(Duration.ofMinutes(2));
        model.followToday();

        assertThat(model.dayProperty().get()).isEqualTo(TODAY.minusDays(1));
        assertThat(model.titleProperty().get()).isEqualTo("Schedule: Tuesday 11 February 2025");
        model.nextDay();
        assertThat(model.titleProperty().get())
                .as("the day that was today is no longer called so")
                .isEqualTo("Schedule: Wednesday 12 February 2025");
    }

    private ScheduleViewModel directModelOn(MutableClock clock) {
        return new ScheduleViewModel(lantir.service, lantir.feed,
                new UiThreads(new DirectExecutorService(), new DirectExecutorService()), clock);
    }

    @Test
    void previousNextAndTodayMoveTheDay() {
        ScheduleViewModel model = lantir.directModel();

        model.nextDay();
        assertThat(ids(model.visibleRows())).containsExactly("P400");
        assertThat(model.titleProperty().get()).isEqualTo("Schedule: Thursday 13 February 2025");

        model.previousDay();
        model.previousDay();
        assertThat(ids(model.visibleRows())).containsExactly("P500");

        model.today();
        assertThat(model.dayProperty().get()).isEqualTo(TODAY);
        assertThat(ids(model.visibleRows())).containsExactly("P100", "SUB001", "P300");
    }

    @Test
    void aClearedDatePickerKeepsTheDay() {
        ScheduleViewModel model = lantir.directModel();

        model.dayProperty().set(null);

        assertThat(model.dayProperty().get()).isEqualTo(TODAY);
        assertThat(model.visibleRows()).hasSize(3);
    }

    @Test
    void onlyTheDayShownIsRead() {
        lantir.directModel();

        assertThat(lantir.store.filtersSeen()).containsExactly(WorklistFilter.onDate(TODAY));
    }

    // ---- search and status filter ----

    @Test
    void searchFindsNameWordsInAnyOrderAndCaseAndPartsOfIds() {
        ScheduleViewModel model = lantir.directModel();

        for (String query : List.of("jane doe", "DOE", "doe, jane", "Jane", "ub00", "sub001",
                "DOE^JANE", "  jane  ")) {
            model.searchProperty().set(query);
            assertThat(ids(model.visibleRows())).as(query).containsExactly("SUB001");
        }
        model.searchProperty().set("p");
        assertThat(ids(model.visibleRows())).containsExactly("P100", "P300");
        model.searchProperty().set("jane roe");
        assertThat(model.visibleRows()).isEmpty();
        assertThat(model.countProperty().get()).isEqualTo("0 of 3 rows shown, 0 in progress");

        model.searchProperty().set("");
        assertThat(model.visibleRows()).hasSize(3);
    }

    @Test
    void statusFilterHidesCompletedAndDiscontinuedRows() {
        lantir.withStatus(roe, ProcedureStepStatus.COMPLETED);
        lantir.withStatus(smith, ProcedureStepStatus.DISCONTINUED);
        lantir.withStatus(doe, ProcedureStepStatus.IN_PROGRESS);
        ScheduleViewModel model = lantir.directModel();
        assertThat(model.visibleRows()).hasSize(3);

        model.showFinishedProperty().set(false);

        assertThat(ids(model.visibleRows())).containsExactly("SUB001");
        assertThat(model.countProperty().get()).isEqualTo("1 of 3 rows shown, 1 in progress");
    }

    @Test
    void countLineWords() {
        assertThat(ScheduleViewModel.countText(12, 12, 3)).isEqualTo("12 rows, 3 in progress");
        assertThat(ScheduleViewModel.countText(1, 1, 0)).isEqualTo("1 row, 0 in progress");
        assertThat(ScheduleViewModel.countText(0, 1, 1))
                .isEqualTo("0 of 1 row shown, 1 in progress");
    }

    // ---- live ----

    @Test
    void liveMergeUpdatesInPlaceKeepsSelectionAndIdentity() throws Exception {
        ScheduleViewModel model = lantir.directModel();
        List<ScheduleRow> before = List.copyOf(model.rows());
        ScheduleRow doeLine = model.rowWithId(doe.id());
        model.selectedRowProperty().set(doeLine);
        List<ScheduleRow> removed = new ArrayList<>();
        List<ScheduleRow> added = new ArrayList<>();
        model.rows().addListener((ListChangeListener<ScheduleRow>) change -> {
            while (change.next()) {
                removed.addAll(change.getRemoved());
                added.addAll(change.getAddedSubList());
            }
        });

        start(doe);
        lantir.service.remove(roe.id());
        WorklistItem walkIn = lantir.manual("ZOE^ZED", "P200", "20250212", "093000");
        lantir.manual("LATER^LOU", "P600", "20250213", "093000");
        model.onEvent(worklistChanged());

        assertThat(ids(model.rows())).containsExactly("SUB001", "P200", "P300");
        assertThat(model.rowWithId(doe.id())).isSameAs(doeLine);
        assertThat(model.rows().get(2)).isSameAs(before.get(2));
        assertThat(removed).extracting(ScheduleRow::id).containsExactly(roe.id());
        assertThat(added).extracting(ScheduleRow::id).containsExactly(walkIn.id());
        assertThat(doeLine.statusProperty().get()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(model.selectedRowProperty().get()).isSameAs(doeLine);
        assertThat(model.selectedItemProperty().get().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(model.countProperty().get()).isEqualTo("3 rows, 1 in progress");
    }

    @Test
    void aRowMovedToAnotherTimeMovesToItsPlaceAsTheSameSelectedLine() {
        ScheduleViewModel model = lantir.directModel();
        ScheduleRow smithLine = model.rowWithId(smith.id());
        model.selectedRowProperty().set(smithLine);
        List<ListChangeListener.Change<? extends ScheduleRow>> changes = new ArrayList<>();
        List<ScheduleRow> removed = new ArrayList<>();
        model.visibleRows().addListener((ListChangeListener<ScheduleRow>) change -> {
            while (change.next()) {
                removed.addAll(change.getRemoved());
            }
        });

        lantir.store.update(lantir.store.findById(smith.id()).orElseThrow().toBuilder()
                .scheduledStartTime(LocalTime.of(7, 45)).build());
        model.onEvent(worklistChanged());

        assertThat(ids(model.rows())).containsExactly("P300", "P100", "SUB001");
        assertThat(ids(model.visibleRows())).containsExactly("P300", "P100", "SUB001");
        assertThat(model.rows().get(0)).isSameAs(smithLine);
        assertThat(smithLine.timeProperty().get()).isEqualTo("07:45");
        assertThat(removed).as("moved, not removed and added again").isEmpty();
        assertThat(model.selectedRowProperty().get()).isSameAs(smithLine);

        model.refresh();

        assertThat(ids(model.rows())).containsExactly("P300", "P100", "SUB001");
    }

    @Test
    void rowsAtTheSameTimeReadInPatientNameOrder() {
        ScheduleViewModel model = lantir.directModel();

        lantir.manual("ABLE^AMY", "P700", "20250212", "090000");
        lantir.store.update(lantir.store.findById(roe.id()).orElseThrow().toBuilder()
                .scheduledStartTime(LocalTime.of(9, 0)).build());
        model.onEvent(worklistChanged());

        assertThat(ids(model.rows())).containsExactly("P700", "SUB001", "P100", "P300");
    }

    @Test
    void anUnchangedReloadTouchesNoLine() {
        ScheduleViewModel model = lantir.directModel();
        List<ListChangeListener.Change<? extends ScheduleRow>> changes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<ScheduleRow>) changes::add);

        model.refresh();

        assertThat(changes).isEmpty();
    }

    @Test
    void mppsEventsOfUnmatchedInstancesAndOtherEventsDoNotReload() {
        ScheduleViewModel model = lantir.directModel();
        int reads = lantir.store.filtersSeen().size();

        model.onEvent(new LantirEvent.MppsChanged(Instant.EPOCH, "2.25.9", "MRI_3T",
                "IN PROGRESS", null));
        model.onEvent(new LantirEvent.ServerState(Instant.EPOCH, true, "127.0.0.1", 104,
                "MWL_SCP"));
        assertThat(lantir.store.filtersSeen()).hasSize(reads);

        model.onEvent(new LantirEvent.MppsChanged(Instant.EPOCH, "2.25.9", "MRI_3T",
                "IN PROGRESS", doe.id()));
        assertThat(lantir.store.filtersSeen()).hasSize(reads + 1);
    }

    @Test
    void aBurstOfEventsCostsOneReload() {
        TestExecutors.Queued fx = new TestExecutors.Queued();
        ScheduleViewModel model = lantir.model(fx, new DirectExecutorService());
        model.start();
        fx.runAll();
        int reads = lantir.store.filtersSeen().size();

        for (int i = 0; i < 50; i++) {
            model.onEvent(worklistChanged());
        }
        fx.runAll();

        assertThat(lantir.store.filtersSeen()).hasSize(reads + 1);
    }

    @Test
    void onlyTheNewestReloadIsShown() {
        TestExecutors.Queued background = new TestExecutors.Queued();
        ScheduleViewModel model = lantir.model(new DirectExecutorService(), background);
        model.start();
        model.nextDay();

        // The day after's read finishes first; today's, started earlier, comes late.
        background.runNewest();
        background.runAll();

        assertThat(ids(model.visibleRows())).containsExactly("P400");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void theFeedReachesTheModelThroughItsSubscription() throws Exception {
        TestExecutors.Queued fx = new TestExecutors.Queued();
        ScheduleViewModel model = lantir.model(fx, new DirectExecutorService());
        model.start();
        fx.runAll();

        lantir.manual("ZOE^ZED", "P200", "20250212", "093000");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (fx.pending() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        fx.runAll();

        assertThat(ids(model.rows())).contains("P200");
        model.close();
    }

    @Test
    void aFailedReadSaysSoAndKeepsTheRows() {
        ScheduleViewModel model = lantir.directModel();
        lantir.readsFail.set(true);

        model.refresh();

        assertThat(model.problemProperty().get())
                .isEqualTo("The schedule could not be read: database is locked");
        assertThat(model.rows()).hasSize(3);
        lantir.readsFail.set(false);
        model.refresh();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    // ---- selection and actions ----

    @Test
    void aSelectedRowThatLeavesTheVisibleRowsIsNoLongerSelected() {
        lantir.withStatus(roe, ProcedureStepStatus.COMPLETED);
        ScheduleViewModel model = lantir.directModel();
        model.selectedRowProperty().set(model.rowWithId(roe.id()));

        model.showFinishedProperty().set(false);

        assertThat(model.selectedRowProperty().get()).isNull();
        assertThat(model.selectedItemProperty().get()).isNull();
        assertThat(model.canCancelProperty().get()).isFalse();
    }

    @Test
    void rowsFromASourceAreReadOnlyAndOnlyScheduledOnesCancel() throws Exception {
        ScheduleViewModel model = lantir.directModel();

        model.selectedRowProperty().set(model.rowWithId(smith.id()));
        assertThat(model.canEditProperty().get()).isFalse();
        assertThat(model.canCancelProperty().get()).isTrue();
        assertThat(model.selectionHintProperty().get()).isEqualTo("From data source "
                + "main_redcap: read-only here, since the source's next sync would overwrite "
                + "an edit; change it in the source.");
        assertThat(model.editorForSelected()).isNull();

        model.selectedRowProperty().set(model.rowWithId(doe.id()));
        assertThat(model.canEditProperty().get()).isTrue();
        assertThat(model.selectionHintProperty().get()).isEmpty();

        start(doe);
        model.refresh();
        assertThat(model.canCancelProperty().get()).isFalse();
        assertThat(model.canEditProperty().get()).isTrue();
        assertThat(model.selectionHintProperty().get())
                .isEqualTo("In progress: only a scheduled step can be cancelled.");
    }

    @Test
    void cancelTurnsTheSameLineDiscontinued() {
        ScheduleViewModel model = lantir.directModel();
        ScheduleRow line = model.rowWithId(roe.id());
        model.selectedRowProperty().set(line);

        model.cancelSelected();

        assertThat(line.statusProperty().get()).isEqualTo(ProcedureStepStatus.DISCONTINUED);
        assertThat(lantir.service.get(roe.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.DISCONTINUED);
        assertThat(model.selectedRowProperty().get()).isSameAs(line);
        assertThat(model.canCancelProperty().get()).isFalse();
    }

    @Test
    void cancelOfAStepThatStartedMeanwhileIsRefusedAndSaysWhy() throws Exception {
        ScheduleViewModel model = lantir.directModel();
        model.selectedRowProperty().set(model.rowWithId(doe.id()));
        start(doe);

        model.cancelSelected();
        model.onEvent(worklistChanged());

        assertThat(model.problemProperty().get()).as("kept by the reload the MPPS brings")
                .isEqualTo("Row not cancelled: Worklist row " + doe.id() + " is IN_PROGRESS; "
                        + "only a SCHEDULED step can be cancelled");
        assertThat(lantir.service.get(doe.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    // ---- the editor ----

    @Test
    void aNewRowOpensOnTheDayShownAtTheTimeNow() {
        ScheduleViewModel model = lantir.directModel();

        RowEditorModel editor = model.newRowEditor();

        assertThat(editor.isNew()).isTrue();
        assertThat(editor.valueProperty(Field.SCHEDULED_DATE).get()).isEqualTo("2025-02-12");
        assertThat(editor.valueProperty(Field.SCHEDULED_TIME).get()).isEqualTo("08:30");
        model.nextDay();
        assertThat(model.newRowEditor().valueProperty(Field.SCHEDULED_TIME).get()).isEmpty();
    }

    @Test
    void anInvalidRowIsNotSavedAndEveryProblemShows() {
        ScheduleViewModel model = lantir.directModel();
        RowEditorModel editor = model.newRowEditor();
        editor.valueProperty(Field.PATIENT_NAME).set("WALK^IN");
        editor.valueProperty(Field.MODALITY).set("XYZ");

        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.messageProperty(Field.MODALITY).get()).contains("not a DICOM");
        assertThat(editor.messageProperty(Field.PATIENT_ID).get()).as("not touched yet")
                .isEmpty();
        assertThat(editor.summaryProperty().get())
                .isEqualTo("To save, fill in or fix: Patient ID, Modality");

        boolean[] closed = {false};
        assertThat(editor.save(() -> closed[0] = true)).isFalse();

        assertThat(closed[0]).isFalse();
        assertThat(editor.messageProperty(Field.PATIENT_ID).get()).isEqualTo("required");
        assertThat(lantir.store.all()).hasSize(5);
    }

    @Test
    void aValidWalkInIsStoredWithItsIdentifiersShownAndSelected() {
        ScheduleViewModel model = lantir.directModel();
        RowEditorModel editor = model.newRowEditor();
        editor.valueProperty(Field.PATIENT_NAME).set("WALK, In");
        editor.valueProperty(Field.PATIENT_ID).set("P700");
        editor.valueProperty(Field.MODALITY).set("eeg");
        boolean[] closed = {false};

        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.save(() -> closed[0] = true)).isTrue();

        assertThat(closed[0]).isTrue();
        WorklistItem stored = model.selectedItemProperty().get();
        assertThat(stored.patientId()).isEqualTo("P700");
        assertThat(stored.patientName()).isEqualTo("WALK^In");
        assertThat(stored.modality()).isEqualTo("EEG");
        assertThat(stored.spsId()).startsWith("SPS");
        assertThat(stored.accessionNumber()).startsWith("ACC");
        assertThat(stored.studyInstanceUid()).startsWith("2.25.");
        assertThat(stored.dataSource()).isNull();
        assertThat(ids(model.rows())).containsExactly("P100", "P700", "SUB001", "P300");
    }

    @Test
    void aRowAddedWhileTheSearchWouldHideItClearsTheSearch() {
        ScheduleViewModel model = lantir.directModel();
        model.searchProperty().set("roe");
        RowEditorModel editor = model.newRowEditor();
        editor.valueProperty(Field.PATIENT_NAME).set("WALK^IN");
        editor.valueProperty(Field.PATIENT_ID).set("P700");
        editor.valueProperty(Field.MODALITY).set("MR");

        editor.save(() -> { });

        assertThat(model.searchProperty().get()).isEmpty();
        assertThat(model.selectedItemProperty().get().patientId()).isEqualTo("P700");
    }

    @Test
    void aRowAddedForAnotherDayTakesTheScheduleThere() {
        ScheduleViewModel model = lantir.directModel();
        RowEditorModel editor = model.newRowEditor();
        editor.valueProperty(Field.PATIENT_NAME).set("QA PHANTOM");
        editor.valueProperty(Field.PATIENT_ID).set("QA-2025-02-14");
        editor.valueProperty(Field.MODALITY).set("MR");
        editor.valueProperty(Field.SCHEDULED_DATE).set("20250214");

        editor.save(() -> { });

        assertThat(model.dayProperty().get()).isEqualTo(TODAY.plusDays(2));
        assertThat(model.selectedItemProperty().get().patientId()).isEqualTo("QA-2025-02-14");
    }

    @Test
    void anEditChangesTheSameLine() {
        ScheduleViewModel model = lantir.directModel();
        ScheduleRow line = model.rowWithId(roe.id());
        model.selectedRowProperty().set(line);
        RowEditorModel editor = model.editorForSelected();
        assertThat(editor.title()).isEqualTo("Edit row " + roe.id());
        assertThat(editor.valueProperty(Field.PATIENT_NAME).get()).isEqualTo("ROE^RICHARD");

        editor.valueProperty(Field.SCHEDULED_TIME).set("08:15");
        editor.save(() -> { });

        assertThat(model.rowWithId(roe.id())).isSameAs(line);
        assertThat(line.timeProperty().get()).isEqualTo("08:15");
        assertThat(lantir.service.get(roe.id()).orElseThrow().spsId()).isEqualTo(roe.spsId());
    }

    @Test
    void aRefusedSaveKeepsTheEditorOpenAndSaysWhy() {
        ScheduleViewModel model = lantir.directModel();
        model.selectedRowProperty().set(model.rowWithId(roe.id()));
        RowEditorModel editor = model.editorForSelected();
        lantir.service.remove(roe.id());
        boolean[] closed = {false};

        editor.save(() -> closed[0] = true);

        assertThat(closed[0]).isFalse();
        assertThat(editor.saveProblemProperty().get())
                .isEqualTo("Not saved: No worklist row " + roe.id());
        assertThat(editor.savingProperty().get()).isFalse();
    }

    // ---- details ----

    @Test
    void detailsListEveryStoredValueAndTheMppsHistory() throws Exception {
        ScheduleViewModel model = lantir.directModel();
        model.selectedRowProperty().set(model.rowWithId(doe.id()));
        start(doe);
        RowDetailsModel details = model.detailsForSelected();

        details.load();

        assertThat(details.title()).isEqualTo("DOE, Jane: 09:00 MR");
        assertThat(details.entries()).hasSize(33).extracting(RowDetailsModel.Entry::label)
                .contains("Patient name", "Study Instance UID", "Step ID", "Station AE title",
                        "Scheduled end date", "Scheduled end time", "Source", "Created");
        assertThat(details.entries()).filteredOn(e -> e.attribute().equals("(0040,0004)"))
                .singleElement().extracting(RowDetailsModel.Entry::value).isEqualTo("—");
        assertThat(details.entries()).filteredOn(e -> e.label().equals("Patient name"))
                .singleElement().extracting(RowDetailsModel.Entry::value)
                .isEqualTo("DOE, Jane   [DOE^JANE]");
        assertThat(details.entries()).filteredOn(e -> e.label().equals("Step ID"))
                .singleElement().extracting(RowDetailsModel.Entry::value)
                .isEqualTo("SPS-SUB001-1");
        assertThat(details.history()).singleElement().satisfies(line -> {
            assertThat(line.sopInstanceUid()).isEqualTo("2.25.1");
            assertThat(line.callingAeTitle()).isEqualTo("MRI_3T");
            assertThat(line.status()).isEqualTo("IN PROGRESS");
            assertThat(line.time()).isEqualTo("2025-02-12 08:30:00");
        });
        assertThat(details.historyStateProperty().get()).isEmpty();
    }

    @Test
    void detailsOfARowNoModalityReportedOnSaySo() {
        ScheduleViewModel model = lantir.directModel();
        model.selectedRowProperty().set(model.rowWithId(smith.id()));
        RowDetailsModel details = model.detailsForSelected();

        details.load();

        assertThat(details.history()).isEmpty();
        assertThat(details.historyStateProperty().get())
                .isEqualTo("No modality has reported on this row (no MPPS).");
        assertThat(details.entries()).filteredOn(e -> e.label().equals("Source"))
                .singleElement().extracting(RowDetailsModel.Entry::value).asString()
                .isEqualTo("main_redcap (read-only here)");
    }
}
