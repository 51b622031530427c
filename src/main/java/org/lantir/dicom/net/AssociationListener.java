package org.lantir.dicom.net;

import org.lantir.dicom.net.pdu.AAssociateRJ;

/**
 * Told of the associations a {@link DicomServer} accepts, rejects and closes, e.g. to feed an
 * event log or a status window. Called on association threads: return quickly.
 */
public interface AssociationListener {

    default void associationAccepted(AssociationInfo association) {
    }

    default void associationRejected(AssociationInfo association, AAssociateRJ rejection) {
    }

    /** The association is over (released, aborted or its connection lost). */
    default void associationClosed(AssociationInfo association) {
    }
}
