package org.lantir.dicom.net;

import java.io.IOException;
import org.lantir.dicom.net.pdu.AAssociateRJ;

/** The called AE answered the A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ (PS3.8 §9.3.4). */
public class AssociationRejectedException extends IOException {

    private final AAssociateRJ rejection;

    public AssociationRejectedException(String association, AAssociateRJ rejection) {
        super(association + " rejected: " + rejection);
        this.rejection = rejection;
    }

    public AAssociateRJ rejection() {
        return rejection;
    }
}
