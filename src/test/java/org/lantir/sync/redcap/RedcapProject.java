package org.lantir.sync.redcap;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The data behind {@link RedcapEmulator}: the fixture project's dictionary, rows and change
 * times, which tests may change while the server runs (a record edited, deleted or added).
 * Every change is stamped with a change time, as REDCap's audit log would.
 */
public final class RedcapProject {

    private static final String FIXTURE = "/fixtures/redcap/";

    private final List<Map<String, String>> metadata;
    private final List<Map<String, Object>> rows;
    private final Map<String, List<LocalDateTime>> changes;
    private final String projectJson;
    private final String exportFieldNamesJson;
    private final String repeatingJson;
    private final String version;

    private RedcapProject(List<Map<String, String>> metadata, List<Map<String, Object>> rows,
            Map<String, List<LocalDateTime>> changes, Map<String, String> texts) {
        this.metadata = List.copyOf(metadata);
        this.rows = rows;
        this.changes = changes;
        this.projectJson = texts.get("project.json");
        this.exportFieldNamesJson = texts.get("export-field-names.json");
        this.repeatingJson = texts.get("repeating-forms-events.json");
        this.version = texts.get("version.txt");
    }

    /** The fixture project as the shared fixture describes it. */
    public static RedcapProject fixture() {
        List<Map<String, String>> metadata = RedcapEmulator.readJson(text("metadata.json"),
                new TypeReference<List<Map<String, String>>>() { });
        List<Map<String, Object>> rows = RedcapEmulator.readJson(text("records.json"),
                new TypeReference<List<Map<String, Object>>>() { });
        Map<String, String> modified = RedcapEmulator.readJson(text("records-modified.json"),
                new TypeReference<Map<String, String>>() { });
        Map<String, List<LocalDateTime>> changes = new HashMap<>();
        modified.forEach((id, time) -> changes.computeIfAbsent(id, k -> new ArrayList<>())
                .add(RedcapEmulator.changeTime(time)));
        Map<String, String> texts = new HashMap<>();
        for (String name : List.of("project.json", "export-field-names.json",
                "repeating-forms-events.json", "version.txt")) {
            texts.put(name, text(name));
        }
        return new RedcapProject(metadata, new ArrayList<>(rows), changes, texts);
    }

    static String text(String name) {
        try (InputStream in = RedcapProject.class.getResourceAsStream(FIXTURE + name)) {
            Objects.requireNonNull(in, "fixture " + name + " missing from test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, String>> metadata() {
        return metadata;
    }

    /** Dictionary field names in order (the first is the record-ID field). */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        metadata.forEach(field -> names.add(field.get("field_name")));
        return names;
    }

    /** Instrument names in dictionary order. */
    Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        metadata.forEach(field -> forms.add(field.get("form_name")));
        return forms;
    }

    String formOf(String field) {
        for (Map<String, String> entry : metadata) {
            if (entry.get("field_name").equals(field)) {
                return entry.get("form_name");
            }
        }
        return null;
    }

    String projectJson() {
        return projectJson;
    }

    String exportFieldNamesJson() {
        return exportFieldNamesJson;
    }

    String repeatingJson() {
        return repeatingJson;
    }

    String version() {
        return version;
    }

    /** A copy of the rows in export order. */
    public synchronized List<Map<String, Object>> rows() {
        List<Map<String, Object>> copy = new ArrayList<>();
        rows.forEach(row -> copy.add(new LinkedHashMap<>(row)));
        return copy;
    }

    synchronized List<LocalDateTime> changes(String recordId) {
        return List.copyOf(changes.getOrDefault(recordId, List.of()));
    }

    /** Deletes a record with all its rows. */
    public synchronized void removeRecord(String recordId) {
        rows.removeIf(row -> recordId.equals(String.valueOf(row.get("record_id"))));
        changes.remove(recordId);
    }

    /**
     * Sets a value on a record's base row ({@code instance} null) or on one instance row of
     * the repeating {@code mri} form, stamped as changed at {@code when}.
     */
    public synchronized void setValue(String recordId, Integer instance, String field,
            String value, LocalDateTime when) {
        for (Map<String, Object> row : rows) {
            boolean sameRecord = recordId.equals(String.valueOf(row.get("record_id")));
            Object rowInstance = row.get("redcap_repeat_instance");
            boolean sameRow = instance == null ? "".equals(rowInstance)
                    : instance.equals(rowInstance);
            if (sameRecord && sameRow) {
                row.put(field, value);
                touch(recordId, when);
                return;
            }
        }
        throw new IllegalArgumentException("no row " + recordId + "/" + instance);
    }

    /** Adds a row (base or instance) with every column of the fixture's rows. */
    public synchronized void addRow(Map<String, Object> values, LocalDateTime when) {
        Map<String, Object> row = new LinkedHashMap<>();
        rows.get(0).keySet().forEach(column -> row.put(column, ""));
        row.putAll(values);
        rows.add(row);
        touch(String.valueOf(row.get("record_id")), when);
    }

    /** Records a change of a record at {@code when} (REDCap's audit log). */
    public synchronized void touch(String recordId, LocalDateTime when) {
        changes.computeIfAbsent(recordId, k -> new ArrayList<>()).add(when);
    }

    /**
     * Sets {@code field} on every instance row of the repeating form at once, each record
     * stamped as changed at {@code when}: an export sees all of the change or none of it.
     */
    public synchronized void setOnEverySession(String field, String value,
            LocalDateTime when) {
        Set<String> touched = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            if (!"".equals(row.get("redcap_repeat_instance"))) {
                row.put(field, value);
                touched.add(String.valueOf(row.get("record_id")));
            }
        }
        touched.forEach(id -> touch(id, when));
    }
}
