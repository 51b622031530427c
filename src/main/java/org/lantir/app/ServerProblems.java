package org.lantir.app;

import java.io.IOException;
import java.net.BindException;

/** Plain-words reasons why the DICOM server could not start, for the CLI and the window. */
public final class ServerProblems {

    private ServerProblems() {
    }

    /**
     * Whether another program holds the port. The DICOM server wraps the socket's
     * {@link BindException} ("Address already in use", "Cannot assign requested address").
     */
    public static boolean portInUse(IOException e) {
        Throwable bind = e instanceof BindException ? e : e.getCause();
        return bind instanceof BindException
                && String.valueOf(bind.getMessage()).contains("in use");
    }

    /** Why the server cannot listen; the caller adds what the user can do about it. */
    public static String listenProblem(IOException e, String bindAddress, int port) {
        Throwable bind = e instanceof BindException ? e : e.getCause();
        if (portInUse(e)) {
            return String.format("port %d on %s is already in use", port, bindAddress);
        }
        if (bind instanceof BindException) {
            return String.format("cannot listen on %s port %d: %s", bindAddress, port,
                    bind.getMessage());
        }
        return "cannot listen: " + e.getMessage();
    }
}
