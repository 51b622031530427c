package org.lantir.dicom.net;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.AReleaseRP;
import org.lantir.dicom.net.pdu.AReleaseRQ;
import org.lantir.dicom.net.pdu.PDUException;
import org.lantir.dicom.net.pdu.PDataTF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DICOM Upper Layer protocol machine of PS3.8 §9.2 for one association, as requestor or
 * acceptor: each event is looked up in {@link StateTable} (PS3.8 Table 9-10) and the action's
 * effects are carried out through a {@link Port} (transport, ARTIM timer, service user).
 *
 * <p>Events are handled one at a time under a lock. Sending P-DATA-TF (Evt9) only checks the
 * table under the lock and writes outside it, so a long data transfer never holds up the
 * reader that must see a C-CANCEL or an A-ABORT.
 */
final class UpperLayerStateMachine {

    /** What the machine acts on: the transport, the ARTIM timer and the local service user. */
    interface Port {

        /** The association's log name. */
        String name();

        /** AE-1: the transport connection is being opened (requestor). */
        void transportConnectRequest();

        /** Sends a PDU other than P-DATA-TF; a failure shows later as Evt17. */
        void send(org.lantir.dicom.net.pdu.PDU pdu);

        /** DT-1, AR-7: sends a P-DATA-TF PDU. */
        void sendData(PDataTF pdu) throws IOException;

        void closeTransport();

        void startArtim();

        void stopArtim();

        /**
         * AE-6: whether the service provider accepts the request (protocol version, local
         * limits); null when it does, else the rejection to send.
         */
        AAssociateRJ serviceProviderCheck(AAssociateRQ rq);

        /** AE-6: A-ASSOCIATE indication; the user answers with Evt7 or Evt8. */
        void associateIndication(AAssociateRQ rq);

        /** AE-3. */
        void associateConfirmation(AAssociateAC ac);

        /** AE-4. */
        void associateRejection(AAssociateRJ rj);

        /** DT-2, AR-6. */
        void dataIndication(PDataTF pdu);

        /** AR-2, AR-8: the user answers with Evt14 when its work is done. */
        void releaseIndication(boolean collision);

        /** AR-3, AR-10. */
        void releaseConfirmation();

        /**
         * AA-3, AA-4, AA-8: A-ABORT or A-P-ABORT indication.
         *
         * @param abort the A-ABORT received (AA-3) or sent (AA-8); null when the transport
         *        closed (AA-4)
         * @param fromPeer whether the peer sent it
         */
        void abortIndication(AAbort abort, boolean fromPeer);

        /** Called once, before the action that ends the association (Sta13 or Sta1 next). */
        void associationEnding();
    }

