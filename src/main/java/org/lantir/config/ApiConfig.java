package org.lantir.config;

import java.util.List;
import java.util.Map;

/**
 * The Python tool's {@code api} section: Cross-Origin Resource Sharing settings for the REST
 * API. The defaults (in {@link ConfigDefaults}) allow no cross-origin callers.
 *
 * @param extras keys of {@code api} Lantir does not know, kept on save
 */
public record ApiConfig(List<String> corsAllowedOrigins, boolean corsAllowCredentials,
        List<String> corsAllowMethods, List<String> corsAllowHeaders,
        Map<String, Object> extras) {

    public ApiConfig {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        corsAllowMethods = List.copyOf(corsAllowMethods);
        corsAllowHeaders = List.copyOf(corsAllowHeaders);
        extras = JsonValues.copyOf(extras);
    }

    /** Settings without keys Lantir does not know. */
    public ApiConfig(List<String> corsAllowedOrigins, boolean corsAllowCredentials,
            List<String> corsAllowMethods, List<String> corsAllowHeaders) {
        this(corsAllowedOrigins, corsAllowCredentials, corsAllowMethods, corsAllowHeaders,
                Map.of());
    }

    public static ApiConfig defaults() {
        return new ApiConfig(ConfigDefaults.CORS_ALLOWED_ORIGINS,
                ConfigDefaults.CORS_ALLOW_CREDENTIALS, ConfigDefaults.CORS_ALLOW_METHODS,
                ConfigDefaults.CORS_ALLOW_HEADERS);
    }
}
