package org.lantir.ui.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.OperationInterval;
import org.lantir.sync.redcap.RedcapSource;

/**
 * The form of one {@code data_sources} entry: what every source has, the settings of its type
 * that the form shows (REDCap: URL, token, token variable, site, protocol and the field
 * mapping; Calpendo: see {@link CalpendoForm}), and the entry as it was read, so that every
 * key the form does not show is saved as it was.
 */
public final class SourceForm {

    public static final String REDCAP = DataSourceConfig.TYPE_REDCAP;
    public static final String CALPENDO = DataSourceConfig.TYPE_CALPENDO;
    public static final List<String> TYPES = List.of(REDCAP, CALPENDO);

    private final DataSourceConfig original;
    private final StringProperty type = new SimpleStringProperty(this, "type");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final FormField name = new FormField("Name", "");
    private final FormField syncInterval = new FormField("Sync interval (seconds)", "");
    private final FormField windowStart = new FormField("Syncs from", "");
    private final FormField windowEnd = new FormField("Syncs until", "");
    /** The REDCap {@code config} keys the form shows, in form order. */
    private final Map<String, FormField> redcap = new LinkedHashMap<>();
    private final CalpendoForm calpendo;
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList(
            row -> new Observable[] {row.redcapFieldProperty(), row.worklistFieldProperty()});
    private final ReadOnlyStringWrapper mappingError = new ReadOnlyStringWrapper("");
    private String path = "";

    SourceForm(DataSourceConfig source, int index) {
        this.original = source;
        redcap.put("api_url", new FormField("REDCap API URL", ""));
        redcap.put("api_token", new FormField("API token", "", true));
        redcap.put("api_token_env", new FormField("Token variable", ""));
        redcap.put("site_id", new FormField("Site ID", ""));
        redcap.put("protocol", new FormField("Protocol", ""));
        calpendo = new CalpendoForm(source);
        load(source);
        setIndex(index);
    }

    private void load(DataSourceConfig source) {
        type.set(source.type());
        enabled.set(source.enabled());
        name.set(source.name());
        syncInterval.set(Integer.toString(source.syncIntervalSeconds()));
        windowStart.set(source.operationInterval().start().toString());
        windowEnd.set(source.operationInterval().end().toString());
        loadSettings(redcap, source.settings());
        if (REDCAP.equals(source.type())) {
            source.fieldMapping().forEach((field, target) ->
                    mapping.add(new MappingRow(field, target instanceof String t ? t : "")));
        }
    }

    /** A new source of {@code type}: a Calpendo one names its zone, the README's default. */
    static DataSourceConfig newSource(String name, String type) {
        Map<String, Object> settings = CALPENDO.equals(type)
                ? Map.of("timezone", CalpendoForm.DEFAULT_ZONE) : Map.of();
        return DataSourceConfig.of(name, type, settings, Map.of());
    }

    static void loadSettings(Map<String, FormField> fields, Map<String, Object> values) {
        fields.forEach((key, field) -> {
            Object value = values.get(key);
            // A per-site protocol map (or any other structure) is edited as JSON only.
            boolean structured = value instanceof Map || value instanceof Iterable;
            field.editableProperty().set(!structured);
            if (value == null || structured) {
                field.set("");
            } else {
                field.set(field.isSecret() ? String.valueOf(value) : text(value));
            }
        });
    }

    /** Sets the JSON paths of every field to those of entry {@code index}. */
    void setIndex(int index) {
        path = "data_sources[" + index + "]";
        name.setPath(path + ".name");
        syncInterval.setPath(path + ".sync_interval");
        windowStart.setPath(path + ".operation_interval.start_time");
        windowEnd.setPath(path + ".operation_interval.end_time");
        redcap.forEach((key, field) -> field.setPath(path + ".config." + key));
        calpendo.setPath(path);
    }

    String path() {
        return path;
    }

    /** The fields every source has, then the REDCap ones. */
    private List<FormField> fields() {
        List<FormField> all = new ArrayList<>(List.of(name, syncInterval,
                windowStart, windowEnd));
        all.addAll(redcap.values());
        return all;
    }

