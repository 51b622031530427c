package org.lantir.ui.schedule;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.lantir.ui.ClippedTextCell;
import org.lantir.ui.Console;
import org.lantir.ui.ConsoleContext;
import org.lantir.ui.ConsoleView;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItemValidator;

/**
 * The console's first screen: the day's worklist as a table, live, with day navigation, a
 * search, a status filter and the actions on the selected row (details, edit, cancel) and on
 * the day (add a row).
 *
 * <p>Keyboard: focus starts in the table; arrows move; Enter opens the details; Delete
 * cancels (after asking); Ctrl+F goes to the search, where Esc clears it and Down returns to
 * the table. Every button has a mnemonic. The navigation holds Alt+S, V, Y, M, C and L, so
 * this screen uses P, T, X, D, F, H, I, E, N, A and R.
 */
public final class ScheduleView implements ConsoleView {

    private static final KeyCombination FIND =
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final ScheduleViewModel model;
    private final VBox root = new VBox();
    private final TableView<ScheduleRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final HBox rowActions = new HBox();
    /** Asks the model to follow today past midnight. */
    private final Timeline midnight = new Timeline();
    /** Set while the view copies the model's selection into the table, to not echo it. */
    private boolean copyingSelection;

    public ScheduleView(ConsoleContext context) {
        this(ScheduleViewModel.of(context));
    }

    ScheduleView(ScheduleViewModel model) {
        this.model = model;
        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("screen-title");
        title.setId("schedule-title");

        root.getChildren().addAll(title, dayBar(), table(), actionBar(), statusLine());
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getStyleClass().addAll("screen", "schedule");
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        model.start();
        midnight.getKeyFrames().add(
                new KeyFrame(Duration.seconds(30), e -> model.followToday()));
        midnight.setCycleCount(Animation.INDEFINITE);
        midnight.play();
    }

    @Override
    public String title() {
        return "_Schedule";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        // Later, so that the table is in the window even when the window is not shown yet.
        Platform.runLater(() -> {
            table.requestFocus();
            selectFirstIfNone();
        });
    }

    @Override
    public void close() {
        midnight.stop();
        model.close();
    }

    public ScheduleViewModel model() {
        return model;
    }

    /**
     * The bar of actions on the selected row (details, edit, cancel): another screen's
     * action on the selected row goes here, reading {@link ScheduleViewModel#selectedItemProperty}.
     * Free mnemonics: B, G, J, K, O, Q, U, W, Z.
     */
    public HBox rowActions() {
        return rowActions;
    }

    // ---- the day and the filters ----

    private HBox dayBar() {
        Button previous = button("_Previous day", "schedule-previous", model::previousDay);
        Button today = button("_Today", "schedule-today", model::today);
        Button next = button("Ne_xt day", "schedule-next", model::nextDay);

        DatePicker date = new DatePicker();
        date.setId("schedule-date");
        date.setConverter(isoDates(date));
        date.setPrefWidth(140);
        date.valueProperty().bindBidirectional(model.dayProperty());
        Label dateLabel = mnemonicLabel("_Date", date);

        search.setId("schedule-search");
        search.setPromptText("Name or patient ID");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.addEventHandler(KeyEvent.KEY_PRESSED, this::searchKeys);
        Label searchLabel = mnemonicLabel("_Find", search);

        CheckBox finished = new CheckBox("Show finis_hed");
        finished.setMnemonicParsing(true);
        finished.setId("schedule-show-finished");
        finished.setTooltip(new Tooltip("Show completed and discontinued rows"));
        finished.selectedProperty().bindBidirectional(model.showFinishedProperty());

        HBox bar = new HBox(8, previous, today, next, dateLabel, date, spacer(), searchLabel,
                search, finished);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("schedule-day-bar");
        return bar;
    }

