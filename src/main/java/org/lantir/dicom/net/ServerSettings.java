package org.lantir.dicom.net;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.lantir.dicom.data.SpecificCharacterSet;

/**
 * What a site can set on Lantir's DICOM listener.
 *
 * @param aeTitle the AE title the listener answers to; a request for any other is rejected
 *        (PS3.8 Table 9-21, called-AE-title-not-recognized)
 * @param bindAddress the local address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the TCP port; 0 picks a free one ({@link DicomServer#port()} tells which)
 * @param maxAssociations associations served at once; beyond it a request is rejected
 *        (transient, local-limit-exceeded)
 * @param artimTimeout the ARTIM timer (PS3.8 §9.1.5): how long to wait for the A-ASSOCIATE-RQ
 *        after a connection opens, and for the peer to close after release or abort
 * @param idleTimeout how long an association may stay silent (no PDU, no request being worked
 *        on) before it is aborted; a peer that leaves a response unread for this long plus the
 *        ARTIM timeout is disconnected
 * @param maxPduLengthReceived the Maximum Length announced (PS3.8 Annex D.1); a P-DATA-TF
 *        longer than it is aborted
 * @param allowedCallingAeTitles calling AE titles served; empty = any
 * @param defaultCharacterSet for a calling AE title, the character set assumed for its data
 *        sets that carry no Specific Character Set (0008,0005)
 */
public record ServerSettings(String aeTitle, String bindAddress, int port, int maxAssociations,
        Duration artimTimeout, Duration idleTimeout, int maxPduLengthReceived,
        Set<String> allowedCallingAeTitles,
        Function<String, SpecificCharacterSet> defaultCharacterSet) {

    public static final int DEFAULT_MAX_ASSOCIATIONS = 50;
    public static final Duration DEFAULT_ARTIM_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_PDU_LENGTH = 65536;
    /** The smallest Maximum Length Lantir announces (dcmtk accepts no less either). */
    public static final int MIN_MAX_PDU_LENGTH = 4096;

    public ServerSettings {
        aeTitle = AeTitles.require(aeTitle, "aeTitle");
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("maxAssociations must be at least 1");
        }
        requirePositive(artimTimeout, "artimTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        if (maxPduLengthReceived < MIN_MAX_PDU_LENGTH) {
            throw new IllegalArgumentException("maxPduLengthReceived must be at least "
                    + MIN_MAX_PDU_LENGTH);
        }
        allowedCallingAeTitles = normalized(allowedCallingAeTitles);
        if (defaultCharacterSet == null) {
            defaultCharacterSet = callingAe -> SpecificCharacterSet.DEFAULT;
        }
    }

    /** Settings with Lantir's defaults for everything but AE title, address and port. */
    public static ServerSettings of(String aeTitle, String bindAddress, int port) {
        return new ServerSettings(aeTitle, bindAddress, port, DEFAULT_MAX_ASSOCIATIONS,
                DEFAULT_ARTIM_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_PDU_LENGTH, Set.of(),
                null);
    }

    public ServerSettings withMaxAssociations(int max) {
        return new ServerSettings(aeTitle, bindAddress, port, max, artimTimeout, idleTimeout,
                maxPduLengthReceived, allowedCallingAeTitles, defaultCharacterSet);
    }

    public ServerSettings withTimeouts(Duration artim, Duration idle) {
        return new ServerSettings(aeTitle, bindAddress, port, maxAssociations, artim, idle,
                maxPduLengthReceived, allowedCallingAeTitles, defaultCharacterSet);
    }

    public ServerSettings withMaxPduLengthReceived(int max) {
        return new ServerSettings(aeTitle, bindAddress, port, maxAssociations, artimTimeout,
                idleTimeout, max, allowedCallingAeTitles, defaultCharacterSet);
    }

    public ServerSettings withAllowedCallingAeTitles(Set<String> allowed) {
        return new ServerSettings(aeTitle, bindAddress, port, maxAssociations, artimTimeout,
                idleTimeout, maxPduLengthReceived, allowed, defaultCharacterSet);
    }

    public ServerSettings withDefaultCharacterSet(
            Function<String, SpecificCharacterSet> byCallingAe) {
        return new ServerSettings(aeTitle, bindAddress, port, maxAssociations, artimTimeout,
                idleTimeout, maxPduLengthReceived, allowedCallingAeTitles, byCallingAe);
    }

    /** Whether a calling AE title may associate: the list is empty or names it. */
    public boolean allowsCallingAeTitle(String callingAeTitle) {
        return allowedCallingAeTitles.isEmpty()
                || allowedCallingAeTitles.contains(AeTitles.strip(callingAeTitle));
    }

    private static Set<String> normalized(Set<String> titles) {
        Set<String> stripped = new LinkedHashSet<>();
        if (titles != null) {
            for (String title : titles) {
                stripped.add(AeTitles.require(title, "allowedCallingAeTitles"));
            }
        }
        return Set.copyOf(stripped);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
