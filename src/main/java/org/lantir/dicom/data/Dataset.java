package org.lantir.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DICOM data set (PS3.5 §7): elements in ascending tag order, sequences holding nested data
 * sets. Text values are held decoded; the character set is applied only when the set is
 * written ({@link DicomWriter}) or read ({@link DicomReader}).
 *
 * <p>Not thread-safe.
 */
public final class Dataset implements Iterable<Element> {

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    public Element get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** Whether the element is present with a non-empty value. */
    public boolean hasValue(int tag) {
        Element e = elements.get(tag);
        return e != null && !e.isEmpty();
    }

    public VR vrOf(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.vr();
    }

    /** The whole text value (all values, backslashes kept), or null when absent. */
    public String getText(int tag) {
        Element e = elements.get(tag);
        return e != null && e.value() instanceof String text ? text : null;
    }

    /** The first value of a text element, trimmed; null when absent or empty. */
    public String getString(int tag) {
        String[] values = getStrings(tag);
        return values.length == 0 || values[0].isEmpty() ? null : values[0];
    }

    public String getString(int tag, String defaultValue) {
        String value = getString(tag);
        return value == null ? defaultValue : value;
    }

    /** All values of a text element, each trimmed of padding; empty when absent or empty. */
    public String[] getStrings(int tag) {
        Element e = elements.get(tag);
        if (e == null || !(e.value() instanceof String text) || text.isEmpty()) {
            return new String[0];
        }
        if (!e.vr().isMultiValued()) {
            return new String[] {text};
        }
        String[] values = text.split("\\\\", -1);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i].strip();
        }
        return values;
    }

    /** The first value of a US, UL, SS, SL or IS element, or {@code defaultValue}. */
    public int getInt(int tag, int defaultValue) {
        Element e = elements.get(tag);
        if (e == null || e.isEmpty()) {
            return defaultValue;
        }
        if (e.value() instanceof String text) {
            try {
                return Integer.parseInt(text.split("\\\\")[0].strip());
            } catch (NumberFormatException notANumber) {
                return defaultValue;
            }
        }
        ByteBuffer buf = ByteBuffer.wrap((byte[]) e.value()).order(ByteOrder.LITTLE_ENDIAN);
        switch (e.vr()) {
            case US: return buf.getShort() & 0xFFFF;
            case SS: return buf.getShort();
            case UL: case SL: return buf.getInt();
            default: return defaultValue;
        }
    }

    /** The tags held by an AT element; empty when absent. */
    public int[] getTags(int tag) {
        Element e = elements.get(tag);
        if (e == null || !(e.value() instanceof byte[] bytes)) {
            return new int[0];
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] tags = new int[bytes.length / 4];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = (buf.getShort() & 0xFFFF) << 16 | (buf.getShort() & 0xFFFF);
        }
        return tags;
    }

    public byte[] getBytes(int tag) {
        Element e = elements.get(tag);
        return e != null && e.value() instanceof byte[] bytes ? bytes : null;
    }

    /** The items of a sequence (empty when it has none), or null when the element is absent. */
    @SuppressWarnings("unchecked")
    public List<Dataset> getSequence(int tag) {
        Element e = elements.get(tag);
        return e != null && e.value() instanceof List<?> items ? (List<Dataset>) items : null;
    }

    /** The first item of a sequence, or null. */
    public Dataset getItem(int tag) {
        List<Dataset> items = getSequence(tag);
        return items == null || items.isEmpty() ? null : items.get(0);
    }

    /** Sets a text element with the dictionary's VR. */
    public Dataset setString(int tag, String... values) {
        return setString(tag, ElementDictionary.vrOf(tag), values);
    }

    /** Sets a text element; null values become empty ones, several are joined with '\'. */
    public Dataset setString(int tag, VR vr, String... values) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; values != null && i < values.length; i++) {
            if (i > 0) {
                joined.append('\\');
            }
            joined.append(values[i] == null ? "" : values[i]);
        }
        return put(new Element(tag, vr, joined.toString()));
    }

    /** Sets a zero-length element (an empty sequence for SQ). */
    public Dataset setEmpty(int tag, VR vr) {
        Object empty = vr.isSequence() ? new ArrayList<Dataset>() : vr.isText() ? "" : new byte[0];
        return put(new Element(tag, vr, empty));
    }

    /** Sets a US, UL, SS or SL element. */
    public Dataset setInt(int tag, VR vr, int... values) {
        int width = (vr == VR.US || vr == VR.SS) ? 2 : 4;
        ByteBuffer buf = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            if (width == 2) {
                buf.putShort((short) value);
            } else {
                buf.putInt(value);
            }
        }
        return put(new Element(tag, vr, buf.array()));
    }

    /** Sets an AT element listing tags. */
    public Dataset setTags(int tag, int... tags) {
        ByteBuffer buf = ByteBuffer.allocate(tags.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int t : tags) {
            buf.putShort((short) (t >>> 16)).putShort((short) t);
        }
        return put(new Element(tag, VR.AT, buf.array()));
    }

    public Dataset setBytes(int tag, VR vr, byte[] value) {
        return put(new Element(tag, vr, value));
    }

    /** Creates (or replaces) a sequence and returns its mutable item list. */
    public List<Dataset> newSequence(int tag) {
        List<Dataset> items = new ArrayList<>();
        put(new Element(tag, VR.SQ, items));
        return items;
    }

    /** Adds an item to a sequence, creating the sequence when absent; returns the item. */
    public Dataset addItem(int sequenceTag) {
        List<Dataset> items = getSequence(sequenceTag);
        if (items == null) {
            items = newSequence(sequenceTag);
        }
        Dataset item = new Dataset();
        items.add(item);
        return item;
    }

    public Dataset put(Element element) {
        elements.put(element.tag(), element);
        return this;
    }

    public Element remove(int tag) {
        return elements.remove(tag);
    }

    /** Copies every element of {@code other} into this set, replacing same tags (deep). */
    public Dataset putAll(Dataset other) {
        for (Element e : other) {
            put(copyOf(e));
        }
        return this;
    }

    /** A deep copy. */
    public Dataset copy() {
        return new Dataset().putAll(this);
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public Collection<Integer> tags() {
        return elements.keySet();
    }

    @Override
    public Iterator<Element> iterator() {
        return elements.values().iterator();
    }

    private static Element copyOf(Element e) {
        if (e.value() instanceof List<?> items) {
            List<Dataset> copies = new ArrayList<>();
            for (Object item : items) {
                copies.add(((Dataset) item).copy());
            }
            return new Element(e.tag(), e.vr(), copies);
        }
        if (e.value() instanceof byte[] bytes) {
            return new Element(e.tag(), e.vr(), bytes.clone());
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dataset other) || other.size() != size()) {
            return false;
        }
        for (Map.Entry<Integer, Element> entry : elements.entrySet()) {
            Element mine = entry.getValue();
            Element theirs = other.get(entry.getKey());
            if (theirs == null || !sameElement(mine, theirs)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElement(Element a, Element b) {
        if (a.vr() != b.vr()) {
            return false;
        }
        if (a.value() instanceof byte[] x && b.value() instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return a.value().equals(b.value());
    }

    @Override
    public int hashCode() {
        return elements.keySet().hashCode();
    }

    /** Tags and VRs only: values may be patient data. */
    @Override
    public String toString() {
        return "Dataset" + elements.values();
    }
}
