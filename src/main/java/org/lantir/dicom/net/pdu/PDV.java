package org.lantir.dicom.net.pdu;

import java.util.Arrays;

/**
 * A Presentation Data Value item of a P-DATA-TF PDU (PS3.8 §9.3.5.1, Table 9-23, and Annex E.2):
 * item length (4 bytes, counting the two bytes below and the fragment), presentation context
 * ID, message control header, and one fragment of a command set or data set.
 *
 * <p>Message control header bit 0: 1 = command, 0 = data set; bit 1: 1 = last fragment.
 */
public record PDV(int presentationContextId, int messageControlHeader, byte[] fragment) {

    /** Bit 0 of the message control header: the fragment belongs to a command set. */
    public static final int COMMAND = 0x01;
    /** Bit 1 of the message control header: the fragment is the last of its set. */
    public static final int LAST = 0x02;

    public static PDV of(int presentationContextId, boolean command, boolean last,
            byte[] fragment) {
        return new PDV(presentationContextId, (command ? COMMAND : 0) | (last ? LAST : 0),
                fragment);
    }

    public boolean isCommand() {
        return (messageControlHeader & COMMAND) != 0;
    }

    public boolean isLast() {
        return (messageControlHeader & LAST) != 0;
    }

    /** Bytes the item takes in a PDU: 4 length bytes, context ID, header, fragment. */
    public int encodedLength() {
        return 6 + fragment.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PDV other && other.presentationContextId == presentationContextId
                && other.messageControlHeader == messageControlHeader
                && Arrays.equals(other.fragment, fragment);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * presentationContextId + messageControlHeader)
                + Arrays.hashCode(fragment);
    }

    @Override
    public String toString() {
        return "PDV[pc " + presentationContextId + (isCommand() ? ", command" : ", data")
                + (isLast() ? ", last" : "") + ", " + fragment.length + " bytes]";
    }
}
