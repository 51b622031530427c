package org.lantir.worklist;

import java.util.ArrayList;
import java.util.List;
import org.lantir.dicom.data.Tag;

/**
 * Finds and removes the Scheduled Station AE Title key (0040,0001), which sits in the item of
 * the Scheduled Procedure Step Sequence key (PS3.4 Table K.6-1), among a query's top-level
 * keys. Used for rows without a station under {@link UnassignedStation#ANY}.
 */
final class StationKeys {

    private StationKeys() {
    }

    /** The station key's value matcher; null when the key is absent or universal. */
    static ValueMatcher of(List<KeyMatcher> topKeys) {
        SequenceKeyMatcher step = scheduledStep(topKeys);
        if (step == null) {
            return null;
        }
        for (KeyMatcher key : step.itemKeys()) {
            if (isStation(key)) {
                return ((AttributeKeyMatcher) key).matcher();
            }
        }
        return null;
    }

    /**
     * The same keys without the station key; a step key left with no item keys is dropped,
     * as the parser drops one that never had any (universal sequence matching).
     */
    static List<KeyMatcher> without(List<KeyMatcher> topKeys) {
        List<KeyMatcher> result = new ArrayList<>();
        for (KeyMatcher key : topKeys) {
            if (!(key instanceof SequenceKeyMatcher s)
                    || s.tag() != Tag.ScheduledProcedureStepSequence) {
                result.add(key);
                continue;
            }
            List<KeyMatcher> stepKeys = new ArrayList<>(s.itemKeys());
            stepKeys.removeIf(StationKeys::isStation);
            if (!stepKeys.isEmpty()) {
                result.add(new SequenceKeyMatcher(s.tag(), stepKeys));
            }
        }
        return result;
    }

    private static SequenceKeyMatcher scheduledStep(List<KeyMatcher> topKeys) {
        for (KeyMatcher key : topKeys) {
            if (key instanceof SequenceKeyMatcher s
                    && s.tag() == Tag.ScheduledProcedureStepSequence) {
                return s;
            }
        }
        return null;
    }

    private static boolean isStation(KeyMatcher key) {
        return key instanceof AttributeKeyMatcher a && a.tag() == Tag.ScheduledStationAETitle;
    }
}
