package org.lantir.dicom.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.VR;

/**
 * Encoding of DIMSE command sets: group 0000 in Implicit VR Little Endian, led by Command
 * Group Length (0000,0000) (PS3.7 §6.3.1, Annex E.1).
 */
final class CommandSet {

    /** Command Data Set Type (0000,0800) value Lantir sends when a data set follows. */
    static final int DATASET_PRESENT = 0x0001;

    private CommandSet() {
    }

    /** Encodes a command set; any Command Group Length given is replaced by the real one. */
    static byte[] encode(Dataset command) {
        Dataset body = command.copy();
        body.remove(Tag.CommandGroupLength);
        byte[] elements = DicomWriter.write(body, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        ByteBuffer buf = ByteBuffer.allocate(12 + elements.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 0).putInt(4).putInt(elements.length);
        buf.put(elements);
        return buf.array();
    }

    static Dataset decode(byte[] bytes) throws DicomFormatException {
        Dataset command = DicomReader.read(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        for (Element e : command) {
            if (Tag.group(e.tag()) != 0) {
                throw new DicomFormatException("Command set holds " + Tag.toString(e.tag())
                        + " outside group 0000");
            }
        }
        return command;
    }

    /** Whether Command Data Set Type (0000,0800) announces a data set (PS3.7 §E.2). */
    static boolean hasDataset(Dataset command) {
        return command.getInt(Tag.CommandDataSetType, Dimse.NO_DATASET) != Dimse.NO_DATASET;
    }

    static void setDatasetType(Dataset command, boolean present) {
        command.setInt(Tag.CommandDataSetType, VR.US,
                present ? DATASET_PRESENT : Dimse.NO_DATASET);
    }

    /** The SOP Class UID a request addresses: Affected, else Requested (PS3.7 §9.3, §10.3). */
    static String sopClassUid(Dataset command) {
        String affected = command.getString(Tag.AffectedSOPClassUID);
        return affected != null ? affected : command.getString(Tag.RequestedSOPClassUID);
    }

    /** The SOP Instance UID a request addresses: Affected, else Requested. */
    static String sopInstanceUid(Dataset command) {
        String affected = command.getString(Tag.AffectedSOPInstanceUID);
        return affected != null ? affected : command.getString(Tag.RequestedSOPInstanceUID);
    }

    /**
     * The command elements and their values, for DEBUG lines. Group 0000 holds no patient
     * data; an Error Comment written by a service could, hence DEBUG only.
     */
    static String describe(Dataset command) {
        StringBuilder sb = new StringBuilder("{");
        for (Element e : command) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(Tag.toString(e.tag())).append('=');
            if (e.value() instanceof String text) {
                sb.append(text);
            } else if (e.vr() == VR.US || e.vr() == VR.UL) {
                sb.append(String.format("%04XH", command.getInt(e.tag(), 0)));
            } else {
                sb.append(e.vr());
            }
        }
        return sb.append('}').toString();
    }
}
