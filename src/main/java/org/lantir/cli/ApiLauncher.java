package org.lantir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import org.lantir.api.LantirApi;
import org.lantir.app.Lantir;
import org.lantir.config.ApiSettings;
import org.lantir.config.LantirConfig;
import org.lantir.config.ListenAddresses;

/**
 * Starts the REST API for {@code start} and {@code start-api}, and says so on the terminal.
 * A first admin account's password goes to standard output once, never to the log.
 */
final class ApiLauncher {

    private ApiLauncher() {
    }

    /** {@code lantir.api} with {@code --api-host} and {@code --api-port} applied. */
    static ApiSettings settings(LantirConfig config, LantirCommand options) {
        ApiSettings api = config.lantir().api();
        if (options.apiHost != null && !ListenAddresses.isPlausible(options.apiHost)) {
            // A usage error (exit 2), as a bad --port is.
            throw new IllegalArgumentException("--api-host: expected "
                    + ListenAddresses.EXPECTED + ", found \"" + options.apiHost + "\"");
        }
        return api.withEndpoint(options.apiHost != null ? options.apiHost : api.host(),
                options.apiPort != null ? options.apiPort : api.port());
    }

    /**
     * Starts the API on {@code lantir}; prints where it listens, and a first admin password.
     *
     * @throws IOException when it cannot listen (the message says where)
     * @throws IllegalArgumentException when {@code LANTIR_ADMIN_PASSWORD} breaks the rules
     */
    static LantirApi start(Lantir lantir, ApiSettings settings, Map<String, String> env,
            PrintWriter out) throws IOException {
        LantirApi api = LantirApi.start(lantir, settings, env);
        api.firstAdminPassword().ifPresent(password -> {
            out.println(LantirApi.firstAdminNotice(password));
        });
        out.printf("The REST API is listening on http://%s:%d (documentation at /docs).%n",
                settings.host(), api.port());
        out.flush();
        return api;
    }
}
