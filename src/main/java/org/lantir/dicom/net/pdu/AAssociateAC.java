package org.lantir.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 §9.3.3, Table 9-17). Same fixed layout as {@link AAssociateRQ};
 * the AE title fields echo the request and are not tested on receipt (PS3.8 Table 9-17).
 */
public record AAssociateAC(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContextName, List<PresentationContextAC> presentationContexts,
        UserInformation userInformation) implements PDU {

    public AAssociateAC {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return A_ASSOCIATE_AC;
    }

    /** The answer for the context with this ID, or null. */
    public PresentationContextAC presentationContext(int id) {
        for (PresentationContextAC pc : presentationContexts) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }
}