    /** Dates shown as YYYY-MM-DD; YYYYMMDD is read too; other text keeps the day shown. */
    private static StringConverter<LocalDate> isoDates(DatePicker picker) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                String typed = text == null ? "" : text.strip();
                try {
                    return typed.matches("\\d{8}")
                            ? LocalDate.parse(typed, DateTimeFormatter.BASIC_ISO_DATE)
                            : LocalDate.parse(typed);
                } catch (DateTimeParseException notADate) {
                    return picker.getValue();
                }
            }
        };
    }

    private void searchKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
            search.clear();
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER
                || e.getCode() == KeyCode.ESCAPE) {
            table.requestFocus();
            selectFirstIfNone();
            e.consume();
        }
    }

    private void shortcut(KeyEvent e) {
        if (FIND.match(e)) {
            search.requestFocus();
            search.selectAll();
            e.consume();
        }
    }

    // ---- the table ----

    private TableView<ScheduleRow> table() {
        table.setId("schedule-table");
        // Without a column sort (comparator null) the table keeps the model's order, which
        // stays schedule order through live merges; a column sort re-sorts on each update.
        SortedList<ScheduleRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.STRIPED);

        // Widths sum to what 1280x800 leaves beside the navigation (about 1066 pixels), each
        // room for its typical values: patient IDs such as sub_1001_ses01 up to 16
        // characters, an AE title with a short station name, a source name; a longer value
        // shows whole in its cell's tooltip. Status last, never narrower than "Discontinued".
        table.getColumns().add(column("Time", 60, ScheduleRow::timeProperty));
        table.getColumns().add(column("Patient", 170, ScheduleRow::patientNameProperty));
        table.getColumns().add(column("Patient ID", 155, ScheduleRow::patientIdProperty));
        table.getColumns().add(column("Modality", 90, ScheduleRow::modalityProperty));
        table.getColumns().add(column("Station", 150, ScheduleRow::stationProperty));
        table.getColumns().add(column("Procedure", 185, ScheduleRow::procedureProperty));
        table.getColumns().add(column("Source", 125, ScheduleRow::sourceProperty));
        table.getColumns().add(statusColumn());

        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.rows().isEmpty()
                ? "No rows are scheduled for this day."
                : "No rows match the search or the status filter.", model.rows()));
        table.setPlaceholder(placeholder);

        table.setRowFactory(view -> {
            TableRow<ScheduleRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                        && !row.isEmpty()) {
                    openDetails();
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, this::tableKeys);
        followSelection();
        // A day that comes in (the first, or another one chosen) starts on its first row.
        model.rows().addListener((ListChangeListener<ScheduleRow>) change -> {
            if (change.getList().size() > 0 && table.getSelectionModel().isEmpty()) {
                selectFirstIfNone();
            }
        });
        return table;
    }

    private static TableColumn<ScheduleRow, String> column(String title, double width,
            Function<ScheduleRow, ObservableValue<String>> value) {
        TableColumn<ScheduleRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setCellFactory(c -> ClippedTextCell.ofStrings());
        column.setPrefWidth(width);
        return column;
    }

    /** The status as a coloured pill that always says its word (lantir.css). */
    private static TableColumn<ScheduleRow, ProcedureStepStatus> statusColumn() {
        TableColumn<ScheduleRow, ProcedureStepStatus> column = new TableColumn<>("Status");
        column.setCellValueFactory(cell -> cell.getValue().statusProperty());
        column.setPrefWidth(125);
        column.setMinWidth(125);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label pill = new Label();

            @Override
            protected void updateItem(ProcedureStepStatus status, boolean empty) {
                super.updateItem(status, empty);
                setText(null);
                if (empty || status == null) {
                    setGraphic(null);
                    return;
                }
                pill.setText(ScheduleRow.statusWord(status));
                pill.getStyleClass().setAll("label", "status-pill",
                        ScheduleRow.statusStyleClass(status));
                setGraphic(pill);
            }
        });
        return column;
    }

    /** Keeps the table's selection and the model's selected row the same. */
    private void followSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (!copyingSelection) {
                model.selectedRowProperty().set(now);
            }
        });
        model.selectedRowProperty().addListener((o, old, now) -> {
            if (table.getSelectionModel().getSelectedItem() == now) {
                return;
            }
            copyingSelection = true;
            try {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                    table.scrollTo(now);
                }
            } finally {
                copyingSelection = false;
            }
        });
    }

    private void selectFirstIfNone() {
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    private void tableKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && model.selectedItemProperty().get() != null) {
            openDetails();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && model.canCancelProperty().get()) {
            confirmCancel();
            e.consume();
        }
    }

    // ---- actions ----

    private HBox actionBar() {
        Button details = button("Deta_ils…", "schedule-details", this::openDetails);
        details.disableProperty().bind(model.selectedItemProperty().isNull());
        Button edit = button("_Edit row…", "schedule-edit", this::openEditor);
        edit.disableProperty().bind(model.canEditProperty().not());
        Button cancel = button("Ca_ncel row…", "schedule-cancel", this::confirmCancel);
        cancel.disableProperty().bind(model.canCancelProperty().not());
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        rowActions.getChildren().addAll(details, edit, cancel);
        rowActions.setSpacing(8);
        rowActions.setId("schedule-row-actions");

        Button add = button("_Add row…", "schedule-add", this::openNewRow);
        add.getStyleClass().add(Styles.ACCENT);
        Button refresh = button("_Refresh", "schedule-refresh", model::refresh);

        HBox bar = new HBox(8, rowActions, spacer(), add, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox statusLine() {
        Label count = new Label();
        count.setId("schedule-count");
        count.textProperty().bind(model.countProperty());
        Label hint = new Label();
        hint.setId("schedule-hint");
        hint.textProperty().bind(model.selectionHintProperty());
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Label problem = new Label();
        problem.setId("schedule-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add("error-text");
        // The count keeps its width; a long hint is the one to be cut short.
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(16, count, hint, problem);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private void openDetails() {
        RowDetailsModel details = model.detailsForSelected();
        if (details != null) {
            RowDetailsDialog.show(window(), details, table::requestFocus);
        }
    }

    private void openEditor() {
        RowEditorModel editor = model.editorForSelected();
        if (editor != null) {
            RowEditorDialog.show(window(), editor, table::requestFocus);
        }
    }

    private void openNewRow() {
        RowEditorDialog.show(window(), model.newRowEditor(), table::requestFocus);
    }

    private void confirmCancel() {
        WorklistItem item = model.selectedItemProperty().get();
        if (item == null || !model.canCancelProperty().get()) {
            return;
        }
        ButtonType cancelRow = new ButtonType("Cancel _row", ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("_Keep row", ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", cancelRow, keep);
        ask.initOwner(window());
        ask.setTitle("Cancel row");
        ask.setHeaderText("Cancel the step of " + PersonNames.readable(item.patientName())
                + " scheduled at " + WorklistItemValidator.time(item.scheduledStartTime())
                + "?");
        ask.setContentText("It becomes Discontinued and leaves the scanners' worklist.");
        ask.getDialogPane().getStylesheets().add(Console.STYLESHEET);
        ask.getDialogPane().setId("schedule-cancel-confirm");
        // Enter keeps the row: cancelling takes a deliberate choice.
        ((Button) ask.getDialogPane().lookupButton(cancelRow)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ask.showAndWait().filter(cancelRow::equals).ifPresent(answer -> model.cancelSelected());
        table.requestFocus();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---- small parts ----

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(true);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label mnemonicLabel(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
