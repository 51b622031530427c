package org.lantir.dicom.net;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.AAbort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the DIMSE requests of one accepted association to the services registered for their
 * SOP classes (PS3.7 §9, §10). Requests run one at a time on the association's own worker,
 * off the reader thread, so a C-CANCEL-RQ (PS3.7 §9.3.2.3) is read while a C-FIND works and
 * marks it cancelled. Every request gets exactly one final response:
 * <ul>
 * <li>an unknown Command Field: 0211H, unrecognized operation (PS3.7 C.4.17);
 * <li>a SOP class without a service: 0122H for DIMSE-C (C.5.3), 0118H for DIMSE-N (C.4.16);
 * <li>a {@link DicomServiceException}: its status and command elements;
 * <li>a failure inside a service: C000H (DIMSE-C, unable to process, PS3.4 Table K.4-1) or
 *     0110H (DIMSE-N, processing failure, C.4.10), logged at ERROR; the association stays;
 * <li>a service that returns without a final response: 0000H, or FE00H when cancelled.
 * </ul>
 */
final class DimseDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DimseDispatcher.class);

    private static final Set<Integer> REQUESTS = Set.of(Dimse.C_STORE_RQ, Dimse.C_GET_RQ,
            Dimse.C_FIND_RQ, Dimse.C_MOVE_RQ, Dimse.C_ECHO_RQ, Dimse.N_EVENT_REPORT_RQ,
            Dimse.N_GET_RQ, Dimse.N_SET_RQ, Dimse.N_ACTION_RQ, Dimse.N_CREATE_RQ,
            Dimse.N_DELETE_RQ);

    private final Association association;
    private final Function<String, DimseService> services;
    private final SerialExecutor worker;
    private final Function<String, SpecificCharacterSet> defaultCharacterSet;
    private final ServerStatistics statistics;
    private final Map<Integer, IncomingRequest> inFlight = new ConcurrentHashMap<>();
    /** Requests received and not yet given their final response (or given up). */
    private final AtomicInteger unanswered = new AtomicInteger();

    /**
     * @param services the service for a SOP class UID, or null
     * @param workers the shared executor the association's serial worker runs on
     * @param statistics counts each request's final status
     */
    DimseDispatcher(Association association, Function<String, DimseService> services,
            Executor workers, Function<String, SpecificCharacterSet> defaultCharacterSet,
            ServerStatistics statistics) {
        this.association = association;
        this.services = services;
        this.worker = new SerialExecutor(workers);
        this.defaultCharacterSet = defaultCharacterSet;
        this.statistics = statistics;
    }

    /** A complete message from the reader thread. */
    void onMessage(DimseMessage message) {
        Dataset command = message.command();
        int field = message.commandField();
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} << {} {}", association.name(), Dimse.name(field),
                    CommandSet.describe(command));
        }
        if (field == Dimse.C_CANCEL_RQ) {
            cancel(command.getInt(Tag.MessageIDBeingRespondedTo, -1));
            return;
        }
        if (Dimse.isResponse(field)) {
            LOG.warn("{} unexpected {} ignored: this side sent no request", association.name(),
                    Dimse.name(field));
            return;
        }
        IncomingRequest request = new IncomingRequest(association.info(),
                association.context(message.presentationContextId()), command, message.data());
        inFlight.put(request.messageId(), request);
        unanswered.incrementAndGet();
        submit(() -> process(request));
    }

    /** A-RELEASE indication: answer once the requests already received are done. */
    void onReleaseRequested() {
        submit(association::releaseResponse);
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.warn("{} no worker left (server stopping); aborting", association.name());
            association.abort(AAbort.byServiceUser());
        }
    }

    /** The association is gone: services polling {@link DimseRequest#isCancelled()} stop. */
    void cancelAll() {
        for (IncomingRequest request : inFlight.values()) {
            request.cancel();
        }
    }

    /**
     * Whether a request still waits for its final response. A request stops counting when
     * its final response is about to go: once the peer holds the answer, the worker's own
     * bookkeeping (the outcome line) is no activity the idle timer should wait for.
     */
    boolean hasOutstandingRequests() {
        return unanswered.get() > 0;
    }

    private void cancel(int messageId) {
        IncomingRequest request = inFlight.get(messageId);
        if (request == null) {
            LOG.debug("{} C-CANCEL-RQ for message {}, which is not in progress",
                    association.name(), messageId);
            return;
        }
        LOG.info("{} C-CANCEL-RQ for message {}", association.name(), messageId);
        request.cancel();
    }

    private void process(IncomingRequest request) {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName(association.name() + "-dimse");
        Responder responder = new Responder(association, request, this::finalResponse);
        long start = System.nanoTime();
        try {
            if (association.state().isAssociationEstablished()) {
                dispatch(request, responder);
            }
        } finally {
            inFlight.remove(request.messageId(), request);
            if (!responder.finalSent()) {
                // The association ended (or the service failed to answer at all).
                unanswered.decrementAndGet();
            }
            logOutcome(request, responder, start);
            thread.setName(threadName);
        }
    }

    /**
     * Counted before the response goes, so a requestor holding it sees it counted and no
     * longer outstanding.
     */
    private void finalResponse(IncomingRequest request, int status) {
        unanswered.decrementAndGet();
        statistics.requestAnswered(request.commandField(), status);
    }

    private void dispatch(IncomingRequest request, Responder responder) {
        try {
            DimseService service = services.apply(request.sopClassUid());
            if (!REQUESTS.contains(request.commandField())) {
                // PS3.7 C.4.17: unrecognized operation.
                throw new DicomServiceException(Status.UNRECOGNIZED_OPERATION,
                        "Unrecognized command " + Dimse.name(request.commandField()));
            }
            if (service == null) {
                throw noSuchSopClass(request);
            }
            decodeDataset(request);
            service.onRequest(request, responder);
            if (!responder.finalSent()) {
                responder.respond(request.isCancelled() ? Status.CANCEL : Status.SUCCESS,
                        null, null);
            }
        } catch (DicomServiceException refused) {
            answerFailure(request, responder, refused);
        } catch (IOException gone) {
            LOG.debug("{} response to message {} not sent: {}", association.name(),
                    request.messageId(), gone.toString());
        } catch (RuntimeException | Error bug) {
            serviceFailed(request, responder, bug);
        }
    }

    private static DicomServiceException noSuchSopClass(IncomingRequest request) {
        if (request.isDimseC()) {
            // PS3.7 C.5.3: refused, SOP class not supported.
            return new DicomServiceException(Status.SOP_CLASS_NOT_SUPPORTED,
                    "SOP Class not supported");
        }
        // PS3.7 C.4.16: no such SOP class.
        return new DicomServiceException(Status.NO_SUCH_SOP_CLASS, "No such SOP Class");
    }

    private void decodeDataset(IncomingRequest request) throws DicomServiceException {
        byte[] encoded = request.encodedDataset();
        if (encoded == null) {
            return;
        }
        SpecificCharacterSet charset =
                defaultCharacterSet.apply(association.info().callingAeTitle());
        try {
            request.setDataset(DicomReader.read(encoded, request.transferSyntax(), charset));
            LOG.debug("{} << data set {}", association.name(), request.dataset());
        } catch (DicomFormatException malformed) {
            LOG.warn("{} message {} carries a malformed data set", association.name(),
                    request.messageId());
            LOG.debug("{} data set error: {}", association.name(), malformed.getMessage());
            throw new DicomServiceException(failureStatus(request), "Malformed data set");
        }
    }

    private void answerFailure(IncomingRequest request, Responder responder,
            DicomServiceException refused) {
        if (responder.finalSent()) {
            LOG.warn("{} service refused message {} after its final response; ignored",
                    association.name(), request.messageId());
            return;
        }
        LOG.debug("{} message {} refused: {} {}", association.name(), request.messageId(),
                Status.toHex(refused.status()), refused.getMessage());
        try {
            responder.respond(refused.status(), refused.responseCommandElements(), null);
        } catch (IOException gone) {
            LOG.debug("{} failure response not sent: {}", association.name(), gone.toString());
        }
    }

    /**
     * A bug in a service. Its message may quote patient data, so the ERROR line names only
     * the exception type and where it was thrown; the whole trace goes to DEBUG.
     */
    private void serviceFailed(IncomingRequest request, Responder responder, Throwable bug) {
        StackTraceElement[] trace = bug.getStackTrace();
        LOG.error("{} {} message {} failed: {} at {}", association.name(),
                Dimse.name(request.commandField()), request.messageId(),
                bug.getClass().getName(), trace.length > 0 ? trace[0] : "?");
        LOG.debug("{} failure detail", association.name(), bug);
        if (responder.finalSent()) {
            return;
        }
        Dataset comment = new Dataset();
        comment.setString(Tag.ErrorComment, VR.LO, "Internal error, see the server log");
        try {
            responder.respond(failureStatus(request), comment, null);
        } catch (IOException | RuntimeException notSent) {
            LOG.debug("{} failure response not sent: {}", association.name(),
                    notSent.toString());
        }
    }

    private static int failureStatus(IncomingRequest request) {
        return request.isDimseC() ? Status.UNABLE_TO_PROCESS : Status.PROCESSING_FAILURE;
    }

    private void logOutcome(IncomingRequest request, Responder responder, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        String outcome = responder.finalSent() ? Status.toHex(responder.finalStatus())
                : "no response";
        if (responder.pendingCount() > 0) {
            LOG.info("{} {} message {} {} -> {} after {} pending ({} ms)", association.name(),
                    Dimse.name(request.commandField()), request.messageId(),
                    request.sopClassUid(), outcome, responder.pendingCount(), millis);
        } else {
            LOG.info("{} {} message {} {} -> {} ({} ms)", association.name(),
                    Dimse.name(request.commandField()), request.messageId(),
                    request.sopClassUid(), outcome, millis);
        }
    }
}
