package org.lantir.ui.sync;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.lantir.ui.ClippedTextCell;
import org.lantir.ui.ConsoleContext;
import org.lantir.ui.ConsoleView;

/**
 * The sync screen: a card per data source (state, last run, next run, Start / Stop /
 * Sync now) above the recent runs from the event log. Mnemonics avoid the navigation's
 * letters (S, V, Y, M, C, L), which stay reachable from every screen.
 */
public final class SyncView implements ConsoleView {

    /** Which runs the event log keeps, so the history's gaps are no surprise. */
    static final String HISTORY_NOTE = "Every run is recorded; runs in a row that changed "
            + "nothing, or failed for the same reason, share one entry.";

    private final SyncViewModel model;
    private final VBox root = new VBox();
    private final FlowPane cardPane = new FlowPane();
    private final Button syncAll = new Button("Sync _all now");
    private final TableView<HistoryRow> history = new TableView<>();
    private final Timeline ticker;

    public SyncView(SyncViewModel model) {
        this.model = model;
        root.getStyleClass().addAll("screen", "sync-screen");
        root.setId("sync-screen");
        root.getChildren().addAll(header(), message(), body());

        model.cards().addListener((ListChangeListener<SourceCardModel>) change -> showCards());
        showCards();
        // The countdown moves every second; statuses are read again with it (no I/O).
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            model.tick();
            model.refresh();
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        model.start();
    }

    /** The screen over the console's running Lantir. */
    public static SyncView create(ConsoleContext context) {
        return new SyncView(SyncViewModel.forLantir(context.lantir(), context.threads(),
                context.clock()));
    }

    @Override
    public String title() {
        return "S_ync";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        model.refresh();
        model.loadHistory();
        syncAll.requestFocus();
    }

    @Override
    public void close() {
        ticker.stop();
        model.close();
    }

