package org.lantir.cli;

import java.io.PrintWriter;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;
import org.lantir.scu.ModalitySimulator.Failure;
import org.lantir.scu.ScuTarget;

/**
 * The server a test command calls: {@code --ip}, {@code --port} and {@code --AEtitle} when
 * given, else the configured server. A wildcard listen address means this machine.
 */
record ServerTarget(String host, int port, String calledAeTitle, String callingAeTitle) {

    static final String DEFAULT_CALLING_AE = ScuTarget.DEFAULT_CALLING_AE;

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

    ScuTarget scu() {
        return new ScuTarget(host, port, calledAeTitle, callingAeTitle);
    }

    /**
     * Prints why the command got no answer and returns its exit code: a rejection is a
     * refusal (exit 1); a server that cannot be reached is unavailable (exit 4).
     */
    int report(LantirCommand cli, Failure failure) {
        PrintWriter err = cli.err();
        if (failure.kind() == Failure.Kind.REFUSED) {
            err.printf("lantir: %s refused the association: %s%n", this, failure.detail());
            return ExitCodes.FAILED;
        }
        err.printf("lantir: cannot reach %s: %s%n", this, failure.detail());
        return ExitCodes.UNAVAILABLE;
    }

    @Override
    public String toString() {
        return calledAeTitle + "@" + host + ":" + port;
    }
}
