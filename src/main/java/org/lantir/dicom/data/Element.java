package org.lantir.dicom.data;

import java.util.List;

/**
 * One data element (PS3.5 §7.1): tag, VR and value. The value is a {@link String} for text
 * VRs (all values joined by backslashes, padding removed), a {@code List<Dataset>} for SQ, and
 * the little-endian bytes for binary VRs. An empty string, empty list or empty array is a
 * zero-length value.
 */
public record Element(int tag, VR vr, Object value) {

    public boolean isEmpty() {
        if (value instanceof String text) {
            return text.isEmpty();
        }
        if (value instanceof List<?> items) {
            return items.isEmpty();
        }
        return ((byte[]) value).length == 0;
    }

    @Override
    public String toString() {
        return Tag.toString(tag) + " " + vr;
    }
}
