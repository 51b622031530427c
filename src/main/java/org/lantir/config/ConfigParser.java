package org.lantir.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the JSON tree of a configuration file into a {@link LantirConfig}. */
final class ConfigParser {

    static final Set<String> TOP_KEYS = Set.of("db_path", "users_db_path", "db_echo",
            "allowed_aet", "data_sources", "protocol", "api", "lantir");
    private static final Set<String> API_KEYS = Set.of("cors_allowed_origins",
            "cors_allow_credentials", "cors_allow_methods", "cors_allow_headers");
    /** Python-tool keys that Lantir reads no more but that must not raise a warning. */
    private static final Set<String> TOLERATED_KEYS = Set.of("mri_visit_session_mapping");

    private ConfigParser() {
    }

    static LantirConfig parse(ConfigNode root, Path baseDir) throws ConfigException {
        List<DataSourceConfig> sources = SourceParser.parseAll(root);
        boolean convert = sources.isEmpty() && LegacyFormat.isLegacy(root);
        if (convert) {
            sources = List.of(LegacyFormat.toSource(root));
        } else if (!LegacyFormat.presentKeys(root).isEmpty()) {
            root.warn("legacy keys " + LegacyFormat.presentKeys(root) + " are not used: "
                    + (sources.isEmpty() ? "neither site nor redcap2wl is set"
                            : "data_sources is set"));
        }
        Set<String> silent = new HashSet<>(TOLERATED_KEYS);
        if (!convert) {
            silent.addAll(LegacyFormat.KEYS);
        }
        Set<String> known = new HashSet<>(TOP_KEYS);
        if (convert) {
            known.addAll(LegacyFormat.KEYS);
        }

        return new LantirConfig(path(root, "db_path", baseDir),
                path(root, "users_db_path", baseDir),
                root.bool("db_echo", ConfigDefaults.DB_ECHO), allowedAet(root),
                protocol(root, "protocol"), api(root.object("api")), sources,
                LantirSectionParser.parse(root.object("lantir")), root.extras(known, silent));
    }

    static ConfigPath path(ConfigNode node, String key, Path baseDir) throws ConfigException {
        String text = node.text(key, null);
        if (text == null || text.isBlank()) {
            return null;
        }
        return ConfigPath.resolve(text, baseDir);
    }

    private static List<String> allowedAet(ConfigNode root) throws ConfigException {
        List<String> titles = root.texts("allowed_aet", List.of());
        List<String> result = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i).trim();
            if (!isAeTitle(title)) {
                throw new ConfigException(root.file(), "allowed_aet[" + i + "]",
                        "expected an AE title of 1 to 16 characters without a backslash");
            }
            result.add(title);
        }
        return result;
    }

    /** PS3.5 Table 6.2-1, AE: 16 characters at most, no backslash, not only spaces. */
    static boolean isAeTitle(String title) {
        return title != null && !title.isBlank() && title.length() <= 16
                && title.indexOf('\\') < 0 && title.chars().noneMatch(Character::isISOControl);
    }

    static Protocol protocol(ConfigNode node, String key) throws ConfigException {
        if (!node.has(key)) {
            return Protocol.NONE;
        }
        if (node.json().get(key).isObject()) {
            return Protocol.perSite(node.textMap(key));
        }
        if (node.json().get(key).isTextual()) {
            return Protocol.named(node.text(key, null));
        }
        throw node.expected(key, "a protocol name or an object mapping site IDs to names");
    }

    private static ApiConfig api(ConfigNode api) throws ConfigException {
        if (api == null) {
            return ApiConfig.defaults();
        }
        Map<String, Object> extras = api.extras(API_KEYS, Set.of());
        List<String> origins =
                api.texts("cors_allowed_origins", ConfigDefaults.CORS_ALLOWED_ORIGINS);
        boolean credentials =
                api.bool("cors_allow_credentials", ConfigDefaults.CORS_ALLOW_CREDENTIALS);
        if (credentials && origins.stream().anyMatch(o -> o.trim().equals("*"))) {
            // Any web page could then call the API with the browser's credentials (the
            // Fetch standard forbids "*" with credentials; echoing origins would bypass it).
            throw api.error("cors_allow_credentials", "cannot be true while "
                    + api.pathOf("cors_allowed_origins") + " contains \"*\": list the "
                    + "origins that may call the API with credentials, or set it to false");
        }
        return new ApiConfig(origins, credentials,
                api.texts("cors_allow_methods", ConfigDefaults.CORS_ALLOW_METHODS),
                api.texts("cors_allow_headers", ConfigDefaults.CORS_ALLOW_HEADERS), extras);
    }
}
