package org.lantir.config;

import java.time.Duration;
import java.util.Map;

/**
 * Lantir's REST API server ({@code lantir.api} in the file): whether {@code lantir start} and
 * the desktop run it beside the DICOM server, where it listens, and how long its access
 * tokens last. {@code lantir start-api} runs it whatever {@code enabled} says. Who may call
 * it from a browser is the top-level {@code api} section ({@link ApiConfig}).
 *
 * @param enabled whether {@code start} and the desktop run the API (default false: a server
 *        that answers on the network is opt-in)
 * @param host the address to listen on (default 0.0.0.0, as the Python tool)
 * @param port the TCP port (default 8000, as the Python tool); 0 picks a free one (tests)
 * @param tokenLifetime how long a token lasts when the login asks for no lifetime
 * @param maxTokenLifetime the longest lifetime a login may ask for (the site's maximum)
 * @param extras keys of {@code lantir.api} Lantir does not know, kept on save
 */
public record ApiSettings(boolean enabled, String host, int port, Duration tokenLifetime,
        Duration maxTokenLifetime, Map<String, Object> extras) {

    public ApiSettings {
        if (tokenLifetime.compareTo(maxTokenLifetime) > 0) {
            throw new IllegalArgumentException("the token lifetime " + tokenLifetime
                    + " is above the maximum " + maxTokenLifetime);
        }
        extras = JsonValues.copyOf(extras);
    }

    public ApiSettings(boolean enabled, String host, int port, Duration tokenLifetime,
            Duration maxTokenLifetime) {
        this(enabled, host, port, tokenLifetime, maxTokenLifetime, Map.of());
    }

    public static ApiSettings defaults() {
        return new ApiSettings(ConfigDefaults.API_ENABLED, ConfigDefaults.API_HOST,
                ConfigDefaults.API_PORT, ConfigDefaults.API_TOKEN_LIFETIME,
                ConfigDefaults.API_MAX_TOKEN_LIFETIME);
    }

    /** The same settings listening on another address or port (command-line flags). */
    public ApiSettings withEndpoint(String newHost, int newPort) {
        return new ApiSettings(enabled, newHost, newPort, tokenLifetime, maxTokenLifetime,
                extras);
    }
}
