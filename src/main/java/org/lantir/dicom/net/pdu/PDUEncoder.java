package org.lantir.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Encodes PDUs as PS3.8 §9.3 lays them out: big endian, reserved fields zero, AE titles padded
 * with spaces to 16 bytes, items and User Information sub-items in increasing type order
 * (PS3.8 §9.3.1).
 */
public final class PDUEncoder {

    private PDUEncoder() {
    }

    /**
     * The complete PDU, header included.
     *
     * @throws IllegalArgumentException when a field does not fit its encoding (an AE title
     *         longer than 16 characters, an item longer than 65535 bytes)
     */
    public static byte[] encode(PDU pdu) {
        if (pdu instanceof PDataTF p) {
            return encodePDataTF(p);
        }
        if (pdu instanceof AAssociateRQ rq) {
            return withHeader(rq.type(), associateBody(rq.protocolVersion(), rq.calledAeTitle(),
                    rq.callingAeTitle(), rq.applicationContextName(), contextItemsOf(rq),
                    rq.userInformation()));
        }
        if (pdu instanceof AAssociateAC ac) {
            return withHeader(ac.type(), associateBody(ac.protocolVersion(), ac.calledAeTitle(),
                    ac.callingAeTitle(), ac.applicationContextName(), contextItemsOf(ac),
                    ac.userInformation()));
        }
        if (pdu instanceof AAssociateRJ rj) {
            return withHeader(rj.type(), new byte[] {0, (byte) rj.result(), (byte) rj.source(),
                (byte) rj.reason()});
        }
        if (pdu instanceof AAbort abort) {
            return withHeader(abort.type(), new byte[] {0, 0, (byte) abort.source(),
                (byte) abort.reason()});
        }
        return withHeader(pdu.type(), new byte[4]);
    }

    private static byte[] encodePDataTF(PDataTF p) {
        Out out = new Out();
        out.u8(p.type()).u8(0).u32(p.pduLength());
        for (PDV pdv : p.pdvs()) {
            out.u32(pdv.fragment().length + 2L).u8(pdv.presentationContextId())
                    .u8(pdv.messageControlHeader()).bytes(pdv.fragment());
        }
        return out.toByteArray();
    }

    private static byte[] withHeader(int type, byte[] body) {
        Out out = new Out();
        out.u8(type).u8(0).u32(body.length).bytes(body);
        return out.toByteArray();
    }

    private static byte[] associateBody(int version, String called, String calling,
            String applicationContext, List<byte[]> contextItems, UserInformation userInfo) {
        Out out = new Out();
        out.u16(version).u16(0).bytes(aeTitle(called)).bytes(aeTitle(calling)).bytes(new byte[32]);
        out.bytes(item(0x10, ascii(applicationContext)));
        for (byte[] contextItem : contextItems) {
            out.bytes(contextItem);
        }
        if (userInfo != null) {
            out.bytes(item(0x50, userInformation(userInfo)));
        }
        return out.toByteArray();
    }

    private static List<byte[]> contextItemsOf(AAssociateRQ rq) {
        List<byte[]> items = new ArrayList<>();
        for (PresentationContextRQ pc : rq.presentationContexts()) {
            Out body = new Out();
            body.u8(pc.id()).u8(0).u8(0).u8(0).bytes(item(0x30, ascii(pc.abstractSyntax())));
            for (String ts : pc.transferSyntaxes()) {
                body.bytes(item(0x40, ascii(ts)));
            }
            items.add(item(0x20, body.toByteArray()));
        }
        return items;
    }

    private static List<byte[]> contextItemsOf(AAssociateAC ac) {
        List<byte[]> items = new ArrayList<>();
        for (PresentationContextAC pc : ac.presentationContexts()) {
            Out body = new Out();
            body.u8(pc.id()).u8(0).u8(pc.result()).u8(0);
            body.bytes(item(0x40, ascii(pc.transferSyntax() == null ? "" : pc.transferSyntax())));
            items.add(item(0x21, body.toByteArray()));
        }
        return items;
    }

    private static byte[] userInformation(UserInformation ui) {
        Out out = new Out();
        out.bytes(item(0x51, new Out().u32(ui.maxLength()).toByteArray()));
        if (ui.implementationClassUid() != null) {
            out.bytes(item(0x52, ascii(ui.implementationClassUid())));
        }
        AsyncOperationsWindow window = ui.asyncOperationsWindow();
        if (window != null) {
            out.bytes(item(0x53, new Out().u16(window.maxOperationsInvoked())
                    .u16(window.maxOperationsPerformed()).toByteArray()));
        }
        for (RoleSelection role : ui.roleSelections()) {
            byte[] uid = ascii(role.sopClassUid());
            out.bytes(item(0x54, new Out().u16(uid.length).bytes(uid).u8(role.scuRole() ? 1 : 0)
                    .u8(role.scpRole() ? 1 : 0).toByteArray()));
        }
        if (ui.implementationVersionName() != null) {
            out.bytes(item(0x55, ascii(ui.implementationVersionName())));
        }
        List<SubItem> others = new ArrayList<>(ui.otherSubItems());
        others.sort(Comparator.comparingInt(SubItem::type));
        for (SubItem sub : others) {
            out.bytes(item(sub.type(), sub.value()));
        }
        return out.toByteArray();
    }

    private static byte[] item(int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException(String.format(
                    "Item %02XH of %d bytes exceeds its 16-bit length field", type, value.length));
        }
        return new Out().u8(type).u8(0).u16(value.length).bytes(value).toByteArray();
    }

    private static byte[] aeTitle(String ae) {
        byte[] field = new byte[16];
        java.util.Arrays.fill(field, (byte) ' ');
        byte[] value = ascii(ae == null ? "" : ae.strip());
        if (value.length > 16) {
            throw new IllegalArgumentException("AE title longer than 16 characters: " + ae);
        }
        System.arraycopy(value, 0, field, 0, value.length);
        return field;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A big-endian byte sink. */
    private static final class Out extends ByteArrayOutputStream {

        Out u8(int v) {
            write(v & 0xFF);
            return this;
        }

        Out u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Out u32(long v) {
            return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
        }

        Out bytes(byte[] b) {
            writeBytes(b);
            return this;
        }
    }
}
