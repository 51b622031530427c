package org.lantir.worklist;

import org.lantir.dicom.data.Dataset;

/**
 * A non-sequence key: the item's value of the attribute must satisfy the value matcher. An
 * absent or zero-length stored value never matches (PS3.4 K.2.2.1.1.1, C09).
 */
final class AttributeKeyMatcher implements KeyMatcher {

    private final int tag;
    private final ValueMatcher matcher;

    AttributeKeyMatcher(int tag, ValueMatcher matcher) {
        this.tag = tag;
        this.matcher = matcher;
    }

    int tag() {
        return tag;
    }

    ValueMatcher matcher() {
        return matcher;
    }

    @Override
    public boolean matches(Dataset level) {
        String stored = level.getText(tag);
        if (stored == null || stored.isBlank()) {
            return false;
        }
        return matcher.matches(stored.strip());
    }
}
