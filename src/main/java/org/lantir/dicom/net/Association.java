package org.lantir.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.PDU;
import org.lantir.dicom.net.pdu.PDUDecoder;
import org.lantir.dicom.net.pdu.PDUEncoder;
import org.lantir.dicom.net.pdu.PDUException;
import org.lantir.dicom.net.pdu.PDataTF;
import org.lantir.dicom.net.pdu.PresentationContextAC;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DICOM association over one TCP connection, as acceptor or requestor: it reads PDUs and
 * turns them into events of the PS3.8 §9.2 state machine, carries out the machine's actions
 * (sending PDUs, the ARTIM timer, closing), reassembles and fragments DIMSE messages
 * (PS3.8 Annex E, Annex D.1) and hands indications to its {@link AssociationUser}.
 *
 * <p>Threads: one reader runs {@link #readLoop()}; any thread may send a message, ask for
 * release or abort. An idle timer aborts an established association on which nothing moved
 * for the idle timeout (acceptor only).
 */
final class Association implements UpperLayerStateMachine.Port {

    /** Timeouts and limits of one association. */
    record Config(Duration artimTimeout, Duration idleTimeout, Duration writeTimeout,
            long maxPduLengthReceived) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);
    private static final AtomicLong SERIALS = new AtomicLong();

    private final long serial;
    private final Socket socket;
    private final AssociationUser user;
    private final TimerService timers;
    private final Config config;
    private final UpperLayerStateMachine machine;
    private final ReentrantLock messageLock = new ReentrantLock();
    /** Whether the P-DATA-TF being sent may wait for the next; guarded by messageLock. */
    private boolean moreDataFollows;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Object timerLock = new Object();
    private final IdleTimer idle;
    private volatile String name;
    private volatile Transport transport;
    private volatile AssociationInfo info;
    private volatile Map<Integer, PresentationContext> contexts = Map.of();
    private volatile long peerMaxPduLength;
    private volatile AAssociateRQ request;
    private PDataAssembler assembler;
    private List<DimseMessage> completed = List.of();
    private TimerService.Timer artim;

    private Association(Socket socket, boolean requestor, AssociationUser user,
            TimerService timers, Config config, String name) {
        this.serial = SERIALS.incrementAndGet();
        this.socket = socket;
        this.user = user;
        this.timers = timers;
        this.config = config;
        this.name = name + "#" + serial;
        this.machine = new UpperLayerStateMachine(requestor, this);
        this.idle = new IdleTimer(timers, config.idleTimeout(), this,
                user::hasOutstandingRequests);
    }

    /** An association for a connection a listener accepted; run {@link #runAsAcceptor()}. */
    static Association acceptor(Socket socket, AssociationUser user, TimerService timers,
            Config config) {
        return new Association(socket, false, user, timers, config, "");
    }

    /** An association this side requests; {@link #open} connects and sends the request. */
    static Association requestor(AAssociateRQ rq, AssociationUser user, TimerService timers,
            Config config) {
        Association a = new Association(new Socket(), true, user, timers, config,
                rq.calledAeTitle() + "<-" + rq.callingAeTitle());
        a.request = rq;
        return a;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The state for threads other than the reader (service users, workers, timers): once an
     * indication has woken them, the state after the event that caused it (PS3.8 §9.2: the
     * action and the transition are one step).
     */
    UpperLayerState state() {
        return machine.settledState();
    }

    /**
     * The state as last recorded, never waiting: for timers, whose single thread must not
     * queue behind an action stuck on a stalled peer (that action's write deadline runs on
     * the same thread). What they then do is checked again under the machine's lock.
     */
    UpperLayerState recordedState() {
        return machine.state();
    }

    /** What services may know of the association; null before the A-ASSOCIATE-RQ. */
    AssociationInfo info() {
        return info;
    }

    PresentationContext context(int id) {
        return contexts.get(id);
    }

    Map<Integer, PresentationContext> contexts() {
        return contexts;
    }

    long peerMaxPduLength() {
        return peerMaxPduLength;
    }

    // ---- Opening -------------------------------------------------------------------------

    /** Acceptor: Evt5, then reads until the connection closes. Runs on the reader thread. */
    void runAsAcceptor() {
        try {
            transport = new Transport(socket, timers, config.writeTimeout(), this::name);
        } catch (IOException e) {
            LOG.warn("{} connection lost before it could be read: {}", name, e.toString());
            closeTransport();
            user.closed();
            return;
        }
        machine.handle(UpperLayerEvent.EVT5, null);
        readLoop();
    }

    /**
     * Requestor: Evt1 (AE-1), opens the connection, Evt2 (AE-2 sends the A-ASSOCIATE-RQ) and
     * starts the reader on {@code readers}. The answer comes to the user.
     *
     * @throws IOException when the connection cannot be opened
     */
    void open(InetSocketAddress address, Duration connectTimeout, Executor readers)
            throws IOException {
        machine.handle(UpperLayerEvent.EVT1, request);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            transport = new Transport(socket, timers, config.writeTimeout(), this::name);
        } catch (IOException e) {
            machine.handle(UpperLayerEvent.EVT17, null);
            throw e;
        }
        info = new AssociationInfo(name, request.callingAeTitle(), request.calledAeTitle(),
                address);
        machine.handle(UpperLayerEvent.EVT2, null);
        readers.execute(this::readLoop);
    }

    // ---- Reading -------------------------------------------------------------------------

    /** Reads PDUs and feeds them to the state machine until the connection is closed. */
    void readLoop() {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName(name);
        try {
            PDUDecoder decoder = new PDUDecoder(transport.input(), config.maxPduLengthReceived());
            boolean framingLost = false;
            while (machine.state() != UpperLayerState.STA1) {
                framingLost = framingLost ? drain() : readOne(decoder);
            }
        } catch (RuntimeException bug) {
            LOG.error("{} reader failed; closing the connection", name, bug);
            closeTransport();
        } finally {
            cleanUp();
            thread.setName(threadName);
        }
    }

    /** Reads and handles one PDU; true when the stream can no longer be framed. */
    private boolean readOne(PDUDecoder decoder) {
        byte[] raw;
        PDU pdu;
        try {
            raw = decoder.readRaw();
            if (raw == null) {
                transportClosed(null);
                return false;
            }
            PDULog.bytes(name, "<<", raw);
            pdu = PDUDecoder.decode(raw);
        } catch (PDUException invalid) {
            invalidPdu(invalid);
            return true;
        } catch (IOException e) {
            transportClosed(e);
            return false;
        }
        return received(pdu);
    }

    private boolean received(PDU pdu) {
        idle.touch();
        if (pdu instanceof PDataTF data && acceptsData()) {
            try {
                completed = assembler.add(data);
            } catch (PDUException invalid) {
                invalidPdu(invalid);
                return true;
            }
        }
        machine.handle(eventOf(pdu), pdu);
        completed = List.of();
        if (machine.state() == UpperLayerState.STA3) {
            answerAssociateRequest();
        }
        return false;
    }

    private boolean acceptsData() {
        UpperLayerState state = machine.state();
        return assembler != null
                && (state == UpperLayerState.STA6 || state == UpperLayerState.STA7);
    }

    private static UpperLayerEvent eventOf(PDU pdu) {
        switch (pdu.type()) {
            case PDU.A_ASSOCIATE_RQ: return UpperLayerEvent.EVT6;
            case PDU.A_ASSOCIATE_AC: return UpperLayerEvent.EVT3;
            case PDU.A_ASSOCIATE_RJ: return UpperLayerEvent.EVT4;
            case PDU.P_DATA_TF: return UpperLayerEvent.EVT10;
            case PDU.A_RELEASE_RQ: return UpperLayerEvent.EVT12;
            case PDU.A_RELEASE_RP: return UpperLayerEvent.EVT13;
            default: return UpperLayerEvent.EVT16;
        }
    }

    private void invalidPdu(PDUException invalid) {
        LOG.warn("{} invalid PDU in {}: {}; sending A-ABORT {}", name,
                machine.state().shortName(), invalid.getMessage(), invalid.abort());
        machine.handle(UpperLayerEvent.EVT19, invalid);
    }

    private void transportClosed(IOException cause) {
        if (cause != null && machine.state() != UpperLayerState.STA1) {
            LOG.debug("{} connection failed: {}", name, cause.toString());
        }
        machine.handle(UpperLayerEvent.EVT17, null);
    }

    /**
     * After an invalid PDU the byte stream cannot be split into PDUs any more: read and drop
     * bytes until the peer closes or the ARTIM timer closes the connection.
     */
    private boolean drain() {
        InputStream in = transport.input();
        byte[] sink = new byte[8192];
        try {
            while (in.read(sink) >= 0) {
                LOG.trace("{} dropped bytes after an invalid PDU", name);
            }
            transportClosed(null);
        } catch (IOException e) {
            transportClosed(e);
        }
        return true;
    }

    private void answerAssociateRequest() {
        PDU answer;
        try {
            answer = user.associateRequested(request);
        } catch (RuntimeException bug) {
            LOG.error("{} failed to judge the A-ASSOCIATE-RQ", name, bug);
            answer = new AAssociateRJ(AAssociateRJ.REJECTED_TRANSIENT,
                    AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.USER_NO_REASON_GIVEN);
        }
        if (answer instanceof AAssociateAC ac) {
            negotiated(request, ac, request.userInformation().maxLength());
            // The user hears of the acceptance before the peer does: a peer that opens its
            // next association on reading the A-ASSOCIATE-AC finds this one counted first.
            user.associateAccepted(ac);
            machine.handle(UpperLayerEvent.EVT7, ac);
            idle.arm();
        } else {
            machine.handle(UpperLayerEvent.EVT8, answer);
        }
    }

    private void negotiated(AAssociateRQ rq, AAssociateAC ac, long peerMax) {
        Map<Integer, PresentationContext> accepted = new HashMap<>();
        for (PresentationContextAC pc : ac.presentationContexts()) {
            PresentationContextRQ proposed = rq.presentationContext(pc.id());
            TransferSyntax ts = TransferSyntax.fromUid(pc.transferSyntax());
            if (pc.isAccepted() && proposed != null && ts != null) {
                accepted.put(pc.id(), new PresentationContext(pc.id(),
                        proposed.abstractSyntax(), ts));
            } else if (pc.isAccepted()) {
                LOG.warn("{} context {} accepted with {}, which was not proposed; ignored",
                        name, pc.id(), pc.transferSyntax());
            }
        }
        contexts = Map.copyOf(accepted);
        peerMaxPduLength = peerMax;
        assembler = new PDataAssembler(accepted::containsKey);
        LOG.debug("{} negotiated contexts {}; peer max PDU length {}", name, accepted.values(),
                peerMax);
    }

    // ---- Sending and local primitives ----------------------------------------------------

    /**
     * Sends one DIMSE message (Evt9 for each P-DATA-TF PDU), fragmented to the peer's Maximum
     * Length.
     *
     * @param data the encoded data set, or null
     * @throws IOException when the association is gone or the connection fails
     */
    void sendMessage(int contextId, Dataset command, byte[] data) throws IOException {
        sendMessage(contextId, command, data, false);
    }

    /**
     * Sends one DIMSE message; with {@code moreFollows} (a pending response, another message
     * comes at once) its last PDU may wait briefly to go out with the next (see
     * {@link Transport}). Fragments of one message always go out together.
     */
    void sendMessage(int contextId, Dataset command, byte[] data, boolean moreFollows)
            throws IOException {
        CommandSet.setDatasetType(command, data != null);
        byte[] encoded = CommandSet.encode(command);
        List<PDataTF> pdus = PDataFragmenter.fragment(contextId, encoded, data, peerMaxPduLength);
        // Noted before the peer can see the message, so that whatever it does next comes
        // after (a write that stalls is the write watchdog's business, not the idle timer's).
        idle.touch();
        messageLock.lock();
        try {
            for (int i = 0; i < pdus.size(); i++) {
                moreDataFollows = moreFollows || i < pdus.size() - 1;
                machine.sendData(pdus.get(i));
            }
        } finally {
            moreDataFollows = false;
            messageLock.unlock();
        }
    }

    /** Requestor: A-RELEASE request (Evt11). */
    void requestRelease() {
        machine.handle(UpperLayerEvent.EVT11, null);
    }

    /** A-RELEASE response (Evt14), once the user has finished; ignored if already gone. */
    void releaseResponse() {
        machine.handleIfAllowed(UpperLayerEvent.EVT14, null);
    }

    /**
     * A-ABORT request (Evt15). Where Table 9-10 allows no abort (awaiting the request, or
     * already awaiting the close) the connection is closed instead.
     */
    void abort(AAbort abort) {
        if (!machine.handleIfAllowed(UpperLayerEvent.EVT15, abort)) {
            closeTransport();
        }
    }

    // ---- Port: what the state machine does -----------------------------------------------

    @Override
    public void transportConnectRequest() {
        LOG.debug("{} opening the transport connection", name);
    }

    @Override
    public void send(PDU pdu) {
        Transport t = transport;
        if (t == null) {
            return;
        }
        PDULog.sent(name, pdu);
        byte[] bytes = PDUEncoder.encode(pdu);
        PDULog.bytes(name, ">>", bytes);
        try {
            t.write(bytes, () -> true);
        } catch (IOException e) {
            LOG.debug("{} could not send {}: {}", name, PDU.typeName(pdu.type()), e.toString());
            t.close();
        }
    }

    /** Called by the state machine on the thread of {@link #sendMessage}, which holds it. */
    @Override
    public void sendData(PDataTF pdu) throws IOException {
        byte[] bytes = PDUEncoder.encode(pdu);
        PDULog.bytes(name, ">>", bytes);
        // Under the transport's write lock: the recorded state, never waiting for the machine.
        transport.write(bytes, () -> {
            UpperLayerState state = machine.state();
            return state == UpperLayerState.STA6 || state == UpperLayerState.STA8;
        }, moreDataFollows);
    }

    @Override
    public void closeTransport() {
        Transport t = transport;
        if (t != null) {
            t.close();
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }

    @Override
    public void startArtim() {
        synchronized (timerLock) {
            if (artim != null) {
                artim.cancel();
            }
            artim = timers.schedule(config.artimTimeout(), this::artimExpired);
        }
    }

    @Override
    public void stopArtim() {
        synchronized (timerLock) {
            if (artim != null) {
                artim.cancel();
                artim = null;
            }
        }
    }

    private void artimExpired() {
        UpperLayerState state = machine.state();
        if (state == UpperLayerState.STA2) {
            LOG.warn("{} no A-ASSOCIATE-RQ within {}; closing", name, config.artimTimeout());
        } else if (state == UpperLayerState.STA13) {
            LOG.debug("{} peer did not close within {}; closing", name, config.artimTimeout());
        }
        machine.handle(UpperLayerEvent.EVT18, null);
    }

    @Override
    public AAssociateRJ serviceProviderCheck(AAssociateRQ rq) {
        request = rq;
        name = rq.calledAeTitle() + "<-" + rq.callingAeTitle() + "#" + serial;
        Thread.currentThread().setName(name);
        info = new AssociationInfo(name, rq.callingAeTitle(), rq.calledAeTitle(),
                remoteAddress());
        PDULog.request(name, rq);
        if ((rq.protocolVersion() & AAssociateRQ.PROTOCOL_VERSION_1) == 0) {
            // PS3.8 §9.3.4 Table 9-21: source 2 (ACSE), reason 2.
            return new AAssociateRJ(AAssociateRJ.REJECTED_PERMANENT,
                    AAssociateRJ.SOURCE_SERVICE_PROVIDER_ACSE,
                    AAssociateRJ.ACSE_PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        return user.serviceProviderCheck(rq);
    }

    @Override
    public void associateIndication(AAssociateRQ rq) {
        LOG.debug("{} A-ASSOCIATE indication", name);
    }

    @Override
    public void associateConfirmation(AAssociateAC ac) {
        negotiated(request, ac, ac.userInformation().maxLength());
        LOG.info("{} A-ASSOCIATE-AC received: {} of {} contexts accepted", name,
                contexts.size(), ac.presentationContexts().size());
        user.associateAccepted(ac);
    }

    @Override
    public void associateRejection(AAssociateRJ rj) {
        LOG.info("{} A-ASSOCIATE-RJ received: {}", name, rj);
        user.associateRejected(rj);
    }

    @Override
    public void dataIndication(PDataTF pdu) {
        for (DimseMessage message : completed) {
            user.dimseReceived(message);
        }
    }

    @Override
    public void releaseIndication(boolean collision) {
        LOG.info("{} A-RELEASE-RQ received{}", name, collision ? " (release collision)" : "");
        user.releaseRequested(collision);
    }

    @Override
    public void releaseConfirmation() {
        LOG.info("{} released", name);
        user.releaseConfirmed();
    }

    @Override
    public void abortIndication(AAbort abort, boolean fromPeer) {
        if (fromPeer) {
            LOG.info("{} A-ABORT received: {}", name, abort);
        } else if (abort == null && machine.state().isAssociationEstablished()) {
            LOG.warn("{} connection closed by the peer without release or abort", name);
        }
        user.aborted(abort, fromPeer);
    }

    @Override
    public void associationEnding() {
        if (ended.compareAndSet(false, true)) {
            idle.disarm();
            user.associationEnding();
        }
    }

    // ---- Closing and logging -------------------------------------------------------------

    private void cleanUp() {
        stopArtim();
        closeTransport();
        associationEnding();
        try {
            user.closed();
        } catch (RuntimeException bug) {
            LOG.error("{} close handler failed", name, bug);
        }
        LOG.debug("{} connection closed", name);
    }

    InetSocketAddress remoteAddress() {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress a ? a : null;
    }
}
