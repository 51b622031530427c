package org.lantir.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a data set from Implicit or Explicit VR Little Endian (PS3.5 §7.1, Annex A.1, A.2),
 * with sequences and items of defined or undefined length (PS3.5 §7.5). Text is decoded in the
 * Specific Character Set in force: the one the data set (or item) declares, else the one
 * inherited from the enclosing data set, else the caller's default (PS3.5 §7.5.3 note).
 *
 * <p>Unknown attributes are kept as UN with their bytes (PS3.5 §6.2.2). A UN element of a tag
 * the dictionary knows is decoded with the dictionary's VR, its value being Implicit VR Little
 * Endian (PS3.5 §6.2.2 note 2). Every length is checked against the bytes left in its item,
 * sequence and buffer, so truncated or garbage input ends in a {@link DicomFormatException}.
 */
public final class DicomReader {

    private static final Logger LOG = LoggerFactory.getLogger(DicomReader.class);
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    /** Deeper nesting than any worklist or MPPS data set has; guards the stack. */
    private static final int MAX_DEPTH = 64;

    private final ByteBuffer buf;
    private int depth;

    private DicomReader(byte[] bytes) {
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Decodes a whole data set.
     *
     * @param defaultCharset the repertoire assumed when the data set declares none
     * @throws DicomFormatException when the bytes are truncated or malformed
     */
    public static Dataset read(byte[] bytes, TransferSyntax ts,
            SpecificCharacterSet defaultCharset) throws DicomFormatException {
        DicomReader reader = new DicomReader(bytes);
        try {
            return reader.readDataset(bytes.length, ts.isExplicitVr(), defaultCharset, false);
        } catch (RuntimeException e) {
            throw new DicomFormatException("Malformed data set at byte " + reader.buf.position()
                    + ": " + e.getMessage(), e);
        }
    }

    public static Dataset read(byte[] bytes, TransferSyntax ts) throws DicomFormatException {
        return read(bytes, ts, SpecificCharacterSet.DEFAULT);
    }

    /**
     * Reads elements up to {@code end}, or up to an Item Delimitation Item when
     * {@code delimited} (then {@code end} is the end of the enclosing container).
     */
    private Dataset readDataset(long end, boolean explicit, SpecificCharacterSet inherited,
            boolean delimited) throws DicomFormatException {
        enter();
        Dataset ds = new Dataset();
        SpecificCharacterSet cs = inherited;
        while (buf.position() < end) {
            int tag = readTag(end);
            if (tag == Tag.ItemDelimitationItem) {
                readDelimiterLength(end, tag);
                if (!delimited) {
                    throw new DicomFormatException("Item Delimitation Item outside an item of"
                            + " undefined length");
                }
                depth--;
                return ds;
            }
            if (Tag.group(tag) == 0xFFFE) {
                throw new DicomFormatException("Unexpected " + Tag.toString(tag)
                        + " outside a sequence");
            }
            ds.put(readElement(tag, end, explicit, cs));
            if (tag == Tag.SpecificCharacterSet) {
                cs = charsetOf(ds, inherited);
            }
        }
        if (delimited) {
            throw new DicomFormatException("Item of undefined length has no delimitation item");
        }
        depth--;
        return ds;
    }

    private void enter() throws DicomFormatException {
        if (++depth > MAX_DEPTH) {
            throw new DicomFormatException("Sequences nested deeper than " + MAX_DEPTH);
        }
    }

    private Element readElement(int tag, long end, boolean explicit, SpecificCharacterSet cs)
            throws DicomFormatException {
        if (!explicit) {
            long length = readUint32(end, tag);
            return readValue(tag, ElementDictionary.vrOf(tag), length, end, false, cs);
        }
        requireAvailable(2, end, tag);
        int code = (buf.get() & 0xFF) << 8 | (buf.get() & 0xFF);
        VR vr = VR.fromCode(code);
        if (vr == null && !isTwoLetters(code)) {
            throw new DicomFormatException("Invalid VR code in " + Tag.toString(tag));
        }
        long length;
        if (vr == null || vr.hasLongHeader()) {
            // PS3.5 §7.1.2: a VR this edition does not know has the long header form.
            requireAvailable(2, end, tag);
            buf.getShort();
            length = readUint32(end, tag);
            vr = vr == null ? VR.UN : vr;
        } else {
            requireAvailable(2, end, tag);
            length = buf.getShort() & 0xFFFF;
        }
        return readValue(tag, vr, length, end, true, cs);
    }

    private static boolean isTwoLetters(int code) {
        int first = code >> 8;
        int second = code & 0xFF;
        return first >= 'A' && first <= 'Z' && second >= 'A' && second <= 'Z';
    }

    private Element readValue(int tag, VR vr, long length, long end, boolean explicit,
            SpecificCharacterSet cs) throws DicomFormatException {
        VR known = ElementDictionary.vrOf(tag);
        if (vr == VR.UN && known != VR.UN && ElementDictionary.contains(tag)) {
            // PS3.5 §6.2.2 note 2: a known attribute sent as UN holds Implicit VR LE.
            return readValue(tag, known, length, end, false, cs);
        }
        if (length == UNDEFINED_LENGTH) {
            if (vr == VR.SQ) {
                return new Element(tag, vr, readItems(UNDEFINED_LENGTH, end, explicit, cs));
            }
            if (vr == VR.UN) {
                // PS3.5 §6.2.2: a UN of undefined length is a sequence in Implicit VR LE.
                return new Element(tag, VR.SQ, readItems(UNDEFINED_LENGTH, end, false, cs));
            }
            throw new DicomFormatException("Undefined length on " + vr + " " + Tag.toString(tag));
        }
        requireAvailable(length, end, tag);
        if (vr == VR.SQ) {
            return new Element(tag, vr, readItems(buf.position() + length, end, explicit, cs));
        }
        byte[] value = new byte[(int) length];
        buf.get(value);
        if (vr.isText()) {
            return new Element(tag, vr, trim(cs.decode(value, 0, value.length, vr), vr));
        }
        return new Element(tag, vr, value);
    }

    /**
     * Reads the items of a sequence ending at {@code end} (or at its Sequence Delimitation
     * Item when {@code end} is undefined), inside a container ending at {@code outerEnd}.
     */
    private List<Dataset> readItems(long end, long outerEnd, boolean explicit,
            SpecificCharacterSet cs) throws DicomFormatException {
        enter();
        long limit = end == UNDEFINED_LENGTH ? outerEnd : end;
        List<Dataset> items = new ArrayList<>();
        while (end == UNDEFINED_LENGTH || buf.position() < end) {
            int tag = readTag(limit);
            long length = readUint32(limit, tag);
            if (tag == Tag.SequenceDelimitationItem) {
                if (end != UNDEFINED_LENGTH) {
                    throw new DicomFormatException("Sequence Delimitation Item in a sequence"
                            + " of defined length");
                }
                requireZeroLength(length, tag);
                break;
            }
            if (tag != Tag.Item) {
                throw new DicomFormatException("Expected an Item in a sequence, found "
                        + Tag.toString(tag));
            }
            items.add(readItem(length, limit, explicit, cs));
        }
        depth--;
        return items;
    }

    private Dataset readItem(long length, long limit, boolean explicit, SpecificCharacterSet cs)
            throws DicomFormatException {
        if (length == UNDEFINED_LENGTH) {
            return readDataset(limit, explicit, cs, true);
        }
        requireAvailable(length, limit, Tag.Item);
        return readDataset(buf.position() + length, explicit, cs, false);
    }

    private SpecificCharacterSet charsetOf(Dataset ds, SpecificCharacterSet fallback) {
        String[] terms = ds.getStrings(Tag.SpecificCharacterSet);
        try {
            return SpecificCharacterSet.of(terms);
        } catch (IllegalArgumentException unsupported) {
            LOG.warn("{}; decoding text as {}", unsupported.getMessage(), fallback);
            return fallback;
        }
    }

    /**
     * Removes padding: trailing spaces and NULs for every text VR, leading spaces too where
     * PS3.5 Table 6.2-1 calls them insignificant.
     */
    private static String trim(String value, VR vr) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (!vr.isCharsetSensitive() && vr != VR.UR) {
            while (start < end && value.charAt(start) == ' ') {
                start++;
            }
        }
        return value.substring(start, end);
    }

