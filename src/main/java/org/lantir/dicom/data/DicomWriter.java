package org.lantir.dicom.data;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a data set in Implicit or Explicit VR Little Endian (PS3.5 §7.1, Annex A.1, A.2).
 * Text is encoded in the character set the data set declares in (0008,0005), else the one of
 * the enclosing data set, else the default repertoire; values are padded to even length with
 * the VR's padding byte (PS3.5 §6.2). Sequences and items get defined lengths unless asked
 * otherwise (PS3.5 §7.5).
 *
 * <p>A group length element (gggg,0000) present in the data set is written with the length of
 * the rest of its group as encoded (PS3.5 §7.2), so the command group can carry (0000,0000)
 * with any value and get the right one. In Explicit VR, a value too long for the 16-bit length
 * of its VR is written as UN (PS3.5 §6.2.2).
 */
public final class DicomWriter {

    private static final int MAX_SHORT_LENGTH = 0xFFFE;

    private final boolean explicit;
    private final boolean undefinedLengths;

    private DicomWriter(TransferSyntax ts, boolean undefinedLengths) {
        this.explicit = ts.isExplicitVr();
        this.undefinedLengths = undefinedLengths;
    }

    public static byte[] write(Dataset ds, TransferSyntax ts) {
        return write(ds, ts, false);
    }

    /**
     * Encodes a data set.
     *
     * @param undefinedLengths write sequences and items with undefined length and delimiters
     * @throws IllegalArgumentException when a value cannot be encoded (a character outside
     *         the declared set, an unsupported Specific Character Set)
     */
    public static byte[] write(Dataset ds, TransferSyntax ts, boolean undefinedLengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(ts, undefinedLengths).writeDataset(out, ds, SpecificCharacterSet.DEFAULT);
        return out.toByteArray();
    }

    private void writeDataset(ByteArrayOutputStream out, Dataset ds,
            SpecificCharacterSet inherited) {
        SpecificCharacterSet cs = ds.contains(Tag.SpecificCharacterSet)
                ? SpecificCharacterSet.of(ds.getStrings(Tag.SpecificCharacterSet))
                : inherited;
        ByteArrayOutputStream group = new ByteArrayOutputStream();
        Element groupLength = null;
        int current = -1;
        for (Element e : ds) {
            if (Tag.group(e.tag()) != current) {
                flushGroup(out, groupLength, group);
                current = Tag.group(e.tag());
                groupLength = null;
            }
            if (Tag.element(e.tag()) == 0) {
                groupLength = e;
            } else {
                writeElement(group, e, cs);
            }
        }
        flushGroup(out, groupLength, group);
    }

    private void flushGroup(ByteArrayOutputStream out, Element groupLength,
            ByteArrayOutputStream group) {
        if (groupLength != null) {
            writeHeader(out, groupLength.tag(), VR.UL, 4);
            writeUint32(out, group.size());
        }
        out.writeBytes(group.toByteArray());
        group.reset();
    }

    @SuppressWarnings("unchecked")
    private void writeElement(ByteArrayOutputStream out, Element e, SpecificCharacterSet cs) {
        if (e.vr() == VR.SQ) {
            writeSequence(out, e.tag(), (List<Dataset>) e.value(), cs);
            return;
        }
        byte[] value = valueBytes(e, cs);
        VR vr = e.vr();
        if (explicit && !vr.hasLongHeader() && value.length > MAX_SHORT_LENGTH) {
            vr = VR.UN;
        }
        writeHeader(out, e.tag(), vr, value.length);
        out.writeBytes(value);
    }

    private byte[] valueBytes(Element e, SpecificCharacterSet cs) {
        byte[] raw;
        if (e.value() instanceof String text) {
            try {
                raw = cs.encode(text, e.vr());
            } catch (IllegalArgumentException outsideSet) {
                throw new IllegalArgumentException(Tag.toString(e.tag()) + " " + e.vr()
                        + " holds characters outside " + (e.vr().isCharsetSensitive() ? cs
                        : "the default repertoire"), outsideSet);
            }
        } else {
            raw = (byte[]) e.value();
        }
        if (raw.length % 2 == 0) {
            return raw;
        }
        byte[] padded = Arrays.copyOf(raw, raw.length + 1);
        padded[raw.length] = e.vr().paddingByte();
        return padded;
    }

    private void writeSequence(ByteArrayOutputStream out, int tag, List<Dataset> items,
            SpecificCharacterSet cs) {
        if (undefinedLengths) {
            writeHeader(out, tag, VR.SQ, -1);
            for (Dataset item : items) {
                writeTagAndLength(out, Tag.Item, -1);
                writeDataset(out, item, cs);
                writeTagAndLength(out, Tag.ItemDelimitationItem, 0);
            }
            writeTagAndLength(out, Tag.SequenceDelimitationItem, 0);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Dataset item : items) {
            ByteArrayOutputStream itemBody = new ByteArrayOutputStream();
            writeDataset(itemBody, item, cs);
            writeTagAndLength(body, Tag.Item, itemBody.size());
            body.writeBytes(itemBody.toByteArray());
        }
        writeHeader(out, tag, VR.SQ, body.size());
        out.writeBytes(body.toByteArray());
    }

    private void writeHeader(ByteArrayOutputStream out, int tag, VR vr, int length) {
        if (!explicit) {
            writeTagAndLength(out, tag, length);
            return;
        }
        writeUint16(out, tag >>> 16);
        writeUint16(out, tag & 0xFFFF);
        out.write(vr.code() >> 8);
        out.write(vr.code() & 0xFF);
        if (vr.hasLongHeader()) {
            writeUint16(out, 0);
            writeUint32(out, length);
        } else {
            writeUint16(out, length);
        }
    }

    private static void writeTagAndLength(ByteArrayOutputStream out, int tag, int length) {
        writeUint16(out, tag >>> 16);
        writeUint16(out, tag & 0xFFFF);
        writeUint32(out, length);
    }

    private static void writeUint16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void writeUint32(ByteArrayOutputStream out, int value) {
        writeUint16(out, value & 0xFFFF);
        writeUint16(out, value >>> 16);
    }
}
