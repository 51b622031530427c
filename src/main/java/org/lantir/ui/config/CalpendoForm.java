package org.lantir.ui.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.config.DataSourceConfig;

/**
 * The settings of a {@code calpendo} source that the form shows (the README's "Calpendo
 * source" keys people set up once: address, account, resources, zone, statuses, window,
 * station, resource modalities and the field mapping). Every other key of the entry, and
 * every value the form cannot show, is saved as it was read.
 *
 * <p>The form checks what it can while a person types (a resource named, a real time zone,
 * an AE title, the mapping tables' lines); the file parser checks the rest on the JSON saving
 * would write, and its problem lands on the field or table its JSON path names.
 */
public final class CalpendoForm {

    /** The zone Calpendo times are read in when the source names none (the README's). */
    public static final String DEFAULT_ZONE = "America/Edmonton";
    /** The window modes, "" for the default. */
    public static final List<String> WINDOW_MODES = List.of("", "rolling", "today");

    /**
     * The {@code config} keys the form writes, which a source changed to REDCap drops
     * ({@code station_ae_title} stays: REDCap sources read it too).
     */
    static final Set<String> KEYS = Set.of("base_url", "username", "password", "timezone",
            "resources", "status_filter", "window_mode", "resource_modality_mapping",
            "field_mapping");

    private static final String MODALITIES_KEY = "resource_modality_mapping";
    private static final String MAPPING_KEY = "field_mapping";

    private final DataSourceConfig original;
    /** The entry's own {@code field_mapping} when it was read as a Calpendo source. */
    private final Map<String, Object> outsideMapping;
    /** Plain text settings, in form order. */
    private final Map<String, FormField> texts = new LinkedHashMap<>();
    private final FormField resources = new FormField("Resources", "");
    private final FormField statusFilter = new FormField("Booking statuses", "");
    private final FormField windowMode = new FormField("Window", "");
    private final ObservableList<ModalityRow> modalities = FXCollections.observableArrayList(
            row -> new Observable[] {row.resourceProperty(), row.modalityProperty()});
    private final ReadOnlyStringWrapper modalitiesError = new ReadOnlyStringWrapper("");
    private final ObservableList<CalpendoMappingRow> mapping =
            FXCollections.observableArrayList(CalpendoMappingRow::observables);
    private final ReadOnlyStringWrapper mappingError = new ReadOnlyStringWrapper("");
    /** The entry's {@code window_mode} wins over its config's, so the form edits that one. */
    private final boolean windowAtEntry;
    /** Whether the lines are saved in {@code config.field_mapping} (pylantir's place). */
    private final boolean mappingInConfig;
    /** False when both places hold a mapping: the JSON tab edits them. */
    private final boolean mappingEditable;
    private final boolean dailyWindow;
    private String path = "";

    CalpendoForm(DataSourceConfig source) {
        this.original = source;
        boolean calpendo = DataSourceConfig.TYPE_CALPENDO.equals(source.type());
        outsideMapping = calpendo ? source.fieldMapping() : Map.of();
        texts.put("base_url", new FormField("Calpendo URL", ""));
        texts.put("username", new FormField("User name", ""));
        texts.put("password", new FormField("Password", "", true));
        texts.put("timezone", new FormField("Time zone", ""));
        texts.put("station_ae_title", new FormField("Station AE title", ""));
        SourceForm.loadSettings(texts, source.settings());

        Map<String, Object> settings = source.settings();
        loadList(resources, settings.get("resources"), "\n");
        loadList(statusFilter, settings.get("status_filter"), ",");
        windowAtEntry = source.windowMode() != null;
        Object mode = windowAtEntry ? source.windowMode() : settings.get("window_mode");
        windowMode.set(mode == null ? "" : SourceForm.text(mode));
        windowMode.editableProperty().set(mode == null || mode instanceof String);
        dailyWindow = isTrue(source.dailyWindow() != null ? source.dailyWindow()
                : settings.get("daily_window"));

        if (settings.get(MODALITIES_KEY) instanceof Map<?, ?> byResource) {
            byResource.forEach((resource, modality) -> modalities.add(
                    ModalityRow.read(String.valueOf(resource), modality)));
        }
        Map<?, ?> inside = settings.get(MAPPING_KEY) instanceof Map<?, ?> m ? m : Map.of();
        mappingEditable = inside.isEmpty() || outsideMapping.isEmpty();
        mappingInConfig = !inside.isEmpty() || outsideMapping.isEmpty();
        if (!mappingEditable || mappingInConfig) {
            inside.forEach((k, v) -> mapping.add(CalpendoMappingRow.read(String.valueOf(k), v)));
        }
        if (!mappingEditable || !mappingInConfig) {
            outsideMapping.forEach((k, v) -> mapping.add(CalpendoMappingRow.read(k, v)));
        }
    }

