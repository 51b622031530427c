package org.lantir.dicom.net;

import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.PDU;

/**
 * The local service user of one association (PS3.8 §7): it receives the indications and
 * confirmations of the upper layer and answers the ones that need an answer.
 */
interface AssociationUser {

    /**
     * AE-6, service-provider part: a rejection the provider itself must give (local limits),
     * or null.
     */
    default AAssociateRJ serviceProviderCheck(AAssociateRQ rq) {
        return null;
    }

    /** Acceptor: the A-ASSOCIATE indication; returns the A-ASSOCIATE-AC or -RJ to send. */
    default PDU associateRequested(AAssociateRQ rq) {
        return new AAssociateRJ(AAssociateRJ.REJECTED_PERMANENT,
                AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.USER_NO_REASON_GIVEN);
    }

    /** The association is established (acceptor after AE-7, requestor after AE-3). */
    default void associateAccepted(AAssociateAC ac) {
    }

    /** Requestor: the A-ASSOCIATE-RJ received (AE-4). */
    default void associateRejected(AAssociateRJ rj) {
    }

    /** One complete DIMSE message, delivered on the reader thread. */
    void dimseReceived(DimseMessage message);

    /**
     * A-RELEASE indication (AR-2, AR-8). The user answers with
     * {@link Association#releaseResponse()} once its outstanding work is done.
     */
    void releaseRequested(boolean collision);

    /** A-RELEASE confirmation (AR-3, AR-10). */
    default void releaseConfirmed() {
    }

    /**
     * A-ABORT or A-P-ABORT indication.
     *
     * @param abort null when the transport closed without an A-ABORT
     */
    default void aborted(AAbort abort, boolean fromPeer) {
    }

    /** The association no longer exists (Sta13 or Sta1 next); called once. */
    default void associationEnding() {
    }

    /** Whether requests are still being worked on (keeps the idle timer from firing). */
    default boolean hasOutstandingRequests() {
        return false;
    }

    /** The connection is closed and the reader has stopped; called once, last. */
    default void closed() {
    }
}
