package org.lantir.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks a {@code calpendo} source's keys get while the file loads, so that a bad value
 * (an invalid pattern, an unknown worklist field, a time zone that does not exist) stops
 * Lantir with its JSON path instead of failing every sync. The Calpendo source reads the same
 * values again when it is built.
 */
final class CalpendoKeys {

    /** The Python tool's keys, then Lantir's additions. */
    static final Set<String> KEYS = Set.of("base_url", "resources", "status_filter",
            "lookback_multiplier", "timezone", "resource_modality_mapping", "field_mapping",
            "allowed_studies", "window_mode", "daily_window",
            "username", "password", "password_env", "lookahead_days", "station_ae_title",
            "on_pattern_mismatch", "patient_name_order", "operator_booking_type",
            "operator_property", "max_parallel_requests", "connect_timeout_seconds",
            "read_timeout_seconds");

    /** Worklist fields a Calpendo {@code field_mapping} may fill. */
    static final Set<String> TARGETS = Set.of("patient_id", "patient_name",
            "study_description", "accession_number", "study_instance_uid", "modality",
            "referring_physician_name", "performing_physician", "station_name",
            "scheduled_station_aetitle", "procedure_description", "protocol_name",
            "patient_comments", "requested_procedure_comments", "sps_comments");
    /**
     * Targets the Python tool's files may name that Lantir takes from the booking itself
     * (its date range and status); accepted and not used.
     */
    static final Set<String> BOOKING_TARGETS = Set.of("performed_procedure_step_status",
            "scheduled_start_date", "scheduled_start_time",
            "scheduled_procedure_step_duration");

    /** Statuses that never make a worklist row (they retire one). */
    static final Set<String> RETIRING_STATUSES = Set.of("cancelled", "denied");
    static final List<String> WINDOW_MODES = List.of("rolling", "today");
    static final List<String> MISMATCH_POLICIES = List.of("skip", "use_raw_value");
    static final List<String> NAME_ORDERS = List.of("given_family", "family_given");

    private static final List<String> TEXT_KEYS = List.of("username", "password",
            "password_env", "operator_booking_type", "operator_property");

    private CalpendoKeys() {
    }

    /** Checks a source's {@code config} object. */
    static void checkConfig(ConfigNode settings) throws ConfigException {
        for (String key : TEXT_KEYS) {
            settings.text(key, null);
        }
        checkBaseUrl(settings);
        checkResources(settings);
        checkStatuses(settings);
        checkNumbers(settings);
        String zone = settings.text("timezone", null);
        if (zone != null) {
            SourceTypes.checkZone(settings, "timezone", zone);
        }
        checkModalities(settings.object("resource_modality_mapping"));
        settings.texts("allowed_studies", List.of());
        checkWindow(settings);
        oneOf(settings, "on_pattern_mismatch", MISMATCH_POLICIES);
        oneOf(settings, "patient_name_order", NAME_ORDERS);
        String station = settings.text("station_ae_title", null);
        if (station != null && !ConfigParser.isAeTitle(station.trim())) {
            throw settings.expected("station_ae_title", "an AE title of 1 to 16 characters");
        }
        checkFieldMapping(settings.object("field_mapping"));
    }

    /** Checks the keys of a {@code calpendo} entry itself (beside its {@code config}). */
    static void checkSource(ConfigNode source) throws ConfigException {
        checkWindow(source);
        ConfigNode outside = source.object("field_mapping");
        checkFieldMapping(outside);

        ConfigNode config = source.object("config");
        ConfigNode inside = config == null ? null : config.object("field_mapping");
        // An empty mapping is no mapping: the source then uses its default fields, and the
        // file writer puts "field_mapping": {} into every entry it saves.
        boolean mapped = isMapping(outside) || isMapping(inside);
        if (mapped && !names(outside, "patient_id") && !names(inside, "patient_id")) {
            throw source.error(isMapping(outside) ? "field_mapping" : "config.field_mapping",
                    "names no patient_id; every booking needs a Patient ID (without any "
                    + "field_mapping, the ID is the title's part before the first '_')");
        }
    }

    private static boolean isMapping(ConfigNode mapping) {
        return mapping != null && !mapping.keys().isEmpty();
    }

    private static boolean names(ConfigNode mapping, String target) {
        return mapping != null && mapping.has(target);
    }

