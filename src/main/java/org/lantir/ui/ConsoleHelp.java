package org.lantir.ui;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.lantir.app.ThisComputer;
import org.lantir.ui.config.ConfigEditorView;
import org.lantir.ui.welcome.WelcomeModel;
import org.lantir.ui.welcome.WelcomePanel;

/**
 * The console's help: "Getting started" (Alt+G, the welcome panel, shown by itself at the
 * first start) and "About Lantir" (F1), at the foot of the navigation.
 */
final class ConsoleHelp {

    private final Console console;
    private final Path dataDirectory;
    private final WelcomePanel welcome;
    private final int configurationIndex;

    private ConsoleHelp(Console console, ConsoleContext context, DesktopStartup startup,
            Function<Path, String> openFolder) {
        this.console = console;
        this.dataDirectory = startup.dataDirectory();
        this.configurationIndex = indexOfConfiguration(console);
        WelcomeModel model = new WelcomeModel(context.lantir(), context.configFile(),
                startup.defaultDatabase(), startup.dataDirectory(), startup.firstStart(),
                context.threads(), ThisComputer::inspect);
        model.setOverrides(startup.overrides());
        model.setOnImported(() -> configurationEditor().ifPresent(ConfigEditorView::reload));
        welcome = new WelcomePanel(model, new WelcomePanel.Actions() {
            @Override
            public void close() {
                console.hideOverlay();
            }

            @Override
            public void openConfiguration() {
                console.show(configurationIndex);
            }

            @Override
            public void addDataSource() {
                console.show(configurationIndex);
                configurationEditor().ifPresent(ConfigEditorView::startAddingSource);
            }

            @Override
            public String openFolder(Path folder) {
                return openFolder.apply(folder);
            }
        });
    }

    /** Adds the help entries to {@code console}'s navigation and F1 to its scene. */
    static ConsoleHelp install(Console console, ConsoleContext context, DesktopStartup startup,
            Function<Path, String> openFolder) {
        ConsoleHelp help = new ConsoleHelp(console, context, startup, openFolder);
        Button gettingStarted = new Button("_Getting started");
        gettingStarted.setId("nav-getting-started");
        gettingStarted.setTooltip(new Tooltip("Where the files are, what to type on a scanner, "
                + "next steps (Alt+G)"));
        gettingStarted.setOnAction(e -> help.showWelcome());
        Button about = new Button("About Lantir");
        about.setId("nav-about");
        about.setTooltip(new Tooltip("Version, build date and license notices (F1)"));
        about.setOnAction(e -> help.showAbout());
        for (Button button : new Button[] {gettingStarted, about}) {
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("navigation-footer");
        }
        console.addNavigationFooter(gettingStarted, about);
        console.root().sceneProperty().addListener((o, old, scene) -> help.addF1(scene));
        help.addF1(console.root().getScene());
        return help;
    }

    private void addF1(Scene scene) {
        if (scene != null) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showAbout);
        }
    }

    void showWelcome() {
        console.showOverlay(welcome.root());
        welcome.shown();
    }

    boolean isWelcomeShown() {
        return console.isOverlayShown(welcome.root());
    }

    void showAbout() {
        AboutDialog.show(console.root().getScene().getWindow(), dataDirectory);
    }

    private java.util.Optional<ConfigEditorView> configurationEditor() {
        return console.views().stream().filter(ConfigEditorView.class::isInstance)
                .map(ConfigEditorView.class::cast).findFirst();
    }

    private static int indexOfConfiguration(Console console) {
        for (int i = 0; i < console.views().size(); i++) {
            if (console.views().get(i) instanceof ConfigEditorView) {
                return i;
            }
        }
        throw new IllegalStateException("the console has no configuration screen");
    }
}
