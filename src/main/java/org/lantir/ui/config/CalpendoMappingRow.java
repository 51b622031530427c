package org.lantir.ui.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of a Calpendo {@code field_mapping}: worklist field → booking path, optionally
 * narrowed by an {@code _extract} pattern and group. The entry as it was read is kept: an
 * unchanged line is saved exactly as it was, and a line whose value has more than the four
 * columns can show is not editable here (the JSON tab edits it).
 */
public final class CalpendoMappingRow {

    private static final Set<String> ENTRY_KEYS = Set.of("source_field", "_extract");
    private static final Set<String> EXTRACT_KEYS = Set.of("pattern", "group");

    private final StringProperty worklistField = new SimpleStringProperty(this, "field", "");
    private final StringProperty bookingPath = new SimpleStringProperty(this, "path", "");
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    /** Whether the line was read from the file, with this key and value. */
    private final boolean read;
    private final String originalTarget;
    private final Object original;
    private final boolean editable;
    private final List<String> loaded;

    /** A new, empty line. */
    public CalpendoMappingRow() {
        this("", null, false);
    }

    /** A line of the file: saved exactly as it was while its text is unchanged. */
    static CalpendoMappingRow read(String target, Object value) {
        return new CalpendoMappingRow(target, value, true);
    }

    private CalpendoMappingRow(String target, Object value, boolean read) {
        this.read = read;
        this.originalTarget = target;
        this.original = value;
        worklistField.set(target);
        editable = !read || value instanceof String || isPlainExtract(value);
        if (value instanceof String path) {
            bookingPath.set(path);
        } else if (value instanceof Map<?, ?> entry) {
            bookingPath.set(entry.get("source_field") instanceof String path ? path : "");
            if (entry.get("_extract") instanceof Map<?, ?> extract) {
                pattern.set(extract.get("pattern") instanceof String p ? p : "");
                group.set(groupText(extract.get("group")));
            }
        }
        loaded = texts();
    }

    /** Source field and an {@code _extract} of pattern and group, all as text or number. */
    private static boolean isPlainExtract(Object value) {
        if (!(value instanceof Map<?, ?> entry) || !ENTRY_KEYS.containsAll(entry.keySet())
                || !(entry.get("source_field") instanceof String)) {
            return false;
        }
        Object extract = entry.get("_extract");
        if (extract == null) {
            return true;
        }
        return extract instanceof Map<?, ?> rule && EXTRACT_KEYS.containsAll(rule.keySet())
                && (rule.get("pattern") == null || rule.get("pattern") instanceof String)
                && (rule.get("group") == null || rule.get("group") instanceof String
                        || isWholeNumber(rule.get("group")));
    }

    private static boolean isWholeNumber(Object value) {
        return value instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros()
                .scale() <= 0;
    }

    private static String groupText(Object group) {
        if (isWholeNumber(group)) {
            return new BigDecimal(group.toString()).toBigInteger().toString();
        }
        return group == null ? "" : String.valueOf(group);
    }

    private List<String> texts() {
        return List.of(worklistField(), bookingPath(), pattern(), group());
    }

    Observable[] observables() {
        return new Observable[] {worklistField, bookingPath, pattern, group};
    }

    private boolean unchanged() {
        return read && (!editable || texts().equals(loaded));
    }

    /** The entry's key: as read when nothing changed (spaces and all). */
    String target() {
        return unchanged() ? originalTarget : worklistField();
    }

    /**
     * The entry's value: as read when nothing changed, else the path alone without a pattern,
     * else {@code {"source_field": ..., "_extract": {"pattern": ..., "group": ...}}}.
     */
    Object value() {
        if (unchanged()) {
            return original;
        }
        if (pattern().isEmpty() && group().isEmpty()) {
            return bookingPath();
        }
        Map<String, Object> extract = new LinkedHashMap<>();
        if (!pattern().isEmpty()) {
            extract.put("pattern", pattern());
        }
        if (!group().isEmpty()) {
            extract.put("group", group().matches("\\d{1,9}") ? Integer.valueOf(group())
                    : group());
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("source_field", bookingPath());
        entry.put("_extract", extract);
        return entry;
    }

    /** False when the entry holds more than the columns show; the JSON tab edits it. */
    public boolean isEditable() {
        return editable;
    }

    public StringProperty worklistFieldProperty() {
        return worklistField;
    }

    public StringProperty bookingPathProperty() {
        return bookingPath;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public String worklistField() {
        return strip(worklistField.get());
    }

    public String bookingPath() {
        return strip(bookingPath.get());
    }

    /** The pattern as typed: spaces may belong to it. */
    public String pattern() {
        return pattern.get() == null ? "" : pattern.get();
    }

    public String group() {
        return strip(group.get());
    }

    boolean isBlank() {
        return texts().stream().allMatch(String::isBlank);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
