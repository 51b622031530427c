package org.lantir.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-RQ PDU (PS3.8 §9.3.2, Table 9-11).
 *
 * <pre>
 * offset  size  field
 *   0      1    PDU-type 01H
 *   1      1    reserved
 *   2      4    PDU-length (bytes that follow)
 *   6      2    Protocol-version (bit 0 set)
 *   8      2    reserved
 *  10     16    Called-AE-title (space padded)
 *  26     16    Calling-AE-title (space padded)
 *  42     32    reserved
 *  74      -    Application Context item, Presentation Context items, User Information item
 * </pre>
 *
 * AE titles are held without padding spaces.
 */
public record AAssociateRQ(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContextName, List<PresentationContextRQ> presentationContexts,
        UserInformation userInformation) implements PDU {

    /** Protocol version 1 (bit 0), the only one defined (PS3.8 §9.3.2). */
    public static final int PROTOCOL_VERSION_1 = 0x0001;

    public AAssociateRQ {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return A_ASSOCIATE_RQ;
    }

    /** The proposed context with this ID, or null. */
    public PresentationContextRQ presentationContext(int id) {
        for (PresentationContextRQ pc : presentationContexts) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }
}