    private int readTag(long end) throws DicomFormatException {
        requireAvailable(4, end, 0);
        int group = buf.getShort() & 0xFFFF;
        int element = buf.getShort() & 0xFFFF;
        return group << 16 | element;
    }

    private long readUint32(long end, int tag) throws DicomFormatException {
        requireAvailable(4, end, tag);
        return buf.getInt() & 0xFFFFFFFFL;
    }

    private void readDelimiterLength(long end, int tag) throws DicomFormatException {
        requireZeroLength(readUint32(end, tag), tag);
    }

    private static void requireZeroLength(long length, int tag) throws DicomFormatException {
        if (length != 0) {
            throw new DicomFormatException(Tag.toString(tag) + " must have length 0, has "
                    + length + " (PS3.5 §7.5)");
        }
    }

    /** Checks that {@code length} bytes remain before {@code end} and in the buffer. */
    private void requireAvailable(long length, long end, int tag) throws DicomFormatException {
        long left = Math.min(end, buf.limit()) - buf.position();
        if (length > left) {
            String where = end < buf.limit() ? " in its item or sequence" : "";
            throw new DicomFormatException("Truncated data set: " + Tag.toString(tag)
                    + " needs " + length + " bytes, " + Math.max(left, 0) + " left" + where);
        }
    }
}