    private static void checkBaseUrl(ConfigNode settings) throws ConfigException {
        String url = settings.text("base_url", null);
        if (url == null || url.isBlank()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw settings.expected("base_url", "an https:// URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !Set.of("https", "http").contains(scheme)) {
            throw settings.expected("base_url", "an https:// URL");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw settings.error("base_url", "expected an https:// URL: over http:// the "
                    + "Calpendo password would cross the network readable (http:// is "
                    + "accepted for 127.0.0.1, ::1 and localhost only)");
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]")
                || h.equals("::1");
    }

    private static void checkResources(ConfigNode settings) throws ConfigException {
        List<String> resources = settings.texts("resources", null);
        if (resources == null || resources.stream().allMatch(String::isBlank)) {
            throw settings.error("resources", "expected the list of Calpendo resources to "
                    + "read bookings of, e.g. [\"3T Diagnostic\"]");
        }
    }

    private static void checkStatuses(ConfigNode settings) throws ConfigException {
        JsonNode value = settings.json().get("status_filter");
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray() && value.isEmpty()) {
            throw settings.error("status_filter", "must not be empty: name the booking "
                    + "statuses that become rows, e.g. [\"Approved\"], or leave the key out");
        }
        List<String> statuses = value.isArray() ? settings.texts("status_filter", List.of())
                : List.of(settings.text("status_filter", ""));
        if (statuses.isEmpty() || statuses.stream().anyMatch(String::isBlank)) {
            throw settings.expected("status_filter", "a booking status such as \"Approved\", "
                    + "or a list of them");
        }
        for (String status : statuses) {
            if (RETIRING_STATUSES.contains(status.trim().toLowerCase(Locale.ROOT))) {
                throw settings.error("status_filter", status.trim() + " bookings never "
                        + "become worklist rows (they remove their row); leave it out");
            }
        }
    }

    private static void checkNumbers(ConfigNode settings) throws ConfigException {
        JsonNode multiplier = settings.json().get("lookback_multiplier");
        if (multiplier != null && !multiplier.isNull() && (!multiplier.isNumber()
                || multiplier.doubleValue() <= 0 || multiplier.doubleValue() > 100_000)) {
            throw settings.expected("lookback_multiplier", "a number above 0 (how many "
                    + "sync intervals a run reaches back)");
        }
        settings.integer("lookahead_days", 0, 366, 1, "days");
        settings.integer("max_parallel_requests", 1, 16, 4, "requests");
        settings.integer("connect_timeout_seconds", 1, 3600, 10, "seconds");
        settings.integer("read_timeout_seconds", 1, 3600, 30, "seconds");
    }

    private static void checkModalities(ConfigNode mapping) throws ConfigException {
        if (mapping == null) {
            return;
        }
        for (String resource : mapping.keys()) {
            String modality = mapping.text(resource, "");
            // Modality is a CS: upper case, digits, space and underscore, 16 at most.
            if (!modality.trim().matches("[A-Z0-9_ ]{1,16}")) {
                throw mapping.expected(resource, "a DICOM modality such as \"MR\"");
            }
        }
    }

    private static void checkWindow(ConfigNode node) throws ConfigException {
        oneOf(node, "window_mode", WINDOW_MODES);
        node.bool("daily_window", false);
    }

    private static void oneOf(ConfigNode node, String key, List<String> allowed)
            throws ConfigException {
        String value = node.text(key, null);
        if (value != null && !allowed.contains(value.trim().toLowerCase(Locale.ROOT))) {
            throw node.expected(key, "one of " + String.join(", ", allowed));
        }
    }

    private static void checkFieldMapping(ConfigNode mapping) throws ConfigException {
        if (mapping == null) {
            return;
        }
        for (String target : mapping.keys()) {
            String name = target.trim().toLowerCase(Locale.ROOT);
            if (name.startsWith("_") || BOOKING_TARGETS.contains(name)) {
                continue;
            }
            if (!TARGETS.contains(name)) {
                throw mapping.error(target, "'" + target + "' is not a worklist field Lantir "
                        + "fills from Calpendo; a Calpendo field_mapping maps a worklist field "
                        + "to a booking path, e.g. \"patient_id\": {\"source_field\": "
                        + "\"title\", \"_extract\": {...}}; fields: "
                        + String.join(", ", new TreeSet<>(TARGETS)));
            }
            checkEntry(mapping, target);
        }
    }

    private static void checkEntry(ConfigNode mapping, String target) throws ConfigException {
        Object entry = JsonValues.toJava(mapping.json().get(target));
        try {
            SourceField.parse(entry);
        } catch (SourceField.InvalidEntry e) {
            String key = e.key().isEmpty() ? target : target + "." + e.key();
            throw mapping.error(key, e.getMessage());
        }
    }
}
