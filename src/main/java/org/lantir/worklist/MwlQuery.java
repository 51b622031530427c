package org.lantir.worklist;

import java.time.LocalDate;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.SpecificCharacterSet;

/**
 * A parsed Modality Worklist C-FIND identifier (PS3.4 K.2.2.1): its matching keys, the
 * identifier itself as the template of requested return keys, the request's Specific
 * Character Set, whether it asked to match on keys Lantir does not support, what of it the
 * store can narrow with indexed SQL, and the calling AE title of the association that asked
 * (the station an unassigned row is shown with, {@link UnassignedStation#ANY}). Made by
 * {@link MwlQueryParser}.
 */
public final class MwlQuery {

    private final Dataset identifier;
    private final List<KeyMatcher> keys;
    private final SpecificCharacterSet requestCharset;
    private final boolean unsupportedKeys;
    private final Pushdown pushdown;
    private final List<KeyMatcher> keysForAnyStation;
    private final String stationForUnassigned;

    MwlQuery(Dataset identifier, List<KeyMatcher> keys, SpecificCharacterSet requestCharset,
            boolean unsupportedKeys, Pushdown pushdown, String callingAeTitle) {
        this.identifier = identifier;
        this.keys = List.copyOf(keys);
        this.requestCharset = requestCharset;
        this.unsupportedKeys = unsupportedKeys;
        this.pushdown = pushdown;
        this.keysForAnyStation = StationKeys.without(this.keys);
        this.stationForUnassigned = stationForUnassigned(this.keys, callingAeTitle);
    }

    /**
     * A single value key names the station the console asks for; any other key (universal,
     * wild card, several values) names none, so the console is taken to be the station.
     */
    private static String stationForUnassigned(List<KeyMatcher> keys, String callingAeTitle) {
        if (StationKeys.of(keys) instanceof SingleValueMatcher single) {
            return single.key();
        }
        return callingAeTitle == null || callingAeTitle.isBlank() ? null
                : callingAeTitle.strip();
    }

    /**
     * What the store may narrow by: exact, indexed conditions implied by the keys. Each is a
     * necessary condition of a match, so narrowing never changes the answer; the station only
     * for rows that have one, so it is pushed only under {@link UnassignedStation#HIDDEN}.
     *
     * @param statusKey the matcher of a non-universal Scheduled Procedure Step Status key,
     *        or null when the site's visible statuses apply
     */
    record Pushdown(LocalDate dateFrom, LocalDate dateTo, String stationAeTitle,
            String modality, String patientId, ValueMatcher statusKey) {
    }

    /** The identifier as received: the requested return keys, in their nesting. */
    public Dataset identifier() {
        return identifier;
    }

    /** The Specific Character Set the request declared, or null when Lantir does not know it. */
    public SpecificCharacterSet requestCharset() {
        return requestCharset;
    }

    /**
     * Whether a non-universal key named an attribute Lantir cannot match on; such keys are
     * ignored and every pending response says so with FF01H (PS3.4 Table K.4-1).
     */
    public boolean hasUnsupportedKeys() {
        return unsupportedKeys;
    }

    /** Whether the query gives a Scheduled Procedure Step Status key of its own. */
    public boolean hasStatusKey() {
        return pushdown.statusKey() != null;
    }

    Pushdown pushdown() {
        return pushdown;
    }

    /** The matching keys of the top level; sequence keys hold their items' keys. */
    List<KeyMatcher> keys() {
        return keys;
    }

    /** Whether an item (as {@link MwlItemView} shows it) matches every key. */
    boolean matches(Dataset item) {
        return matchesAll(keys, item);
    }

    /**
     * Whether an item matches every key but Scheduled Station AE Title: how a row without a
     * station is matched under {@link UnassignedStation#ANY}.
     */
    boolean matchesOnAnyStation(Dataset item) {
        return matchesAll(keysForAnyStation, item);
    }

    /**
     * The Scheduled Station AE Title an unassigned row goes out with under
     * {@link UnassignedStation#ANY}: the key's value when the key is a single value, else the
     * calling AE title; null when the query came from no association and names no station.
     */
    String stationForUnassigned() {
        return stationForUnassigned;
    }

    private static boolean matchesAll(List<KeyMatcher> keys, Dataset item) {
        for (KeyMatcher key : keys) {
            if (!key.matches(item)) {
                return false;
            }
        }
        return true;
    }
}
