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
    /**
     * The Python tool's Calpendo keys, then Lantir's credentials (the Python tool read them
     * from the environment only); their values are checked by the Calpendo source.
     */
    static final Set<String> CALPENDO_KEYS = Set.of("base_url", "resources", "status_filter",
            "lookback_multiplier", "timezone", "resource_modality_mapping", "field_mapping",
            "allowed_studies", "window_mode", "daily_window", "username", "password");

    private static final Map<String, Set<String>> KEYS = Map.of(
            DataSourceConfig.TYPE_REDCAP, REDCAP_KEYS,
            DataSourceConfig.TYPE_CALPENDO, CALPENDO_KEYS);
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
            checkZone(settings, zone);
        }
        String station = settings.text("station_ae_title", null);
        if (station != null && !ConfigParser.isAeTitle(station.trim())) {
            throw settings.expected("station_ae_title", "an AE title of 1 to 16 characters");
        }
        settings.integer("connect_timeout_seconds", 1, 3600, 10, "seconds");
        settings.integer("read_timeout_seconds", 1, 3600, 60, "seconds");
    }

    private static void checkZone(ConfigNode settings, String zone) throws ConfigException {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw settings.expected("server_timezone",
                    "a time zone such as America/Edmonton");
        }
    }
}
