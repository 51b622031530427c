package org.lantir.ui.server;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.lantir.ui.ConsoleView;

/**
 * The Server screen: the listener's state and address with Start and Stop, the requests
 * handled and refused, and the associations open now.
 */
public final class ServerView implements ConsoleView {

    private static final String LISTENING_CLASS = "server-listening";
    private static final String STOPPED_CLASS = "server-stopped";

    private final ServerViewModel model;
    private final VBox root = new VBox();
    private final Button start = new Button("St_art");
    private final Button stop = new Button("Sto_p");
    private final TableView<ServerViewModel.AssociationRow> table = new TableView<>();
    private final Timeline ticker;

    public ServerView(ServerViewModel model) {
        this.model = model;
        Label title = new Label("DICOM server");
        title.getStyleClass().add("screen-title");
        root.getChildren().addAll(title, stateLine(), problemLine(), endpoint(), counters(),
                associationsTitle(), associationsTable());
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getStyleClass().addAll("screen", "server-screen");

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refresh()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    @Override
    public String title() {
        return "Ser_ver";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        model.refresh();
        (start.isDisabled() ? stop : start).requestFocus();
    }

    @Override
    public void close() {
        ticker.stop();
        model.close();
    }

    private HBox stateLine() {
        Label state = new Label();
        state.setId("server-state");
        state.textProperty().bind(model.stateProperty());
        state.getStyleClass().add("status-pill");
        model.listeningProperty().addListener((o, was, now) -> pill(state, now));
        pill(state, model.listeningProperty().get());

        start.setId("server-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.listeningProperty().or(model.busyProperty()));
        start.setOnAction(e -> model.start());
        stop.setId("server-stop");
        stop.getStyleClass().add(Styles.BUTTON_OUTLINED);
        stop.disableProperty().bind(model.listeningProperty().not().or(model.busyProperty()));
        stop.setOnAction(e -> model.stop());

        HBox line = new HBox(12, state, start, stop);
        line.getStyleClass().add("server-state-line");
        return line;
    }

    /** Coloured and worded: the pill's text says Listening or Stopped. */
    private static void pill(Label state, boolean listening) {
        state.getStyleClass().removeAll(LISTENING_CLASS, STOPPED_CLASS);
        state.getStyleClass().add(listening ? LISTENING_CLASS : STOPPED_CLASS);
    }

    private Label problemLine() {
        Label problem = new Label();
        problem.setId("server-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private GridPane endpoint() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("server-endpoint");
        addField(grid, 0, "AE title", "server-ae-title", model.aeTitleProperty());
        addField(grid, 1, "Address", "server-address", model.bindAddressProperty());
        addField(grid, 2, "Port", "server-port", model.portProperty());
        return grid;
    }

    private static void addField(GridPane grid, int row, String name, String id,
            ObservableValue<String> value) {
        Label label = new Label(name);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label();
        text.setId(id);
        text.textProperty().bind(value);
        text.getStyleClass().add(Styles.TEXT_BOLD);
        grid.addRow(row, label, text);
    }

    private VBox counters() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("server-counters");
        grid.addRow(0, new Label(), header("Handled"), header("Refused"));
        int row = 1;
        for (ServerViewModel.Counter counter : model.requestCounters()) {
            grid.addRow(row++, new Label(counter.command() + " (" + counter.meaning() + ")"),
                    count("count-" + counter.id() + "-handled", counter.handledProperty()),
                    count("count-" + counter.id() + "-refused", counter.refusedProperty()));
        }
        grid.addRow(row, new Label("Associations (accepted / rejected)"),
                count("count-associations-accepted", model.associationsAcceptedProperty()),
                count("count-associations-rejected", model.associationsRejectedProperty()));
        for (int i = 0; i < 3; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHalignment(i == 0 ? HPos.LEFT : HPos.RIGHT);
            column.setMinWidth(i == 0 ? 280 : 90);
            grid.getColumnConstraints().add(column);
        }
        Label since = new Label();
        since.setId("server-counting-since");
        since.textProperty().bind(model.countingSinceProperty());
        since.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, sectionTitle("Requests"), grid, since);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label count(String id, ReadOnlyLongProperty value) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(value.asString());
        label.getStyleClass().add("server-count");
        return label;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private Label associationsTitle() {
        Label label = sectionTitle("Open associations");
        label.setLabelFor(table);
        return label;
    }

    private TableView<ServerViewModel.AssociationRow> associationsTable() {
        table.setId("server-associations");
        table.setItems(model.associations());
        table.getColumns().add(column("Calling AE title", 180,
                ServerViewModel.AssociationRow::callingAeTitle));
        table.getColumns().add(column("Remote address", 200,
                ServerViewModel.AssociationRow::remoteAddress));
        table.getColumns().add(column("Since", 100, ServerViewModel.AssociationRow::since));
        TableColumn<ServerViewModel.AssociationRow, String> openFor =
                new TableColumn<>("Open for");
        openFor.setPrefWidth(100);
        openFor.setCellValueFactory(cell -> cell.getValue().openForProperty());
        table.getColumns().add(openFor);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No association is open."));
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        return table;
    }

    private static TableColumn<ServerViewModel.AssociationRow, String> column(String title,
            double width,
            Function<ServerViewModel.AssociationRow, String> value) {
        TableColumn<ServerViewModel.AssociationRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell ->
                new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        return column;
    }
}
