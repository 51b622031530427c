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
 */
public final class DicomReader {

    private static final Logger LOG = LoggerFactory.getLogger(DicomReader.class);
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

    private final ByteBuffer buf;

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

    private Dataset readDataset(long end, boolean explicit, SpecificCharacterSet inherited,
            boolean delimited) throws DicomFormatException {
        Dataset ds = new Dataset();
        SpecificCharacterSet cs = inherited;
        while (buf.position() < end) {
            int tag = readTag();
            if (tag == Tag.ItemDelimitationItem) {
                readUint32();
                if (!delimited) {
                    throw new DicomFormatException("Item Delimitation Item outside an item");
                }
                return ds;
            }
            Element element = readElement(tag, explicit, cs);
            ds.put(element);
            if (tag == Tag.SpecificCharacterSet) {
                cs = charsetOf(ds, inherited);
            }
        }
        if (delimited) {
            throw new DicomFormatException("Item of undefined length has no delimitation item");
        }
        return ds;
    }

    private Element readElement(int tag, boolean explicit, SpecificCharacterSet cs)
            throws DicomFormatException {
        VR vr;
        long length;
        if (explicit) {
            int code = (buf.get() & 0xFF) << 8 | (buf.get() & 0xFF);
            vr = VR.fromCode(code);
            if (vr == null) {
                throw new DicomFormatException("Unknown VR code in " + Tag.toString(tag));
            }
            if (vr.hasLongHeader()) {
                buf.getShort();
                length = readUint32();
            } else {
                length = buf.getShort() & 0xFFFF;
            }
        } else {
            vr = ElementDictionary.vrOf(tag);
            length = readUint32();
        }
        return readValue(tag, vr, length, explicit, cs);
    }

    private Element readValue(int tag, VR vr, long length, boolean explicit,
            SpecificCharacterSet cs) throws DicomFormatException {
        if (length == UNDEFINED_LENGTH) {
            if (vr == VR.SQ) {
                return new Element(tag, vr, readItems(UNDEFINED_LENGTH, explicit, cs));
            }
            if (vr == VR.UN) {
                // PS3.5 §6.2.2: a UN of undefined length is a sequence in Implicit VR LE.
                return new Element(tag, VR.SQ, readItems(UNDEFINED_LENGTH, false, cs));
            }
            throw new DicomFormatException("Undefined length on " + vr + " " + Tag.toString(tag));
        }
        requireAvailable(length, tag);
        if (vr == VR.SQ) {
            return new Element(tag, vr, readItems(buf.position() + length, explicit, cs));
        }
        byte[] value = new byte[(int) length];
        buf.get(value);
        if (vr.isText()) {
            return new Element(tag, vr, trim(cs.decode(value, 0, value.length, vr), vr));
        }
        return new Element(tag, vr, value);
    }

    private List<Dataset> readItems(long end, boolean explicit, SpecificCharacterSet cs)
            throws DicomFormatException {
        List<Dataset> items = new ArrayList<>();
        while (end == UNDEFINED_LENGTH || buf.position() < end) {
            int tag = readTag();
            long length = readUint32();
            if (tag == Tag.SequenceDelimitationItem) {
                if (end != UNDEFINED_LENGTH) {
                    throw new DicomFormatException("Sequence Delimitation Item in a sequence"
                            + " of defined length");
                }
                return items;
            }
            if (tag != Tag.Item) {
                throw new DicomFormatException("Expected an Item in a sequence, found "
                        + Tag.toString(tag));
            }
            if (length == UNDEFINED_LENGTH) {
                items.add(readDataset(buf.limit(), explicit, cs, true));
            } else {
                requireAvailable(length, tag);
                items.add(readDataset(buf.position() + length, explicit, cs, false));
            }
        }
        if (buf.position() != end) {
            throw new DicomFormatException("Items overrun their sequence's length");
        }
        return items;
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

    private int readTag() throws DicomFormatException {
        requireAvailable(4, 0);
        int group = buf.getShort() & 0xFFFF;
        int element = buf.getShort() & 0xFFFF;
        return group << 16 | element;
    }

    private long readUint32() throws DicomFormatException {
        requireAvailable(4, 0);
        return buf.getInt() & 0xFFFFFFFFL;
    }

    private void requireAvailable(long length, int tag) throws DicomFormatException {
        if (length > buf.remaining()) {
            throw new DicomFormatException("Truncated data set: " + Tag.toString(tag)
                    + " needs " + length + " bytes, " + buf.remaining() + " left");
        }
    }
}
