package org.lantir.dicom.data;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes a data set in Implicit or Explicit VR Little Endian (PS3.5 §7.1, Annex A.1, A.2).
 * Text is encoded in the character set the data set declares in (0008,0005), else the one of
 * the enclosing data set, else the default repertoire; values are padded to even length with
 * the VR's padding byte (PS3.5 §6.2). Sequences and items get defined lengths unless asked
 * otherwise (PS3.5 §7.5).
 */
public final class DicomWriter {

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
     * @throws IllegalArgumentException when a value cannot be encoded (too long for a 16-bit
     *         length, a character outside the declared set)
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
        for (Element e : ds) {
            writeElement(out, e, cs);
        }
    }

    @SuppressWarnings("unchecked")
    private void writeElement(ByteArrayOutputStream out, Element e, SpecificCharacterSet cs) {
        if (e.vr() == VR.SQ) {
            writeSequence(out, e.tag(), (List<Dataset>) e.value(), cs);
            return;
        }
        byte[] value = valueBytes(e, cs);
        writeHeader(out, e.tag(), e.vr(), value.length);
        out.writeBytes(value);
    }

    private byte[] valueBytes(Element e, SpecificCharacterSet cs) {
        byte[] raw;
        if (e.value() instanceof String text) {
            if (e.vr().isCharsetSensitive() && !cs.canEncode(text)) {
                throw new IllegalArgumentException(Tag.toString(e.tag())
                        + " holds characters outside " + cs);
            }
            raw = cs.encode(text, e.vr());
        } else {
            raw = (byte[]) e.value();
        }
        if (raw.length % 2 == 0) {
            return raw;
        }
        byte[] padded = java.util.Arrays.copyOf(raw, raw.length + 1);
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
        } else if (length > 0xFFFF) {
            throw new IllegalArgumentException(Tag.toString(tag) + " " + vr + " value of "
                    + length + " bytes exceeds a 16-bit length (PS3.5 Table 7.1-2)");
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