    /** What the value of each observable part of the form hangs on, for change listeners. */
    List<Observable> observables() {
        List<Observable> all = new ArrayList<>(List.of(type, enabled, mapping));
        fields().forEach(field -> all.add(field.valueProperty()));
        all.addAll(calpendo.observables());
        return all;
    }

    /** Checks what the parser does not (or not by the form's field); names must be unique. */
    void check(Problems problems, Set<String> namesSeen) {
        String sourceName = name.value().strip();
        if (sourceName.isEmpty()) {
            problems.add(name, "expected a name; rows and sync state are kept under it");
        } else if (!namesSeen.add(sourceName)) {
            problems.add(name, "the name '" + sourceName + "' is already used by another "
                    + "source; names must be unique");
        }
        problems.add(syncInterval, FormChecks.syncInterval(syncInterval.value()));
        problems.add(windowStart, FormChecks.time(windowStart.value()));
        problems.add(windowEnd, FormChecks.time(windowEnd.value()));
        if (isRedcap()) {
            problems.add(redcap.get("api_url"), FormChecks.url(redcap.get("api_url").value()));
            checkMapping(problems);
        } else if (isCalpendo()) {
            calpendo.check(problems);
        }
    }

    private void checkMapping(Problems problems) {
        Set<String> fieldsSeen = new HashSet<>();
        String at = path + ".field_mapping";
        for (MappingRow row : mapping) {
            if (row.isBlank()) {
                continue;
            }
            String problem = null;
            if (row.redcapField().isEmpty()) {
                problem = "a line maps to " + row.worklistField() + " but names no REDCap field";
            } else if (!fieldsSeen.add(row.redcapField())) {
                problem = "the REDCap field " + row.redcapField() + " is mapped twice";
            } else if (!RedcapSource.isFieldMappingTarget(row.worklistField())) {
                problem = "'" + row.worklistField() + "' (for " + row.redcapField()
                        + ") is not a worklist field; choose one from the list";
            }
            if (problem != null) {
                if (mappingError.get().isEmpty()) {
                    mappingError.set(problem);
                }
                problems.add("Field mapping", at, problem);
            }
        }
    }

    void clearErrors() {
        fields().forEach(field -> field.setError(""));
        mappingError.set("");
        calpendo.clearErrors();
    }

    /**
     * Marks the field or table a parser problem names, among those of the source's type;
     * returns its label ("Resources"), or null when nothing of this source fits.
     */
    String markError(String jsonPath, String problem) {
        List<FormField> shown = new ArrayList<>(List.of(name, syncInterval, windowStart,
                windowEnd));
        if (isRedcap()) {
            shown.addAll(redcap.values());
        }
        for (FormField field : shown) {
            if (isAt(jsonPath, field.path())) {
                field.setError(problem);
                return field.label();
            }
        }
        if (isCalpendo()) {
            return calpendo.markError(jsonPath, problem);
        }
        if (isRedcap() && isAt(jsonPath, path + ".field_mapping")) {
            mappingError.set(problem);
            return "Field mapping";
        }
        return null;
    }

    /** Whether {@code jsonPath} is {@code at} or below it. */
    static boolean isAt(String jsonPath, String at) {
        return jsonPath.equals(at) || jsonPath.startsWith(at + ".")
                || jsonPath.startsWith(at + "[");
    }

    /** The entry the form describes; call only after {@link #check} found nothing. */
    DataSourceConfig toConfig() {
        String chosen = type.get();
        Map<String, Object> settings = new LinkedHashMap<>(original.settings());
        if (!chosen.equals(original.type())) {
            // The other type's settings (credentials among them) must not linger under a
            // source that cannot use them.
            (isRedcap() ? CalpendoForm.KEYS : redcap.keySet()).forEach(settings::remove);
        }
        String windowMode = original.windowMode();
        if (isRedcap()) {
            redcap.forEach((key, field) -> {
                if (field.editableProperty().get()) {
                    put(settings, key, field, original.settings().get(key));
                }
            });
            calpendo.saveShared(settings);
        } else if (isCalpendo()) {
            calpendo.save(settings);
            windowMode = calpendo.entryWindowMode();
        }
        return new DataSourceConfig(name.value().strip(), chosen, enabled.get(),
                Integer.parseInt(syncInterval.value().strip()),
                new OperationInterval(FormChecks.parseTime(windowStart.value()),
                        FormChecks.parseTime(windowEnd.value())),
                settings, fieldMapping(chosen), windowMode, original.dailyWindow(),
                original.extras());
    }

