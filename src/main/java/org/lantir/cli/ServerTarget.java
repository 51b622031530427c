package org.lantir.cli;

import java.io.IOException;
import java.util.List;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;
import org.lantir.dicom.net.AssociationRejectedException;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.pdu.PresentationContextRQ;

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

    /** What a test command does once associated; returns its exit code. */
    interface AssociationWork {
        int run(ClientAssociation association) throws IOException;
    }

    /**
     * Associates with the server, runs {@code work} and releases. A rejection is a refusal
     * (exit 1); a server that cannot be reached is unavailable (exit 4).
     */
    int call(LantirCommand cli, List<PresentationContextRQ> contexts, AssociationWork work) {
        try (ClientAssociation association = new DicomClient().connect(host, port,
                callingAeTitle, calledAeTitle, contexts)) {
            return work.run(association);
        } catch (AssociationRejectedException e) {
            cli.err().printf("lantir: %s refused the association: %s%n", this, e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            cli.err().printf("lantir: cannot reach %s: %s%n", this, e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
    }

    @Override
    public String toString() {
        return calledAeTitle + "@" + host + ":" + port;
    }
}
