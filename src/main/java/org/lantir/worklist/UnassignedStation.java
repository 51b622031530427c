package org.lantir.worklist;

import java.util.Locale;
import java.util.Optional;

/**
 * The site's policy for worklist rows that have no Scheduled Station AE Title (an
 * "unassigned" row: the source named no station). Scheduled Station AE Title is a Type 1
 * return key of the Modality Worklist (PS3.4 Table K.6-1), so such a row can never go out as
 * it is stored: either it is scheduled for whichever station asks, or it is not published
 * (C09). A row whose station is present but no valid AE value is not unassigned: it stays
 * hidden under either policy.
 */
public enum UnassignedStation {

    /**
     * An unassigned row is scheduled for whichever station asks: it matches any Scheduled
     * Station AE Title key (universal, single value, wild card, several values), and the
     * response carries the key's value when the key is a single value, else the calling AE
     * title of the association. Every other key matches as usual. The Python tool's
     * configurations name no station and its scanners saw every row; this keeps them working.
     */
    ANY("any"),

    /** An unassigned row is never published (PS3.4 Table K.6-1; C09's expectation for W10). */
    HIDDEN("hidden");

    private final String configName;

    UnassignedStation(String configName) {
        this.configName = configName;
    }

    /** The word in the configuration file ({@code lantir.server.unassigned_station}). */
    public String configName() {
        return configName;
    }

    /** The policy a configuration word names, ignoring case and surrounding spaces. */
    public static Optional<UnassignedStation> fromConfigName(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        for (UnassignedStation policy : values()) {
            if (policy.configName.equals(wanted)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /** Whether a stored row has no Scheduled Station AE Title at all. */
    static boolean isUnassigned(WorklistItem item) {
        String station = item.scheduledStationAeTitle();
        return station == null || station.isBlank();
    }
}
