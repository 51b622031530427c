package org.lantir.worklist;

import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.SpecificCharacterSetLabel;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.Tag;

/**
 * Builds one C-FIND response identifier (PS3.4 K.2.2.1.2): every requested return key comes
 * back, in its nesting, with the item's value or zero length when the item has none; nothing
 * that was not asked for is added. A sequence key with no item, or with one empty item, asks
 * for the whole sequence (PS3.4 C.2.2.2.6, K.2.2.1.2 note 4; C11). Specific Character Set
 * (0008,0005) names the set the values need, and is left out when they are all ASCII
 * (PS3.3 C.12.1.1.2; C17).
 */
final class MwlResponseBuilder {

    private MwlResponseBuilder() {
    }

    static Dataset build(MwlQuery query, Dataset item) {
        Dataset response = new Dataset();
        copyRequested(query.identifier(), item, response, query.keys());
        // The set the console asked in is one it reads; kept when it fits.
        SpecificCharacterSetLabel.apply(response, query.requestCharset());
        return response;
    }

    /**
     * @param keys the matching keys of this level, which pick the items of a sequence that
     *        holds several
     */
    private static void copyRequested(Dataset template, Dataset stored, Dataset out,
            List<KeyMatcher> keys) {
        for (Element key : template) {
            int tag = key.tag();
            if (MwlQueryParser.isNeverAKey(tag)) {
                continue;
            }
            if (key.value() instanceof List<?>) {
                copySequence(template.getSequence(tag), tag, stored, out,
                        sequenceKey(keys, tag));
                continue;
            }
            Element value = stored.get(tag);
            if (value != null && !(value.value() instanceof List<?>)) {
                out.put(value);
            } else {
                out.setEmpty(tag, key.vr());
            }
        }
        preferLongCodeValue(stored, out);
    }

    /**
     * Columns give each sequence at most one item, and an item that matched is then the whole
     * stored sequence. A sequence kept from a worklist file may hold several (e.g. Scheduled
     * Protocol Code Sequence): then only the items that match the key's item keys come back
     * (PS3.4 C.2.2.2.6).
     */
    private static void copySequence(List<Dataset> keyItems, int tag, Dataset stored,
            Dataset out, SequenceKeyMatcher matcher) {
        List<Dataset> outItems = out.newSequence(tag);
        List<Dataset> storedItems = stored.getSequence(tag);
        if (storedItems == null) {
            return;
        }
        boolean whole = keyItems.isEmpty() || keyItems.get(0).isEmpty();
        boolean pick = matcher != null && storedItems.size() > 1;
        List<KeyMatcher> itemKeys = matcher == null ? List.of() : matcher.itemKeys();
        for (Dataset storedItem : storedItems) {
            if (pick && !matcher.matchesItem(storedItem)) {
                continue;
            }
            if (whole) {
                outItems.add(storedItem.copy());
            } else {
                Dataset outItem = new Dataset();
                copyRequested(keyItems.get(0), storedItem, outItem, itemKeys);
                outItems.add(outItem);
            }
        }
    }

    private static SequenceKeyMatcher sequenceKey(List<KeyMatcher> keys, int tag) {
        for (KeyMatcher key : keys) {
            if (key instanceof SequenceKeyMatcher s && s.tag() == tag) {
                return s;
            }
        }
        return null;
    }

    /** PS3.3 §8.8: Code Value is absent when Long Code Value carries a longer value. */
    private static void preferLongCodeValue(Dataset stored, Dataset out) {
        if (out.contains(Tag.CodeValue) && !out.hasValue(Tag.CodeValue)
                && stored.hasValue(Tag.LongCodeValue)) {
            out.remove(Tag.CodeValue);
            out.put(stored.get(Tag.LongCodeValue));
        }
    }
}
