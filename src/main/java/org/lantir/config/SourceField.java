package org.lantir.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where one worklist field of a Calpendo {@code field_mapping} comes from: a dot path into
 * the booking, optionally narrowed by a regular expression. The Python tool's files write
 * either the path alone, {@code "accession_number": "id"}, or an object:
 *
 * <pre>
 * "patient_id": {"source_field": "title",
 *                "_extract": {"pattern": "^([A-Z0-9]+)_.*", "group": 1}}
 * </pre>
 *
 * <p>The pattern is searched for anywhere in the value (as Python's {@code re.search} does;
 * anchor it with {@code ^} and {@code $}), and the group (a number, 0 for the whole match, or
 * a name) is the result. The Python tool's named groups, {@code (?P<name>...)} and
 * {@code (?P=name)}, are read as Java's {@code (?<name>...)} and {@code \k<name>}.
 *
 * @param path the dot path, e.g. {@code properties.project.formattedName}
 * @param pattern the compiled pattern, or null to take the value whole
 * @param group the group's number, when {@code groupName} is null
 * @param groupName the group's name, or null
 */
public record SourceField(String path, Pattern pattern, int group, String groupName) {

    private static final Set<String> ENTRY_KEYS = Set.of("source_field", "_extract");
    private static final Set<String> EXTRACT_KEYS = Set.of("pattern", "group");
    private static final Pattern PATH =
            Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    public SourceField {
        Objects.requireNonNull(path, "path");
    }

    /** A field taken whole. */
    public static SourceField path(String path) {
        return new SourceField(path, null, 0, null);
    }

    /** A field entry's value could not be used; {@link #key()} is relative to the entry. */
    public static final class InvalidEntry extends Exception {

        private static final long serialVersionUID = 1L;
        private final String key;

        InvalidEntry(String key, String problem) {
            super(problem);
            this.key = key;
        }

        /** The key under the entry that is wrong ({@code _extract.pattern}), or "" for all. */
        public String key() {
            return key;
        }
    }

    /**
     * Reads one entry of a {@code field_mapping}: a text path, or an object with
     * {@code source_field} and an optional {@code _extract} of {@code pattern} and
     * {@code group} (default 1, or 0 when the pattern has no group).
     *
     * @throws InvalidEntry when the entry has another shape, the pattern does not compile or
     *         the group is not one of the pattern's
     */
    public static SourceField parse(Object entry) throws InvalidEntry {
        if (entry instanceof String text) {
            return path(checkPath("", text));
        }
        if (!(entry instanceof Map<?, ?> object)) {
            throw new InvalidEntry("", "expected a booking path such as \"title\", or an object "
                    + "with source_field and _extract");
        }
        for (Object key : object.keySet()) {
            if (!ENTRY_KEYS.contains(String.valueOf(key))) {
                throw new InvalidEntry(String.valueOf(key), "unknown key; expected "
                        + "source_field and _extract");
            }
        }
        if (!(object.get("source_field") instanceof String source)) {
            throw new InvalidEntry("source_field", "expected the booking path the value "
                    + "is read from, e.g. \"title\"");
        }
        String path = checkPath("source_field", source);
        Object extract = object.get("_extract");
        if (extract == null) {
            return path(path);
        }
        if (!(extract instanceof Map<?, ?> rule)) {
            throw new InvalidEntry("_extract", "expected an object with pattern and group");
        }
        return extracted(path, rule);
    }

    private static SourceField extracted(String path, Map<?, ?> rule) throws InvalidEntry {
        for (Object key : rule.keySet()) {
            if (!EXTRACT_KEYS.contains(String.valueOf(key))) {
                throw new InvalidEntry("_extract." + key, "unknown key; expected pattern and "
                        + "group");
            }
        }
        if (!(rule.get("pattern") instanceof String text) || text.isEmpty()) {
            throw new InvalidEntry("_extract.pattern", "expected a regular expression");
        }
        Pattern pattern = compile(text);
        Object group = rule.get("group");
        int groups = pattern.matcher("").groupCount();
        if (group == null) {
            return new SourceField(path, pattern, Math.min(1, groups), null);
        }
        if (group instanceof String name) {
            checkGroupName(pattern.pattern(), name);
            return new SourceField(path, pattern, 0, name);
        }
        if (group instanceof Number number && number.doubleValue() == number.intValue()
                && number.intValue() >= 0 && number.intValue() <= groups) {
            return new SourceField(path, pattern, number.intValue(), null);
        }
        throw new InvalidEntry("_extract.group", "expected a group of the pattern: a number "
                + "from 0 to " + groups + " or a group's name");
    }

    private static String checkPath(String key, String path) throws InvalidEntry {
        String trimmed = path.trim();
        if (!PATH.matcher(trimmed).matches()) {
            throw new InvalidEntry(key, "expected a booking path of names joined by dots, "
                    + "e.g. properties.project.formattedName");
        }
        return trimmed;
    }

    private static Pattern compile(String text) throws InvalidEntry {
        String java = text.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        try {
            return Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw new InvalidEntry("_extract.pattern", "not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** Java 17 cannot list a pattern's named groups: look for the group's opening. */
    private static void checkGroupName(String pattern, String name) throws InvalidEntry {
        if (!pattern.contains("(?<" + name + ">")) {
            throw new InvalidEntry("_extract.group", "the pattern has no group named '" + name
                    + "'");
        }
    }

    /** Whether a pattern narrows the value. */
    public boolean extracts() {
        return pattern != null;
    }

    /**
     * The value the field gets from {@code text}: {@code text} itself without a pattern, else
     * the group of the first match; empty when the pattern does not match or the group took
     * part in no match.
     */
    public Optional<String> extract(String text) {
        if (pattern == null) {
            return Optional.of(text);
        }
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.ofNullable(groupName == null ? matcher.group(group)
                : matcher.group(groupName));
    }
}