    private Node header() {
        Label title = new Label("Data sources");
        title.getStyleClass().add("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        syncAll.setId("sync-all-now");
        syncAll.getStyleClass().add(Styles.ACCENT);
        syncAll.setMnemonicParsing(true);
        syncAll.setTooltip(new Tooltip("Run every scheduled source now (Alt+A)"));
        syncAll.setOnAction(e -> model.syncAllNow());
        HBox header = new HBox(12, title, spacer, syncAll);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node message() {
        Label message = new Label();
        message.setId("sync-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private Node body() {
        cardPane.setId("sync-cards");
        cardPane.getStyleClass().add("sync-cards");
        cardPane.setHgap(12);
        cardPane.setVgap(12);
        ScrollPane cards = new ScrollPane(cardPane);
        cards.setFitToWidth(true);
        cards.getStyleClass().add("sync-cards-scroll");

        SplitPane split = new SplitPane(cards, historyPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    private void showCards() {
        cardPane.getChildren().setAll(model.cards().stream().map(this::card).toList());
        if (model.cards().isEmpty()) {
            Label none = new Label("No data sources are configured. Add one in Configuration.");
            none.setId("sync-no-sources");
            cardPane.getChildren().add(none);
        }
    }

    private Node card(SourceCardModel card) {
        String id = idOf(card.name());

        Label name = new Label(card.name());
        name.getStyleClass().addAll(Styles.TITLE_4, "sync-card-name");
        Label type = new Label();
        type.textProperty().bind(card.typeProperty());
        type.getStyleClass().add(Styles.TEXT_MUTED);
        HBox top = new HBox(8, name, type);
        top.setAlignment(Pos.BASELINE_LEFT);

        // On a line of its own: "Retrying after 3 failed scheduled runs" is as wide as a card.
        Label state = new Label();
        state.setId("sync-state-" + id);
        state.textProperty().bind(card.stateTextProperty());
        state.getStyleClass().add("status-pill");
        state.setWrapText(true);
        Tooltip detail = new Tooltip();
        detail.setWrapText(true);
        detail.setMaxWidth(400);
        detail.textProperty().bind(card.stateDetailProperty());
        card.stateDetailProperty().addListener((observable, old, now) ->
                state.setTooltip(now.isEmpty() ? null : detail));
        state.setTooltip(card.stateDetailProperty().get().isEmpty() ? null : detail);
        styleState(state, card);
        card.stateProperty().addListener((observable, old, now) -> styleState(state, card));

        Label schedule = new Label();
        schedule.textProperty().bind(Bindings.concat("Runs ", card.scheduleProperty()));
        schedule.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("sync-card-facts");
        facts.setHgap(12);
        facts.setVgap(4);
        addFact(facts, 0, "Last run", card.lastRunProperty(), "sync-last-run-" + id,
                "No run since Lantir started");
        addFact(facts, 1, "Result", card.resultProperty(), "sync-result-" + id, "");
        addFact(facts, 2, "Rows", card.countsProperty(), "sync-counts-" + id, "");
        addFact(facts, 3, "Next run", card.nextRunProperty(), "sync-next-" + id, "");

        Label error = new Label();
        error.setId("sync-error-" + id);
        error.textProperty().bind(card.errorProperty());
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.visibleProperty().bind(card.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox box = new VBox(8, top, state, schedule, facts, error, buttons(card, id));
        box.setId("sync-card-" + id);
        box.getStyleClass().add("sync-card");
        return box;
    }

    private Node buttons(SourceCardModel card, String id) {
        Button start = new Button("S_tart");
        Button stop = new Button("Sto_p");
        Button now = new Button("Sync _now");
        start.setId("sync-start-" + id);
        stop.setId("sync-stop-" + id);
        now.setId("sync-now-" + id);
        start.setTooltip(new Tooltip("Start this source's schedule again"));
        stop.setTooltip(new Tooltip("Stop this source's schedule; Sync now still runs it"));
        now.setTooltip(new Tooltip("Run this source now, whatever its schedule"));
        for (Button button : new Button[] {start, stop, now}) {
            button.setMnemonicParsing(true);
            button.getStyleClass().add(Styles.BUTTON_OUTLINED);
        }
        start.disableProperty().bind(card.canStartProperty().not());
        stop.disableProperty().bind(card.canStopProperty().not());
        now.disableProperty().bind(card.canSyncNowProperty().not());
        // The pressed button turns disabled: its partner takes the focus once enabled.
        start.setOnAction(e -> {
            model.startSchedule(card);
            focusWhenEnabled(stop);
        });
        stop.setOnAction(e -> {
            model.stopSchedule(card);
            focusWhenEnabled(start);
        });
        now.setOnAction(e -> model.syncNow(card));

        HBox buttons = new HBox(8, start, stop, now);
        buttons.visibleProperty().bind(card.actionableProperty());
        buttons.managedProperty().bind(buttons.visibleProperty());

        Label disabled = new Label("Disabled in the configuration: it does not sync. "
                + "Enable it in Configuration.");
        disabled.setWrapText(true);
        disabled.getStyleClass().add(Styles.TEXT_MUTED);
        disabled.visibleProperty().bind(card.enabledProperty().not());
        disabled.managedProperty().bind(disabled.visibleProperty());
        return new VBox(buttons, disabled);
    }

    private static void focusWhenEnabled(Button button) {
        if (!button.isDisabled()) {
            button.requestFocus();
            return;
        }
        button.disabledProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean was,
                    Boolean disabled) {
                observable.removeListener(this);
                if (!disabled) {
                    button.requestFocus();
                }
            }
        });
    }

    private static void addFact(GridPane facts, int row, String label,
            ObservableValue<String> value, String id, String whenEmpty) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(
                () -> value.getValue().isEmpty() ? whenEmpty : value.getValue(), value));
        facts.addRow(row, name, text);
    }

    private static void styleState(Label state, SourceCardModel card) {
        for (SourceState each : SourceState.values()) {
            state.getStyleClass().remove(each.styleClass());
        }
        state.getStyleClass().add(card.stateProperty().get().styleClass());
    }

    private Node historyPane() {
        Label title = new Label("Recent runs");
        title.getStyleClass().add(Styles.TITLE_4);
        // What SourceRunner writes to the event log: an incremental run that changed and
        // skipped nothing is left out, so that a run every minute does not bury the rest.
        Label note = new Label(HISTORY_NOTE);
        note.setId("sync-history-note");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("_Refresh");
        refresh.setId("sync-history-refresh");
        refresh.setMnemonicParsing(true);
        refresh.getStyleClass().add(Styles.BUTTON_OUTLINED);
        refresh.setOnAction(e -> model.loadHistory());
        HBox top = new HBox(12, title, note, spacer, refresh);
        top.setAlignment(Pos.BASELINE_LEFT);

        history.setId("sync-history");
        history.getStyleClass().add(Styles.STRIPED);
        history.setItems(model.history());
        history.setPlaceholder(new Label("No runs recorded yet"));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Widths for 1280x800 (about 1066 pixels): the outcome whole, the counts in words
        // (only those that are not zero) so that the error keeps a third of the width.
        history.getColumns().setAll(List.of(
                column("Source", HistoryRow::source, 125),
                // Lines from older versions know only when the run ended.
                column("Started", row -> row.started().isEmpty()
                        ? "ended " + row.ended() : row.started(), 165),
                column("Took", HistoryRow::duration, 75),
                column("Outcome", HistoryRow::outcome, 210),
                column("Rows", HistoryRow::changes, 190),
                column("Error", HistoryRow::error, 290)));
        VBox.setVgrow(history, Priority.ALWAYS);

        // A long error is cut in its cell: its tooltip and the line below show it whole.
        Label detail = new Label();
        detail.setId("sync-history-detail");
        detail.setWrapText(true);
        detail.getStyleClass().add("error-text");
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            HistoryRow row = history.getSelectionModel().getSelectedItem();
            return row == null || row.error().isEmpty() ? ""
                    : row.source() + ", " + row.ended() + ": " + row.error();
        }, history.getSelectionModel().selectedItemProperty()));
        detail.visibleProperty().bind(detail.textProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());

        VBox pane = new VBox(8, top, history, detail);
        pane.getStyleClass().add("sync-history-pane");
        return pane;
    }

    private static TableColumn<HistoryRow, String> column(String title,
            Function<HistoryRow, String> value, double width) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                value.apply(cell.getValue())));
        column.setCellFactory(c -> ClippedTextCell.ofStrings());
        column.setPrefWidth(width);
        return column;
    }

    /** A source name as a node id lookups can use: letters, digits, '-' and '_' only. */
    static String idOf(String sourceName) {
        return sourceName.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
