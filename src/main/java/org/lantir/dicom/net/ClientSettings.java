package org.lantir.dicom.net;

import java.time.Duration;

/**
 * Timeouts and limits of an association Lantir requests.
 *
 * @param connectTimeout for the TCP connection
 * @param acseTimeout for the A-ASSOCIATE-AC/RJ and the A-RELEASE-RP, and the ARTIM timer
 * @param dimseTimeout for each response to a request; also how long the peer may leave a
 *        request unread
 * @param maxPduLengthReceived the Maximum Length announced (PS3.8 Annex D.1); 0 = no limit
 */
public record ClientSettings(Duration connectTimeout, Duration acseTimeout,
        Duration dimseTimeout, int maxPduLengthReceived) {

    public ClientSettings {
        for (Duration d : new Duration[] {connectTimeout, acseTimeout, dimseTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Timeouts must be positive");
            }
        }
        if (maxPduLengthReceived < 0) {
            throw new IllegalArgumentException("maxPduLengthReceived must not be negative");
        }
    }

    /** 10 s to connect, 30 s for ACSE, 60 s per DIMSE response, 64 KiB PDUs. */
    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 65536);
    }

    public ClientSettings withMaxPduLengthReceived(int max) {
        return new ClientSettings(connectTimeout, acseTimeout, dimseTimeout, max);
    }

    public ClientSettings withTimeouts(Duration connect, Duration acse, Duration dimse) {
        return new ClientSettings(connect, acse, dimse, maxPduLengthReceived);
    }
}
