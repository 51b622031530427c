package org.lantir.ui.log;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.lantir.app.RecentLog;
import org.lantir.ui.ConsoleView;
import org.slf4j.event.Level;

/**
 * The Log screen: the application's recent log lines in a table, newest at the bottom and
 * kept in sight until the user scrolls up, with a minimum-level filter.
 */
public final class LogView implements ConsoleView {

    /** Often enough to feel live, rarely enough to batch a burst into one table update. */
    private static final Duration POLL = Duration.millis(250);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** The table's scroll position (0 top, 1 bottom) that counts as showing the newest. */
    private static final double AT_END = 0.999;

    private final LogViewModel model;
    private final VBox root = new VBox();
    private final TableView<RecentLog.Line> table = new TableView<>();
    private final Timeline ticker;
    private final ZoneId zone;
    /** The user scrolled, pressed a key or a mouse button on the table; not yet judged. */
    private boolean userMoving;

    public LogView(LogViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        Label title = new Label("Log");
        title.getStyleClass().add("screen-title");
        root.getChildren().addAll(title, toolbar(), note(), table());
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getStyleClass().addAll("screen", "log-screen");

        // After the pulse in which the table learns of the new rows: scrolled before, the
        // table keeps its top row when its row count changes, and the newest goes out of sight.
        model.lines().addListener((ListChangeListener<RecentLog.Line>) change -> {
            if (model.followProperty().get()) {
                Platform.runLater(this::scrollToNewest);
            }
        });
        model.followProperty().addListener((o, was, now) -> {
            if (now) {
                Platform.runLater(this::scrollToNewest);
            }
        });
        ticker = new Timeline(new KeyFrame(POLL, e -> model.refresh()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    @Override
    public String title() {
        return "_Log";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        model.refresh();
        if (model.followProperty().get()) {
            scrollToNewest();
        }
        table.requestFocus();
    }

    @Override
    public void close() {
        ticker.stop();
    }

    private HBox toolbar() {
        ComboBox<Level> level = new ComboBox<>();
        level.setId("log-level");
        level.getItems().setAll(LogViewModel.LEVELS);
        level.valueProperty().bindBidirectional(model.levelProperty());
        Label levelLabel = new Label("L_evel");
        levelLabel.setMnemonicParsing(true);
        levelLabel.setLabelFor(level);

        CheckBox follow = new CheckBox("_Follow newest");
        follow.setId("log-follow");
        follow.selectedProperty().bindBidirectional(model.followProperty());

        Button clear = new Button("Clea_r");
        clear.setId("log-clear");
        clear.getStyleClass().add(Styles.BUTTON_OUTLINED);
        clear.setOnAction(e -> model.clear());

        Label summary = new Label();
        summary.setId("log-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        HBox bar = new HBox(12, levelLabel, level, follow, clear, spacer, summary);
        bar.getStyleClass().add("log-toolbar");
        return bar;
    }

    private Label note() {
        Label note = new Label();
        note.setId("log-note");
        note.textProperty().bind(model.noteProperty());
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private TableView<RecentLog.Line> table() {
        table.setId("log-table");
        table.setItems(model.lines());
        table.getColumns().add(column("Time", 110,
                line -> TIME.format(line.time().atZone(zone))));
        TableColumn<RecentLog.Line, String> level = column("Level", 80,
                line -> line.level().toString());
        level.setCellFactory(c -> new LevelCell());
        table.getColumns().add(level);
        table.getColumns().add(column("Logger", 170, RecentLog.Line::logger));
        TableColumn<RecentLog.Line, String> message = column("Message", 700,
                RecentLog.Line::message);
        message.setCellFactory(c -> new MessageCell());
        table.getColumns().add(message);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No log line at this level yet."));
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);

        // Following stops when the user moves away from the newest line, and starts again
        // when they come back to it; only their own scrolling, clicks and keys decide. From
        // the moment they act until the table has moved, no automatic scroll may undo it.
        table.addEventFilter(ScrollEvent.SCROLL, e -> userMoves(true));
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> userMoves(true));
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> userMoves(false));
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> userMoves(true));
        return table;
    }

    /** @param done the table has handled the event by the time a runLater runs */
    private void userMoves(boolean done) {
        userMoving = true;
        if (done) {
            Platform.runLater(this::followIfAtEnd);
        }
    }

    private void followIfAtEnd() {
        userMoving = false;
        boolean atEnd = newestInSight();
        model.followProperty().set(atEnd);
        if (atEnd) {
            // Lines that came while the user acted were not scrolled to.
            scrollToNewest();
        }
    }

    /**
     * Asked right after the user's event, before the table lays its rows out again: so the
     * scroll position says where they are, not the cells (which the next pulse moves).
     */
    private boolean newestInSight() {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        return !verticalScrollBarShown() || flow.getPosition() >= AT_END;
    }

    /** Hidden while every row fits: then the newest is always in sight. */
    private boolean verticalScrollBarShown() {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return bar.isVisible();
            }
        }
        return false;
    }

    private void scrollToNewest() {
        int size = table.getItems().size();
        if (size == 0 || userMoving) {
            return;
        }
        table.scrollTo(size - 1);
        // scrollTo aims to put the row at the top and is clamped at the end of the list, but
        // with rows not yet measured the clamp can stop a row short: end at the very bottom.
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(1.0);
        }
    }

    private static TableColumn<RecentLog.Line, String> column(String title, double width,
            Function<RecentLog.Line, String> value) {
        TableColumn<RecentLog.Line, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell ->
                new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        return column;
    }

    /** One line of the message; the whole of a long one in its tooltip. */
    private static final class MessageCell extends TableCell<RecentLog.Line, String> {

        private final Tooltip tooltip = new Tooltip();

        MessageCell() {
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(800);
        }

        @Override
        protected void updateItem(String message, boolean empty) {
            super.updateItem(message, empty);
            setText(empty ? null : message);
            tooltip.setText(empty || message == null ? "" : message);
            setTooltip(empty ? null : tooltip);
        }
    }

    /** The level in words on a colour of its own (never colour alone). */
    private static final class LevelCell extends TableCell<RecentLog.Line, String> {

        private final Label pill = new Label();

        LevelCell() {
            pill.getStyleClass().add("log-level");
        }

        @Override
        protected void updateItem(String level, boolean empty) {
            super.updateItem(level, empty);
            if (empty || level == null) {
                setGraphic(null);
                return;
            }
            pill.setText(level);
            pill.getStyleClass().removeIf(c -> c.startsWith("log-level-"));
            pill.getStyleClass().add("log-level-" + level.toLowerCase(Locale.ROOT));
            setGraphic(pill);
        }
    }
}
