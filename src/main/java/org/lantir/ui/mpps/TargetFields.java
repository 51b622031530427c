package org.lantir.ui.mpps;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lantir.app.Lantir;
import org.lantir.config.ServerSettings;
import org.lantir.scu.ScuTarget;

/**
 * The server a test dialog calls, as the person edits it: host, port, the server's AE title
 * and the AE title to call as. Starts on the running server.
 */
public final class TargetFields {

    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty calledAeTitle = new SimpleStringProperty("");
    private final StringProperty callingAeTitle =
            new SimpleStringProperty(ScuTarget.DEFAULT_CALLING_AE);

    public TargetFields(String host, String port, String calledAeTitle) {
        this.host.set(host);
        this.port.set(port);
        this.calledAeTitle.set(calledAeTitle);
    }

    /**
     * This Lantir's own server: its listen address (this machine when it listens on all
     * addresses), the port it is bound to (the configured one while stopped) and its AE title.
     */
    public static TargetFields ownServer(Lantir lantir) {
        ServerSettings server = lantir.config().lantir().server();
        String host = server.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        int port = lantir.dicomServer().port() > 0 ? lantir.dicomServer().port() : server.port();
        return new TargetFields(host, port > 0 ? Integer.toString(port) : "", server.aeTitle());
    }

    /**
     * The target as typed.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public ScuTarget target() {
        return ScuTarget.fromFields(host.get(), port.get(), calledAeTitle.get(),
                callingAeTitle.get());
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty calledAeTitleProperty() {
        return calledAeTitle;
    }

    public StringProperty callingAeTitleProperty() {
        return callingAeTitle;
    }
}
