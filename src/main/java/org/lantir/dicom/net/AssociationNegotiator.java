package org.lantir.dicom.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.AsyncOperationsWindow;
import org.lantir.dicom.net.pdu.PDU;
import org.lantir.dicom.net.pdu.PresentationContextAC;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.lantir.dicom.net.pdu.RoleSelection;
import org.lantir.dicom.net.pdu.UserInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptor's answer to an A-ASSOCIATE-RQ (the service-user part of AE-6 / Evt7 / Evt8):
 * application context, called and calling AE titles (PS3.8 Table 9-21), then each presentation
 * context judged on its own (PS3.8 §9.3.3.2, Table 9-18): an abstract syntax not served is
 * result 3, no supported transfer syntax is result 4, else the first proposed transfer syntax
 * Lantir supports is accepted. Role selection is answered (PS3.7 D.3.3.4) and an asynchronous
 * operations window is answered with 1/1: Lantir performs one operation at a time
 * (PS3.7 D.3.3.3).
 */
final class AssociationNegotiator {

    private static final Logger LOG = LoggerFactory.getLogger(AssociationNegotiator.class);

    private final ServerSettings settings;
    private final Predicate<String> served;

    /**
     * @param served whether a SOP class (abstract syntax) has a service
     */
    AssociationNegotiator(ServerSettings settings, Predicate<String> served) {
        this.settings = settings;
        this.served = served;
    }

    /** The A-ASSOCIATE-AC or -RJ to answer with. */
    PDU answer(AAssociateRQ rq, String associationName) {
        if (!UID.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContextName())) {
            LOG.warn("{} application context {} is not DICOM's", associationName,
                    rq.applicationContextName());
            // PS3.8 Table 9-21: result 1, source 1, reason 2.
            return reject(AAssociateRJ.USER_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
        }
        if (!AeTitles.same(rq.calledAeTitle(), settings.aeTitle())) {
            LOG.warn("{} called AE title '{}' is not this server's '{}'", associationName,
                    rq.calledAeTitle(), settings.aeTitle());
            // PS3.8 Table 9-21: result 1, source 1, reason 7.
            return reject(AAssociateRJ.USER_CALLED_AE_TITLE_NOT_RECOGNIZED);
        }
        if (!settings.allowsCallingAeTitle(rq.callingAeTitle())) {
            LOG.warn("{} calling AE title '{}' is not on the allowed list", associationName,
                    rq.callingAeTitle());
            // PS3.8 Table 9-21: result 1, source 1, reason 3.
            return reject(AAssociateRJ.USER_CALLING_AE_TITLE_NOT_RECOGNIZED);
        }
        return accept(rq, associationName);
    }

    private static AAssociateRJ reject(int reason) {
        return new AAssociateRJ(AAssociateRJ.REJECTED_PERMANENT,
                AAssociateRJ.SOURCE_SERVICE_USER, reason);
    }

    private AAssociateAC accept(AAssociateRQ rq, String associationName) {
        List<PresentationContextAC> answers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PresentationContextRQ pc : rq.presentationContexts()) {
            if (!seen.add(pc.id())) {
                LOG.warn("{} presentation context ID {} proposed twice; the second is ignored",
                        associationName, pc.id());
                continue;
            }
            answers.add(judge(pc));
        }
        UserInformation userInfo = new UserInformation(settings.maxPduLengthReceived(),
                Implementation.CLASS_UID, Implementation.VERSION_NAME,
                rq.userInformation().asyncOperationsWindow() == null ? null
                        : new AsyncOperationsWindow(1, 1),
                roles(rq.userInformation().roleSelections()), List.of());
        return new AAssociateAC(AAssociateRQ.PROTOCOL_VERSION_1, rq.calledAeTitle(),
                rq.callingAeTitle(), UID.DICOM_APPLICATION_CONTEXT, answers, userInfo);
    }

    /** One context, PS3.8 Table 9-18. */
    PresentationContextAC judge(PresentationContextRQ pc) {
        String firstProposed = pc.transferSyntaxes().get(0);
        if (!served.test(pc.abstractSyntax())) {
            return new PresentationContextAC(pc.id(),
                    PresentationContextAC.ABSTRACT_SYNTAX_NOT_SUPPORTED, firstProposed);
        }
        for (String ts : pc.transferSyntaxes()) {
            if (TransferSyntax.fromUid(ts) != null) {
                return new PresentationContextAC(pc.id(), PresentationContextAC.ACCEPTANCE, ts);
            }
        }
        return new PresentationContextAC(pc.id(),
                PresentationContextAC.TRANSFER_SYNTAXES_NOT_SUPPORTED, firstProposed);
    }

    /**
     * PS3.7 D.3.3.4: the requestor may be SCU of a SOP class Lantir serves; Lantir never acts
     * as SCU on an association it accepted, so the requestor's SCP role is always refused.
     */
    private List<RoleSelection> roles(List<RoleSelection> proposed) {
        List<RoleSelection> answers = new ArrayList<>();
        for (RoleSelection role : proposed) {
            answers.add(new RoleSelection(role.sopClassUid(),
                    role.scuRole() && served.test(role.sopClassUid()), false));
        }
        return answers;
    }
}
