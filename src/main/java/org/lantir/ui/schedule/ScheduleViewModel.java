package org.lantir.ui.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent;
import org.lantir.ui.ConsoleContext;
import org.lantir.ui.EventBatcher;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItemValidator;
import org.lantir.worklist.WorklistItemValidator.Field;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule screen's state: the worklist rows of one day (today at first), narrowed by a
 * search and a status filter, kept live as syncs and MPPS change them, and the actions on the
 * selected row.
 *
 * <p>Live updates never rebuild the list: a reload of the day is merged into {@link #rows()}
 * by row id (changed rows updated in place and moved back into schedule order, gone ones
 * removed, new ones inserted in schedule order), so the table keeps its selection and scroll
 * position. Events are batched through an {@link EventBatcher}; the reload runs on
 * {@link UiThreads#background()}; only the newest reload is applied. Everything observable
 * changes on the JavaFX thread.
 */
public final class ScheduleViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleViewModel.class);

    private static final DateTimeFormatter TITLE_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    /**
     * Schedule order: scheduled date, then time (rows without one last), then patient name,
     * then id, so that rows at the same time read alphabetically and the order is total.
     */
    static final Comparator<WorklistItem> SCHEDULE_ORDER = Comparator
            .comparing(WorklistItem::scheduledStartDate,
                    Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(WorklistItem::scheduledStartTime,
                    Comparator.nullsLast(Comparator.<LocalTime>naturalOrder()))
            .thenComparing(WorklistItem::patientName,
                    Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(WorklistItem::id);
    private static final Comparator<ScheduleRow> ROW_ORDER =
            Comparator.comparing(ScheduleRow::item, SCHEDULE_ORDER);

    private final WorklistService worklist;
    private final EventFeed events;
    private final UiThreads threads;
    private final Clock clock;
    private final UnassignedStation unassigned;
    private final EventBatcher<LantirEvent> batcher;

    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty showFinished = new SimpleBooleanProperty(true);
    private final ObservableList<ScheduleRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.itemProperty()});
    private final ObservableList<ScheduleRow> readOnlyRows =
            FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<ScheduleRow> visibleRows = new FilteredList<>(rows);
    private final ObjectProperty<ScheduleRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<WorklistItem> selectedItem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();

    private AutoCloseable subscription;
    /** Counts reloads started; only the newest one's rows are applied. JavaFX thread only. */
    private long reloads;
    /** A row to select once a reload shows it (a row just added on another day). */
    private Long selectAfterReload;
    /** Whether the problem line tells of a failed read, which the next good read clears. */
    private boolean readFailed;
    /** The calendar day at the last {@link #followToday()}; JavaFX thread only. */
    private LocalDate lastToday;

    public ScheduleViewModel(WorklistService worklist, EventFeed events, UiThreads threads,
            Clock clock) {
        this.worklist = Objects.requireNonNull(worklist);
        this.events = Objects.requireNonNull(events);
        this.threads = Objects.requireNonNull(threads);
        this.clock = Objects.requireNonNull(clock);
        this.unassigned = worklist.settings().unassignedStation();
        this.batcher = new EventBatcher<>(threads.fx(), batch -> refresh());

        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(
                () -> filter(search.get(), showFinished.get()), search, showFinished));
        rows.addListener((ListChangeListener<ScheduleRow>) change -> updateCount());
        visibleRows.addListener((ListChangeListener<ScheduleRow>) change -> {
            updateCount();
            dropHiddenSelection();
        });
        selectedItem.bind(selectedRow.flatMap(ScheduleRow::itemProperty));
        selectedItem.addListener((observable, old, item) -> updateActions(item));
        lastToday = LocalDate.now(clock);
        day.set(lastToday);
        updateTitle(day.get());
        day.addListener((observable, old, now) -> dayChanged(old, now));
    }

    /** The model over a console window's running Lantir. */
    public static ScheduleViewModel of(ConsoleContext context) {
        return new ScheduleViewModel(context.lantir().worklist(), context.lantir().events(),
                context.threads(), context.clock());
    }

    /** Follows worklist and MPPS events from now on, and reads the day. */
    public void start() {
        subscription = events.subscribe(this::onEvent);
        refresh();
    }

    /** Stops following events. */
    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Unsubscribing the schedule from the event feed failed", e);
            }
            subscription = null;
        }
    }

    /** From the event feed's thread: a change to the worklist asks for a reload. */
    void onEvent(LantirEvent event) {
        if (event instanceof LantirEvent.WorklistChanged
                || (event instanceof LantirEvent.MppsChanged mpps
                        && mpps.worklistItemId() != null)) {
            batcher.offer(event);
        }
    }

    // ---- the day ----

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public void previousDay() {
        day.set(day.get().minusDays(1));
    }

    public void nextDay() {
        day.set(day.get().plusDays(1));
    }

    public void today() {
        day.set(LocalDate.now(clock));
    }

    /**
     * Called now and then (the view does, every half minute): past midnight, a console that
     * showed today moves on to the new today, so a scanner-room screen left open overnight
     * shows the morning's list. A console showing another day stays on it.
     */
    public void followToday() {
        LocalDate today = LocalDate.now(clock);
        if (today.equals(lastToday)) {
            return;
        }
        boolean showedToday = lastToday.equals(day.get());
        lastToday = today;
        if (showedToday) {
            day.set(today);
        } else {
            // "Today's schedule:" may now be the title of yesterday; say the date plainly.
            updateTitle(day.get());
        }
    }

    private void dayChanged(LocalDate old, LocalDate now) {
        if (now == null) {
            // A date picker whose text was cleared: keep the day shown.
            day.set(old);
            return;
        }
        updateTitle(now);
        refresh();
    }

    private void updateTitle(LocalDate shown) {
        boolean isToday = shown.equals(LocalDate.now(clock));
        title.set((isToday ? "Today's schedule: " : "Schedule: ") + TITLE_DATE.format(shown));
    }

    /** Reads the day again; the newest reload wins. */
    public void refresh() {
        long reload = ++reloads;
        LocalDate shown = day.get();
        loading.set(true);
        inBackground(() -> worklist.list(WorklistFilter.onDate(shown)), items -> {
            if (reload == reloads) {
                loading.set(false);
                if (readFailed) {
                    // An action's problem stays until the next action; a read's goes now.
                    readFailed = false;
                    problem.set("");
                }
                merge(items);
                selectPending();
            }
        }, failure -> {
            if (reload == reloads) {
                loading.set(false);
                readFailed = true;
                problem.set("The schedule could not be read: " + failure.getMessage());
            }
        });
    }

    // ---- rows, search, filter ----

    /** Every row of the day, in schedule order; lines keep their identity across updates. */
    public ObservableList<ScheduleRow> rows() {
        return readOnlyRows;
    }

    /** The rows the search and the status filter let through. */
    public ObservableList<ScheduleRow> visibleRows() {
        return visibleRows;
    }

    /** Patient name words or part of a Patient ID, any case. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Whether completed and discontinued rows are shown. */
    public BooleanProperty showFinishedProperty() {
        return showFinished;
    }

    private static Predicate<ScheduleRow> filter(String query, boolean finished) {
        return row -> (finished || !row.item().status().isFinal())
                && PersonNames.matches(query, row.item().patientName(), row.item().patientId());
    }

    /**
     * Brings the rows to {@code fresh}: lines of rows no longer there are removed, changed
     * rows updated in place (and moved, as a permutation, when their time changed), new rows
     * inserted where schedule order puts them.
     */
    void merge(List<WorklistItem> fresh) {
        Map<Long, WorklistItem> byId = new HashMap<>();
        for (WorklistItem item : fresh) {
            byId.put(item.id(), item);
        }

        // One removal change for all gone rows, not one per row.
        rows.removeAll(rows.stream().filter(row -> !byId.containsKey(row.id())).toList());

        Set<Long> shown = new HashSet<>();
        for (ScheduleRow row : rows) {
            shown.add(row.id());
            WorklistItem now = byId.get(row.id());
            if (!now.equals(row.item())
                    || !Objects.equals(now.updatedAt(), row.item().updatedAt())) {
                row.update(now);
            }
        }
        keepScheduleOrder();

        for (WorklistItem item : fresh) {
            if (!shown.contains(item.id())) {
                rows.add(insertionIndex(item), new ScheduleRow(item, unassigned));
            }
        }
    }

    /**
     * Moves lines whose time or name changed in place back to their schedule place, as one
     * permutation: the lines stay the same objects, so the table keeps its selection and
     * scroll position, and a table without a column sort reads in time order.
     */
    private void keepScheduleOrder() {
        for (int i = 1; i < rows.size(); i++) {
            if (ROW_ORDER.compare(rows.get(i - 1), rows.get(i)) > 0) {
                FXCollections.sort(rows, ROW_ORDER);
                return;
            }
        }
    }

    private int insertionIndex(WorklistItem item) {
        int index = rows.size();
        while (index > 0 && SCHEDULE_ORDER.compare(rows.get(index - 1).item(), item) > 0) {
            index--;
        }
        return index;
    }

    /** The line of a row id, if the day shows it. */
    public ScheduleRow rowWithId(long id) {
        for (ScheduleRow row : rows) {
            if (row.id() == id) {
                return row;
            }
        }
        return null;
    }

    // ---- the title and count line ----

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** E.g. "12 rows, 3 in progress", or "5 of 12 rows shown, 3 in progress". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What went wrong with the last read or action, in words; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private void updateCount() {
        long inProgress = rows.stream()
                .filter(row -> row.item().status() == ProcedureStepStatus.IN_PROGRESS).count();
        count.set(countText(visibleRows.size(), rows.size(), (int) inProgress));
    }

    static String countText(int visible, int total, int inProgress) {
        String rowsText = total + (total == 1 ? " row" : " rows");
        String shown = visible == total ? rowsText : visible + " of " + rowsText + " shown";
        return shown + ", " + inProgress + " in progress";
    }

    // ---- the selected row and its actions ----

    /**
     * The selected line; the view keeps it and the table's selection the same. Null when no
     * row is selected or the selected one left the visible rows.
     */
    public ObjectProperty<ScheduleRow> selectedRowProperty() {
        return selectedRow;
    }

    /**
     * The selected row's current values (they follow live updates), or null: what other
     * screens' actions on "the selected row" read, such as the MPPS test dialog.
     */
    public ReadOnlyObjectProperty<WorklistItem> selectedItemProperty() {
        return selectedItem.getReadOnlyProperty();
    }

    /** A row made by hand is selected: only those are edited here. */
    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit.getReadOnlyProperty();
    }

    /** A SCHEDULED row is selected: only those can be cancelled. */
    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    /** Why the selected row cannot be edited or cancelled; empty when it can. */
    public ReadOnlyStringProperty selectionHintProperty() {
        return selectionHint.getReadOnlyProperty();
    }

    private void dropHiddenSelection() {
        ScheduleRow selected = selectedRow.get();
        if (selected != null && !visibleRows.contains(selected)) {
            selectedRow.set(null);
        }
    }

    private void updateActions(WorklistItem item) {
        canEdit.set(item != null && item.dataSource() == null);
        canCancel.set(item != null && item.status() == ProcedureStepStatus.SCHEDULED);
        selectionHint.set(item == null ? "" : hint(item));
    }

    private static String hint(WorklistItem item) {
        StringBuilder hint = new StringBuilder();
        if (item.dataSource() != null) {
            hint.append("From data source ").append(item.dataSource()).append(": read-only "
                    + "here, since the source's next sync would overwrite an edit; change it "
                    + "in the source.");
        }
        if (item.status() != ProcedureStepStatus.SCHEDULED) {
            hint.append(hint.length() == 0 ? "" : " ")
                    .append(ScheduleRow.statusWord(item.status()))
                    .append(": only a scheduled step can be cancelled.");
        }
        return hint.toString();
    }

    /**
     * Cancels the selected SCHEDULED step (it becomes DISCONTINUED); the view asks first.
     * Refused by the service when an MPPS started it meanwhile, which the problem line says.
     */
    public void cancelSelected() {
        WorklistItem item = selectedItem.get();
        if (item == null || !canCancel.get()) {
            return;
        }
        long id = item.id();
        inBackground(() -> worklist.cancel(id), cancelled -> {
            problem.set("");
            readFailed = false;
            mergeOne(cancelled);
        }, failure -> {
            problem.set("Row not cancelled: " + failure.getMessage());
            readFailed = false;
        });
    }

    /** The editor for a new row on the day shown: the time now if the day is today. */
    public RowEditorModel newRowEditor() {
        Map<Field, String> start = new EnumMap<>(Field.class);
        LocalDate shown = day.get();
        start.put(Field.SCHEDULED_DATE, shown.toString());
        if (shown.equals(LocalDate.now(clock))) {
            start.put(Field.SCHEDULED_TIME, WorklistItemValidator.time(
                    LocalTime.now(clock).withSecond(0).withNano(0)));
        }
        return new RowEditorModel(worklist, threads, null, start, this::rowSaved);
    }

    /** The editor for the selected row, or null when it is not one made by hand. */
    public RowEditorModel editorForSelected() {
        WorklistItem item = selectedItem.get();
        if (item == null || !canEdit.get()) {
            return null;
        }
        return new RowEditorModel(worklist, threads, item, WorklistItemValidator.values(item),
                this::rowSaved);
    }

    /** The details of the selected row, or null when none is selected. */
    public RowDetailsModel detailsForSelected() {
        WorklistItem item = selectedItem.get();
        return item == null ? null : new RowDetailsModel(worklist, threads, item, clock);
    }

    /** A row the editor stored: shown (the search cleared if it hid it) and selected. */
    void rowSaved(WorklistItem stored) {
        problem.set("");
        if (Objects.equals(stored.scheduledStartDate(), day.get())) {
            select(mergeOne(stored));
        } else {
            selectAfterReload = stored.id();
            day.set(stored.scheduledStartDate());
        }
    }

    private void select(ScheduleRow row) {
        if (row == null) {
            return;
        }
        if (!visibleRows.contains(row)) {
            search.set("");
        }
        if (visibleRows.contains(row)) {
            selectedRow.set(row);
        }
    }

    /** Shows one row's new values without waiting for the reload its event brings. */
    private ScheduleRow mergeOne(WorklistItem item) {
        ScheduleRow row = rowWithId(item.id());
        if (row != null) {
            row.update(item);
            keepScheduleOrder();
        } else if (Objects.equals(item.scheduledStartDate(), day.get())) {
            row = new ScheduleRow(item, unassigned);
            rows.add(insertionIndex(item), row);
        }
        return row;
    }

    private void selectPending() {
        if (selectAfterReload != null) {
            ScheduleRow row = rowWithId(selectAfterReload);
            selectAfterReload = null;
            select(row);
        }
    }

    // ---- threads ----

    /** Runs {@code work} in the background and hands its result or failure to the FX thread. */
    private <T> void inBackground(Supplier<T> work, Consumer<T> done,
            Consumer<RuntimeException> failed) {
        try {
            threads.background().execute(() -> {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    LOG.warn("Schedule: {}", e.getMessage());
                    threads.fx().execute(() -> failed.accept(e));
                    return;
                }
                threads.fx().execute(() -> done.accept(result));
            });
        } catch (RejectedExecutionException closing) {
            LOG.debug("Schedule work not run: the window is closing");
        }
    }
}
