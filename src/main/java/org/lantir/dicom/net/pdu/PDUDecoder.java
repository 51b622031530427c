package org.lantir.dicom.net.pdu;

import static org.lantir.dicom.net.pdu.AAbort.INVALID_PDU_PARAMETER_VALUE;
import static org.lantir.dicom.net.pdu.AAbort.UNEXPECTED_PDU_PARAMETER;
import static org.lantir.dicom.net.pdu.AAbort.UNRECOGNIZED_PDU;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PDUs from a transport stream and decodes them (PS3.8 §9.3). A PDU that cannot be
 * accepted raises {@link PDUException} with the A-ABORT reason of PS3.8 Table 9-26:
 * an unknown PDU type is unrecognized-PDU (1); a length beyond the limit, a stream that ends
 * inside a PDU, and items that overrun their PDU are invalid-PDU-parameter value (6); an item
 * of a known type in the wrong PDU (a 21H item in an A-ASSOCIATE-RQ) is unexpected-PDU
 * parameter (5). Items and sub-items of unknown types are skipped (PS3.8 §9.3.1).
 *
 * <p>The P-DATA-TF limit is the Maximum Length this side announced (PS3.8 Annex D.1); other
 * PDUs are held to {@link #MAX_ASSOCIATION_PDU_LENGTH} so a bogus length cannot make the
 * reader allocate without bound.
 */
public final class PDUDecoder {

    /** The largest A-ASSOCIATE / release / abort PDU accepted: 1 MiB. */
    public static final int MAX_ASSOCIATION_PDU_LENGTH = 1 << 20;

    private static final int HEADER = 6;

    private final InputStream in;
    private final long maxPDataLength;

    /**
     * @param maxPDataLength the largest P-DATA-TF PDU length accepted; 0 for no limit
     */
    public PDUDecoder(InputStream in, long maxPDataLength) {
        this.in = in;
        this.maxPDataLength = maxPDataLength == 0 ? Integer.MAX_VALUE - HEADER : maxPDataLength;
    }

    /**
     * Reads the next whole PDU, header included, without decoding its content.
     *
     * @return the PDU bytes, or null when the stream ended cleanly between PDUs
     * @throws PDUException for an unknown type, a length beyond the limit, or a stream that
     *         ends inside the PDU
     * @throws IOException when the transport fails
     */
    public byte[] readRaw() throws IOException, PDUException {
        byte[] header = new byte[HEADER];
        int got = readFully(header, 0, HEADER);
        if (got == 0) {
            return null;
        }
        if (got < HEADER) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE,
                    "Stream ended inside a PDU header (" + got + " of 6 bytes)");
        }
        int type = header[0] & 0xFF;
        long length = ByteBuffer.wrap(header, 2, 4).getInt() & 0xFFFFFFFFL;
        checkTypeAndLength(type, length);
        byte[] pdu = new byte[HEADER + (int) length];
        System.arraycopy(header, 0, pdu, 0, HEADER);
        got = readFully(pdu, HEADER, (int) length);
        if (got < length) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, "Stream ended inside "
                    + PDU.typeName(type) + ": " + got + " of " + length + " bytes");
        }
        return pdu;
    }

    /** Reads and decodes the next PDU; null at a clean end of stream. */
    public PDU read() throws IOException, PDUException {
        byte[] raw = readRaw();
        return raw == null ? null : decode(raw);
    }

    private void checkTypeAndLength(int type, long length) throws PDUException {
        if (type < PDU.A_ASSOCIATE_RQ || type > PDU.A_ABORT) {
            throw new PDUException(UNRECOGNIZED_PDU, String.format(
                    "Unrecognized PDU type %02XH", type));
        }
        long limit = type == PDU.P_DATA_TF ? maxPDataLength : MAX_ASSOCIATION_PDU_LENGTH;
        if (length > limit) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, PDU.typeName(type)
                    + " length " + length + " exceeds the maximum of " + limit);
        }
    }

    private int readFully(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * Decodes one complete PDU, header included.
     *
     * @throws PDUException when the bytes are not a valid PDU
     */
    public static PDU decode(byte[] pdu) throws PDUException {
        if (pdu.length < HEADER) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, "PDU shorter than its header");
        }
        ByteBuffer buf = ByteBuffer.wrap(pdu);
        int type = buf.get() & 0xFF;
        buf.get();
        long length = buf.getInt() & 0xFFFFFFFFL;
        if (type < PDU.A_ASSOCIATE_RQ || type > PDU.A_ABORT) {
            throw new PDUException(UNRECOGNIZED_PDU, String.format(
                    "Unrecognized PDU type %02XH", type));
        }
        if (length != pdu.length - HEADER) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, PDU.typeName(type)
                    + " PDU-length " + length + " but " + (pdu.length - HEADER) + " bytes");
        }
        try {
            return decodeBody(type, buf);
        } catch (BufferUnderflowException | IndexOutOfBoundsException truncated) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, PDU.typeName(type)
                    + " is truncated: a field runs past the end of the PDU");
        }
    }

    private static PDU decodeBody(int type, ByteBuffer buf) throws PDUException {
        switch (type) {
            case PDU.A_ASSOCIATE_RQ: return decodeAssociateRQ(buf);
            case PDU.A_ASSOCIATE_AC: return decodeAssociateAC(buf);
            case PDU.P_DATA_TF: return decodePDataTF(buf);
            default: return decodeFixedLength(type, buf);
        }
    }

    private static PDU decodeFixedLength(int type, ByteBuffer buf) throws PDUException {
        if (buf.remaining() != 4) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, PDU.typeName(type)
                    + " must have PDU-length 4, not " + buf.remaining());
        }
        buf.get();
        int b7 = buf.get() & 0xFF;
        int b8 = buf.get() & 0xFF;
        int b9 = buf.get() & 0xFF;
        switch (type) {
            case PDU.A_ASSOCIATE_RJ: return new AAssociateRJ(b7, b8, b9);
            case PDU.A_RELEASE_RQ: return new AReleaseRQ();
            case PDU.A_RELEASE_RP: return new AReleaseRP();
            default: return new AAbort(b8, b9);
        }
    }

    private static PDataTF decodePDataTF(ByteBuffer buf) throws PDUException {
        List<PDV> pdvs = new ArrayList<>();
        while (buf.hasRemaining()) {
            long itemLength = buf.getInt() & 0xFFFFFFFFL;
            if (itemLength < 2 || itemLength > buf.remaining()) {
                throw new PDUException(INVALID_PDU_PARAMETER_VALUE, "PDV item length "
                        + itemLength + " does not fit the " + buf.remaining() + " bytes left");
            }
            int pcid = buf.get() & 0xFF;
            int header = buf.get() & 0xFF;
            byte[] fragment = new byte[(int) itemLength - 2];
            buf.get(fragment);
            pdvs.add(new PDV(pcid, header, fragment));
        }
        if (pdvs.isEmpty()) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF without a PDV item");
        }
        return new PDataTF(pdvs);
    }

    /** The fixed part shared by A-ASSOCIATE-RQ and -AC (PS3.8 Table 9-11, 9-17). */
    private record FixedPart(int version, String called, String calling) {
    }

    private static FixedPart fixedPart(ByteBuffer buf) throws PDUException {
        if (buf.remaining() < 68) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE,
                    "A-ASSOCIATE PDU shorter than its 68-byte fixed part");
        }
        int version = buf.getShort() & 0xFFFF;
        buf.getShort();
        String called = text(buf, 16);
        String calling = text(buf, 16);
        buf.position(buf.position() + 32);
        return new FixedPart(version, called, calling);
    }

    private static AAssociateRQ decodeAssociateRQ(ByteBuffer buf) throws PDUException {
        FixedPart fixed = fixedPart(buf);
        String applicationContext = null;
        List<PresentationContextRQ> contexts = new ArrayList<>();
        UserInformation userInfo = null;
        while (buf.hasRemaining()) {
            int itemType = buf.get() & 0xFF;
            ByteBuffer item = item(buf, itemType);
            if (itemType == 0x10 && applicationContext == null) {
                applicationContext = text(item, item.remaining());
            } else if (itemType == 0x20) {
                contexts.add(presentationContextRQ(item));
            } else if (itemType == 0x50) {
                userInfo = userInformation(item);
            } else if (itemType == 0x21) {
                throw new PDUException(UNEXPECTED_PDU_PARAMETER,
                        "A-ASSOCIATE-RQ holds an A-ASSOCIATE-AC presentation context item");
            }
        }
        requirePresent(applicationContext, "Application Context item");
        if (contexts.isEmpty()) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE,
                    "A-ASSOCIATE-RQ proposes no presentation context");
        }
        return new AAssociateRQ(fixed.version(), fixed.called(), fixed.calling(),
                applicationContext, contexts, orEmpty(userInfo));
    }

    private static AAssociateAC decodeAssociateAC(ByteBuffer buf) throws PDUException {
        FixedPart fixed = fixedPart(buf);
        String applicationContext = null;
        List<PresentationContextAC> contexts = new ArrayList<>();
        UserInformation userInfo = null;
        while (buf.hasRemaining()) {
            int itemType = buf.get() & 0xFF;
            ByteBuffer item = item(buf, itemType);
            if (itemType == 0x10 && applicationContext == null) {
                applicationContext = text(item, item.remaining());
            } else if (itemType == 0x21) {
                contexts.add(presentationContextAC(item));
            } else if (itemType == 0x50) {
                userInfo = userInformation(item);
            } else if (itemType == 0x20) {
                throw new PDUException(UNEXPECTED_PDU_PARAMETER,
                        "A-ASSOCIATE-AC holds an A-ASSOCIATE-RQ presentation context item");
            }
        }
        requirePresent(applicationContext, "Application Context item");
        return new AAssociateAC(fixed.version(), fixed.called(), fixed.calling(),
                applicationContext, contexts, orEmpty(userInfo));
    }

    private static UserInformation orEmpty(UserInformation userInfo) {
        // DEVIATION: PS3.8 §9.3.2 makes the User Information item mandatory; a peer that
        // leaves it out is taken to announce no maximum length rather than refused.
        return userInfo != null ? userInfo : UserInformation.of(0, null, null);
    }

    private static PresentationContextRQ presentationContextRQ(ByteBuffer item)
            throws PDUException {
        int id = item.get() & 0xFF;
        item.position(item.position() + 3);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.hasRemaining()) {
            int subType = item.get() & 0xFF;
            ByteBuffer sub = item(item, subType);
            if (subType == 0x30 && abstractSyntax == null) {
                abstractSyntax = text(sub, sub.remaining());
            } else if (subType == 0x40) {
                transferSyntaxes.add(text(sub, sub.remaining()));
            }
        }
        requirePresent(abstractSyntax, "Abstract Syntax sub-item of context " + id);
        if (transferSyntaxes.isEmpty() || id == 0) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, "Presentation context " + id
                    + " has no transfer syntax or a zero ID");
        }
        return new PresentationContextRQ(id, abstractSyntax, transferSyntaxes);
    }

    private static PresentationContextAC presentationContextAC(ByteBuffer item)
            throws PDUException {
        int id = item.get() & 0xFF;
        item.get();
        int result = item.get() & 0xFF;
        item.get();
        String transferSyntax = null;
        while (item.hasRemaining()) {
            int subType = item.get() & 0xFF;
            ByteBuffer sub = item(item, subType);
            if (subType == 0x40 && transferSyntax == null) {
                transferSyntax = text(sub, sub.remaining());
            }
        }
        if (result == PresentationContextAC.ACCEPTANCE
                && (transferSyntax == null || transferSyntax.isEmpty())) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, "Accepted presentation context "
                    + id + " names no transfer syntax");
        }
        return new PresentationContextAC(id, result, transferSyntax);
    }

    private static UserInformation userInformation(ByteBuffer item) throws PDUException {
        long maxLength = 0;
        String classUid = null;
        String versionName = null;
        AsyncOperationsWindow window = null;
        List<RoleSelection> roles = new ArrayList<>();
        List<SubItem> others = new ArrayList<>();
        while (item.hasRemaining()) {
            int subType = item.get() & 0xFF;
            ByteBuffer sub = item(item, subType);
            switch (subType) {
                case 0x51:
                    requireLength(sub, 4, "Maximum Length sub-item");
                    maxLength = sub.getInt() & 0xFFFFFFFFL;
                    break;
                case 0x52:
                    classUid = text(sub, sub.remaining());
                    break;
                case 0x53:
                    requireLength(sub, 4, "Asynchronous Operations Window sub-item");
                    window = new AsyncOperationsWindow(sub.getShort() & 0xFFFF,
                            sub.getShort() & 0xFFFF);
                    break;
                case 0x54:
                    roles.add(roleSelection(sub));
                    break;
                case 0x55:
                    versionName = text(sub, sub.remaining());
                    break;
                default:
                    byte[] value = new byte[sub.remaining()];
                    sub.get(value);
                    others.add(new SubItem(subType, value));
            }
        }
        return new UserInformation(maxLength, classUid, versionName, window, roles, others);
    }

    private static RoleSelection roleSelection(ByteBuffer sub) throws PDUException {
        int uidLength = sub.getShort() & 0xFFFF;
        if (uidLength + 2 != sub.remaining()) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE,
                    "SCP/SCU Role Selection sub-item UID length does not match its item");
        }
        String uid = text(sub, uidLength);
        return new RoleSelection(uid, sub.get() != 0, sub.get() != 0);
    }

    /** Reads an item's reserved byte and 16-bit length, returning a view of its value. */
    private static ByteBuffer item(ByteBuffer buf, int type) throws PDUException {
        buf.get();
        int length = buf.getShort() & 0xFFFF;
        if (length > buf.remaining()) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, String.format(
                    "Item %02XH length %d overruns its PDU (%d bytes left)", type, length,
                    buf.remaining()));
        }
        ByteBuffer value = buf.slice();
        value.limit(length);
        buf.position(buf.position() + length);
        return value;
    }

    private static void requireLength(ByteBuffer sub, int length, String what)
            throws PDUException {
        if (sub.remaining() != length) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, what + " has length "
                    + sub.remaining() + ", not " + length);
        }
    }

    private static void requirePresent(String value, String what) throws PDUException {
        if (value == null) {
            throw new PDUException(INVALID_PDU_PARAMETER_VALUE, "Missing " + what);
        }
    }

    /** ASCII text with padding (spaces, NULs) removed at both ends. */
    private static String text(ByteBuffer buf, int length) {
        byte[] bytes = new byte[length];
        buf.get(bytes);
        int start = 0;
        int end = length;
        while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        while (start < end && (bytes[start] == ' ' || bytes[start] == 0)) {
            start++;
        }
        return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
    }
}
