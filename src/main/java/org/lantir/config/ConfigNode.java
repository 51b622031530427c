package org.lantir.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON object of the configuration file together with its JSON path, so that every typed
 * read can fail with a message naming the file, the path and what was expected. Values of
 * keys that look like credentials are never quoted in messages. Warnings (unknown keys, the
 * legacy format) go to the sink the whole tree shares: the log by default, the configuration
 * editor's list while a person types.
 */
final class ConfigNode {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigNode.class);

    /** The default sink: one WARN line per warning. */
    static final Consumer<String> LOG_WARNINGS = message -> LOG.warn("{}", message);

    private final Path file;
    private final String path;
    private final JsonNode json;
    private final Consumer<String> warnings;

    ConfigNode(Path file, String path, JsonNode json) {
        this(file, path, json, LOG_WARNINGS);
    }

    ConfigNode(Path file, String path, JsonNode json, Consumer<String> warnings) {
        this.file = file;
        this.path = path;
        this.json = json;
        this.warnings = warnings;
    }

    /** Reports something Lantir reads past, naming the file; {@code problem} names the path. */
    void warn(String problem) {
        warnings.accept(where(file) + ": " + problem);
    }

    Path file() {
        return file;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        JsonNode value = json.get(key);
        return value != null && !value.isNull();
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(file, key == null ? path : pathOf(key), problem);
    }

    ConfigException expected(String key, String what) {
        return error(key, "expected " + what + ", found " + describe(key, json.get(key)));
    }

    /** Text; a number is taken as its decimal text (site IDs are often written as 792). */
    String text(String key, String fallback) throws ConfigException {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isTextual() || value.isIntegralNumber()) {
            return value.asText();
        }
        throw expected(key, "text");
    }

    int integer(String key, int min, int max, int fallback, String unit)
            throws ConfigException {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        boolean whole = value.isIntegralNumber()
                || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
        if (!whole || value.decimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || value.decimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw expected(key, "a whole number of " + unit + " from " + min + " to " + max);
        }
        return value.intValue();
    }

    /** A boolean; the Python tool's files also hold "True", "False", "0" and "1". */
    boolean bool(String key, boolean fallback) throws ConfigException {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        if ((value.isTextual() || value.isIntegralNumber())
                && Set.of("true", "1", "yes", "false", "0", "no").contains(text)) {
            return Set.of("true", "1", "yes").contains(text);
        }
        throw expected(key, "true or false");
    }

    List<String> texts(String key, List<String> fallback) throws ConfigException {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isArray()) {
            throw expected(key, "a list of text values");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                String at = pathOf(key) + "[" + i + "]";
                throw new ConfigException(file, at,
                        "expected text, found " + describe(key, element));
            }
            result.add(element.asText());
        }
        return Collections.unmodifiableList(result);
    }

    /** An object whose values are text (numbers accepted as their text). */
    Map<String, String> textMap(String key) throws ConfigException {
        ConfigNode object = object(key);
        if (object == null) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : object.keys()) {
            result.put(name, object.text(name, null));
        }
        return Collections.unmodifiableMap(result);
    }

    /** The object under {@code key}, or null when absent. */
    ConfigNode object(String key) throws ConfigException {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw expected(key, "an object");
        }
        return new ConfigNode(file, pathOf(key), value, warnings);
    }

    /** The objects of the list under {@code key}, each knowing its path {@code key[i]}. */
    List<ConfigNode> objects(String key) throws ConfigException {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw expected(key, "a list");
        }
        List<ConfigNode> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String at = pathOf(key) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw new ConfigException(file, at,
                        "expected an object, found " + describe(key, value.get(i)));
            }
            result.add(new ConfigNode(file, at, value.get(i), warnings));
        }
        return result;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * The keys outside {@code known}, with their values, so that saving keeps them. Each one
     * is reported with a WARN line naming its path, except those in {@code silent} and keys
     * starting with {@code _}, which the Python tool's files use as comments.
     */
    Map<String, Object> extras(Set<String> known, Set<String> silent) {
        Map<String, Object> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (known.contains(field.getKey())) {
                continue;
            }
            if (!field.getKey().startsWith("_") && !silent.contains(field.getKey())) {
                warn("unknown key " + pathOf(field.getKey()) + " is not used by Lantir");
            }
            extras.put(field.getKey(), JsonValues.toJava(field.getValue()));
        }
        return extras;
    }

    /** How messages name the origin of the configuration. */
    static String where(Path file) {
        return file == null ? "configuration" : "configuration file " + file;
    }

    static boolean isSecretKey(String key) {
        String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
        return k.contains("token") || k.contains("password") || k.contains("secret");
    }

    /** How a found value is shown in a message: short scalars quoted, secrets never. */
    static String describe(String key, JsonNode value) {
        if (value == null || value.isNull()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        String kind = value.isTextual() ? "text" : value.isBoolean() ? "a boolean" : "a number";
        if (isSecretKey(key)) {
            return kind;
        }
        String shown = value.toString();
        return shown.length() > 40 ? kind : kind + " " + shown;
    }
}
