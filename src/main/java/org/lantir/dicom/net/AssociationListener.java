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

    /**
     * An accepted association is over and its connection closed.
     *
     * @param released true when the requestor asked for the release (A-RELEASE-RQ); false
     *        when it was aborted by either side or its connection was lost
     */
    default void associationClosed(AssociationInfo association, boolean released) {
    }
}
