package org.lantir.ui.mpps;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.converter.LocalDateStringConverter;
import org.lantir.scu.DicomModalitySimulator;
import org.lantir.scu.WorklistAnswer;
import org.lantir.ui.Console;
import org.lantir.ui.ConsoleContext;

/**
 * The worklist query test window: "what would scanner X see now?" A C-ECHO, then the worklist
 * C-FIND that a scanner calling with the given AE title would send, and the items it gets.
 */
public final class WorklistQueryDialog {

    private final WorklistQueryViewModel model;
    private final Stage stage = new Stage();

    private WorklistQueryDialog(WorklistQueryViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Worklist query test");
        Scene scene = new Scene(content(), 1000, 720);
        scene.getStylesheets().add(Console.STYLESHEET);
        stage.setScene(scene);
    }

    /** Opens the test aimed at the running server, for today. Returns the window, shown. */
    public static Stage show(ConsoleContext context, Window owner) {
        WorklistQueryViewModel model = new WorklistQueryViewModel(new DicomModalitySimulator(),
                context.threads(), TargetFields.ownServer(context.lantir()),
                LocalDate.now(context.clock()));
        WorklistQueryDialog dialog = new WorklistQueryDialog(model, owner);
        dialog.stage.show();
        return dialog.stage;
    }

    private VBox content() {
        Label intro = new Label("Sends a C-ECHO and the worklist query a scanner calling with "
                + "this AE title would send, and lists what it would get.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        VBox root = new VBox(intro, Forms.targetGrid(model.target(), "query"), keys(),
                buttons(), results(), table(), closeBar());
        root.getStyleClass().add("mpps-dialog");
        return root;
    }

    private Node keys() {
        GridPane grid = Forms.grid();
        Forms.field(grid, 0, "_Modality (empty: any)", "query-modality").textProperty()
                .bindBidirectional(model.modalityProperty());
        DatePicker date = new DatePicker();
        date.setId("query-date");
        date.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, null));
        date.setPromptText("YYYY-MM-DD");
        date.valueProperty().bindBidirectional(model.dateProperty());
        Label dateLabel = new Label("Da_te (empty: any)");
        dateLabel.setMnemonicParsing(true);
        dateLabel.setLabelFor(date);
        grid.addRow(1, dateLabel, date);
        return new VBox(6, Forms.sectionTitle("Query keys"), grid);
    }

    private HBox buttons() {
        Button query = new Button("_Query");
        query.setId("query-run");
        query.setDefaultButton(true);
        query.getStyleClass().add(Styles.ACCENT);
        query.disableProperty().bind(model.busyProperty());
        query.setOnAction(e -> model.query());
        Button echo = new Button("_Echo only");
        echo.setId("query-echo");
        echo.getStyleClass().add(Styles.BUTTON_OUTLINED);
        echo.disableProperty().bind(model.busyProperty());
        echo.setOnAction(e -> model.echo());
        return new HBox(8, query, echo);
    }

    private Node results() {
        Label echo = Forms.outcomeLabel(model.echoProperty(), model.outcomeProperty());
        echo.setId("query-echo-result");
        Label find = Forms.outcomeLabel(model.findProperty(), model.outcomeProperty());
        find.setId("query-find-result");
        return new VBox(4, echo, find);
    }

    private TableView<WorklistAnswer> table() {
        TableView<WorklistAnswer> table = new TableView<>(model.answers());
        table.setId("query-results");
        table.getColumns().setAll(List.of(
                column("Date", 105, a -> Texts.dicomDate(a.scheduledDate())),
                column("Time", 65, a -> Texts.dicomTime(a.scheduledTime())),
                column("Patient name", 190, WorklistAnswer::patientName),
                column("Patient ID", 110, WorklistAnswer::patientId),
                column("Procedure", 190, WorklistAnswer::requestedProcedureDescription),
                column("Modality", 85, WorklistAnswer::modality),
                column("Station", 100, WorklistAnswer::scheduledStationAeTitle),
                column("Status", 110, WorklistAnswer::spsStatus)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No worklist items to show."));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableColumn<WorklistAnswer, String> column(String title, double width,
            Function<WorklistAnswer, String> value) {
        TableColumn<WorklistAnswer, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 85));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(
                cell.getValue())));
        return column;
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
