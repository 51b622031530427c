package org.lantir.ui.mpps;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lantir.app.Lantir;
import org.lantir.ui.ClippedTextCell;
import org.lantir.ui.ConsoleContext;
import org.lantir.ui.ConsoleView;

/**
 * The MPPS events screen: every step the scanners reported, newest first, with the worklist
 * row it matched (or "unmatched"), and the buttons that open the test dialogs.
 */
public final class MppsEventsView implements ConsoleView {

    private final ConsoleContext context;
    private final MppsEventsViewModel model;
    private final VBox root = new VBox();
    private final TableView<MppsEventRow> table = new TableView<>();

    public MppsEventsView(ConsoleContext context) {
        this(context, newModel(context));
    }

    MppsEventsView(ConsoleContext context, MppsEventsViewModel model) {
        this.context = context;
        this.model = model;
        root.getStyleClass().addAll("screen", "mpps-events");
        root.getChildren().addAll(header(), intro(), problem(), table());
        VBox.setVgrow(table, Priority.ALWAYS);
        model.open();
    }

    private static MppsEventsViewModel newModel(ConsoleContext context) {
        Lantir lantir = context.lantir();
        return new MppsEventsViewModel(lantir.eventLog(), lantir.worklist(), lantir.events(),
                context.threads(), context.clock());
    }

    @Override
    public String title() {
        return "_MPPS events";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        table.requestFocus();
    }

    @Override
    public void close() {
        model.close();
    }

    private HBox header() {
        Label title = new Label("MPPS events");
        title.getStyleClass().add("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button query = new Button("_Query test\u2026");
        query.setId("mpps-query-test");
        query.getStyleClass().add(Styles.BUTTON_OUTLINED);
        query.setTooltip(new Tooltip("C-ECHO and the worklist a scanner would get now"));
        query.setOnAction(e -> WorklistQueryDialog.show(context, window()));

        Button test = new Button("MPPS _test\u2026");
        test.setId("mpps-test");
        test.getStyleClass().add(Styles.ACCENT);
        test.setTooltip(new Tooltip("Play a scanner's MPPS for one of today's worklist rows"));
        test.setOnAction(e -> model.todaysRows(rows -> RowChooser.show(rows, window(),
                row -> MppsTestDialog.show(context, row, window()))));

        HBox header = new HBox(title, spacer, query, test);
        header.getStyleClass().add("mpps-header");
        return header;
    }

    private static Label intro() {
        Label intro = new Label("Each N-CREATE and N-SET the server took, newest first, with "
                + "the worklist row it matched. \"unmatched\" means no row fitted the step.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        return intro;
    }

    private Label problem() {
        Label problem = new Label();
        problem.setId("mpps-events-problem");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        return problem;
    }

    private TableView<MppsEventRow> table() {
        table.setId("mpps-events-table");
        Clock clock = context.clock();

        // Widths sum to what 1280x800 leaves beside the navigation (about 1066 pixels): the
        // time with its date (events of other days), AE titles up to their 16 characters,
        // the longest change; UIDs differ at their end, which is what the column shows.
        TableColumn<MppsEventRow, Instant> time = column("Time", 165, MppsEventRow::time);
        time.setCellFactory(c -> new ClippedTextCell<>(at -> Texts.eventTime(at, clock)));
        time.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<MppsEventRow, String> callingAe = column("Calling AE", 155,
                MppsEventRow::callingAeTitle);
        callingAe.setCellFactory(c -> ClippedTextCell.ofStrings());
        TableColumn<MppsEventRow, String> uid = column("SOP Instance UID", 160,
                MppsEventRow::sopInstanceUid);
        uid.setCellFactory(c -> uidCell());
        TableColumn<MppsEventRow, MppsEventRow> change = column("Change", 255, row -> row);
        change.setMinWidth(255);
        change.setComparator((a, b) -> a.change().compareTo(b.change()));
        change.setCellFactory(c -> changeCell());
        TableColumn<MppsEventRow, MppsEventRow> matched = column("Worklist row", 118,
                row -> row);
        matched.setMinWidth(118);
        matched.setComparator(MppsEventsView::compareRows);
        matched.setCellFactory(c -> rowCell());
        TableColumn<MppsEventRow, String> patient = column("Patient", 211,
                MppsEventRow::patient);
        patient.setCellFactory(c -> ClippedTextCell.ofStrings());
        table.getColumns().setAll(List.of(time, callingAe, uid, change, matched,
                patient));

        // Sorting by a column sorts a view of the model's list, never the list itself.
        SortedList<MppsEventRow> sorted = new SortedList<>(model.events());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(model.loadingProperty())
                .then("Reading the event log\u2026")
                .otherwise("No MPPS steps received yet."));
        table.setPlaceholder(empty);
        return table;
    }

    private static int compareRows(MppsEventRow a, MppsEventRow b) {
        if (a.worklistItemId() == null || b.worklistItemId() == null) {
            return Boolean.compare(a.worklistItemId() == null, b.worklistItemId() == null);
        }
        return a.worklistItemId().compareTo(b.worklistItemId());
    }

    private static <T> TableColumn<MppsEventRow, T> column(String title, double width,
            Function<MppsEventRow, T> value) {
        TableColumn<MppsEventRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                value.apply(cell.getValue())));
        return column;
    }

    /**
     * UIDs share their root and differ at the end, so a narrow column drops the start; the
     * whole UID is in the tooltip.
     */
    private static TableCell<MppsEventRow, String> uidCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String uid, boolean empty) {
                super.updateItem(uid, empty);
                setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
                setText(empty ? null : uid);
                setTooltip(empty || uid == null ? null : new Tooltip(uid));
            }
        };
    }

    private static TableCell<MppsEventRow, MppsEventRow> changeCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(MppsEventRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(empty || row == null ? null : Texts.statusPill(row.change(),
                        row.status()));
            }
        };
    }

    private static TableCell<MppsEventRow, MppsEventRow> rowCell() {
        return new ClippedTextCell<>(MppsEventRow::rowText) {
            @Override
            protected void updateItem(MppsEventRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("mpps-unmatched");
                if (!empty && row != null && !row.matched()) {
                    getStyleClass().add("mpps-unmatched");
                }
            }
        };
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