    /**
     * A list of texts shown one per line or comma-separated; anything else (a text holding
     * the separator among them) is edited in the JSON tab, as splitting it would change it.
     */
    private static void loadList(FormField field, Object value, String separator) {
        List<?> items = value instanceof String text ? List.of(text)
                : value instanceof List<?> list ? list : null;
        boolean texts = items != null && items.stream().allMatch(item -> item instanceof String
                && !((String) item).contains(separator));
        if (texts) {
            String joiner = separator.equals(",") ? ", " : separator;
            field.set(String.join(joiner, items.stream().map(String::valueOf).toList()));
        }
        field.editableProperty().set(texts || value == null);
    }

    private static boolean isTrue(Object value) {
        return value != null && Set.of("true", "1", "yes").contains(
                String.valueOf(value).strip().toLowerCase(Locale.ROOT));
    }

    void setPath(String sourcePath) {
        path = sourcePath;
        texts.forEach((key, field) -> field.setPath(sourcePath + ".config." + key));
        resources.setPath(sourcePath + ".config.resources");
        statusFilter.setPath(sourcePath + ".config.status_filter");
        windowMode.setPath(sourcePath + (windowAtEntry ? "" : ".config") + ".window_mode");
    }

    List<FormField> fields() {
        List<FormField> all = new ArrayList<>(texts.values());
        all.addAll(List.of(resources, statusFilter, windowMode));
        return all;
    }

    List<Observable> observables() {
        List<Observable> all = new ArrayList<>(List.of(modalities, mapping));
        fields().forEach(field -> all.add(field.valueProperty()));
        return all;
    }

    // ---- checks ----

    void check(Problems problems) {
        problems.add(baseUrl(), FormChecks.url(baseUrl().value()));
        if (resources.editableProperty().get() && resourceNames().isEmpty()) {
            problems.add(resources, "expected at least one Calpendo resource whose bookings "
                    + "are read, one per line, e.g. 3T Diagnostic");
        }
        problems.add(timezone(), FormChecks.zone(timezone().value()));
        if (!stationAeTitle().value().isBlank()) {
            problems.add(stationAeTitle(), FormChecks.aeTitle(stationAeTitle().value()));
        }
        checkModalities(problems);
        if (mappingEditable) {
            checkMapping(problems);
        }
    }

    private void checkModalities(Problems problems) {
        Set<String> seen = new HashSet<>();
        for (ModalityRow row : modalities) {
            if (!row.isBlank()) {
                tableProblem(problems, modalitiesError, "Resource modalities",
                        path + ".config." + MODALITIES_KEY, problemOf(row, seen));
            }
        }
    }

    private static String problemOf(ModalityRow row, Set<String> seen) {
        if (row.resource().isEmpty()) {
            return "a line gives the modality " + row.modality() + " but names no resource";
        }
        if (!seen.add(row.resource())) {
            return "the resource " + row.resource() + " is named twice";
        }
        if (row.modality().isEmpty()) {
            return "the resource " + row.resource() + " has no modality; type one such as MR, "
                    + "or remove the line";
        }
        return null;
    }

