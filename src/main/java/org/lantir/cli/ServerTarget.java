package org.lantir.cli;

import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;

/**
 * The server a test command calls: {@code --ip}, {@code --port} and {@code --AEtitle} when
 * given, else the configured server. A wildcard listen address means this machine.
 */
record ServerTarget(String host, int port, String calledAeTitle, String callingAeTitle) {

    static final String DEFAULT_CALLING_AE = "LANTIR_TEST";

    static ServerTarget of(LantirCommand options, LantirConfig config) {
        ServerSettings server = config.lantir().server();
        String host = options.ip != null ? options.ip : server.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return new ServerTarget(host,
                options.port != null ? options.port : server.port(),
                options.aeTitle != null ? options.aeTitle : server.aeTitle(),
                options.callingAeTitle != null ? options.callingAeTitle : DEFAULT_CALLING_AE);
    }

    @Override
    public String toString() {
        return calledAeTitle + "@" + host + ":" + port;
    }
}
