package org.lantir.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python tool's first, flat format: one REDCap project described by top-level
 * {@code site}, {@code redcap2wl} (the field mapping), {@code db_update_interval} and
 * {@code operation_interval}. It is read as one REDCap data source, as the Python tool itself
 * does, with one WARN line; saving the file writes the {@code data_sources} format.
 */
final class LegacyFormat {

    static final Set<String> KEYS =
            Set.of("site", "redcap2wl", "db_update_interval", "operation_interval");
    private static final List<String> KEY_ORDER =
            List.of("site", "redcap2wl", "db_update_interval", "operation_interval");

    private LegacyFormat() {
    }

    /** A flat file describes a REDCap project when it names a site or a field mapping. */
    static boolean isLegacy(ConfigNode root) {
        return root.has("redcap2wl") || root.has("site");
    }

    static List<String> presentKeys(ConfigNode root) {
        List<String> present = new ArrayList<>();
        for (String key : KEY_ORDER) {
            if (root.has(key)) {
                present.add(key);
            }
        }
        return present;
    }

    static DataSourceConfig toSource(ConfigNode root) throws ConfigException {
        Map<String, Object> settings = new LinkedHashMap<>();
        String site = root.text("site", null);
        if (site != null) {
            settings.put("site_id", site);
        }
        DataSourceConfig source = new DataSourceConfig(ConfigDefaults.LEGACY_SOURCE_NAME,
                DataSourceConfig.TYPE_REDCAP, true,
                root.integer("db_update_interval", 1, 86_400,
                        ConfigDefaults.SYNC_INTERVAL_SECONDS, "seconds"),
                SourceParser.interval(root.object("operation_interval")), settings,
                new LinkedHashMap<>(root.textMap("redcap2wl")), null, null, Map.of());

        root.warn("legacy flat format (" + String.join(", ", presentKeys(root))
                + ") read as one REDCap data source '" + source.name()
                + "'; saving from Lantir writes the data_sources format");
        return source;
    }
}