    private void checkMapping(Problems problems) {
        Set<String> seen = new HashSet<>();
        for (CalpendoMappingRow row : mapping) {
            if (!row.isBlank()) {
                tableProblem(problems, mappingError, "Field mapping", mappingPath(),
                        problemOf(row, seen));
            }
        }
    }

    /** What a line's own text shows wrong; the file parser checks names, paths, patterns. */
    private static String problemOf(CalpendoMappingRow row, Set<String> seen) {
        if (row.worklistField().isEmpty()) {
            return "a line reads " + (row.bookingPath().isEmpty() ? "a pattern"
                    : row.bookingPath()) + " but names no worklist field";
        }
        if (!seen.add(row.worklistField())) {
            return "the worklist field " + row.worklistField() + " is mapped twice";
        }
        return null;
    }

    private static void tableProblem(Problems problems, ReadOnlyStringWrapper error,
            String label, String at, String problem) {
        if (problem == null) {
            return;
        }
        if (error.get().isEmpty()) {
            error.set(problem);
        }
        problems.add(label, at, problem);
    }

    void clearErrors() {
        fields().forEach(field -> field.setError(""));
        modalitiesError.set("");
        mappingError.set("");
    }

    /**
     * Marks what a parser problem names: a field, or a table with the entry the problem is
     * about ("3T: expected a DICOM modality..."). Returns the label of what was marked, or
     * null when nothing of this form fits.
     */
    String markError(String jsonPath, String problem) {
        for (FormField field : fields()) {
            if (SourceForm.isAt(jsonPath, field.path())) {
                field.setError(problem);
                return field.label();
            }
        }
        String modalitiesPath = path + ".config." + MODALITIES_KEY;
        if (SourceForm.isAt(jsonPath, modalitiesPath)) {
            modalitiesError.set(within(jsonPath, modalitiesPath) + problem);
            return "Resource modalities";
        }
        for (String at : List.of(path + ".config." + MAPPING_KEY, path + "." + MAPPING_KEY)) {
            if (SourceForm.isAt(jsonPath, at)) {
                mappingError.set(within(jsonPath, at) + problem);
                return "Field mapping";
            }
        }
        return null;
    }

    /** "patient_id._extract.pattern: " for a problem below a table's path, else "". */
    private static String within(String jsonPath, String tablePath) {
        String rest = jsonPath.substring(tablePath.length());
        return rest.startsWith(".") ? rest.substring(1) + ": " : "";
    }

    // ---- saving ----

    /** Writes the form's keys into {@code settings}, a copy of the entry's {@code config}. */
    void save(Map<String, Object> settings) {
        Map<String, Object> before = original.settings();
        texts.forEach((key, field) -> {
            if (field.editableProperty().get()) {
                SourceForm.put(settings, key, field, before.get(key));
            }
        });
        if (resources.editableProperty().get()) {
            putList(settings, "resources", resourceNames(), before.get("resources"), false);
        }
        if (statusFilter.editableProperty().get()) {
            putList(settings, "status_filter", split(statusFilter.value(), ","),
                    before.get("status_filter"), true);
        }
        if (!windowAtEntry && windowMode.editableProperty().get()) {
            SourceForm.put(settings, "window_mode", windowMode, before.get("window_mode"));
        }
        putMap(settings, MODALITIES_KEY, modalityMap(), before.get(MODALITIES_KEY));
        if (mappingEditable && mappingInConfig) {
            putMap(settings, MAPPING_KEY, mappingMap(), before.get(MAPPING_KEY));
        }
    }

    /**
     * Writes the keys a REDCap source reads too ({@code station_ae_title}), so that a source
     * changed to REDCap keeps what was typed here.
     */
    void saveShared(Map<String, Object> settings) {
        FormField station = stationAeTitle();
        if (station.editableProperty().get()) {
            SourceForm.put(settings, "station_ae_title", station,
                    original.settings().get("station_ae_title"));
        }
    }

    /** The entry's own {@code field_mapping}. */
    Map<String, Object> entryFieldMapping() {
        return mappingEditable && !mappingInConfig ? mappingMap() : outsideMapping;
    }

