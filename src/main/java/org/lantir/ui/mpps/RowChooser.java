package org.lantir.ui.mpps;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lantir.ui.Console;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/** A small window listing today's worklist rows; Enter, a double click or Open picks one. */
final class RowChooser {

    private RowChooser() {
    }

    static Stage show(List<WorklistItem> rows, Window owner, Consumer<WorklistItem> chosen) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("MPPS test: choose a worklist row");

        ListView<WorklistItem> list = new ListView<>();
        list.setId("row-chooser-list");
        list.getItems().setAll(rows);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(WorklistItem row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : Texts.rowLine(row));
            }
        });
        list.setPlaceholder(new Label("No worklist rows are scheduled today."));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button open = new Button("_Open MPPS test");
        open.setId("row-chooser-open");
        open.setDefaultButton(true);
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());

        Runnable pick = () -> {
            WorklistItem row = list.getSelectionModel().getSelectedItem();
            if (row != null) {
                stage.close();
                chosen.accept(row);
            }
        };
        open.setOnAction(e -> pick.run());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                pick.run();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                pick.run();
            }
        });

        Label intro = new Label("Today's worklist. Choose the row a scanner starts:");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, open);
        VBox root = new VBox(12, intro, list, buttons);
        root.getStyleClass().add("mpps-dialog");

        Scene scene = new Scene(root, 720, 420);
        scene.getStylesheets().add(Console.STYLESHEET);
        stage.setScene(scene);
        // The first row still waiting for its scanner, else the first row.
        rows.stream().filter(r -> r.status() == ProcedureStepStatus.SCHEDULED).findFirst()
                .ifPresentOrElse(r -> list.getSelectionModel().select(r),
                        () -> list.getSelectionModel().selectFirst());
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        stage.show();
        list.requestFocus();
        return stage;
    }
}
