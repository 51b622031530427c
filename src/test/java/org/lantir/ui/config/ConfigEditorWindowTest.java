package org.lantir.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.ui.ConsoleHarness;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The configuration screen in the real window: bad input refused, good input saved. */
class ConfigEditorWindowTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.start(dir);
        robot.clickOn("#nav-4");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#config-status")
                .startsWith("Read "));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void aPortOutOfRangeOrNotANumberIsRefusedAndSaveIsDisabled() throws Exception {
        String fileBefore = Files.readString(console.configFile());

        type("#config-port", "70000");

        assertThat(text("#config-problems")).contains("Port (lantir.server.port)")
                .contains("from 1 to 65535").contains("\"70000\"");
        assertThat(save().isDisabled()).isTrue();

        type("#config-port", "abc");

        assertThat(text("#config-problems")).contains("Port (lantir.server.port)")
                .contains("\"abc\"");
        assertThat(save().isDisabled()).isTrue();
        robot.clickOn("#config-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(console.configFile())).isEqualTo(fileBefore);
        assertThat(console.configFile().resolveSibling("lantir.json.bak")).doesNotExist();
    }

    @Test
    void aNewPortAndAeTitleAreSavedBackedUpAndServed() throws Exception {
        String fileBefore = Files.readString(console.configFile());
        int newPort = freePort();

        type("#config-port", Integer.toString(newPort));
        type("#config-ae-title", "NEW_SCP");
        assertThat(text("#config-problems")).isEmpty();
        assertThat(save().isDisabled()).isFalse();
        robot.clickOn("#config-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#config-status")
                .startsWith("Saved to"));

        LantirConfig onDisk = ConfigLoader.load(console.configFile());
        assertThat(onDisk.lantir().server().port()).isEqualTo(newPort);
        assertThat(onDisk.lantir().server().aeTitle()).isEqualTo("NEW_SCP");
        assertThat(onDisk.lantir().server().bindAddress()).isEqualTo(HOST);
        assertThat(Files.readString(console.configFile().resolveSibling("lantir.json.bak")))
                .isEqualTo(fileBefore);
        assertThat(text("#config-status")).contains("DICOM server restarted")
                .contains(Integer.toString(newPort)).contains("NEW_SCP");
        assertThat(console.port()).isEqualTo(newPort);
        try (ClientAssociation association = new DicomClient().connect(HOST, newPort,
                "ECHO_SCU", "NEW_SCP", DicomClient.contextsFor(UID.VERIFICATION))) {
            assertThat(association.echo().status()).isZero();
            association.release();
        }
        assertThat(save().isDisabled()).as("nothing left to save").isTrue();
    }

    @Test
    void withoutASourceTheTabSaysWhereEachKindIsAdded() throws Exception {
        robot.clickOn("Data sources");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#config-no-source")).contains("REDCap or Calpendo source on the left")
                .contains("CSV or DICOM worklist files").contains("JSON tab");
    }

    @Test
    void aNewCalpendoSourceAsksForItsResourcesAndIsSavedWithThem() throws Exception {
        // The harness's port 0 (any free port) is no port a person could type.
        type("#config-port", Integer.toString(freePort()));
        robot.clickOn("Data sources");
        robot.clickOn("#config-add-calpendo");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#config-problems"))
                .startsWith("Resources (data_sources[0].config.resources): expected at least one "
                        + "Calpendo resource");
        assertThat(save().isDisabled()).isTrue();
        assertThat(robot.lookup("#config-calpendo-timezone").queryAs(TextField.class).getText())
                .isEqualTo("America/Edmonton");

        // No address and not enabled: the source is saved, never reached.
        robot.clickOn("#config-source-enabled");
        TextArea resources = robot.lookup("#config-calpendo-resources").queryAs(TextArea.class);
        robot.interact(resources::requestFocus);
        robot.write("3T Diagnostic").type(KeyCode.ENTER).write("EEG Lab");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#config-problems")).isEmpty();
        assertThat(save().isDisabled()).isFalse();
        robot.clickOn("#config-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#config-status")
                .startsWith("Saved to"));

        DataSourceConfig saved = ConfigLoader.load(console.configFile()).dataSources().get(0);
        assertThat(saved.type()).isEqualTo("calpendo");
        assertThat(saved.enabled()).isFalse();
        assertThat(saved.settings()).containsEntry("resources", List.of("3T Diagnostic",
                "EEG Lab")).containsEntry("timezone", "America/Edmonton");
    }

    @Test
    void emptyMappingTablesSayWhatTheSyncReadsInstead() throws Exception {
        robot.clickOn("Data sources");
        robot.clickOn("#config-add-redcap");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> mapping = robot.lookup("#config-mapping").queryAs(TableView.class);

        assertThat(mapping.getItems()).isEmpty();
        assertThat(((Label) mapping.getPlaceholder()).getText())
                .startsWith("No lines: each worklist field is read from REDCap's usual field");
        robot.clickOn("#config-add-calpendo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#config-calpendo-mapping-empty")).startsWith("No lines: the booking "
                + "title gives patient ID and name");
        assertThat(text("#config-calpendo-modalities-empty"))
                .startsWith("No lines: bookings get modality OT");
    }

    private void type(String id, String text) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(id).queryAs(TextField.class).getText()).isEqualTo(text);
    }

    private Button save() {
        return robot.lookup("#config-save").queryAs(Button.class);
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
