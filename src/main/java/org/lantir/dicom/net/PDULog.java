package org.lantir.dicom.net;

import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.AReleaseRP;
import org.lantir.dicom.net.pdu.AReleaseRQ;
import org.lantir.dicom.net.pdu.PDU;
import org.lantir.dicom.net.pdu.PresentationContextAC;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of the upper layer, each prefixed with the association's name: INFO for the
 * association's life (request, accept, reject, release, abort), DEBUG for contexts, TRACE for
 * PDU bytes.
 */
final class PDULog {

    private static final Logger LOG = LoggerFactory.getLogger(PDULog.class);

    private PDULog() {
    }

    /** The A-ASSOCIATE-RQ an acceptor received: AE titles and contexts offered. */
    static void request(String name, AAssociateRQ rq) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder offered = new StringBuilder();
        for (PresentationContextRQ pc : rq.presentationContexts()) {
            offered.append(offered.length() == 0 ? "" : ", ").append(pc.id()).append(':')
                    .append(pc.abstractSyntax());
        }
        LOG.info("{} A-ASSOCIATE-RQ from {} to {}, contexts offered: {}", name,
                rq.callingAeTitle(), rq.calledAeTitle(), offered);
        LOG.debug("{} proposed {}; max PDU length {}, implementation {} {}", name,
                rq.presentationContexts(), rq.userInformation().maxLength(),
                rq.userInformation().implementationClassUid(),
                rq.userInformation().implementationVersionName());
    }

    /** A PDU other than P-DATA-TF about to be sent. */
    static void sent(String name, PDU pdu) {
        if (pdu instanceof AAssociateAC ac) {
            long accepted = ac.presentationContexts().stream()
                    .filter(PresentationContextAC::isAccepted).count();
            LOG.info("{} A-ASSOCIATE-AC sent: {} of {} contexts accepted", name, accepted,
                    ac.presentationContexts().size());
            LOG.debug("{} contexts answered {}", name, ac.presentationContexts());
        } else if (pdu instanceof AAssociateRJ rj) {
            LOG.warn("{} A-ASSOCIATE-RJ sent: {}", name, rj);
        } else if (pdu instanceof AAbort abort) {
            LOG.info("{} A-ABORT sent: {}", name, abort);
        } else if (pdu instanceof AAssociateRQ rq) {
            LOG.info("{} A-ASSOCIATE-RQ sent, contexts offered: {}", name,
                    rq.presentationContexts());
        } else if (pdu instanceof AReleaseRP) {
            LOG.info("{} released", name);
        } else if (pdu instanceof AReleaseRQ) {
            LOG.debug("{} A-RELEASE-RQ sent", name);
        }
    }

    /** The bytes of a PDU, at TRACE. */
    static void bytes(String name, String direction, byte[] bytes) {
        if (!LOG.isTraceEnabled()) {
            return;
        }
        StringBuilder hex = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b));
        }
        LOG.trace("{} {} {} bytes: {}", name, direction, bytes.length, hex);
    }
}
