package org.lantir.ui.schedule;

import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.lantir.ui.Console;
import org.lantir.worklist.WorklistItemValidator.Field;

/**
 * The form that adds a row by hand (a walk-in, a phantom or QA scan) or edits one made by
 * hand. Each field shows its problem beside it as it is typed; Save stays disabled until
 * every value is right. Patient and request on the left, the scheduled step on the right.
 */
final class RowEditorDialog {

    /** A field, its label with a mnemonic unique in the dialog, and its prompt text. */
    private record Line(Field field, String label, String prompt) {
    }

    private static final List<Line> PATIENT = List.of(
            new Line(Field.PATIENT_NAME, "Patient _name", "DOE, Jane   or   DOE^JANE"),
            new Line(Field.PATIENT_ID, "Patient _ID", ""),
            new Line(Field.PATIENT_BIRTH_DATE, "_Birth date", "YYYY-MM-DD"),
            new Line(Field.PATIENT_SEX, "Se_x", ""),
            new Line(Field.PATIENT_WEIGHT, "_Weight (kg)", "e.g. 72.5"),
            new Line(Field.REFERRING_PHYSICIAN, "Re_ferring physician", "DOE^JOHN"),
            // With the referring physician, as both come with the request; it also evens the
            // columns, so that the form fits 800 pixels with a line for each message.
            new Line(Field.ACCESSION_NUMBER, "Accession n_umber", "empty: made for you"),
            new Line(Field.PATIENT_COMMENTS, "Patient co_mments", ""));

    private static final List<Line> STEP = List.of(
            new Line(Field.MODALITY, "M_odality", "MR, EEG, CT, US…"),
            new Line(Field.SCHEDULED_DATE, "Scheduled _date", "YYYY-MM-DD"),
            new Line(Field.SCHEDULED_TIME, "Scheduled _time", "HH:MM"),
            new Line(Field.STATION_AE_TITLE, "Station _AE title", "empty: any station"),
            new Line(Field.STATION_NAME, "Station nam_e", ""),
            new Line(Field.REQUESTED_PROCEDURE, "_Requested procedure", ""),
            new Line(Field.STEP_DESCRIPTION, "Step des_cription", ""),
            new Line(Field.PERFORMING_PHYSICIAN, "Performing p_hysician", ""),
            new Line(Field.STEP_COMMENTS, "Ste_p comments", ""));

    /** Both columns and their messages side by side, within a 1280-pixel screen. */
    private static final double PREFERRED_WIDTH = 1180;
    /** Room left on the screen for the window's title bar and border. */
    private static final double SCREEN_MARGIN = 40;

    private RowEditorDialog() {
    }

    /** Shows the editor; {@code closed} runs when it closes, saved or not. */
    static void show(Window owner, RowEditorModel model, Runnable closed) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(model.title());
        dialog.setHeaderText(model.isNew()
                ? "A walk-in, phantom or QA scan: a row of its own, made by hand."
                : "A row made by hand. Its status stays as the modality reported it.");
        dialog.setResizable(true);

        ButtonType save = new ButtonType("_Save", ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(Console.STYLESHEET);
        dialog.getDialogPane().setId("row-editor");

        GridPane form = new GridPane();
        form.setHgap(12);
        // The line kept under each field for its message separates the rows.
        form.setVgap(2);
        form.getColumnConstraints().addAll(labelColumn(), fieldColumn(), labelColumn(),
                fieldColumn());
        Control first = addLines(form, model, PATIENT, 0);
        addLines(form, model, STEP, 2);

        Label summary = new Label();
        summary.setId("editor-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label saveProblem = new Label();
        saveProblem.setId("editor-save-problem");
        saveProblem.getStyleClass().add("error-text");
        saveProblem.textProperty().bind(model.saveProblemProperty());
        saveProblem.setWrapText(true);
        saveProblem.setMinHeight(Region.USE_PREF_SIZE);

        // The form scrolls when the window is too low for it, so that the summary and the
        // buttons below it are always in view, whatever the messages take.
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId("editor-form-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        VBox content = new VBox(12, scroll, summary, saveProblem);
        content.setPadding(new Insets(8, 16, 0, 16));
        content.getStyleClass().add("row-editor");
        dialog.getDialogPane().setContent(content);
        // Wide enough at 1280x800 that most messages fit on the line kept under their field;
        // never larger than the screen, less a title bar's height, so the buttons show.
        Rectangle2D area = usableArea(owner);
        dialog.getDialogPane().setMinWidth(Math.min(900, area.getWidth() - SCREEN_MARGIN));
        dialog.getDialogPane().setPrefWidth(Math.min(PREFERRED_WIDTH,
                area.getWidth() - SCREEN_MARGIN));
        dialog.getDialogPane().setMaxHeight(area.getHeight() - SCREEN_MARGIN);

        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("editor-save");
        saveButton.disableProperty().bind(model.validProperty().not()
                .or(model.savingProperty()));
        // Saving takes a round to the store; the dialog closes only when it succeeded.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(dialog::close);
        });

        dialog.setOnShown(e -> Platform.runLater(first::requestFocus));
        dialog.setOnHidden(e -> closed.run());
        dialog.show();
    }

