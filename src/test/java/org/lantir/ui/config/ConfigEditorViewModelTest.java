package org.lantir.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.ApplyResult;
import org.lantir.app.ApplyResult.Change;
import org.lantir.config.CloseAction;
import org.lantir.config.ConfigLoader;
import org.lantir.config.ConfigSecrets;
import org.lantir.config.ConfigStore;
import org.lantir.config.LantirConfig;
import org.lantir.sync.LogCapture;
import org.lantir.ui.DirectExecutorService;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.ProcedureStepStatus;

/** The editor's model on direct executors: form, JSON, checks, secrets, save and apply. */
class ConfigEditorViewModelTest {

    private static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";

    private static final String FILE = """
            {
                "db_path": "worklist.db",
                "allowed_aet": ["MRI_3T"],
                "data_sources": [
                    {"name": "cpip", "type": "redcap", "sync_interval": 120,
                     "operation_interval": {"start_time": [6, 0], "end_time": [22, 30]},
                     "config": {"api_url": "https://redcap.example.org/api/",
                                "api_token": "%s", "site_id": 792,
                                "repeat_instrument": "scan"},
                     "field_mapping": {"mri_date": "scheduled_start_date",
                                       "mri_time": "scheduled_start_time"}}
                ],
                "colour": "blue",
                "lantir": {"server": {"ae_title": "MWL_SERVER", "bind_address": "127.0.0.1",
                                      "port": 4242, "max_answers": 50}}
            }
            """.formatted(TOKEN);

    @TempDir
    Path dir;

