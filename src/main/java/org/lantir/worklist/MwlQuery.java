package org.lantir.worklist;

import java.time.LocalDate;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.SpecificCharacterSet;

/**
 * A parsed Modality Worklist C-FIND identifier (PS3.4 K.2.2.1): its matching keys, the
 * identifier itself as the template of requested return keys, the request's Specific
 * Character Set, whether it asked to match on keys Lantir does not support, and what of it
 * the store can narrow with indexed SQL. Made by {@link MwlQueryParser}.
 */
public final class MwlQuery {

    private final Dataset identifier;
    private final List<KeyMatcher> keys;
    private final SpecificCharacterSet requestCharset;
    private final boolean unsupportedKeys;
    private final Pushdown pushdown;

    MwlQuery(Dataset identifier, List<KeyMatcher> keys, SpecificCharacterSet requestCharset,
            boolean unsupportedKeys, Pushdown pushdown) {
        this.identifier = identifier;
        this.keys = List.copyOf(keys);
        this.requestCharset = requestCharset;
        this.unsupportedKeys = unsupportedKeys;
        this.pushdown = pushdown;
    }

    /**
     * What the store may narrow by: exact, indexed conditions implied by the keys. Each is a
     * necessary condition of a match, so narrowing never changes the answer.
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

    /** Whether an item (as {@link MwlItemView} shows it) matches every key. */
    boolean matches(Dataset item) {
        for (KeyMatcher key : keys) {
            if (!key.matches(item)) {
                return false;
            }
        }
        return true;
    }
}
