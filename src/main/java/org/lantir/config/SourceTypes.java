package org.lantir.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys each data source type reads from its {@code config} object, with the checks that
 * can be made while loading, so that a bad value fails at start-up with its JSON path.
 */
final class SourceTypes {

    /** REDCap keys: the Python tool's two, then Lantir's additions. */
    static final Set<String> REDCAP_KEYS = Set.of("site_id", "protocol", "api_url",
            "api_token", "api_token_env", "server_timezone", "repeat_instrument",
            "patient_id_template", "patient_name_template", "modality", "station_ae_title",
            "station_name", "protocol_coding_scheme", "connect_timeout_seconds",
            "read_timeout_seconds");
    /** Calpendo keys: the Python tool's ten, then Lantir's additions. */
    static final Set<String> CALPENDO_KEYS = CalpendoKeys.KEYS;

    private static final Map<String, Set<String>> KEYS = Map.of(
            DataSourceConfig.TYPE_REDCAP, REDCAP_KEYS,
            DataSourceConfig.TYPE_CALPENDO, CALPENDO_KEYS,
            DataSourceConfig.TYPE_CSV_FOLDER, FolderKeys.CSV_KEYS,
            DataSourceConfig.TYPE_WL_FOLDER, FolderKeys.WL_KEYS);
    private static final List<String> TEXT_KEYS = List.of("site_id", "api_token",
            "api_token_env", "repeat_instrument", "patient_id_template",
            "patient_name_template", "modality", "station_name", "protocol_coding_scheme");

    private SourceTypes() {
    }

    static boolean isKnown(String type) {
        return KEYS.containsKey(type);
    }

    static String names() {
        return String.join(", ", new java.util.TreeSet<>(KEYS.keySet()));
    }

    static void check(String type, ConfigNode settings) throws ConfigException {
        if (settings == null) {
            return;
        }
        settings.extras(KEYS.get(type), Set.of());
        if (DataSourceConfig.TYPE_REDCAP.equals(type)) {
            checkRedcap(settings);
        } else if (DataSourceConfig.TYPE_CALPENDO.equals(type)) {
            CalpendoKeys.checkConfig(settings);
        } else if (DataSourceConfig.TYPE_CSV_FOLDER.equals(type)) {
            FolderKeys.checkCsv(settings);
        } else if (DataSourceConfig.TYPE_WL_FOLDER.equals(type)) {
            FolderKeys.checkWorklist(settings);
        }
    }

    /**
     * Checks the keys of a source entry beside {@code config} that belong to its type: a
     * Calpendo entry's {@code field_mapping} and window settings, a folder's {@code path}.
     */
    static void checkSource(String type, ConfigNode source) throws ConfigException {
        if (DataSourceConfig.TYPE_CALPENDO.equals(type)) {
            CalpendoKeys.checkSource(source);
        } else if (FolderKeys.isFolderType(type)) {
            FolderKeys.checkSource(source);
        }
    }

    private static void checkRedcap(ConfigNode settings) throws ConfigException {
        for (String key : TEXT_KEYS) {
            settings.text(key, null);
        }
        ConfigParser.protocol(settings, "protocol");
        String url = settings.text("api_url", null);
        if (url != null && !url.isBlank() && !url.matches("(?i)https?://\\S+")) {
            throw settings.expected("api_url", "an http:// or https:// URL");
        }
        String zone = settings.text("server_timezone", null);
        if (zone != null) {
            checkZone(settings, "server_timezone", zone);
        }
        String station = settings.text("station_ae_title", null);
        if (station != null && !ConfigParser.isAeTitle(station.trim())) {
            throw settings.expected("station_ae_title", "an AE title of 1 to 16 characters");
        }
        settings.integer("connect_timeout_seconds", 1, 3600, 10, "seconds");
        settings.integer("read_timeout_seconds", 1, 3600, 60, "seconds");
    }

    static void checkZone(ConfigNode settings, String key, String zone)
            throws ConfigException {
        try {
            ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw settings.expected(key, "a time zone such as America/Edmonton");
        }
    }
}
