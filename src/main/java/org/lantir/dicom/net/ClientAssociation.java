package org.lantir.dicom.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An association Lantir requested, as SCU (PS3.8 §9.2, requestor side; PS3.7 DIMSE services):
 * C-ECHO (PS3.4 Annex A), C-FIND with C-CANCEL (PS3.7 §9.1.2, §9.3.2.3), N-CREATE and N-SET
 * (PS3.7 §10.1.5, §10.1.3). Requests are answered in order; one thread should use an
 * association at a time. Obtain one from {@link DicomClient#connect}.
 */
public final class ClientAssociation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAssociation.class);

    private final ClientSettings settings;
    private final AtomicInteger messageIds = new AtomicInteger();
    private final Map<Integer, DimseCall> calls = new ConcurrentHashMap<>();
    private final CompletableFuture<AAssociateAC> establishment = new CompletableFuture<>();
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private Association association;

    private ClientAssociation(ClientSettings settings) {
        this.settings = settings;
    }

    /** Connects, requests the association and waits for the answer. */
    static ClientAssociation open(AAssociateRQ rq, InetSocketAddress address,
            ClientSettings settings, Executor readers, TimerService timers) throws IOException {
        ClientAssociation client = new ClientAssociation(settings);
        client.association = Association.requestor(rq, client.new User(), timers,
                new Association.Config(settings.acseTimeout(), null, settings.dimseTimeout(),
                        settings.maxPduLengthReceived()));
        client.association.open(address, settings.connectTimeout(), readers);
        client.awaitEstablishment();
        return client;
    }

    private void awaitEstablishment() throws IOException {
        try {
            establishment.get(settings.acseTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            association.abort(AAbort.byServiceUser());
            throw new SocketTimeoutException(name() + " no A-ASSOCIATE-AC within "
                    + settings.acseTimeout());
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } catch (InterruptedException e) {
            association.abort(AAbort.byServiceUser());
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while associating");
        }
    }

    /** The log name, {@code CALLED<-CALLING#serial}. */
    public String name() {
        return association.name();
    }

    public AssociationInfo info() {
        return association.info();
    }

    /** The presentation contexts the acceptor accepted. */
    public Collection<PresentationContext> acceptedContexts() {
        return association.contexts().values();
    }

    /** The Maximum Length the acceptor announced (0 = no limit). */
    public long peerMaxPduLength() {
        return association.peerMaxPduLength();
    }

    /**
     * Whether the association is established (PS3.8 Sta6), consistent with what the calls
     * saw: true from the return of {@link DicomClient#connect} until the association ends,
     * and already false when a call has failed because it was aborted or released.
     */
    public boolean isEstablished() {
        return association.state() == UpperLayerState.STA6;
    }

    Duration dimseTimeout() {
        return settings.dimseTimeout();
    }

    /** C-ECHO (PS3.4 Annex A). */
    public DimseResponse echo() throws IOException {
        Dataset command = new Dataset();
        command.setInt(Tag.CommandField, VR.US, Dimse.C_ECHO_RQ);
        command.setString(Tag.AffectedSOPClassUID, VR.UI, UID.VERIFICATION);
        return invoke(command, null, null).await();
    }

    /**
     * C-FIND, waiting for the final response (PS3.7 §9.1.2).
     *
     * @param onPending receives the identifier of each pending response
     */
    public DimseResponse find(String sopClass, Dataset identifier, Consumer<Dataset> onPending)
            throws IOException {
        return startFind(sopClass, identifier, onPending).await();
    }

    /** Sends a C-FIND-RQ; the returned call can be cancelled and awaited. */
    public DimseCall startFind(String sopClass, Dataset identifier,
            Consumer<Dataset> onPending) throws IOException {
        Dataset command = new Dataset();
        command.setInt(Tag.CommandField, VR.US, Dimse.C_FIND_RQ);
        command.setString(Tag.AffectedSOPClassUID, VR.UI, sopClass);
        command.setInt(Tag.Priority, VR.US, 0);
        return invoke(command, identifier, onPending);
    }

    /**
     * N-CREATE (PS3.7 §10.1.5).
     *
     * @param instanceUid the Affected SOP Instance UID, or null to let the SCP assign one
     *        (returned in {@link DimseResponse#affectedSopInstanceUid()})
     */
    public DimseResponse nCreate(String sopClass, String instanceUid, Dataset attributes)
            throws IOException {
        Dataset command = new Dataset();
        command.setInt(Tag.CommandField, VR.US, Dimse.N_CREATE_RQ);
        command.setString(Tag.AffectedSOPClassUID, VR.UI, sopClass);
        if (instanceUid != null) {
            command.setString(Tag.AffectedSOPInstanceUID, VR.UI, instanceUid);
        }
        return invoke(command, attributes, null).await();
    }

    /** N-SET (PS3.7 §10.1.3). */
    public DimseResponse nSet(String sopClass, String instanceUid, Dataset modifications)
            throws IOException {
        Dataset command = new Dataset();
        command.setInt(Tag.CommandField, VR.US, Dimse.N_SET_RQ);
        command.setString(Tag.RequestedSOPClassUID, VR.UI, sopClass);
        command.setString(Tag.RequestedSOPInstanceUID, VR.UI, instanceUid);
        return invoke(command, modifications, null).await();
    }

    /**
     * Sends any request on the context accepted for its SOP class. Message ID is filled in.
     *
     * @throws IOException when no context was accepted for the SOP class
     */
    public DimseCall invoke(Dataset command, Dataset dataset, Consumer<Dataset> onPending)
            throws IOException {
        String sopClass = CommandSet.sopClassUid(command);
        for (PresentationContext pc : acceptedContexts()) {
            if (pc.abstractSyntax().equals(sopClass)) {
                return invoke(pc.id(), command, dataset, onPending);
            }
        }
        throw new IOException(name() + " has no accepted presentation context for "
                + sopClass);
    }

    /** Sends any request on a given accepted presentation context. */
    public DimseCall invoke(int contextId, Dataset command, Dataset dataset,
            Consumer<Dataset> onPending) throws IOException {
        PresentationContext pc = association.context(contextId);
        if (pc == null) {
            throw new IOException(name() + " presentation context " + contextId
                    + " was not accepted");
        }
        byte[] data = dataset == null ? null : DicomWriter.write(dataset, pc.transferSyntax());
        return send(pc, command, data, onPending);
    }

    /** Sends a request whose data set is already encoded (tests, pass-through). */
    DimseCall invokeEncoded(int contextId, Dataset command, byte[] data) throws IOException {
        return send(association.context(contextId), command, data, null);
    }

    private DimseCall send(PresentationContext pc, Dataset command, byte[] data,
            Consumer<Dataset> onPending) throws IOException {
        int messageId = nextMessageId();
        command.setInt(Tag.MessageID, VR.US, messageId);
        DimseCall call = new DimseCall(this, messageId, pc, onPending);
        calls.put(messageId, call);
        try {
            association.sendMessage(pc.id(), command, data);
        } catch (IOException e) {
            calls.remove(messageId);
            throw e;
        }
        LOG.info("{} {} message {} sent", name(),
                Dimse.name(command.getInt(Tag.CommandField, 0)), messageId);
        return call;
    }

    void cancel(DimseCall call) throws IOException {
        Dataset command = new Dataset();
        command.setInt(Tag.CommandField, VR.US, Dimse.C_CANCEL_RQ);
        command.setInt(Tag.MessageIDBeingRespondedTo, VR.US, call.messageId());
        association.sendMessage(call.context().id(), command, null);
        LOG.info("{} C-CANCEL-RQ for message {} sent", name(), call.messageId());
    }

    void finished(DimseCall call) {
        calls.remove(call.messageId());
    }

    void timedOut(DimseCall call) {
        LOG.warn("{} no response to message {} within {}; aborting", name(), call.messageId(),
                settings.dimseTimeout());
        calls.remove(call.messageId());
        abort();
    }

    private int nextMessageId() {
        return messageIds.updateAndGet(id -> id >= 0xFFFF ? 1 : id + 1);
    }

    /**
     * A-RELEASE (PS3.8 §7.2): asks the acceptor to release and waits for its answer; aborts
     * when none comes within the ACSE timeout.
     */
    public void release() throws IOException {
        try {
            association.requestRelease();
        } catch (IllegalStateException notEstablished) {
            LOG.debug("{} release not possible in {}", name(), association.state());
            return;
        }
        try {
            release.get(settings.acseTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort();
            throw new SocketTimeoutException(name() + " no A-RELEASE-RP within "
                    + settings.acseTimeout());
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } catch (InterruptedException e) {
            abort();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while releasing");
        }
    }

    /** A-ABORT (PS3.8 §7.3): ends the association at once. */
    public void abort() {
        association.abort(AAbort.byServiceUser());
    }

    /** Releases when established, aborting when the release fails. */
    @Override
    public void close() {
        if (!isEstablished()) {
            association.closeTransport();
            return;
        }
        try {
            release();
        } catch (IOException e) {
            LOG.debug("{} release failed: {}", name(), e.toString());
            abort();
        }
    }

    private void endAll(IOException cause) {
        establishment.completeExceptionally(cause);
        release.completeExceptionally(cause);
        for (DimseCall call : calls.values()) {
            call.ended(cause);
        }
        calls.clear();
    }

    /** The requestor's part as service user of its association. */
    private final class User implements AssociationUser {

        @Override
        public void associateAccepted(AAssociateAC ac) {
            establishment.complete(ac);
        }

        @Override
        public void associateRejected(AAssociateRJ rj) {
            establishment.completeExceptionally(new AssociationRejectedException(name(), rj));
        }

        @Override
        public void dimseReceived(DimseMessage message) {
            int field = message.commandField();
            if (!Dimse.isResponse(field)) {
                // TODO(#2): requests from the acceptor (N-EVENT-REPORT) are not served.
                LOG.warn("{} {} from the acceptor ignored", name(), Dimse.name(field));
                return;
            }
            int respondedTo = message.command().getInt(Tag.MessageIDBeingRespondedTo, -1);
            DimseCall call = calls.get(respondedTo);
            if (call == null) {
                LOG.warn("{} {} for unknown message {} ignored", name(), Dimse.name(field),
                        respondedTo);
                return;
            }
            if (LOG.isDebugEnabled()) {
                // Built only when wanted: one String.format per element, per response.
                LOG.debug("{} << {} {}", name(), Dimse.name(field),
                        CommandSet.describe(message.command()));
            }
            call.responded(message);
        }

        @Override
        public void releaseRequested(boolean collision) {
            association.releaseResponse();
        }

        @Override
        public void releaseConfirmed() {
            release.complete(null);
        }

        @Override
        public void aborted(AAbort abort, boolean fromPeer) {
            String what = abort == null ? "connection lost"
                    : (fromPeer ? "aborted by the peer: " : "aborted: ") + abort;
            endAll(new AssociationAbortedException(name() + " " + what, abort));
        }

        @Override
        public void closed() {
            endAll(new AssociationAbortedException(name() + " connection closed", null));
        }
    }
}
