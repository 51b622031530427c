package org.lantir.ui.welcome;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.lantir.ui.AppIcon;
import org.lantir.ui.Focus;

/**
 * The welcome panel, laid over the console's screen: a card with the files, what to type on a
 * scanner, and the next steps. Escape or Close puts it away; Alt+G brings it back.
 */
public final class WelcomePanel {

    /** What the panel's buttons do outside it. */
    public interface Actions {

        void close();

        void openConfiguration();

        /** Opens the configuration editor on its data sources, ready to add one. */
        void addDataSource();

        /** Opens the folder in the file manager; a reason when it cannot, else null. */
        String openFolder(Path folder);
    }

    private static final double CARD_WIDTH = 860;

    private final WelcomeModel model;
    private final Actions actions;
    private final StackPane root = new StackPane();
    private final Button firstAction;

    public WelcomePanel(WelcomeModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        firstAction = button("Add a data source…", "welcome-add-source",
                actions::addDataSource);
        firstAction.getStyleClass().add(Styles.ACCENT);

        VBox card = new VBox(16, header(), note(model.portNoteProperty(), "welcome-port-note",
                Styles.WARNING), filesSection(), scannerSection(), nextSteps());
        card.getStyleClass().add("welcome-card");
        card.setMaxWidth(CARD_WIDTH);
        card.setMaxHeight(Region.USE_PREF_SIZE);

        ScrollPane scroll = new ScrollPane(new StackPane(card));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("welcome-scroll");
        root.getChildren().add(scroll);
        root.getStyleClass().add("welcome-overlay");
        root.setId("welcome-panel");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                actions.close();
                e.consume();
            }
        });
    }

    public Node root() {
        return root;
    }

    /** Reads the settings again and puts the focus on the first next step. */
    public void shown() {
        model.refresh();
        // After the screen underneath has taken the focus it asks for when shown.
        Platform.runLater(() -> Focus.soon(firstAction));
    }

    private Node header() {
        ImageView icon = new ImageView(AppIcon.render(40));
        Label title = new Label("Welcome to Lantir");
        title.getStyleClass().add("screen-title");
        Label intro = wrapped(model.introProperty());
        intro.setId("welcome-intro");
        VBox text = new VBox(4, title, intro);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = button("Close", "welcome-close", actions::close);
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setTooltip(new Tooltip("Put this panel away (Esc); Getting started (Alt+G) "
                + "brings it back"));
        HBox header = new HBox(14, icon, text, close);
        header.setAlignment(Pos.TOP_LEFT);
        return header;
    }

    private Node filesSection() {
        GridPane grid = grid();
        fileRow(grid, 0, "Configuration", model.configFileProperty(), "welcome-config-file",
                model::configFolder);
        fileRow(grid, 1, "Worklist database", model.databaseFileProperty(),
                "welcome-database-file", model::databaseFolder);
        fileRow(grid, 2, "Logs", model.logFolderProperty(), "welcome-log-folder",
                model::logFolder);
        return section("Your files", grid, note(model.folderNoteProperty(),
                "welcome-folder-note", Styles.WARNING));
    }

    private void fileRow(GridPane grid, int row, String name, ObservableStringValue path,
            String id, Supplier<Path> folder) {
        Label value = value(path, id);
        Button open = small("Open folder", id + "-open",
                () -> model.folderOpened(folder.get(), actions.openFolder(folder.get())));
        Button copy = small("Copy path", id + "-copy", () -> copy(path.get()));
        grid.addRow(row, caption(name), value, new HBox(6, open, copy));
    }

    private Node scannerSection() {
        GridPane grid = grid();
        copyRow(grid, 0, "Host name", model.hostNameProperty(), "welcome-host");
        copyRow(grid, 1, "IP addresses", model.addressesProperty(), "welcome-addresses");
        copyRow(grid, 2, "Port", model.portProperty(), "welcome-port");
        copyRow(grid, 3, "AE title", model.aeTitleProperty(), "welcome-ae-title");
        Label how = new Label("Enter these on the scanner for both Modality Worklist and MPPS "
                + "(the scanner's own AE title goes in allowed calling AE titles).");
        how.setWrapText(true);
        how.getStyleClass().add(Styles.TEXT_MUTED);
        VBox extra = new VBox(6, how, note(model.reachNoteProperty(), "welcome-reach-note",
                Styles.WARNING));
        return section("Point a scanner at this computer", grid, extra);
    }

    private void copyRow(GridPane grid, int row, String name, ObservableStringValue text,
            String id) {
        Button copy = small("Copy", id + "-copy", () -> copy(text.get()));
        grid.addRow(row, caption(name), value(text, id), copy);
    }

    private Node nextSteps() {
        Button configuration = button("Open the configuration", "welcome-open-config",
                actions::openConfiguration);
        Button existing = button("Open an existing pylantir config…", "welcome-import",
                this::chooseAndImport);
        existing.disableProperty().bind(model.busyProperty());
        FlowPane buttons = new FlowPane(8, 8, firstAction, configuration, existing);
        Label explain = new Label("An existing pylantir file is copied over the "
                + "configuration above (which is kept as " + model.backupFileName() + "); its "
                + "pylantir keys are taken as they are, and Lantir's own settings (server, "
                + "desktop) stay when it has no lantir section. The original is never "
                + "changed, so pylantir can go on using it.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        Label status = wrapped(model.importStatusProperty());
        status.setId("welcome-import-status");
        status.visibleProperty().bind(model.importStatusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        model.importFailedProperty().addListener((o, was, failed) -> {
            status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            status.getStyleClass().add(failed ? Styles.DANGER : Styles.SUCCESS);
        });
        return section("Next steps", buttons, new VBox(6, explain, status));
    }

    private void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an existing pylantir config");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("JSON configuration", "*.json"),
                new FileChooser.ExtensionFilter("Any file", "*"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.importConfig(chosen.toPath());
        }
    }

    // ---- small pieces ----

    private static VBox section(String title, Node body, Node after) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, heading, body);
        if (after != null) {
            box.getChildren().add(after);
        }
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        ColumnConstraints names = new ColumnConstraints(140);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        ColumnConstraints buttons = new ColumnConstraints();
        buttons.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(names, values, buttons);
        return grid;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label value(ObservableStringValue text, String id) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setId(id);
        label.getStyleClass().add("welcome-value");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label wrapped(ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        return label;
    }

    private static Label note(ObservableStringValue text, String id, String style) {
        Label label = wrapped(text);
        label.setId(id);
        label.getStyleClass().addAll("welcome-note", style);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Button small(String text, String id, Runnable action) {
        Button button = button(text, id, action);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        return button;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
