package org.lantir.scu;

import org.lantir.dicom.net.AeTitles;

/**
 * The DICOM server a simulated modality calls, and the AE title it calls as.
 *
 * @param calledAeTitle the server's AE title
 * @param callingAeTitle the modality's AE title, e.g. the scanner's
 */
public record ScuTarget(String host, int port, String calledAeTitle, String callingAeTitle) {

    /** The calling AE title the test commands and dialogs use unless told otherwise. */
    public static final String DEFAULT_CALLING_AE = "LANTIR_TEST";

    /**
     * The target a person typed into a form, checked field by field.
     *
     * @throws IllegalArgumentException naming the first field that is wrong: an empty host, a
     *         port that is not 1-65535, an AE title that is not a valid AE value (PS3.5 Table
     *         6.2-1)
     */
    public static ScuTarget fromFields(String host, String port, String calledAeTitle,
            String callingAeTitle) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Host: enter the server's host name or address");
        }
        int number = portNumber(port);
        return new ScuTarget(host.strip(), number,
                AeTitles.require(calledAeTitle, "Called AE title"),
                AeTitles.require(callingAeTitle, "Calling AE title"));
    }

    private static int portNumber(String port) {
        String text = port == null ? "" : port.strip();
        try {
            int number = Integer.parseInt(text);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Told below, with the value.
        }
        throw new IllegalArgumentException("Port: '" + text + "' is not a port number "
                + "(1-65535)");
    }

    /** {@code called@host:port}, as log lines and messages name it. */
    @Override
    public String toString() {
        return calledAeTitle + "@" + host + ":" + port;
    }
}
