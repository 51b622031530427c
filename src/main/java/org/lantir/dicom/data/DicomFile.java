package org.lantir.dicom.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads and writes a data set kept in a file: a DICOM file (PS3.10 §7.1: a 128-byte
 * preamble, {@code DICM}, the File Meta Information in Explicit VR Little Endian, then the
 * data set in the transfer syntax the meta information names), or a bare data set in
 * Implicit or Explicit VR Little Endian, as dcmtk's {@code dump2dcm -F} writes worklist files.
 * A bare data set's syntax is told from its first element: a valid VR after the tag is
 * Explicit VR (PS3.5 §7.1.2), anything else Implicit VR.
 *
 * <p>Transfer syntaxes: Implicit and Explicit VR Little Endian, and Deflated Explicit VR
 * Little Endian (PS3.5 A.5), which dcmtk writes with {@code +td}. Explicit VR Big Endian
 * (retired) and the compressed pixel syntaxes are refused by name.
 */
public final class DicomFile {

    /** PS3.5 A.5. */
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";

    private static final int PREAMBLE = 128;
    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final int META_GROUP = 0x0002;
    /** A deflated data set inflating past this is refused (a "zip bomb"). */
    private static final int MAX_INFLATED_BYTES = 64 << 20;

    private DicomFile() {
    }

    /**
     * What a file holds.
     *
     * @param dataset the data set, without the File Meta Information
     * @param transferSyntaxUid the syntax it was read in
     * @param hasMetaInformation whether the file had File Meta Information (PS3.10 §7.1)
     */
    public record Contents(Dataset dataset, String transferSyntaxUid,
            boolean hasMetaInformation) {
    }

    /**
     * Reads a file's data set.
     *
     * @param defaultCharset the repertoire assumed when the data set declares none
     * @throws DicomFormatException when the bytes are no data set Lantir can read; the
     *         message says why in plain words (truncated, an unsupported transfer syntax)
     */
    public static Contents read(byte[] file, SpecificCharacterSet defaultCharset)
            throws DicomFormatException {
        if (file.length == 0) {
            throw new DicomFormatException("the file is empty");
        }
        int metaStart = hasPreamble(file) ? PREAMBLE + MAGIC.length
                : startsWithGroup(file, 0, META_GROUP) ? 0 : -1;
        if (metaStart < 0) {
            return bare(file, defaultCharset);
        }
        int metaEnd = metaEnd(file, metaStart);
        Dataset meta = DicomReader.read(Arrays.copyOfRange(file, metaStart, metaEnd),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        String uid = meta.getString(Tag.TransferSyntaxUID);
        if (uid == null) {
            throw new DicomFormatException("the File Meta Information names no Transfer Syntax "
                    + "UID (0002,0010)");
        }
        byte[] body = Arrays.copyOfRange(file, metaEnd, file.length);
        return new Contents(readBody(body, uid, defaultCharset), uid, true);
    }

    /**
     * Writes a DICOM file: preamble of zeros, {@code DICM}, File Meta Information naming
     * {@code sopClassUid}, {@code sopInstanceUid} and {@code ts}, then the data set.
     */
    public static byte[] write(Dataset dataset, TransferSyntax ts, String sopClassUid,
            String sopInstanceUid) {
        Dataset meta = new Dataset();
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, ts.uid());
        meta.setString(Tag.ImplementationClassUID, VR.UI, UID.LANTIR_IMPLEMENTATION_CLASS);
        // Written with its group length (PS3.10 §7.1: Type 1), computed by the writer.
        meta.setInt(Tag.FileMetaInformationGroupLength, VR.UL, 0);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[PREAMBLE]);
        out.writeBytes(MAGIC);
        out.writeBytes(DicomWriter.write(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        out.writeBytes(DicomWriter.write(dataset, ts));
        return out.toByteArray();
    }

    private static boolean hasPreamble(byte[] file) {
        return file.length >= PREAMBLE + MAGIC.length && Arrays.equals(file, PREAMBLE,
                PREAMBLE + MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    private static boolean startsWithGroup(byte[] file, int at, int group) {
        return file.length >= at + 4 && ((file[at] & 0xFF) | (file[at + 1] & 0xFF) << 8)
                == group;
    }

    /**
     * Where the File Meta Information ends: after its last group 0002 element, walked
     * header by header (a group length that lies is not trusted).
     */
    private static int metaEnd(byte[] file, int start) throws DicomFormatException {
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int at = start;
        while (startsWithGroup(file, at, META_GROUP)) {
            if (at + 8 > file.length) {
                throw new DicomFormatException("the File Meta Information is truncated");
            }
            VR vr = VR.fromCode((file[at + 4] & 0xFF) << 8 | (file[at + 5] & 0xFF));
            if (vr == null) {
                throw new DicomFormatException("the File Meta Information is not in Explicit "
                        + "VR Little Endian (PS3.10 §7.1)");
            }
            long length;
            int header;
            if (vr.hasLongHeader()) {
                if (at + 12 > file.length) {
                    throw new DicomFormatException("the File Meta Information is truncated");
                }
                length = buf.getInt(at + 8) & 0xFFFFFFFFL;
                header = 12;
            } else {
                length = buf.getShort(at + 6) & 0xFFFF;
                header = 8;
            }
            if (at + header + length > file.length) {
                throw new DicomFormatException("the File Meta Information is truncated");
            }
            at += header + (int) length;
        }
        return at;
    }

    private static Dataset readBody(byte[] body, String uid, SpecificCharacterSet charset)
            throws DicomFormatException {
        if (uid.equals(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            return DicomReader.read(inflate(body), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    charset);
        }
        if (uid.equals(UID.EXPLICIT_VR_BIG_ENDIAN)) {
            throw new DicomFormatException("the file is in Explicit VR Big Endian, which Lantir "
                    + "does not read; convert it, e.g. with dcmtk's dcmconv +te");
        }
        TransferSyntax ts = TransferSyntax.fromUid(uid);
        if (ts == null) {
            throw new DicomFormatException("the file is in transfer syntax " + uid + ", which "
                    + "Lantir does not read (Implicit, Explicit or Deflated VR Little Endian)");
        }
        return DicomReader.read(body, ts, charset);
    }

    private static Contents bare(byte[] file, SpecificCharacterSet charset)
            throws DicomFormatException {
        if (file.length < 8) {
            throw new DicomFormatException("the file is too short for a DICOM data set");
        }
        int group = (file[0] & 0xFF) | (file[1] & 0xFF) << 8;
        if (group == 0x0800 || group == 0x0200) {
            throw new DicomFormatException("the file looks like a big endian data set, which "
                    + "Lantir does not read; convert it, e.g. with dcmtk's dcmconv +te");
        }
        boolean explicit = VR.fromCode((file[4] & 0xFF) << 8 | (file[5] & 0xFF)) != null;
        TransferSyntax ts = explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        return new Contents(DicomReader.read(file, ts, charset), ts.uid(), false);
    }

    /** PS3.5 A.5: the data set is deflated (RFC 1951) without a zlib header. */
    private static byte[] inflate(byte[] deflated) throws DicomFormatException {
        Inflater inflater = new Inflater(true);
        try {
            // With nowrap the inflater may need one byte past the stream (Inflater's notes).
            inflater.setInput(Arrays.copyOf(deflated, deflated.length + 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new DicomFormatException("the deflated data set inflates to more "
                            + "than " + (MAX_INFLATED_BYTES >> 20) + " MiB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DicomFormatException("the deflated data set is damaged: "
                    + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
