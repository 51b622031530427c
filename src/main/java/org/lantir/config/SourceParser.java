package org.lantir.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code data_sources} list, checking the keys each source type knows. */
final class SourceParser {

    private static final Set<String> SOURCE_KEYS = Set.of("name", "type", "enabled",
            "sync_interval", "operation_interval", "config", "field_mapping", "window_mode",
            "daily_window");
    private static final Set<String> INTERVAL_KEYS = Set.of("start_time", "end_time");
    private static final int MAX_SYNC_INTERVAL = 86_400;

    private SourceParser() {
    }

    static boolean isEmptyList(ConfigNode root) {
        JsonNode list = root.json().get("data_sources");
        return list == null || list.isNull() || list.isArray() && list.isEmpty();
    }

    static List<DataSourceConfig> parseAll(ConfigNode root) throws ConfigException {
        List<DataSourceConfig> sources = new ArrayList<>();
        Map<String, String> namesSeen = new HashMap<>();
        for (ConfigNode node : root.objects("data_sources")) {
            DataSourceConfig source = parse(node, sources.size());
            String earlier = namesSeen.putIfAbsent(source.name(), node.path());
            if (earlier != null) {
                throw node.error("name", "the name '" + source.name()
                        + "' is already used by " + earlier + "; names must be unique");
            }
            sources.add(source);
        }
        return sources;
    }

    private static DataSourceConfig parse(ConfigNode node, int index) throws ConfigException {
        String type = type(node);
        ConfigNode settings = node.object("config");
        SourceTypes.check(type, settings);
        SourceTypes.checkSource(type, node);
        Map<String, Object> extras = node.extras(SOURCE_KEYS, Set.of());

        return new DataSourceConfig(name(node, type, index), type,
                node.bool("enabled", ConfigDefaults.SOURCE_ENABLED),
                node.integer("sync_interval", 1, MAX_SYNC_INTERVAL,
                        ConfigDefaults.SYNC_INTERVAL_SECONDS, "seconds"),
                interval(node.object("operation_interval")),
                settings == null ? Map.of() : JsonValues.toMap(settings.json()),
                fieldMapping(node, type), node.text("window_mode", null),
                node.has("daily_window") ? node.bool("daily_window", false) : null, extras);
    }

    private static String type(ConfigNode node) throws ConfigException {
        String type = node.text("type", null);
        if (type == null || type.isBlank()) {
            throw node.error("type", "expected the source type (" + SourceTypes.names() + ")");
        }
        String normal = type.trim().toLowerCase(Locale.ROOT);
        if (!SourceTypes.isKnown(normal)) {
            throw node.expected("type", "one of " + SourceTypes.names());
        }
        return normal;
    }

    /** Sources without a name are named after their type (the Python tool said "unknown"). */
    private static String name(ConfigNode node, String type, int index)
            throws ConfigException {
        String name = node.text("name", null);
        if (name == null || name.isBlank()) {
            return index == 0 ? type : type + "_" + (index + 1);
        }
        return name.trim();
    }

    private static Map<String, Object> fieldMapping(ConfigNode node, String type)
            throws ConfigException {
        if (DataSourceConfig.TYPE_REDCAP.equals(type)) {
            return new java.util.LinkedHashMap<>(node.textMap("field_mapping"));
        }
        ConfigNode mapping = node.object("field_mapping");
        return mapping == null ? Map.of() : JsonValues.toMap(mapping.json());
    }

    /** {@code {"start_time": [h, m], "end_time": [h, m]}}; "HH:MM" text is accepted too. */
    static OperationInterval interval(ConfigNode node) throws ConfigException {
        if (node == null) {
            return OperationInterval.ALL_DAY;
        }
        // TODO: unknown keys of an operation_interval are reported but not kept on save;
        // OperationInterval is a plain time window with no place for them.
        node.extras(INTERVAL_KEYS, Set.of());
        return new OperationInterval(
                time(node, "start_time", OperationInterval.ALL_DAY.start()),
                time(node, "end_time", OperationInterval.ALL_DAY.end()));
    }

    private static LocalTime time(ConfigNode node, String key, LocalTime fallback)
            throws ConfigException {
        JsonNode value = node.json().get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        String expected = "[hour, minute] with hour 0-23 and minute 0-59";
        if (value.isArray() && value.size() == 2 && value.get(0).isIntegralNumber()
                && value.get(1).isIntegralNumber()) {
            int hour = value.get(0).intValue();
            int minute = value.get(1).intValue();
            if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59) {
                return LocalTime.of(hour, minute);
            }
        } else if (value.isTextual() && value.asText().matches("\\d{1,2}:\\d{2}")) {
            String[] parts = value.asText().split(":");
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            if (hour <= 23 && minute <= 59) {
                return LocalTime.of(hour, minute);
            }
        }
        throw node.expected(key, expected);
    }
}
