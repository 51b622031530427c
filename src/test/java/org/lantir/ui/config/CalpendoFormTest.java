package org.lantir.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.ApplyResult;
import org.lantir.app.ApplyResult.Change;
import org.lantir.config.ConfigLoader;
import org.lantir.config.ConfigStore;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.sync.calpendo.CalpendoSource;

/**
 * The editor's Calpendo form on direct executors: what it shows, what it saves (and keeps),
 * and problems that name their field.
 */
class CalpendoFormTest {

    private static final String PASSWORD = "fictional-calpendo-pass";

    /** A Calpendo source with a key of every kind: shown, JSON only, unknown, comments. */
    private static final String FILE = """
            {
                "db_path": "worklist.db",
                "data_sources": [
                    {"name": "cpip", "type": "redcap",
                     "config": {"api_url": "https://redcap.example.org/api/", "site_id": 792}},
                    {"name": "scanner", "type": "calpendo", "sync_interval": 300,
                     "window_mode": "today",
                     "config": {
                        "base_url": "https://calpendo.example.org",
                        "username": "reader", "password": "%s",
                        "resources": ["3T Diagnostic", "EEG Lab"],
                        "status_filter": ["Approved", "Pending"],
                        "timezone": "America/Edmonton",
                        "lookback_multiplier": 2.5,
                        "lookahead_days": 3,
                        "resource_modality_mapping": {"3T": "MR", "EEG": "EEG"},
                        "allowed_studies": ["BRISK"],
                        "future_option": {"level": 2},
                        "field_mapping": {
                            "_comment": "titles are SUBJECT_Given_Family",
                            "patient_id": {"source_field": "title",
                                "_extract": {"pattern": "^([A-Z0-9]+)_.*", "group": 1}},
                            "patient_name": {"source_field": "title",
                                "_extract": {"pattern": "^[A-Z0-9]+_(?P<rest>.+)$",
                                             "group": "rest"}},
                            "accession_number": "id",
                            "performed_procedure_step_status": {"from": "status", "v": 2}
                        }
                     }}
                ],
                "lantir": {"server": {"ae_title": "MWL_SERVER", "bind_address": "127.0.0.1",
                                      "port": 4242}}
            }
            """.formatted(PASSWORD);

    @TempDir
    Path dir;

