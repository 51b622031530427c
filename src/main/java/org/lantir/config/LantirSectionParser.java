package org.lantir.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;

/** Reads Lantir's own {@code lantir} section; every missing value takes its default. */
final class LantirSectionParser {

    private static final Set<String> KEYS =
            Set.of("server", "uid_root", "sync", "desktop", "api");
    private static final Set<String> API_KEYS = Set.of("enabled", "host", "port",
            "access_token_expire_minutes", "max_access_token_expire_minutes");
    /** The longest token lifetime a site may allow: a week, in minutes. */
    private static final int MAX_TOKEN_MINUTES = 7 * 24 * 60;
    private static final Set<String> DESKTOP_KEYS = Set.of("close_action");
    private static final Set<String> SERVER_KEYS = Set.of("ae_title", "bind_address", "port",
            "max_associations", "idle_timeout_seconds", "max_pdu_length", "visible_statuses",
            "person_name_case_insensitive", "calling_ae_default_charsets", "max_answers",
            "calling_ae_as_station", "unassigned_station");
    private static final Set<String> SYNC_KEYS =
            Set.of("overlap_seconds", "retry_initial_seconds", "retry_max_seconds");
    /** The standard's own root may never prefix a UID Lantir mints (PS3.5 §9.1). */
    private static final String DICOM_ROOT = "1.2.840.10008";

    private LantirSectionParser() {
    }

    static LantirSettings parse(ConfigNode node) throws ConfigException {
        if (node == null) {
            return LantirSettings.defaults();
        }
        Map<String, Object> extras = node.extras(KEYS, Set.of());
        return new LantirSettings(server(node.object("server")), uidRoot(node),
                sync(node.object("sync")), desktop(node.object("desktop")),
                api(node.object("api")), extras);
    }

    /** {@code lantir.api}: the REST API server. */
    private static ApiSettings api(ConfigNode node) throws ConfigException {
        if (node == null) {
            return ApiSettings.defaults();
        }
        Map<String, Object> extras = node.extras(API_KEYS, Set.of());
        String host = node.text("host", ConfigDefaults.API_HOST).trim();
        if (!ListenAddresses.isPlausible(host)) {
            throw node.expected("host", ListenAddresses.EXPECTED);
        }
        int maximum = node.integer("max_access_token_expire_minutes", 1, MAX_TOKEN_MINUTES,
                (int) ConfigDefaults.API_MAX_TOKEN_LIFETIME.toMinutes(), "minutes");
        int lifetime = node.integer("access_token_expire_minutes", 1, MAX_TOKEN_MINUTES,
                (int) ConfigDefaults.API_TOKEN_LIFETIME.toMinutes(), "minutes");
        if (lifetime > maximum) {
            throw node.expected("access_token_expire_minutes", "at most "
                    + node.pathOf("max_access_token_expire_minutes") + " (" + maximum + ")");
        }
        return new ApiSettings(node.bool("enabled", ConfigDefaults.API_ENABLED), host,
                node.integer("port", 0, 65_535, ConfigDefaults.API_PORT, "port"),
                Duration.ofMinutes(lifetime), Duration.ofMinutes(maximum), extras);
    }

    private static DesktopSettings desktop(ConfigNode node) throws ConfigException {
        if (node == null) {
            return DesktopSettings.defaults();
        }
        Map<String, Object> extras = node.extras(DESKTOP_KEYS, Set.of());
        String word = node.text("close_action", null);
        CloseAction action = word == null ? ConfigDefaults.CLOSE_ACTION
                : CloseAction.fromConfigName(word).orElseThrow(
                        () -> node.expected("close_action", "\"stop\" or \"ask\""));
        return new DesktopSettings(action, extras);
    }

    private static ServerSettings server(ConfigNode node) throws ConfigException {
        if (node == null) {
            return ServerSettings.defaults();
        }
        Map<String, Object> extras = node.extras(SERVER_KEYS, Set.of());
        String ae = node.text("ae_title", ConfigDefaults.AE_TITLE).trim();
        if (!ConfigParser.isAeTitle(ae)) {
            throw node.expected("ae_title", "an AE title of 1 to 16 characters");
        }
        String bindAddress = node.text("bind_address", ConfigDefaults.BIND_ADDRESS).trim();
        if (!ListenAddresses.isPlausible(bindAddress)) {
            throw node.expected("bind_address", ListenAddresses.EXPECTED);
        }
        return new ServerSettings(ae, bindAddress,
                node.integer("port", 0, 65_535, ConfigDefaults.PORT, "port"),
                node.integer("max_associations", 1, 10_000, ConfigDefaults.MAX_ASSOCIATIONS,
                        "associations"),
                node.integer("idle_timeout_seconds", 1, 86_400,
                        ConfigDefaults.IDLE_TIMEOUT_SECONDS, "seconds"),
                node.integer("max_pdu_length", 4_096, 16_777_216,
                        ConfigDefaults.MAX_PDU_LENGTH, "bytes"),
                statuses(node), node.bool("person_name_case_insensitive",
                        ConfigDefaults.PERSON_NAME_CASE_INSENSITIVE),
                charsets(node), node.integer("max_answers", 0, 10_000_000,
                        ConfigDefaults.MAX_ANSWERS, "matches"),
                aeTitles(node, "calling_ae_as_station"), unassignedStation(node), extras);
    }