    private static final Logger LOG = LoggerFactory.getLogger(UpperLayerStateMachine.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final boolean requestor;
    private final Port port;
    private volatile UpperLayerState state = UpperLayerState.STA1;
    private final java.util.ArrayDeque<Object[]> deferred = new java.util.ArrayDeque<>();
    private AAssociateRQ request;
    private boolean ended;
    private boolean acting;

    UpperLayerStateMachine(boolean requestor, Port port) {
        this.requestor = requestor;
        this.port = port;
    }

    /**
     * The state as last recorded, without waiting: for the thread that handles the events
     * (inside an action this is still the state the event arrived in) and for checks made
     * under the transport's write lock, where waiting for this machine's lock could deadlock
     * with a reader sending a PDU under it. Other threads use {@link #settledState()}.
     */
    UpperLayerState state() {
        return state;
    }

    /**
     * The state once any event being handled on another thread is complete. An action tells
     * the user (an A-ABORT indication, an A-ASSOCIATE or A-RELEASE confirmation) before its
     * next state is recorded, and the user's thread may wake at once: asked through this
     * method, it sees the state the event leads to, never the one it left. Must not be called
     * while holding a lock that an action may need (the transport's write lock).
     */
    UpperLayerState settledState() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    boolean isRequestor() {
        return requestor;
    }

    /**
     * Handles one event.
     *
     * @param parameter the PDU received or to send, the {@link PDUException} of Evt19, the
     *        {@link AAbort} of Evt15, or null
     * @throws IllegalStateException when a local primitive is issued in a state where Table
     *         9-10 does not allow it
     */
    void handle(UpperLayerEvent event, Object parameter) {
        lock.lock();
        try {
            UpperLayerAction action = StateTable.action(state, event);
            if (action == null) {
                undefined(event);
                return;
            }
            UpperLayerState from = state;
            acting = true;
            UpperLayerState next;
            try {
                next = perform(action, event, parameter);
            } finally {
                acting = false;
            }
            state = next;
            logTransition(from, event, action, next);
            runDeferred();
        } finally {
            lock.unlock();
        }
    }

    /** Primitives the user issued from inside an indication, now that the state is set. */
    private void runDeferred() {
        while (!deferred.isEmpty()) {
            Object[] primitive = deferred.poll();
            handleIfAllowed((UpperLayerEvent) primitive[0], primitive[1]);
        }
    }

    /**
     * Handles a local primitive only where Table 9-10 allows it in the current state, checked
     * under the lock, so a primitive issued from another thread sees the state left by the
     * event being handled.
     *
     * <p>A primitive issued from inside an indication (on the thread carrying out an action)
     * runs as soon as that action's event is complete.
     *
     * @return whether the event was handled (or deferred)
     */
    boolean handleIfAllowed(UpperLayerEvent event, Object parameter) {
        lock.lock();
        try {
            if (acting) {
                deferred.add(new Object[] {event, parameter});
                return true;
            }
            if (StateTable.action(state, event) == null) {
                LOG.debug("{} {} not applicable in {}", port.name(), event.shortName(),
                        state.shortName());
                return false;
            }
            handle(event, parameter);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Evt9: sends a P-DATA-TF PDU (DT-1 in Sta6, AR-7 in Sta8). */
    void sendData(PDataTF pdu) throws IOException {
        lock.lock();
        try {
            if (StateTable.action(state, UpperLayerEvent.EVT9) == null) {
                throw new IOException("Association " + port.name() + " cannot send data in "
                        + state.shortName() + " (" + state.description() + ")");
            }
        } finally {
            lock.unlock();
        }
        port.sendData(pdu);
    }

    private void undefined(UpperLayerEvent event) {
        if (event.isLocal()) {
            throw new IllegalStateException(event.shortName() + " (" + event.description()
                    + ") is not allowed in " + state.shortName() + " (PS3.8 Table 9-10)");
        }
        LOG.debug("{} {} ignored in {}", port.name(), event.shortName(), state.shortName());
    }

    private UpperLayerState perform(UpperLayerAction action, UpperLayerEvent event,
            Object parameter) {
        UpperLayerState next = action.nextState();
        if (next == UpperLayerState.STA1 || next == UpperLayerState.STA13) {
            associationEnding();
        }
        switch (action) {
            case AE_1: return ae1((AAssociateRQ) parameter);
            case AE_2: return send(request, next);
            case AE_3: port.associateConfirmation((AAssociateAC) parameter); return next;
            case AE_4: return ae4((AAssociateRJ) parameter);
            case AE_5: port.startArtim(); return next;
            case AE_6: return ae6((AAssociateRQ) parameter);
            case AE_7: return send((AAssociateAC) parameter, next);
            case AE_8: return sendAndStartArtim((AAssociateRJ) parameter, next);
            case DT_2: case AR_6: port.dataIndication((PDataTF) parameter); return next;
            case AR_1: return send(new AReleaseRQ(), next);
            case AR_2: port.releaseIndication(false); return next;
            case AR_3: port.releaseConfirmation(); port.closeTransport(); return next;
            case AR_4: return sendAndStartArtim(new AReleaseRP(), next);
            case AR_5: return stopArtimAndClose(next);
            case AR_8: return ar8();
            case AR_9: return send(new AReleaseRP(), next);
            case AR_10: port.releaseConfirmation(); return next;
            default: return performAbort(action, event, parameter);
        }
    }

    private UpperLayerState performAbort(UpperLayerAction action, UpperLayerEvent event,
            Object parameter) {
        UpperLayerState next = action.nextState();
        switch (action) {
            case AA_1: return sendAndStartArtim(abortFor(event, parameter), next);
            case AA_2: return stopArtimAndClose(next);
            case AA_3:
                port.abortIndication((AAbort) parameter, true);
                port.closeTransport();
                return next;
            case AA_4:
                port.abortIndication(null, false);
                port.closeTransport();
                return next;
            case AA_5: return stopArtimAndClose(next);
            case AA_6: return next;
            case AA_7: return send(abortFor(event, parameter), next);
            case AA_8:
                AAbort abort = abortFor(event, parameter);
                port.startArtim();
                port.send(abort);
                port.abortIndication(abort, false);
                return next;
            default:
                throw new IllegalStateException(action + " is not run through handle()");
        }
    }

    private UpperLayerState ae1(AAssociateRQ rq) {
        request = rq;
        port.transportConnectRequest();
        return UpperLayerState.STA4;
    }

    private UpperLayerState ae4(AAssociateRJ rj) {
        port.associateRejection(rj);
        port.closeTransport();
        return UpperLayerState.STA1;
    }

    private UpperLayerState ae6(AAssociateRQ rq) {
        port.stopArtim();
        AAssociateRJ rejection = port.serviceProviderCheck(rq);
        if (rejection == null) {
            request = rq;
            port.associateIndication(rq);
            return UpperLayerState.STA3;
        }
        associationEnding();
        return sendAndStartArtim(rejection, UpperLayerState.STA13);
    }

    private UpperLayerState ar8() {
        port.releaseIndication(true);
        return requestor ? UpperLayerState.STA9 : UpperLayerState.STA10;
    }

    /**
     * The A-ABORT an action sends. Evt15 carries the user's own (service-user source). For a
     * PDU that is invalid (Evt19) the decoder's reason is used; for a valid PDU in the wrong
     * state, unexpected-PDU (PS3.8 Table 9-26).
     *
     * <p>DEVIATION: PS3.8 names AA-1 "service-user source" because it serves Evt15; when AA-1
     * answers a bad PDU in Sta2 no user exists yet, so the service-provider source is sent.
     */
    private static AAbort abortFor(UpperLayerEvent event, Object parameter) {
        if (event == UpperLayerEvent.EVT15) {
            return parameter instanceof AAbort abort ? abort : AAbort.byServiceUser();
        }
        if (parameter instanceof PDUException invalid) {
            return invalid.abort();
        }
        return AAbort.byServiceProvider(AAbort.UNEXPECTED_PDU);
    }

    private UpperLayerState send(org.lantir.dicom.net.pdu.PDU pdu, UpperLayerState next) {
        port.send(pdu);
        return next;
    }

    /** Starts the timer first so a send stuck on a dead peer still ends when it fires. */
    private UpperLayerState sendAndStartArtim(org.lantir.dicom.net.pdu.PDU pdu,
            UpperLayerState next) {
        port.startArtim();
        port.send(pdu);
        return next;
    }

    private UpperLayerState stopArtimAndClose(UpperLayerState next) {
        port.stopArtim();
        // AR-5 and AA-5 only stop the timer: the peer closed the connection, but this side
        // still has to release its socket.
        port.closeTransport();
        return next;
    }

    private void associationEnding() {
        if (!ended) {
            ended = true;
            port.associationEnding();
        }
    }

    private void logTransition(UpperLayerState from, UpperLayerEvent event,
            UpperLayerAction action, UpperLayerState next) {
        boolean dataTransfer = action == UpperLayerAction.DT_2 || action == UpperLayerAction.AR_6;
        if (dataTransfer ? LOG.isTraceEnabled() : LOG.isDebugEnabled()) {
            String line = String.format("%s %s + %s (%s) -> %s -> %s", port.name(),
                    from.shortName(), event.shortName(), event.description(), action.shortName(),
                    next.shortName());
            if (dataTransfer) {
                LOG.trace(line);
            } else {
                LOG.debug(line);
            }
        }
    }
}