    /** The entry's own {@code window_mode}, or null. */
    String entryWindowMode() {
        if (!windowAtEntry) {
            return null;
        }
        String mode = windowMode.value().strip();
        return mode.equals(original.windowMode().strip()) ? original.windowMode()
                : mode.isEmpty() ? null : mode;
    }

    /** A list as it was when the same texts are typed; one status is saved as text. */
    private static void putList(Map<String, Object> settings, String key, List<String> items,
            Object before, boolean oneAsText) {
        if (items.equals(asTexts(before))) {
            settings.put(key, before);
        } else if (items.isEmpty()) {
            if (before != null) {
                settings.remove(key);
            }
        } else {
            settings.put(key, oneAsText && items.size() == 1 ? items.get(0) : items);
        }
    }

    /** The texts a list or text value holds, or null for anything else. */
    private static List<String> asTexts(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(item -> String.valueOf(item).strip()).toList();
        }
        return value instanceof String text ? List.of(text.strip()) : null;
    }

    /** An empty table drops the key, unless the file held an empty object there. */
    private static void putMap(Map<String, Object> settings, String key,
            Map<String, Object> entries, Object before) {
        if (!entries.isEmpty()) {
            settings.put(key, entries.equals(before) ? before : entries);
        } else if (!(before instanceof Map<?, ?> old && old.isEmpty())) {
            settings.remove(key);
        }
    }

    private Map<String, Object> modalityMap() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (ModalityRow row : modalities) {
            if (!row.isBlank()) {
                result.put(row.key(), row.value());
            }
        }
        return result;
    }

    private Map<String, Object> mappingMap() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (CalpendoMappingRow row : mapping) {
            if (!row.isBlank()) {
                result.put(row.target(), row.value());
            }
        }
        return result;
    }

    private List<String> resourceNames() {
        return split(resources.value(), "\n");
    }

    private static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(separator)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    // ---- what the view binds to ----

    public FormField baseUrl() {
        return texts.get("base_url");
    }

    public FormField username() {
        return texts.get("username");
    }

    public FormField password() {
        return texts.get("password");
    }

    /** One resource name per line. */
    public FormField resources() {
        return resources;
    }

    /** Empty: {@link #DEFAULT_ZONE}. */
    public FormField timezone() {
        return texts.get("timezone");
    }

    /** Comma-separated booking statuses whose bookings become rows; empty: Approved. */
    public FormField statusFilter() {
        return statusFilter;
    }

    /** One of {@link #WINDOW_MODES}. */
    public FormField windowMode() {
        return windowMode;
    }

    /** What an empty window mode means for this source. */
    public String defaultWindowMode() {
        return dailyWindow ? "today" : "rolling";
    }

    public FormField stationAeTitle() {
        return texts.get("station_ae_title");
    }

    public ObservableList<ModalityRow> modalities() {
        return modalities;
    }

    public ReadOnlyStringProperty modalitiesErrorProperty() {
        return modalitiesError.getReadOnlyProperty();
    }

    public ModalityRow addModalityRow() {
        ModalityRow row = new ModalityRow("", "");
        modalities.add(row);
        return row;
    }

    public void removeModalityRow(ModalityRow row) {
        modalities.remove(row);
    }

    public ObservableList<CalpendoMappingRow> fieldMapping() {
        return mapping;
    }

    public ReadOnlyStringProperty mappingErrorProperty() {
        return mappingError.getReadOnlyProperty();
    }

    /** False when the source maps fields in both places; the JSON tab edits them then. */
    public boolean isMappingEditable() {
        return mappingEditable;
    }

    /** Where the lines are saved: {@code data_sources[i].config.field_mapping} or the entry's. */
    public String mappingPath() {
        return path + (mappingInConfig ? ".config." : ".") + MAPPING_KEY;
    }

    public CalpendoMappingRow addMappingRow() {
        CalpendoMappingRow row = new CalpendoMappingRow();
        mapping.add(row);
        return row;
    }

    public void removeMappingRow(CalpendoMappingRow row) {
        mapping.remove(row);
    }
}