    private Path file;
    private ConfigStore store;
    private final List<LantirConfig> applied = new CopyOnWriteArrayList<>();
    private ConfigEditorViewModel model;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("lantir.json");
        Files.writeString(file, FILE);
        store = new ConfigStore(file);
        model = new ConfigEditorViewModel(store, this::apply, directThreads(),
                LantirConfig.defaults());
        model.load();
    }

    @Test
    void theFormShowsTheFileAndAnUneditedFormIsTheFile() throws Exception {
        assertThat(model.aeTitle().value()).isEqualTo("MWL_SERVER");
        assertThat(model.port().value()).isEqualTo("4242");
        assertThat(model.bindAddress().value()).isEqualTo("127.0.0.1");
        assertThat(model.allowedAet().value()).isEqualTo("MRI_3T");
        assertThat(model.dbPath().value()).isEqualTo("worklist.db");
        assertThat(model.visibleStatus(ProcedureStepStatus.SCHEDULED).get()).isTrue();
        assertThat(model.visibleStatus(ProcedureStepStatus.COMPLETED).get()).isFalse();
        assertThat(model.closeActionProperty().get()).isEqualTo(CloseAction.STOP);
        SourceForm source = model.sources().get(0);
        assertThat(source.name().value()).isEqualTo("cpip");
        assertThat(source.syncInterval().value()).isEqualTo("120");
        assertThat(source.windowStart().value()).isEqualTo("06:00");
        assertThat(source.windowEnd().value()).isEqualTo("22:30");
        assertThat(source.siteId().value()).isEqualTo("792");
        assertThat(source.apiToken().value()).isEqualTo(TOKEN);
        assertThat(source.mapping()).extracting(MappingRow::redcapField)
                .containsExactly("mri_date", "mri_time");

        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.warnings()).singleElement().asString().contains("colour");
    }

    @Test
    void aFormEditSavedAndReadAgainKeepsEverythingElse() throws Exception {
        LantirConfig before = ConfigLoader.load(file);

        model.port().set("11112");
        model.sources().get(0).syncInterval().set("300");
        model.closeActionProperty().set(CloseAction.ASK);
        model.save();

        LantirConfig after = ConfigLoader.load(file);
        assertThat(after.lantir().server().port()).isEqualTo(11112);
        assertThat(after.dataSources().get(0).syncIntervalSeconds()).isEqualTo(300);
        assertThat(after.lantir().desktop().closeAction()).isEqualTo(CloseAction.ASK);
        assertThat(after.extras()).containsEntry("colour", "blue");
        assertThat(after.lantir().server().maxAnswers()).isEqualTo(50);
        assertThat(after.dataSources().get(0).settings())
                .containsEntry("site_id", 792).containsEntry("repeat_instrument", "scan")
                .containsEntry("api_token", TOKEN);
        assertThat(after.dataSources().get(0).fieldMapping())
                .isEqualTo(before.dataSources().get(0).fieldMapping());
        assertThat(after.dbPath()).isEqualTo(before.dbPath());
        assertThat(Files.readString(file)).contains("\"close_action\": \"ask\"");
    }

    @Test
    void aBadPortIsRefusedNamingTheField() {
        model.port().set("70000");

        assertThat(model.port().error())
                .isEqualTo("expected a whole number from 1 to 65535, found \"70000\"");
        assertThat(model.problems()).containsExactly("Port (lantir.server.port): expected a "
                + "whole number from 1 to 65535, found \"70000\"");
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();

        model.port().set("abc");
        assertThat(model.problems()).singleElement().asString()
                .startsWith("Port (lantir.server.port)").contains("found \"abc\"");

        model.port().set("11112");
        assertThat(model.problems()).isEmpty();
        assertThat(model.port().error()).isEmpty();
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void everyFormCheckNamesItsFieldAndPath() {
        model.aeTitle().set("MUCH_TOO_LONG_AE_TITLE");
        model.bindAddress().set("300.1.1.1");
        model.allowedAet().set("MRI_3T, BAD\\AE");
        model.visibleStatus(ProcedureStepStatus.SCHEDULED).set(false);
        model.visibleStatus(ProcedureStepStatus.IN_PROGRESS).set(false);
        SourceForm source = model.sources().get(0);
        source.syncInterval().set("0");
        source.windowEnd().set("25:00");
        source.apiUrl().set("ftp://redcap.example.org");
        source.mapping().get(0).worklistFieldProperty().set("favourite_colour");

        assertThat(model.problems()).hasSize(8)
                .anySatisfy(p -> assertThat(p).startsWith("AE title (lantir.server.ae_title)"))
                .anySatisfy(p -> assertThat(p).startsWith(
                        "Bind address (lantir.server.bind_address)"))
                .anySatisfy(p -> assertThat(p).startsWith(
                        "Allowed calling AE titles (allowed_aet): title 2"))
                .anySatisfy(p -> assertThat(p).startsWith(
                        "Visible statuses (lantir.server.visible_statuses)"))
                .anySatisfy(p -> assertThat(p).contains("(data_sources[0].sync_interval)")
                        .contains("from 1 to 86400"))
                .anySatisfy(p -> assertThat(p).contains(
                        "(data_sources[0].operation_interval.end_time)"))
                .anySatisfy(p -> assertThat(p).contains("(data_sources[0].config.api_url)"))
                .anySatisfy(p -> assertThat(p).contains("(data_sources[0].field_mapping)")
                        .contains("favourite_colour"));
        assertThat(model.statusesErrorProperty().get()).isNotEmpty();
        assertThat(source.mappingErrorProperty().get()).contains("not a worklist field");
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void addressesOfEveryKindPassTheBindAddressCheck() {
        for (String ok : List.of("0.0.0.0", "127.0.0.1", "::", "::1", "fe80::1%eth0",
                "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1", "localhost", "scp.example.org")) {
            assertThat(FormChecks.bindAddress(ok)).as(ok).isNull();
        }
        for (String bad : List.of("", "1.2.3", "256.1.1.1", "1:2:3:4:5:6:7:8:9", "::1::",
                "fe80::1%", "[::1]", "-host", "host_name", "10.0.0.1/24")) {
            assertThat(FormChecks.bindAddress(bad)).as(bad).startsWith("expected an IPv4");
        }
    }

    @Test
    void theJsonEditsWhatTheFormDoesNotShowAndUpdatesTheForm() throws Exception {
        String edited = model.rawJsonProperty().get()
                .replace("\"max_answers\": 50", "\"max_answers\": 20")
                .replace("\"ae_title\": \"MWL_SERVER\"", "\"ae_title\": \"JSON_AE\"");

        model.editRawJson(edited);

        assertThat(model.aeTitle().value()).isEqualTo("JSON_AE");
        assertThat(model.problems()).isEmpty();
        model.save();
        LantirConfig saved = ConfigLoader.load(file);
        assertThat(saved.lantir().server().maxAnswers()).isEqualTo(20);
        assertThat(saved.lantir().server().aeTitle()).isEqualTo("JSON_AE");
        assertThat(saved.dataSources().get(0).setting("api_token")).isEqualTo(TOKEN);
    }

    @Test
    void badJsonIsNamedByPathAndHoldsTheForm() {
        model.editRawJson(model.rawJsonProperty().get()
                .replace("\"sync_interval\": 120", "\"sync_interval\": \"2m\""));

        assertThat(model.problems()).singleElement().asString()
                .startsWith("JSON (data_sources[0].sync_interval): expected a whole number");
        assertThat(model.rawValidProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();

        model.editRawJson("{\"db_path\": ");
        assertThat(model.problems()).singleElement().asString()
                .startsWith("JSON (the whole file): not valid JSON at line 1");
    }

    @Test
    void credentialsStayOutOfTheJsonTheMessagesAndTheLog() {
        SourceForm source = model.sources().get(0);
        String shown;
        try (LogCapture log = new LogCapture()) {
            model.load();
            source = model.sources().get(0);
            source.apiToken().set(TOKEN.toLowerCase());
            source.name().set("");
            source.name().set("cpip");
            model.save();
            shown = model.rawJsonProperty().get();
            assertThat(log.allText()).doesNotContain(TOKEN).doesNotContain(TOKEN.toLowerCase());
        }

        assertThat(source.apiToken().isSecret()).isTrue();
        assertThat(source.password().isSecret()).isTrue();
        assertThat(source.apiUrl().isSecret()).isFalse();
        assertThat(model.revealSecretsProperty().get()).isFalse();
        assertThat(shown).doesNotContain(TOKEN.toLowerCase())
                .contains("\"api_token\": \"" + ConfigSecrets.MASK + "\"");
        assertThat(String.join("\n", model.problems()) + model.statusProperty().get()
                + source + source.apiToken()).doesNotContain(TOKEN.toLowerCase());
        assertThat(applied).singleElement().satisfies(config -> assertThat(config
                .dataSources().get(0).setting("api_token")).isEqualTo(TOKEN.toLowerCase()));
    }

    @Test
    void savingWritesTheFileKeepsOneBackupAndApplies() throws Exception {
        model.port().set("11112");
        model.save();

        assertThat(ConfigLoader.load(file).lantir().server().port()).isEqualTo(11112);
        assertThat(Files.readString(store.backupFile())).isEqualTo(FILE);
        assertThat(applied).singleElement().satisfies(config ->
                assertThat(config.lantir().server().port()).isEqualTo(11112));
        assertThat(model.statusProperty().get()).contains("Saved to " + file)
                .contains("lantir.json.bak").contains("DICOM server restarted on port 11112.");
        assertThat(model.lastResultProperty().get().server()).isEqualTo(Change.RESTARTED);
        assertThat(model.statusIsProblemProperty().get()).isFalse();
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();

        String firstSave = Files.readString(file);
        model.port().set("11113");
        model.save();

        assertThat(Files.readString(store.backupFile())).isEqualTo(firstSave);
        assertThat(applied).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("lantir.json", "lantir.json.bak");
        }
    }

    @Test
    void whatCouldNotBeAppliedIsToldAsAProblem() {
        ConfigEditorViewModel failing = new ConfigEditorViewModel(store,
                config -> new ApplyResult(Change.FAILED, Change.UNCHANGED, false, List.of(),
                        List.of(), List.of("The DICOM server is stopped: port 104 on "
                                + "127.0.0.1 is already in use.")),
                directThreads(), LantirConfig.defaults());
        failing.load();
        failing.port().set("104");

        failing.save();

        assertThat(failing.statusProperty().get()).contains("Saved to")
                .endsWith("port 104 on 127.0.0.1 is already in use.");
        assertThat(failing.statusIsProblemProperty().get()).isTrue();
        assertThat(failing.dirtyProperty().get()).as("the file holds it").isFalse();
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedAndNothingIsApplied() throws Exception {
        Files.delete(file);
        Files.createDirectory(file);
        model.port().set("11112");

        model.save();

        assertThat(model.statusProperty().get()).startsWith("The file was not saved");
        assertThat(model.statusIsProblemProperty().get()).isTrue();
        assertThat(applied).isEmpty();
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void sourcesAreAddedWithFreshNamesAndRemoved() {
        SourceForm second = model.addSource(SourceForm.REDCAP);
        SourceForm third = model.addSource(SourceForm.REDCAP);
        SourceForm calpendo = model.addSource(SourceForm.CALPENDO);

        assertThat(second.name().value()).isEqualTo("redcap");
        assertThat(third.name().value()).isEqualTo("redcap_2");
        assertThat(calpendo.name().value()).isEqualTo("calpendo");
        assertThat(calpendo.password().path()).isEqualTo("data_sources[3].config.password");
        // A Calpendo source cannot do without resources: the form says so on that field.
        assertThat(model.problems()).singleElement().asString()
                .startsWith("Resources (data_sources[3].config.resources): expected at least "
                        + "one Calpendo resource");
        assertThat(calpendo.calpendo().resources().error()).contains("one per line");
        assertThat(model.canSaveProperty().get()).isFalse();

        calpendo.calpendo().resources().set("3T Diagnostic");

        assertThat(model.problems()).isEmpty();
        assertThat(calpendo.calpendo().resources().error()).isEmpty();
        assertThat(model.canSaveProperty().get()).isTrue();

        model.removeSource(model.sources().get(0));
        third.name().set("redcap");

        assertThat(calpendo.password().path()).isEqualTo("data_sources[2].config.password");
        assertThat(model.problems()).singleElement().asString()
                .contains("(data_sources[1].name)").contains("already used");
    }

    @Test
    void aMissingFileShowsTheRunningSettingsAndSavingCreatesIt() throws Exception {
        Files.delete(file);
        model.load();

        assertThat(model.statusProperty().get()).contains("no configuration file yet");
        assertThat(model.aeTitle().value()).isEqualTo("MWL_SERVER");
        assertThat(model.dirtyProperty().get()).isTrue();
        model.save();
        assertThat(ConfigLoader.load(file)).isEqualTo(LantirConfig.defaults());
        assertThat(store.backupFile()).doesNotExist();
    }

    private ApplyResult apply(LantirConfig config) {
        applied.add(config);
        return new ApplyResult(Change.RESTARTED, Change.UNCHANGED, false, List.of(),
                List.of("DICOM server restarted on port " + config.lantir().server().port()
                        + "."), List.of());
    }

    /** Both threads are the caller's: every step has happened when a call returns. */
    static UiThreads directThreads() {
        return new UiThreads(Runnable::run, new DirectExecutorService());
    }
}