    private Path file;
    private ConfigEditorViewModel model;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("lantir.json");
        Files.writeString(file, FILE);
        model = new ConfigEditorViewModel(new ConfigStore(file), this::apply,
                ConfigEditorViewModelTest.directThreads(), LantirConfig.defaults());
        model.load();
    }

    @Test
    void theFormShowsTheCalpendoSettings() {
        CalpendoForm calpendo = scanner().calpendo();

        assertThat(calpendo.baseUrl().value()).isEqualTo("https://calpendo.example.org");
        assertThat(calpendo.username().value()).isEqualTo("reader");
        assertThat(calpendo.password().isSecret()).isTrue();
        assertThat(calpendo.resources().value()).isEqualTo("3T Diagnostic\nEEG Lab");
        assertThat(calpendo.statusFilter().value()).isEqualTo("Approved, Pending");
        assertThat(calpendo.timezone().value()).isEqualTo("America/Edmonton");
        assertThat(calpendo.windowMode().value()).isEqualTo("today");
        assertThat(calpendo.windowMode().path()).as("the entry's window_mode wins")
                .isEqualTo("data_sources[1].window_mode");
        assertThat(calpendo.modalities()).extracting(ModalityRow::resource,
                ModalityRow::modality).containsExactly(tuple("3T", "MR"), tuple("EEG", "EEG"));
        assertThat(calpendo.mappingPath()).isEqualTo("data_sources[1].config.field_mapping");
        assertThat(calpendo.isMappingEditable()).isTrue();
        assertThat(calpendo.fieldMapping()).extracting(CalpendoMappingRow::worklistField,
                CalpendoMappingRow::bookingPath, CalpendoMappingRow::pattern,
                CalpendoMappingRow::group, CalpendoMappingRow::isEditable).containsExactly(
                        tuple("_comment", "titles are SUBJECT_Given_Family", "", "", true),
                        tuple("patient_id", "title", "^([A-Z0-9]+)_.*", "1", true),
                        tuple("patient_name", "title", "^[A-Z0-9]+_(?P<rest>.+)$", "rest",
                                true),
                        tuple("accession_number", "id", "", "", true),
                        tuple("performed_procedure_step_status", "", "", "", false));
        assertThat(model.problems()).isEmpty();
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.dirtyProperty().get()).isFalse();
    }

    @Test
    void anEditElsewhereKeepsEveryCalpendoKeyAsItWasAndOneFieldChangesOneKey()
            throws Exception {
        DataSourceConfig before = ConfigLoader.load(file).dataSources().get(1);

        model.port().set("11112");
        model.save();

        DataSourceConfig after = ConfigLoader.load(file).dataSources().get(1);
        assertThat(after).isEqualTo(before);
        assertThat(after.settings()).containsEntry("future_option", Map.of("level", 2))
                .containsEntry("password", PASSWORD);

        scanner().calpendo().stationAeTitle().set("MRI_3T");
        model.save();

        DataSourceConfig edited = ConfigLoader.load(file).dataSources().get(1);
        Map<String, Object> expected = new LinkedHashMap<>(before.settings());
        expected.put("station_ae_title", "MRI_3T");
        assertThat(edited.settings()).isEqualTo(expected);
        assertThat(edited.windowMode()).isEqualTo("today");
        assertThat(edited.fieldMapping()).isEqualTo(before.fieldMapping());
    }

    @Test
    void aNewCalpendoSourceIsSavedInTheShapesTheSourceReads() throws Exception {
        SourceForm added = model.addSource(SourceForm.CALPENDO);
        CalpendoForm calpendo = added.calpendo();
        assertThat(calpendo.timezone().value()).isEqualTo(CalpendoForm.DEFAULT_ZONE);
        assertThat(calpendo.windowMode().path()).isEqualTo("data_sources[2].config.window_mode");

        calpendo.baseUrl().set("https://calpendo.example.org");
        calpendo.username().set("reader");
        calpendo.password().set(PASSWORD);
        calpendo.resources().set(" 3T Diagnostic \n\nEEG Lab\n");
        calpendo.statusFilter().set("Approved");
        calpendo.windowMode().set("rolling");
        calpendo.stationAeTitle().set("MRI_3T");
        ModalityRow mr = calpendo.addModalityRow();
        mr.resourceProperty().set("3T");
        mr.modalityProperty().set("MR");
        CalpendoMappingRow id = calpendo.addMappingRow();
        id.worklistFieldProperty().set("patient_id");
        id.bookingPathProperty().set("title");
        id.patternProperty().set("^([A-Z0-9]+)_");
        id.groupProperty().set("1");
        CalpendoMappingRow accession = calpendo.addMappingRow();
        accession.worklistFieldProperty().set("accession_number");
        accession.bookingPathProperty().set("id");
        calpendo.addMappingRow();
        assertThat(model.problems()).isEmpty();
        model.save();

        LantirConfig saved = ConfigLoader.load(file);
        DataSourceConfig source = saved.dataSource("calpendo").orElseThrow();
        assertThat(source.settings())
                .containsEntry("resources", List.of("3T Diagnostic", "EEG Lab"))
                .containsEntry("status_filter", "Approved")
                .containsEntry("timezone", "America/Edmonton")
                .containsEntry("window_mode", "rolling")
                .containsEntry("station_ae_title", "MRI_3T")
                .containsEntry("resource_modality_mapping", Map.of("3T", "MR"))
                .containsEntry("field_mapping", Map.of(
                        "patient_id", Map.of("source_field", "title",
                                "_extract", Map.of("pattern", "^([A-Z0-9]+)_", "group", 1)),
                        "accession_number", "id"));
        assertThat(source.fieldMapping()).isEmpty();
        try (CalpendoSource built = CalpendoSource.create(saved, source, Map.of())) {
            assertThat(built.name()).isEqualTo("calpendo");
        }
    }

    @Test
    void theFormsOwnChecksNameTheirField() {
        CalpendoForm calpendo = scanner().calpendo();

        calpendo.resources().set(" \n ");
        calpendo.timezone().set("Mountain/Time");
        calpendo.stationAeTitle().set("A_STATION_TITLE_TOO_LONG");
        calpendo.modalities().get(1).resourceProperty().set("");
        calpendo.fieldMapping().get(3).worklistFieldProperty().set("");
        calpendo.addMappingRow().worklistFieldProperty().set("patient_id");

        assertThat(model.problems()).containsExactlyInAnyOrder(
                "Resources (data_sources[1].config.resources): expected at least one Calpendo "
                        + "resource whose bookings are read, one per line, e.g. 3T Diagnostic",
                "Time zone (data_sources[1].config.timezone): expected a time zone such as "
                        + "America/Edmonton or Europe/Berlin, found \"Mountain/Time\"",
                "Station AE title (data_sources[1].config.station_ae_title): expected an AE "
                        + "title of 1 to 16 characters: letters, digits, spaces and ASCII "
                        + "punctuation except \\, found \"A_STATION_TITLE_TOO_LONG\"",
                "Resource modalities (data_sources[1].config.resource_modality_mapping): a "
                        + "line gives the modality EEG but names no resource",
                "Field mapping (data_sources[1].config.field_mapping): a line reads id but "
                        + "names no worklist field",
                "Field mapping (data_sources[1].config.field_mapping): the worklist field "
                        + "patient_id is mapped twice");
        assertThat(calpendo.timezone().error()).startsWith("expected a time zone");
        assertThat(calpendo.modalitiesErrorProperty().get()).contains("names no resource");
        assertThat(calpendo.mappingErrorProperty().get()).contains("names no worklist field");
        assertThat(model.canSaveProperty().get()).isFalse();

        calpendo.timezone().set("Europe/Berlin");
        assertThat(calpendo.timezone().error()).isEmpty();
        assertThat(model.problems()).hasSize(5);
    }

    @Test
    void theParsersChecksLandOnTheFieldTheyName() {
        CalpendoForm calpendo = scanner().calpendo();

        assertProblem(() -> calpendo.statusFilter().set("Approved, Cancelled"),
                calpendo.statusFilter(), "Booking statuses (data_sources[1].config"
                        + ".status_filter): Cancelled bookings never become worklist rows");
        assertProblem(() -> calpendo.baseUrl().set("http://calpendo.example.org"),
                calpendo.baseUrl(), "Calpendo URL (data_sources[1].config.base_url): "
                        + "expected an https:// URL: over http://");
        assertProblem(() -> calpendo.windowMode().set("weekly"), calpendo.windowMode(),
                "Window (data_sources[1].window_mode): expected one of rolling, today");

        calpendo.modalities().get(0).modalityProperty().set("Magnetic resonance");
        assertThat(model.problems()).singleElement().asString().startsWith("Resource "
                + "modalities (data_sources[1].config.resource_modality_mapping.3T): "
                + "expected a DICOM modality");
        assertThat(calpendo.modalitiesErrorProperty().get())
                .startsWith("3T: expected a DICOM modality such as \"MR\"");
        calpendo.modalities().get(0).modalityProperty().set("MR");
        assertThat(model.problems()).isEmpty();
        assertThat(model.dirtyProperty().get()).as("back to what the file holds").isFalse();
    }

    @Test
    void mappingProblemsLandOnTheMappingTableNamingTheLine() {
        CalpendoForm calpendo = scanner().calpendo();
        CalpendoMappingRow patientId = calpendo.fieldMapping().get(1);

        patientId.patternProperty().set("^([A-Z0-9]+_.*");
        assertThat(model.problems()).singleElement().asString().startsWith("Field mapping "
                + "(data_sources[1].config.field_mapping.patient_id._extract.pattern): not a "
                + "valid regular expression");
        assertThat(calpendo.mappingErrorProperty().get())
                .startsWith("patient_id._extract.pattern: not a valid regular expression");

        patientId.patternProperty().set("^([A-Z0-9]+)_.*");
        patientId.groupProperty().set("3");
        assertThat(calpendo.mappingErrorProperty().get()).startsWith("patient_id._extract"
                + ".group: expected a group of the pattern: a number from 0 to 1");

        patientId.groupProperty().set("1");
        calpendo.fieldMapping().get(3).worklistFieldProperty().set("favourite_colour");
        assertThat(calpendo.mappingErrorProperty().get())
                .startsWith("favourite_colour: 'favourite_colour' is not a worklist field");

        calpendo.fieldMapping().get(3).worklistFieldProperty().set("accession_number");
        calpendo.removeMappingRow(patientId);
        assertThat(model.problems()).singleElement().asString().startsWith("Field mapping "
                + "(data_sources[1].config.field_mapping): names no patient_id");
        assertThat(calpendo.mappingErrorProperty().get()).startsWith("names no patient_id");
    }

    @Test
    void anEditedLineBecomesAPathOrAnObjectAndTheOthersStayAsRead() throws Exception {
        Map<String, Object> before = ConfigLoader.load(file).dataSources().get(1).settings();
        CalpendoForm calpendo = scanner().calpendo();
        CalpendoMappingRow name = calpendo.fieldMapping().get(2);
        CalpendoMappingRow accession = calpendo.fieldMapping().get(3);

        name.patternProperty().set("");
        name.groupProperty().set("");
        accession.patternProperty().set("^(\\d+)$");
        model.save();

        Map<?, ?> mapping = (Map<?, ?>) ConfigLoader.load(file).dataSources().get(1)
                .settings().get("field_mapping");
        Map<?, ?> old = (Map<?, ?>) before.get("field_mapping");
        assertThat(List.copyOf(mapping.keySet())).isEqualTo(List.copyOf(old.keySet()));
        assertThat(mapping.get("patient_name")).isEqualTo("title");
        assertThat(mapping.get("accession_number")).isEqualTo(Map.of("source_field", "id",
                "_extract", Map.of("pattern", "^(\\d+)$")));
        for (String kept : List.of("_comment", "patient_id", "performed_procedure_step_status")) {
            assertThat(mapping.get(kept)).as(kept).isEqualTo(old.get(kept));
        }
    }

    @Test
    void theJsonTabEditsAMappingObjectAndTheFormKeepsIt() throws Exception {
        String json = model.rawJsonProperty().get();
        assertThat(json).contains("\"pattern\": \"^([A-Z0-9]+)_.*\"");

        model.editRawJson(json.replace("\"pattern\": \"^([A-Z0-9]+)_.*\"",
                "\"pattern\": \"^(SUB[0-9]+)_\""));

        assertThat(model.problems()).isEmpty();
        CalpendoForm calpendo = scanner().calpendo();
        assertThat(calpendo.fieldMapping().get(1).pattern()).isEqualTo("^(SUB[0-9]+)_");
        calpendo.stationAeTitle().set("MRI_3T");
        model.save();

        Map<?, ?> mapping = (Map<?, ?>) ConfigLoader.load(file).dataSources().get(1)
                .settings().get("field_mapping");
        assertThat(mapping.get("patient_id")).isEqualTo(Map.of("source_field", "title",
                "_extract", Map.of("pattern", "^(SUB[0-9]+)_", "group", 1)));
        assertThat(mapping.get("performed_procedure_step_status"))
                .isEqualTo(Map.of("from", "status", "v", 2));
    }

    @Test
    void aSourceMappedInBothPlacesShowsBothAndLeavesThemToTheJson() throws Exception {
        Files.writeString(file, FILE.replace("\"window_mode\": \"today\",",
                "\"window_mode\": \"today\", \"field_mapping\": {\"study_description\": "
                        + "\"properties.project.formattedName\"},"));
        model.load();
        assertThat(model.problems()).isEmpty();
        CalpendoForm calpendo = scanner().calpendo();

        assertThat(calpendo.isMappingEditable()).isFalse();
        assertThat(calpendo.fieldMapping()).extracting(CalpendoMappingRow::worklistField)
                .endsWith("accession_number", "performed_procedure_step_status",
                        "study_description");
        model.port().set("11112");
        model.save();

        DataSourceConfig saved = ConfigLoader.load(file).dataSources().get(1);
        assertThat(saved.fieldMapping()).isEqualTo(Map.of("study_description",
                "properties.project.formattedName"));
        assertThat((Map<?, ?>) saved.settings().get("field_mapping")).hasSize(5);
    }

    @Test
    void aCalpendoSourceMadeRedcapDropsItsCalpendoSettings() throws Exception {
        SourceForm scanner = scanner();
        scanner.calpendo().stationAeTitle().set("MRI_3T");

        scanner.typeProperty().set(SourceForm.REDCAP);
        assertThat(model.problems()).isEmpty();
        model.save();

        DataSourceConfig saved = ConfigLoader.load(file).dataSources().get(1);
        assertThat(saved.type()).isEqualTo("redcap");
        assertThat(saved.settings()).doesNotContainKeys(CalpendoForm.KEYS.toArray(String[]::new))
                .containsEntry("station_ae_title", "MRI_3T");
        assertThat(saved.fieldMapping()).isEmpty();
        assertThat(Files.readString(file)).doesNotContain(PASSWORD);
    }

    @Test
    void aPasswordIsSavedExactlyAsTypedSpacesAndAll() throws Exception {
        scanner().password().set(" two words ");
        model.save();

        assertThat(ConfigLoader.load(file).dataSources().get(1).settings())
                .containsEntry("password", " two words ");
        model.load();
        assertThat(scanner().password().value()).isEqualTo(" two words ");
        model.port().set("11112");
        model.save();
        assertThat(ConfigLoader.load(file).dataSources().get(1).settings())
                .containsEntry("password", " two words ");
    }

    private void assertProblem(Runnable edit, FormField field, String start) {
        String before = field.value();
        edit.run();
        assertThat(model.problems()).singleElement().asString().startsWith(start);
        assertThat(start).contains(field.error().substring(0, 20));
        field.set(before);
        assertThat(model.problems()).isEmpty();
        assertThat(field.error()).isEmpty();
    }

    private SourceForm scanner() {
        return model.sources().get(1);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private ApplyResult apply(LantirConfig config) {
        return new ApplyResult(Change.UNCHANGED, Change.UNCHANGED, false, List.of(),
                List.of(), List.of());
    }
}
