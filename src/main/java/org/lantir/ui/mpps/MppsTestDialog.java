package org.lantir.ui.mpps;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lantir.scu.DicomModalitySimulator;
import org.lantir.scu.ModalitySimulator.FinalStatus;
import org.lantir.ui.Console;
import org.lantir.ui.ConsoleContext;
import org.lantir.worklist.WorklistItem;

/**
 * The MPPS test window for one worklist row: plays the scanner that starts the row's step and
 * then completes or discontinues it, against this Lantir's server or another one.
 *
 * <pre>
 * MppsTestDialog.show(context, selectedRow, table.getScene().getWindow());
 * </pre>
 */
public final class MppsTestDialog {

    private final MppsTestViewModel model;
    private final Stage stage = new Stage();
    private final Button create = new Button("Send N-_CREATE (IN PROGRESS)");
    private final Button complete = new Button("N-SET C_OMPLETED");
    private final Button discontinue = new Button("N-SET D_ISCONTINUED");

    private MppsTestDialog(MppsTestViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("MPPS test \u2013 worklist row " + model.row().id());
        Scene scene = new Scene(content(), 800, 720);
        scene.getStylesheets().add(Console.STYLESHEET);
        stage.setScene(scene);
    }

    /**
     * Opens the MPPS test for {@code row}, aimed at the running server and calling as
     * {@code LANTIR_TEST}; the person may change both. Returns the window, already shown.
     */
    public static Stage show(ConsoleContext context, WorklistItem row, Window owner) {
        MppsTestViewModel model = new MppsTestViewModel(new DicomModalitySimulator(),
                context.threads(), row, TargetFields.ownServer(context.lantir()));
        return show(model, owner);
    }

    static Stage show(MppsTestViewModel model, Window owner) {
        MppsTestDialog dialog = new MppsTestDialog(model, owner);
        dialog.stage.show();
        dialog.create.requestFocus();
        return dialog.stage;
    }

    private VBox content() {
        VBox root = new VBox(row(), Forms.targetGrid(model.target(), "mpps"), buttons(),
                result(), history(), closeBar());
        root.getStyleClass().add("mpps-dialog");
        return root;
    }

    /** The row as the scanner got it from the worklist. */
    private Node row() {
        WorklistItem row = model.row();
        GridPane grid = Forms.grid();
        int line = 0;
        Forms.fact(grid, line++, "Patient", MppsEventsViewModel.patientOf(row));
        Forms.fact(grid, line++, "Procedure", Texts.procedureLine(row));
        Forms.fact(grid, line++, "Scheduled", Texts.scheduledLine(row));
        Forms.fact(grid, line++, "Study Instance UID", row.studyInstanceUid());
        Forms.fact(grid, line++, "SPS ID", row.spsId());
        Forms.fact(grid, line++, "Requested Procedure ID", row.requestedProcedureId());
        Forms.fact(grid, line, "Accession Number", row.accessionNumber());
        Label title = Forms.sectionTitle("Worklist row " + row.id());
        VBox box = new VBox(6, title, grid);
        if (!model.rowWarning().isEmpty()) {
            Label warning = new Label(model.rowWarning());
            warning.setId("mpps-row-warning");
            warning.setWrapText(true);
            warning.getStyleClass().add(Styles.WARNING);
            box.getChildren().add(warning);
        }
        return box;
    }

    private HBox buttons() {
        create.setId("mpps-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.create());

        complete.setId("mpps-complete");
        complete.getStyleClass().add(Styles.SUCCESS);
        complete.disableProperty().bind(model.canSetProperty().not());
        complete.setOnAction(e -> model.finish(FinalStatus.COMPLETED));

        discontinue.setId("mpps-discontinue");
        discontinue.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        discontinue.disableProperty().bind(model.canSetProperty().not());
        discontinue.setOnAction(e -> model.finish(FinalStatus.DISCONTINUED));

        // Keyboard flow: once the step is started, Enter completes it.
        model.canSetProperty().addListener((o, was, now) -> {
            create.setDefaultButton(!now && model.canCreateProperty().get());
            complete.setDefaultButton(now);
            if (now) {
                complete.requestFocus();
            }
        });
        return new HBox(8, create, complete, discontinue);
    }

    private Node result() {
        Label result = Forms.outcomeLabel(model.resultProperty(), model.outcomeProperty());
        result.setId("mpps-result");
        TextField uid = new TextField();
        uid.setId("mpps-sop-uid");
        uid.setEditable(false);
        uid.setPromptText("assigned when the step is created");
        uid.textProperty().bind(model.sopInstanceUidProperty());
        HBox.setHgrow(uid, Priority.ALWAYS);
        Label uidLabel = new Label("SOP Instance UID");
        uidLabel.setLabelFor(uid);
        HBox uidLine = new HBox(8, uidLabel, uid);
        uidLine.getStyleClass().add("mpps-uid-line");
        return new VBox(6, result, uidLine);
    }

    private Node history() {
        ListView<String> list = new ListView<>(model.history());
        list.setId("mpps-history");
        list.setPlaceholder(new Label("The answers to what you send appear here."));
        list.setPrefHeight(140);
        list.setMinHeight(90);
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    private HBox closeBar() {
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new HBox(spacer, close);
    }
}
