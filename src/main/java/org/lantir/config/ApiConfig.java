package org.lantir.config;

import java.util.List;

/**
 * The Python tool's {@code api} section: Cross-Origin Resource Sharing settings for the REST
 * API. The defaults (in {@link ConfigDefaults}) allow no cross-origin callers.
 */
public record ApiConfig(List<String> corsAllowedOrigins, boolean corsAllowCredentials,
        List<String> corsAllowMethods, List<String> corsAllowHeaders) {

    public ApiConfig {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        corsAllowMethods = List.copyOf(corsAllowMethods);
        corsAllowHeaders = List.copyOf(corsAllowHeaders);
    }

    public static ApiConfig defaults() {
        return new ApiConfig(ConfigDefaults.CORS_ALLOWED_ORIGINS,
                ConfigDefaults.CORS_ALLOW_CREDENTIALS, ConfigDefaults.CORS_ALLOW_METHODS,
                ConfigDefaults.CORS_ALLOW_HEADERS);
    }
}
