package org.lantir.app;

import java.util.ArrayList;
import java.util.List;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;

/**
 * The server settings given on the command line ({@code --AEtitle}, {@code --ip},
 * {@code --port}): they win over the configuration file for the whole run, also when the
 * configuration is replaced while it runs (an import from the welcome panel).
 *
 * @param aeTitle the AE title, or null for the configuration's
 * @param bindAddress the bind address, or null for the configuration's
 * @param port the port, or null for the configuration's
 */
public record ServerOverrides(String aeTitle, String bindAddress, Integer port) {

    /** No flag given: the configuration's settings stand. */
    public static final ServerOverrides NONE = new ServerOverrides(null, null, null);

    /** The configuration with these settings in place of its own. */
    public LantirConfig applyTo(LantirConfig config) {
        ServerSettings s = config.lantir().server();
        ServerSettings server = s.withEndpoint(
                aeTitle != null ? aeTitle : s.aeTitle(),
                bindAddress != null ? bindAddress : s.bindAddress(),
                port != null ? port : s.port());
        return config.withLantir(config.lantir().withServer(server));
    }

    public boolean isEmpty() {
        return aeTitle == null && bindAddress == null && port == null;
    }

    /** The flags as typed, e.g. {@code --ip 127.0.0.1 --port 4243}; empty when none. */
    public String describe() {
        List<String> flags = new ArrayList<>();
        if (aeTitle != null) {
            flags.add("--AEtitle " + aeTitle);
        }
        if (bindAddress != null) {
            flags.add("--ip " + bindAddress);
        }
        if (port != null) {
            flags.add("--port " + port);
        }
        return String.join(" ", flags);
    }
}
