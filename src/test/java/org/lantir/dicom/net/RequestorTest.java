package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.AReleaseRP;
import org.lantir.dicom.net.pdu.AReleaseRQ;
import org.lantir.dicom.net.pdu.PDU;
import org.lantir.dicom.net.pdu.PDataTF;
import org.lantir.dicom.net.pdu.PresentationContextAC;
import org.lantir.dicom.net.pdu.UserInformation;

/** The requestor side of PS3.8 §9.2 against a scripted acceptor on a raw socket. */
@Timeout(60)
class RequestorTest {

    static final String MPPS = UID.MODALITY_PERFORMED_PROCEDURE_STEP;

    private ServerSocket listener;
    private final java.util.concurrent.ExecutorService acceptorThread =
            Executors.newSingleThreadExecutor();
    /** Timeouts that only guard hangs: every scripted acceptor that answers does so at once. */
    private static final ClientSettings PATIENT = ClientSettings.defaults().withTimeouts(
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
    /**
     * For the acceptors that never answer, where the ACSE timeout is what is tested. It must
     * still let a loaded machine accept the association in the release test.
     */
    private static final ClientSettings IMPATIENT = ClientSettings.defaults().withTimeouts(
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30));

    interface Script {
        void run(RawPeer acceptor) throws Exception;
    }

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        acceptorThread.shutdownNow();
    }

    /** Runs the acceptor's script on its own thread for the next connection. */
    CompletableFuture<Void> acceptor(Script script) {
        return CompletableFuture.runAsync(() -> {
            try (RawPeer peer = new RawPeer(listener.accept())) {
                script.run(peer);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, acceptorThread);
    }

    ClientAssociation connect() throws Exception {
        return connect(PATIENT);
    }

    ClientAssociation connect(ClientSettings settings) throws Exception {
        return new DicomClient().connect("127.0.0.1", listener.getLocalPort(), "MRI_3T",
                "MPPS_SCP", DicomClient.contextsFor(MPPS), settings);
    }

    static AAssociateAC accept(AAssociateRQ rq, long maxLength) {
        return new AAssociateAC(1, rq.calledAeTitle(), rq.callingAeTitle(),
                UID.DICOM_APPLICATION_CONTEXT, List.of(new PresentationContextAC(1, 0,
                        UID.IMPLICIT_VR_LITTLE_ENDIAN)),
                UserInformation.of(maxLength, "1.2.3.4", null));
    }

    static AAssociateRQ readRequest(RawPeer peer) throws Exception {
        PDU pdu = peer.read();
        assertThat(pdu).isInstanceOf(AAssociateRQ.class);
        return (AAssociateRQ) pdu;
    }

    @Test
    void requestNamesBothAeTitlesAndOurImplementation() throws Exception {
        CompletableFuture<AAssociateRQ> seen = new CompletableFuture<>();
        CompletableFuture<Void> script = acceptor(peer -> {
            AAssociateRQ rq = readRequest(peer);
            seen.complete(rq);
            peer.send(new AAssociateRJ(1, 1, 1));
        });

        assertThatThrownBy(this::connect).isInstanceOf(AssociationRejectedException.class);

        AAssociateRQ rq = seen.get(10, TimeUnit.SECONDS);
        assertThat(rq.calledAeTitle()).isEqualTo("MPPS_SCP");
        assertThat(rq.callingAeTitle()).isEqualTo("MRI_3T");
        assertThat(rq.userInformation().implementationClassUid())
                .isEqualTo(Implementation.CLASS_UID);
        script.get(10, TimeUnit.SECONDS);
    }

    @Test
    void messagesAreFragmentedToTheAcceptorsMaximum() throws Exception {
        CompletableFuture<List<PDataTF>> captured = new CompletableFuture<>();
        acceptor(peer -> {
            peer.send(accept(readRequest(peer), 4096));
            DimseMessage rq = peer.readMessages(1).get(0);
            captured.complete(List.copyOf(peer.received));
            Dataset rsp = new Dataset();
            rsp.setInt(Tag.CommandField, VR.US, Dimse.N_CREATE_RSP);
            rsp.setInt(Tag.MessageIDBeingRespondedTo, VR.US,
                    rq.command().getInt(Tag.MessageID, 0));
            rsp.setInt(Tag.Status, VR.US, Status.SUCCESS);
            peer.sendMessage(1, rsp, null, 0);
            assertThat(peer.read()).isInstanceOf(AReleaseRQ.class);
            peer.send(new AReleaseRP());
        });

        try (ClientAssociation a = connect()) {
            Dataset attributes = new Dataset();
            attributes.setString(Tag.PatientComments, VR.LT, "x".repeat(10240));

            assertThat(a.nCreate(MPPS, "1.2.3", attributes).status()).isEqualTo(Status.SUCCESS);
        }
        List<PDataTF> pdus = captured.get(10, TimeUnit.SECONDS);
        assertThat(pdus).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p.pduLength()).isLessThanOrEqualTo(4096));
    }

    @Test
    void abortDuringARequestFailsItWithTheAbort() throws Exception {
        acceptor(peer -> {
            peer.send(accept(readRequest(peer), 0));
            peer.readMessages(1);
            peer.send(new AAbort(2, 0));
        });

        try (ClientAssociation a = connect()) {
            assertThatThrownBy(() -> a.nCreate(MPPS, "1.2.3", new Dataset()))
                    .isInstanceOfSatisfying(AssociationAbortedException.class,
                            e -> assertThat(e.abort()).isEqualTo(new AAbort(2, 0)));
            assertThat(a.isEstablished()).isFalse();
        }
    }

    @Test
    void noAnswerToTheRequestAbortsWhenTheAcseTimeoutPasses() throws Exception {
        CompletableFuture<PDU> afterSilence = new CompletableFuture<>();
        acceptor(peer -> {
            readRequest(peer);
            afterSilence.complete(peer.read());
        });

        assertThatThrownBy(() -> connect(IMPATIENT))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(afterSilence.get(10, TimeUnit.SECONDS)).isEqualTo(AAbort.byServiceUser());
    }

    @Test
    void releaseCollisionIsResolvedAsPs38Section9_2_1Describes() throws Exception {
        CompletableFuture<PDU> answerToOurRelease = new CompletableFuture<>();
        acceptor(peer -> {
            peer.send(accept(readRequest(peer), 0));
            assertThat(peer.read()).isInstanceOf(AReleaseRQ.class);
            peer.send(new AReleaseRQ());
            answerToOurRelease.complete(peer.read());
            peer.send(new AReleaseRP());
            peer.closedByOtherSide();
        });
        ClientAssociation a = connect();

        a.release();

        assertThat(answerToOurRelease.get(10, TimeUnit.SECONDS)).isInstanceOf(AReleaseRP.class);
        assertThat(a.isEstablished()).isFalse();
    }

    @Test
    void acceptorThatNeverAnswersTheReleaseIsAborted() throws Exception {
        CompletableFuture<PDU> afterRelease = new CompletableFuture<>();
        acceptor(peer -> {
            peer.send(accept(readRequest(peer), 0));
            assertThat(peer.read()).isInstanceOf(AReleaseRQ.class);
            afterRelease.complete(peer.read());
        });
        ClientAssociation a = connect(IMPATIENT);

        assertThatThrownBy(a::release).isInstanceOf(SocketTimeoutException.class);

        assertThat(afterRelease.get(10, TimeUnit.SECONDS)).isEqualTo(AAbort.byServiceUser());
    }
}
