package org.lantir.worklist;

import java.util.List;
import org.lantir.dicom.data.Dataset;

/**
 * Sequence matching (PS3.4 C.2.2.2.6): the key's single item holds item keys, and the entity
 * matches when at least one of its items matches all of them.
 */
final class SequenceKeyMatcher implements KeyMatcher {

    private final int tag;
    private final List<KeyMatcher> itemKeys;

    SequenceKeyMatcher(int tag, List<KeyMatcher> itemKeys) {
        this.tag = tag;
        this.itemKeys = List.copyOf(itemKeys);
    }

    int tag() {
        return tag;
    }

    List<KeyMatcher> itemKeys() {
        return itemKeys;
    }

    @Override
    public boolean matches(Dataset level) {
        List<Dataset> items = level.getSequence(tag);
        if (items == null) {
            return false;
        }
        for (Dataset item : items) {
            if (matchesItem(item)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one stored item matches every item key. */
    boolean matchesItem(Dataset item) {
        for (KeyMatcher key : itemKeys) {
            if (!key.matches(item)) {
                return false;
            }
        }
        return true;
    }
}