    /** The owner's screen without task bars, or the primary screen's. */
    private static Rectangle2D usableArea(Window owner) {
        Screen screen = owner == null ? Screen.getPrimary()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                        owner.getHeight()).stream().findFirst().orElse(Screen.getPrimary());
        return screen.getVisualBounds();
    }

    private static ColumnConstraints labelColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(150);
        return c;
    }

    private static ColumnConstraints fieldColumn() {
        ColumnConstraints c = new ColumnConstraints(220, 260, Double.MAX_VALUE);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    /** Puts the lines in two grid columns from {@code column}; returns the first control. */
    private static Control addLines(GridPane form, RowEditorModel model, List<Line> lines,
            int column) {
        Control first = null;
        int row = 0;
        for (Line line : lines) {
            Control input = input(model, line);
            Label label = new Label(line.label() + (line.field().required() ? " *" : ""));
            label.setMnemonicParsing(true);
            label.setLabelFor(input);
            label.setMinWidth(Label.USE_PREF_SIZE);
            VBox cell = new VBox(1, input, message(model, line.field()));
            form.add(label, column, row);
            form.add(cell, column + 1, row);
            GridPane.setValignment(label, VPos.TOP);
            row++;
            if (first == null) {
                first = input;
            }
        }
        return first;
    }

    /**
     * The field's problem under it. Its line is kept even while empty, so that a message
     * appearing as one types moves no field; a longer one wraps in full below it (the
     * field's column is as wide as the form allows, not as its longest message).
     */
    private static Label message(RowEditorModel model, Field field) {
        Label message = new Label();
        message.setId(id(field) + "-message");
        message.getStyleClass().addAll("error-text", "field-message");
        message.textProperty().bind(model.messageProperty(field));
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setPrefWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        return message;
    }

    private static Control input(RowEditorModel model, Line line) {
        Field field = line.field();
        Control input;
        if (field == Field.PATIENT_SEX) {
            input = sexChoice(model);
        } else {
            TextInputControl text = field == Field.PATIENT_COMMENTS
                    || field == Field.STEP_COMMENTS ? textArea() : new TextField();
            text.setPromptText(line.prompt());
            if (field == Field.MODALITY) {
                // CS has only upper case (PS3.5 Table 6.2-1): shown as it will be stored.
                text.setTextFormatter(new TextFormatter<String>(change -> {
                    change.setText(change.getText().toUpperCase(Locale.ROOT));
                    return change;
                }));
            }
            text.textProperty().bindBidirectional(model.valueProperty(field));
            input = text;
        }
        input.setId(id(field));
        input.setMaxWidth(Double.MAX_VALUE);
        input.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.touch(field);
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);
        return input;
    }

    private static TextArea textArea() {
        TextArea area = new TextArea();
        area.setPrefRowCount(2);
        area.setWrapText(true);
        return area;
    }

    private static ChoiceBox<String> sexChoice(RowEditorModel model) {
        ChoiceBox<String> choice = new ChoiceBox<>();
        choice.getItems().addAll("", "F", "M", "O");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return switch (code == null ? "" : code) {
                    case "" -> "not given";
                    case "F" -> "F (female)";
                    case "M" -> "M (male)";
                    case "O" -> "O (other)";
                    default -> code;
                };
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        choice.valueProperty().bindBidirectional(model.valueProperty(Field.PATIENT_SEX));
        return choice;
    }

    /** E.g. {@code editor-patient-name}, for tests. */
    static String id(Field field) {
        return "editor-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
