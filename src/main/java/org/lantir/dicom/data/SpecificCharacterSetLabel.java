package org.lantir.dicom.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets Specific Character Set (0008,0005) of a data set whose values are already decoded to
 * the set that can carry all of its text (PS3.3 C.12.1.1.2), and leaves it out when the
 * values are all in the default repertoire: C-FIND answers, the MPPS attribute sets Lantir
 * stores, and the requests its test SCU sends.
 */
public final class SpecificCharacterSetLabel {

    private SpecificCharacterSetLabel() {
    }

    /**
     * @param preferred a set to keep when it can carry every value (the one a console asked
     *        in, which it is known to read), or null
     */
    public static void apply(Dataset ds, SpecificCharacterSet preferred) {
        List<String> values = new ArrayList<>();
        collectText(ds, values);
        SpecificCharacterSet chosen = SpecificCharacterSet.forValues(values);
        if (!chosen.isDefault() && preferred != null && !preferred.isDefault()
                && values.stream().allMatch(preferred::canEncode)) {
            chosen = preferred;
        }
        if (chosen.isDefault()) {
            ds.remove(Tag.SpecificCharacterSet);
        } else {
            ds.setString(Tag.SpecificCharacterSet, chosen.terms());
        }
    }

    private static void collectText(Dataset ds, List<String> values) {
        for (Element e : ds) {
            if (e.value() instanceof List<?> items) {
                for (Object item : items) {
                    collectText((Dataset) item, values);
                }
            } else if (e.value() instanceof String text && e.vr().isCharsetSensitive()) {
                values.add(text);
            }
        }
    }
}
