package org.lantir.ui.schedule;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.lantir.ui.Console;
import org.lantir.ui.schedule.RowDetailsModel.Entry;
import org.lantir.ui.schedule.RowDetailsModel.HistoryLine;

/**
 * Every stored value of one row and the MPPS instances that reported on it. Values are
 * read-only text fields, so a UID can be selected and copied. Enter or Esc closes it.
 */
final class RowDetailsDialog {

    private RowDetailsDialog() {
    }

    /** Shows the details; {@code closed} runs when they close. */
    static void show(Window owner, RowDetailsModel model, Runnable closed) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Row " + model.item().id());
        dialog.setHeaderText(model.title());
        dialog.setResizable(true);
        ButtonType close = new ButtonType("_Close", ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        dialog.getDialogPane().getStylesheets().add(Console.STYLESHEET);
        dialog.getDialogPane().setId("row-details");

        Label historyTitle = new Label("MPPS history");
        historyTitle.getStyleClass().add("details-section");
        VBox content = new VBox(12, values(model.entries()), historyTitle, history(model));
        content.getStyleClass().add("row-details");
        content.setPadding(new Insets(8, 16, 0, 16));
        // Wide enough for a 64-character UID at 1280x800; the dialog is sized once, on show.
        dialog.getDialogPane().setMinWidth(1120);
        dialog.getDialogPane().setContent(content);

        dialog.setOnHidden(e -> closed.run());
        model.load();
        dialog.show();
    }

    /** The entries in two halves side by side: label, value, label, value. */
    private static GridPane values(List<Entry> entries) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        grid.getColumnConstraints().addAll(labelColumn(), valueColumn(), labelColumn(),
                valueColumn());
        int half = (entries.size() + 1) / 2;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int column = i < half ? 0 : 2;
            int row = i < half ? i : i - half;
            Label label = new Label(entry.label());
            label.getStyleClass().add("details-label");
            if (!entry.attribute().isEmpty()) {
                // The tag for those who know it, without taking the value's width.
                label.setTooltip(new Tooltip(entry.label() + " " + entry.attribute()));
            }
            TextField value = new TextField(entry.value());
            value.setEditable(false);
            value.setFocusTraversable(false);
            value.setPrefColumnCount(26);
            value.getStyleClass().add("details-value");
            grid.add(label, column, row);
            grid.add(value, column + 1, row);
            GridPane.setValignment(label, VPos.CENTER);
        }
        grid.setId("details-values");
        return grid;
    }

    private static ColumnConstraints labelColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Label.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints valueColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static TableView<HistoryLine> history(RowDetailsModel model) {
        TableView<HistoryLine> table = new TableView<>(model.history());
        table.setId("details-history");
        table.setPrefHeight(150);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Started", 150, HistoryLine::time));
        table.getColumns().add(column("Calling AE", 120, HistoryLine::callingAeTitle));
        table.getColumns().add(column("SOP Instance UID", 400, HistoryLine::sopInstanceUid));
        table.getColumns().add(column("Status", 110, HistoryLine::status));
        table.getColumns().add(column("Last update", 150, HistoryLine::updated));
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.historyStateProperty());
        table.setPlaceholder(placeholder);
        return table;
    }

    private static TableColumn<HistoryLine, String> column(String title, double width,
            Function<HistoryLine, String> value) {
        TableColumn<HistoryLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(
                cell.getValue())).getReadOnlyProperty());
        column.setPrefWidth(width);
        return column;
    }
}
