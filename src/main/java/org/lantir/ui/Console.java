package org.lantir.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's frame: navigation on the left (Alt+letter or Ctrl+digit), the chosen screen in
 * the middle, the status bar at the bottom.
 */
public final class Console implements AutoCloseable {

    public static final String STYLESHEET =
            Objects.requireNonNull(Console.class.getResource("lantir.css")).toExternalForm();

    private static final int BRAND_ICON_SIZE = 32;

    private final List<ConsoleView> views;
    private final List<ToggleButton> buttons = new ArrayList<>();
    private final StackPane content = new StackPane();
    /** The screen, and above it a panel such as the welcome panel while one is shown. */
    private final StackPane layers = new StackPane(content);
    private final VBox navigation;
    private final StatusBar statusBar;
    private final BorderPane root = new BorderPane();

    public Console(ConsoleContext context, List<ConsoleView> views) {
        this.views = List.copyOf(views);
        this.statusBar = new StatusBar(new StatusBarModel(context.clock()));
        navigation = navigation();
        root.setLeft(navigation);
        root.setCenter(layers);
        root.setBottom(statusBar.root());
        root.getStyleClass().add("console");
        root.sceneProperty().addListener((observable, old, scene) -> addAccelerators(scene));
        show(0);
    }

    public Parent root() {
        return root;
    }

    /** Brings screen {@code index} (in navigation order) to the front. */
    public void show(int index) {
        ConsoleView view = views.get(index);
        hideOverlay();
        buttons.get(index).setSelected(true);
        content.getChildren().setAll(view.root());
        forgetRemovedMnemonics();
        view.shown();
    }

    /**
     * A control that leaves the scene takes its mnemonic away but leaves an empty entry for
     * its key, and the scene stops at the first entry whose key matches a keystroke: the
     * empty Alt+'A' of the schedule's "_Add row" would swallow Alt+A meant for the server's
     * "St_art". Dropping empty entries keeps each screen's mnemonics working.
     */
    private void forgetRemovedMnemonics() {
        Scene scene = root.getScene();
        if (scene != null) {
            scene.getMnemonics().values().removeIf(List::isEmpty);
        }
    }

    public List<ConsoleView> views() {
        return views;
    }

    /** Lays {@code panel} over the current screen until {@link #hideOverlay()} or a switch. */
    public void showOverlay(Node panel) {
        hideOverlay();
        layers.getChildren().add(panel);
        // Keeps Tab and the screen's mnemonics from reaching controls under the panel.
        content.setDisable(true);
    }

    public void hideOverlay() {
        layers.getChildren().retainAll(content);
        content.setDisable(false);
    }

    public boolean isOverlayShown(Node panel) {
        return layers.getChildren().contains(panel);
    }

    /** Adds entries below the screens' buttons, at the foot of the navigation. */
    public void addNavigationFooter(Node... entries) {
        navigation.getChildren().addAll(entries);
    }

    private VBox navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(brand());
        nav.getStyleClass().add("navigation");
        for (int i = 0; i < views.size(); i++) {
            ToggleButton button = new ToggleButton(views.get(i).title());
            button.setMnemonicParsing(true);
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setId("nav-" + i);
            int index = i;
            button.setOnAction(e -> show(index));
            buttons.add(button);
            nav.getChildren().add(button);
        }
        // A click on the selected button must not leave no screen selected.
        group.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        nav.getChildren().add(spacer);
        return nav;
    }

    private static HBox brand() {
        ImageView icon = new ImageView(AppIcon.render(BRAND_ICON_SIZE));
        Label name = new Label("Lantir");
        name.getStyleClass().add("brand-name");
        HBox brand = new HBox(icon, name);
        brand.getStyleClass().add("brand");
        return brand;
    }

    private void addAccelerators(Scene scene) {
        if (scene == null) {
            return;
        }
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < Math.min(views.size(), digits.length); i++) {
            int index = i;
            scene.getAccelerators().put(
                    new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> show(index));
        }
    }

    @Override
    public void close() {
        statusBar.close();
        views.forEach(ConsoleView::close);
    }
}