    private Map<String, Object> fieldMapping(String chosen) {
        if (CALPENDO.equals(chosen)) {
            return calpendo.entryFieldMapping();
        }
        if (!REDCAP.equals(chosen)) {
            // A folder source has no form of its own: it keeps what was read.
            return chosen.equals(original.type()) ? original.fieldMapping() : Map.of();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (MappingRow row : mapping) {
            if (!row.isBlank()) {
                result.put(row.redcapField(), row.worklistField());
            }
        }
        return result;
    }

    /**
     * Unchanged text keeps the value as it was (792 stays a number); empty text drops it (a
     * key the file holds as null stays so). A credential is saved exactly as typed, spaces
     * and all: Calpendo passwords are used as written.
     */
    static void put(Map<String, Object> settings, String key, FormField field,
            Object before) {
        String value = field.isSecret() && !field.value().isBlank() ? field.value()
                : field.value().strip();
        String was = before == null ? null : field.isSecret() ? String.valueOf(before)
                : text(before);
        if (value.equals(was)) {
            settings.put(key, before);
        } else if (value.isEmpty()) {
            if (before != null) {
                settings.remove(key);
            }
        } else {
            settings.put(key, value);
        }
    }

    static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value).strip();
    }

    public boolean isRedcap() {
        return REDCAP.equals(type.get());
    }

    /** Whether the form's Calpendo fields apply; a folder source's type has none. */
    public boolean isCalpendo() {
        return CALPENDO.equals(type.get());
    }

    /** "cpip (redcap)", "old_site (redcap, disabled)": how the list of sources shows it. */
    public StringExpression displayName() {
        return Bindings.createStringBinding(() -> (name.value().isBlank() ? "(no name)"
                : name.value().strip()) + " (" + type.get()
                + (enabled.get() ? ")" : ", disabled)"), name.valueProperty(), type, enabled);
    }

    public StringProperty typeProperty() {
        return type;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public FormField name() {
        return name;
    }

    public FormField syncInterval() {
        return syncInterval;
    }

    public FormField windowStart() {
        return windowStart;
    }

    public FormField windowEnd() {
        return windowEnd;
    }

    public FormField apiUrl() {
        return redcap.get("api_url");
    }

    public FormField apiToken() {
        return redcap.get("api_token");
    }

    public FormField apiTokenEnv() {
        return redcap.get("api_token_env");
    }

    public FormField siteId() {
        return redcap.get("site_id");
    }

    public FormField protocol() {
        return redcap.get("protocol");
    }

    /** The Calpendo settings; shown while the type is {@link #CALPENDO}. */
    public CalpendoForm calpendo() {
        return calpendo;
    }

    public FormField calpendoUrl() {
        return calpendo.baseUrl();
    }

    public FormField username() {
        return calpendo.username();
    }

    public FormField password() {
        return calpendo.password();
    }

    public ObservableList<MappingRow> mapping() {
        return mapping;
    }

    /** What is wrong with the field mapping, or an empty string. */
    public ReadOnlyStringProperty mappingErrorProperty() {
        return mappingError.getReadOnlyProperty();
    }

    public MappingRow addMappingRow() {
        MappingRow row = new MappingRow("", "");
        mapping.add(row);
        return row;
    }

    public void removeMappingRow(MappingRow row) {
        mapping.remove(row);
    }

    /** Names the source, never its settings (they may hold credentials). */
    @Override
    public String toString() {
        return "SourceForm[" + path + " " + name.value() + "]";
    }
}
