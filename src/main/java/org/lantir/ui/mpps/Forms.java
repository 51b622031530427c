package org.lantir.ui.mpps;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The pieces the test dialogs share: labelled fields, facts, the coloured result line. */
final class Forms {

    private static final String DONE = "mpps-result-done";
    private static final String FAILED = "mpps-result-failed";
    private static final double LABEL_WIDTH = 210;

    private Forms() {
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        // One label width for every grid, so the fields of a dialog's sections line up.
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }

    static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("mpps-section-title");
        return title;
    }

    /** A read-only line: a muted label and a value that can be selected and copied. */
    static void fact(GridPane grid, int line, String label, String value) {
        Label name = new Label(label);
        name.getStyleClass().add("mpps-field-label");
        TextField text = new TextField(value == null ? "" : value);
        text.setEditable(false);
        text.setFocusTraversable(false);
        text.getStyleClass().add("mpps-fact");
        grid.addRow(line, name, text);
    }

    /** An editable field with a mnemonic label ({@code "_Host"}: Alt+H focuses it). */
    static TextField field(GridPane grid, int line, String label, String id) {
        TextField field = new TextField();
        field.setId(id);
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(field);
        grid.addRow(line, name, field);
        return field;
    }

    /** Where the request goes: host, port, the server's AE title, the AE title to call as. */
    static Node targetGrid(TargetFields target, String idPrefix) {
        GridPane grid = grid();
        field(grid, 0, "_Host", idPrefix + "-host").textProperty()
                .bindBidirectional(target.hostProperty());
        field(grid, 1, "_Port", idPrefix + "-port").textProperty()
                .bindBidirectional(target.portProperty());
        field(grid, 2, "Calle_d AE title (server)", idPrefix + "-called-ae").textProperty()
                .bindBidirectional(target.calledAeTitleProperty());
        field(grid, 3, "Ca_lling AE title (scanner)", idPrefix + "-calling-ae").textProperty()
                .bindBidirectional(target.callingAeTitleProperty());
        return new VBox(6, sectionTitle("Send to"), grid);
    }

    /** The last result in words, green when the server did it, red when it did not. */
    static Label outcomeLabel(ReadOnlyStringProperty text,
            ReadOnlyObjectProperty<Outcome> outcome) {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add("mpps-result");
        label.textProperty().bind(text);
        outcome.addListener((o, was, now) -> colour(label, now));
        colour(label, outcome.get());
        return label;
    }

    private static void colour(Label label, Outcome outcome) {
        label.getStyleClass().removeAll(DONE, FAILED);
        if (outcome == Outcome.DONE) {
            label.getStyleClass().add(DONE);
        } else if (outcome == Outcome.FAILED) {
            label.getStyleClass().add(FAILED);
        }
    }
}
