package org.lantir.ui;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lantir.app.BuildInfo;

/**
 * About Lantir (F1): the version and build date, the Java and JavaFX it runs on, its data
 * folder, and the license notices of Lantir and of every bundled library.
 */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner, Path dataDirectory) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Lantir");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content(dataDirectory));
        dialog.getDialogPane().setId("about-dialog");
        dialog.getDialogPane().getStylesheets().add(Console.STYLESHEET);
        dialog.setResizable(true);
        dialog.show();
    }

    private static VBox content(Path dataDirectory) {
        ImageView icon = new ImageView(AppIcon.render(64));
        Label name = new Label("Lantir");
        name.getStyleClass().add(Styles.TITLE_2);
        Label what = new Label("Modality Worklist and MPPS server for research scanners");
        what.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(16, icon, new VBox(4, name, what));

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        row = fact(facts, row, "Version", BuildInfo.version(), "about-version");
        row = fact(facts, row, "Built", BuildInfo.buildDate(), "about-build-date");
        row = fact(facts, row, "Java", System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")", "about-java");
        row = fact(facts, row, "JavaFX", System.getProperty("javafx.runtime.version",
                System.getProperty("javafx.version", "unknown")), "about-javafx");
        fact(facts, row, "Data folder", dataDirectory.toString(), "about-data-folder");

        Label noticesTitle = new Label("License notices");
        noticesTitle.getStyleClass().add(Styles.TITLE_4);
        TextArea notices = new TextArea(notices());
        notices.setEditable(false);
        // Wrapped: long notice lines would otherwise run off the dialog's right edge.
        notices.setWrapText(true);
        notices.setPrefRowCount(16);
        notices.setPrefColumnCount(72);
        notices.setId("about-notices");
        notices.getStyleClass().add("about-notices");
        VBox.setVgrow(notices, Priority.ALWAYS);

        VBox box = new VBox(12, header, facts, noticesTitle, notices);
        box.setPadding(new Insets(8));
        return box;
    }

    private static String notices() {
        return "Lantir\n" + BuildInfo.ownLicenseOrNotice().strip() + "\n\n"
                + BuildInfo.thirdPartyNotices().orElse("The license notices of the bundled "
                        + "libraries are made by the Maven build (mvnw package); this copy "
                        + "was not built that way.").strip() + "\n\n"
                + BuildInfo.javaRuntimeNotice() + "\n";
    }

    private static int fact(GridPane grid, int row, String name, String value, String id) {
        Label caption = new Label(name);
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value);
        text.setId(id);
        grid.addRow(row, caption, text);
        return row + 1;
    }
}