    private static UnassignedStation unassignedStation(ConfigNode node) throws ConfigException {
        String word = node.text("unassigned_station", null);
        if (word == null) {
            return ConfigDefaults.UNASSIGNED_STATION;
        }
        return UnassignedStation.fromConfigName(word).orElseThrow(() -> node.expected(
                "unassigned_station", "\"any\" or \"hidden\""));
    }

    private static Set<ProcedureStepStatus> statuses(ConfigNode node) throws ConfigException {
        List<String> words = node.texts("visible_statuses", null);
        if (words == null) {
            return ConfigDefaults.VISIBLE_STATUSES;
        }
        Set<ProcedureStepStatus> statuses = EnumSet.noneOf(ProcedureStepStatus.class);
        for (int i = 0; i < words.size(); i++) {
            var status = ProcedureStepStatus.fromStoredWord(words.get(i));
            if (status.isEmpty()) {
                throw new ConfigException(node.file(),
                        node.pathOf("visible_statuses") + "[" + i + "]",
                        "expected one of " + List.of(ProcedureStepStatus.values()));
            }
            statuses.add(status.get());
        }
        if (statuses.isEmpty()) {
            throw node.expected("visible_statuses", "at least one status");
        }
        return statuses;
    }

    private static Map<String, String> charsets(ConfigNode node) throws ConfigException {
        Map<String, String> charsets = node.textMap("calling_ae_default_charsets");
        List<String> blank = new ArrayList<>();
        charsets.forEach((ae, term) -> {
            if (term == null || term.isBlank()) {
                blank.add(ae);
            }
        });
        if (!blank.isEmpty()) {
            throw node.error("calling_ae_default_charsets." + blank.get(0),
                    "expected a Specific Character Set term such as \"ISO_IR 100\"");
        }
        for (Map.Entry<String, String> entry : charsets.entrySet()) {
            try {
                SpecificCharacterSet.of(entry.getValue().split("\\\\"));
            } catch (IllegalArgumentException unknown) {
                throw node.error("calling_ae_default_charsets." + entry.getKey(),
                        "expected a Specific Character Set term Lantir supports, such as "
                                + "\"ISO_IR 100\" or \"ISO_IR 192\"");
            }
        }
        return charsets;
    }

    private static Set<String> aeTitles(ConfigNode node, String key) throws ConfigException {
        List<String> titles = node.texts(key, List.of());
        for (int i = 0; i < titles.size(); i++) {
            if (!ConfigParser.isAeTitle(titles.get(i).trim())) {
                throw new ConfigException(node.file(), node.pathOf(key) + "[" + i + "]",
                        "expected an AE title of 1 to 16 characters");
            }
        }
        return new TreeSet<>(titles.stream().map(String::trim).toList());
    }

    private static String uidRoot(ConfigNode node) throws ConfigException {
        String root = node.text("uid_root", ConfigDefaults.UID_ROOT).trim();
        boolean wellFormed = root.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*")
                && root.length() <= 32;
        if (!wellFormed || root.equals(DICOM_ROOT) || root.startsWith(DICOM_ROOT + ".")) {
            throw node.expected("uid_root", "a UID root of at most 32 characters (digits and "
                    + "dots, no leading zeros) outside " + DICOM_ROOT);
        }
        return root;
    }

    private static SyncSettings sync(ConfigNode node) throws ConfigException {
        if (node == null) {
            return SyncSettings.defaults();
        }
        Map<String, Object> extras = node.extras(SYNC_KEYS, Set.of());
        return new SyncSettings(seconds(node, "overlap_seconds", 0,
                        ConfigDefaults.SYNC_OVERLAP),
                seconds(node, "retry_initial_seconds", 1, ConfigDefaults.SYNC_RETRY_INITIAL),
                seconds(node, "retry_max_seconds", 1, ConfigDefaults.SYNC_RETRY_MAX), extras);
    }

    private static Duration seconds(ConfigNode node, String key, int min, Duration fallback)
            throws ConfigException {
        return Duration.ofSeconds(node.integer(key, min, 86_400,
                (int) fallback.getSeconds(), "seconds"));
    }
}
