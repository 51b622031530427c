package org.lantir.scp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.DicomServiceException;
import org.lantir.dicom.net.Dimse;
import org.lantir.dicom.net.DimseRequest;
import org.lantir.dicom.net.DimseResponder;
import org.lantir.dicom.net.DimseService;
import org.lantir.dicom.net.Status;
import org.lantir.worklist.MwlQuery;
import org.lantir.worklist.MwlQueryException;
import org.lantir.worklist.MwlResult;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modality Worklist Information Model – FIND SCP (PS3.4 Annex K; SOP Class
 * 1.2.840.10008.5.1.4.31). Turns a C-FIND identifier into a worklist query and streams one
 * pending response per match, FF01H instead of FF00H when the query asked to match on keys
 * Lantir does not support, then the final status (PS3.4 Table K.4-1): 0000H; FE00H after a
 * C-CANCEL; A700H with an Error Comment when the site's answer limit is passed (C22); A900H
 * with Offending Element and Error Comment for an identifier it cannot use (C06, C11).
 */
public final class ModalityWorklistScp implements DimseService {

    private static final Logger LOG = LoggerFactory.getLogger(ModalityWorklistScp.class);

    private final WorklistService service;
    private final MwlScpSettings settings;

    public ModalityWorklistScp(WorklistService service, MwlScpSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @Override
    public List<String> sopClasses() {
        return List.of(UID.MODALITY_WORKLIST_FIND);
    }

    @Override
    public void onRequest(DimseRequest request, DimseResponder responder)
            throws DicomServiceException, IOException {
        if (request.commandField() != Dimse.C_FIND_RQ) {
            throw new DicomServiceException(Status.UNRECOGNIZED_OPERATION,
                    Dimse.name(request.commandField()) + " is not served by the worklist");
        }
        String name = request.association().name();
        Dataset identifier = request.dataset();
        if (identifier == null) {
            throw new DicomServiceException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "C-FIND without an identifier");
        }
        if (LOG.isDebugEnabled()) {
            // Built only when wanted: formatting every element cost ~10% of a C-FIND.
            LOG.debug("{} MWL C-FIND identifier:{}", name, IdentifierDump.of(identifier));
        }
        MwlQuery query = parse(identifier, request.association().callingAeTitle(), name);
        answer(request, responder, query);
    }

    private MwlQuery parse(Dataset identifier, String callingAe, String name)
            throws DicomServiceException {
        boolean callingAeIsStation = settings.callingAeAsStation().contains(callingAe);
        try {
            return service.parseQuery(identifier, callingAe, callingAeIsStation);
        } catch (MwlQueryException e) {
            LOG.info("{} MWL C-FIND refused: {} ({})", name, e.getMessage(),
                    Status.toHex(e.status()));
            throw new DicomServiceException(e.status(), e.getMessage())
                    .offendingElements(e.offendingElement());
        }
    }

    private void answer(DimseRequest request, DimseResponder responder, MwlQuery query)
            throws DicomServiceException, IOException {
        long start = System.nanoTime();
        Answer answer = new Answer(request, responder, settings.maxAnswers(),
                query.hasUnsupportedKeys() ? Status.PENDING_WARNING : Status.PENDING);
        MwlResult result;
        try {
            result = service.find(query, answer::send);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            LOG.error("{} MWL C-FIND failed after {} match(es)", request.association().name(),
                    answer.sent, e);
            // PS3.4 Table K.4-1: Cxxx, unable to process; never an uncaught exception (C22).
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS,
                    "Worklist store unavailable; try again");
        }
        int status = answer.finalStatus();
        logAnswer(request, answer.sent, result.hiddenIncomplete(), start, status);
        if (status == Status.OUT_OF_RESOURCES) {
            // PS3.4 K.4.1.3: success would claim every match was sent; it was not.
            throw new DicomServiceException(status, "More than " + settings.maxAnswers()
                    + " matches (site limit); narrow the query");
        }
        responder.respond(status, null, null);
    }

    /**
     * The network layer's INFO line already gives each C-FIND's status, pending count and
     * time (one INFO line per DIMSE message); this one is INFO only when incomplete rows
     * were kept off the answer, which a site should see (C09, C15).
     */
    private static void logAnswer(DimseRequest request, int sent, int hidden, long start,
            int status) {
        if (hidden > 0) {
            LOG.info("{} MWL C-FIND: {} match(es), {} incomplete row(s) hidden -> {}",
                    request.association().name(), sent, hidden, Status.toHex(status));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} MWL C-FIND: {} match(es), {} ms -> {}", request.association().name(),
                    sent, (System.nanoTime() - start) / 1_000_000, Status.toHex(status));
        }
    }

    /** Sends the pending responses of one C-FIND and remembers why it stopped. */
    private static final class Answer {
        private final DimseRequest request;
        private final DimseResponder responder;
        private final int limit;
        private final int pendingStatus;
        private int sent;
        private boolean cancelled;
        private boolean overLimit;

        Answer(DimseRequest request, DimseResponder responder, int limit, int pendingStatus) {
            this.request = request;
            this.responder = responder;
            this.limit = limit;
            this.pendingStatus = pendingStatus;
        }

        boolean send(org.lantir.worklist.MwlMatch match) {
            if (request.isCancelled()) {
                cancelled = true;
                return false;
            }
            if (limit > 0 && sent >= limit) {
                overLimit = true;
                return false;
            }
            try {
                responder.pending(pendingStatus, match.response());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sent++;
            return true;
        }

        int finalStatus() {
            if (cancelled || request.isCancelled()) {
                return Status.CANCEL;
            }
            return overLimit ? Status.OUT_OF_RESOURCES : Status.SUCCESS;
        }
    }
}
