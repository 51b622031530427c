package org.lantir.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.FirstStart;
import org.lantir.app.Lantir;
import org.lantir.app.ServerOverrides;
import org.lantir.app.ThisComputer;
import org.lantir.config.ConfigLoader;
import org.lantir.config.ServerSettings;
import org.lantir.ui.DirectExecutorService;
import org.lantir.ui.UiThreads;

/**
 * The welcome panel's model over a real Lantir (its server not started): the facts it shows,
 * and opening an existing pylantir file, which is copied in and applied.
 */
class WelcomeModelTest {

    @TempDir
    Path dir;
    private Path data;
    private Lantir lantir;
    private FirstStart.Report report;
    private final AtomicInteger imported = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        report = FirstStart.create(data, null, "127.0.0.1", 11112);
        lantir = Lantir.open(ConfigLoader.load(report.configFile()), report.databaseFile());
    }

    @AfterEach
    void close() {
        lantir.close();
    }

    private WelcomeModel model() {
        WelcomeModel model = new WelcomeModel(lantir, report.configFile(),
                report.databaseFile(), data, report,
                new UiThreads(Runnable::run, new DirectExecutorService()),
                () -> new ThisComputer("scanroom-pc", List.of("192.0.2.10")));
        model.setOnImported(imported::incrementAndGet);
        model.refresh();
        return model;
    }

    @Test
    void showsTheFilesAndWhatToTypeOnAScanner() {
        WelcomeModel model = model();

        assertThat(model.configFileProperty().get()).isEqualTo(report.configFile().toString());
        assertThat(model.databaseFileProperty().get())
                .isEqualTo(report.databaseFile().toString());
        assertThat(model.logFolderProperty().get()).isEqualTo(data.resolve("logs").toString());
        assertThat(model.hostNameProperty().get()).isEqualTo("scanroom-pc");
        assertThat(model.addressesProperty().get()).isEqualTo("192.0.2.10");
        assertThat(model.aeTitleProperty().get()).isEqualTo("MWL_SERVER");
        assertThat(model.portProperty().get()).isEqualTo("11112 (not listening)");
        assertThat(model.portNoteProperty().get()).startsWith("The worklist server is not "
                + "listening");
        assertThat(model.reachNoteProperty().get()).contains("Any scanner");
    }

    @Test
    void anExistingPylantirFileIsCopiedInAppliedAndTheOriginalLeftAsItIs() throws Exception {
        Path original = Files.createDirectories(dir.resolve("pylantir")).resolve("config.json");
        String text = """
                {"_comment": "3T scanner", "db_path": "%s", "allowed_aet": ["MRI_3T"],
                 "data_sources": [],
                 "lantir": {"server": {"ae_title": "PYLANTIR_WL", "bind_address": "127.0.0.1",
                                       "port": 11113}}}
                """.formatted(report.databaseFile());
        Files.writeString(original, text);
        WelcomeModel model = model();

        model.importConfig(original);

        assertThat(model.importFailedProperty().get()).as(model.importStatusProperty().get())
                .isFalse();
        assertThat(model.importStatusProperty().get()).contains("Copied " + original)
                .contains("original is unchanged");
        assertThat(Files.readString(report.configFile())).isEqualTo(text);
        assertThat(Files.readString(original)).isEqualTo(text);
        assertThat(lantir.config().allowedAet()).containsExactly("MRI_3T");
        assertThat(model.aeTitleProperty().get()).isEqualTo("PYLANTIR_WL");
        assertThat(imported).hasValue(1);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aFileThatCannotBeUsedIsSaidAndNothingChanges() throws Exception {
        Path original = dir.resolve("notes.json");
        Files.writeString(original, "this is not JSON");
        String before = Files.readString(report.configFile());
        WelcomeModel model = model();

        model.importConfig(original);

        assertThat(model.importFailedProperty().get()).isTrue();
        assertThat(model.importStatusProperty().get()).startsWith("Not imported: ")
                .contains("notes.json");
        assertThat(Files.readString(report.configFile())).isEqualTo(before);
        assertThat(lantir.config().lantir().server().aeTitle()).isEqualTo("MWL_SERVER");
    }

    /**
     * The validation's case: a first start with {@code --ip 127.0.0.1} saved that address and
     * the free port it chose; a plain pylantir file (no lantir section) must not put the
     * server back on 0.0.0.0:4242. (The server is not started here: a regression must not
     * listen on every interface.)
     */
    @Test
    void aPylantirFileWithoutALantirSectionKeepsTheServerSettingsAndTheFlags() throws Exception {
        Path original = Files.createDirectories(dir.resolve("py")).resolve("config.json");
        String text = """
                {"db_path": "%s", "allowed_aet": ["MRI_3T"], "data_sources": []}
                """.formatted(report.databaseFile());
        Files.writeString(original, text);
        WelcomeModel model = model();
        model.setOverrides(new ServerOverrides(null, "127.0.0.1", null));

        model.importConfig(original);

        assertThat(model.importFailedProperty().get()).as(model.importStatusProperty().get())
                .isFalse();
        ServerSettings server = lantir.config().lantir().server();
        assertThat(server.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isEqualTo(11112);
        assertThat(lantir.config().allowedAet()).containsExactly("MRI_3T");
        ServerSettings saved = ConfigLoader.load(report.configFile()).lantir().server();
        assertThat(saved.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(saved.port()).isEqualTo(11112);
        assertThat(model.importStatusProperty().get())
                .contains("no lantir section").contains("127.0.0.1:11112")
                .contains("--ip 127.0.0.1 still apply");
    }

    @Test
    void theCommandLineFlagsStillApplyWhenTheFileHasItsOwnLantirSection() throws Exception {
        Path original = Files.createDirectories(dir.resolve("py")).resolve("config.json");
        Files.writeString(original, """
                {"db_path": "%s", "data_sources": [],
                 "lantir": {"server": {"ae_title": "PY_WL", "bind_address": "127.0.0.1",
                                       "port": 11113}}}
                """.formatted(report.databaseFile()));
        WelcomeModel model = model();
        model.setOverrides(new ServerOverrides("CLI_WL", null, 11114));

        model.importConfig(original);

        ServerSettings server = lantir.config().lantir().server();
        assertThat(server.aeTitle()).isEqualTo("CLI_WL");
        assertThat(server.port()).isEqualTo(11114);
        assertThat(model.importStatusProperty().get()).doesNotContain("no lantir section")
                .contains("--AEtitle CLI_WL --port 11114 still apply");
    }

    @Test
    void theIntroDoesNotSayTheServerRunsWhenItDoesNot() {
        WelcomeModel model = model();

        assertThat(model.introProperty().get()).doesNotContain("is running")
                .contains("is not listening");
    }

    @Test
    void anImportNamingAnotherDatabaseShowsTheOneStillInUse() throws Exception {
        Path original = Files.createDirectories(dir.resolve("py")).resolve("config.json");
        Path other = dir.resolve("py").resolve("site.db");
        Files.writeString(original, """
                {"db_path": "%s", "data_sources": []}
                """.formatted(other));
        WelcomeModel model = model();

        model.importConfig(original);

        assertThat(model.databaseFileProperty().get())
                .isEqualTo(report.databaseFile().toString());
        assertThat(model.introProperty().get()).contains(other.toString())
                .contains("until it is started again");
    }

    @Test
    void aFolderThatCouldNotBeOpenedIsSaidInThePanel() {
        WelcomeModel model = model();

        model.folderOpened(data, "no file manager was found (xdg-open is not installed)");

        assertThat(model.folderNoteProperty().get()).contains(data.toString())
                .contains("xdg-open is not installed");
        model.folderOpened(data, null);
        assertThat(model.folderNoteProperty().get()).isEmpty();
    }
}
