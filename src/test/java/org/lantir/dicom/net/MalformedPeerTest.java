package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AReleaseRP;
import org.lantir.dicom.net.pdu.AReleaseRQ;
import org.lantir.dicom.net.pdu.PDU;
import org.lantir.dicom.net.pdu.PDV;
import org.lantir.dicom.net.pdu.PDataTF;
import org.lantir.dicom.net.pdu.PresentationContextRQ;

/**
 * A scripted peer sends what no DICOM AE should: the server answers with the A-ABORT of
 * PS3.8 Table 9-26 and a WARN line, closes, and goes on serving the next association. Timers
 * (ARTIM, idle) end silent peers.
 */
@Timeout(60)
class MalformedPeerTest {

    private DicomServer server;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        log = new LogCapture();
        server = server(Duration.ofSeconds(60));
    }

    /** ARTIM of 2 s for the tests that wait for it; the idle timeout as given. */
    DicomServer server(Duration idle) throws Exception {
        DicomServer s = new DicomServer(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withTimeouts(Duration.ofSeconds(2), idle)
                .withMaxPduLengthReceived(4096));
        s.start();
        return s;
    }

    @AfterEach
    void stop() {
        server.stop();
        log.close();
    }

    RawPeer associated() throws Exception {
        RawPeer peer = RawPeer.connect(server.port());
        peer.associate(RawPeer.request("MWL_SCP", "MRI_3T", 16384,
                PresentationContextRQ.of(1, UID.VERIFICATION, UID.IMPLICIT_VR_LITTLE_ENDIAN)));
        return peer;
    }

    void assertAbortedThenClosed(RawPeer peer, int reason) throws Exception {
        PDU answer = peer.read();

        assertThat(answer).isEqualTo(AAbort.byServiceProvider(reason));
        peer.socket.shutdownOutput();
        assertThat(peer.closedByOtherSide()).isTrue();
    }

    void assertServerStillServes() throws Exception {
        try (ClientAssociation a = new DicomClient().connect("127.0.0.1", server.port(),
                "MRI_3T", "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION))) {
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void garbageBytesAreAnUnrecognizedPdu() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.sendBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertAbortedThenClosed(peer, AAbort.UNRECOGNIZED_PDU);
        }
        assertThat(log.linesAt(Level.WARN)).anySatisfy(line ->
                assertThat(line).contains("invalid PDU").contains("Unrecognized PDU type 47H"));
        assertServerStillServes();
    }

    @Test
    void truncatedHeaderIsAnInvalidParameterValue() throws Exception {
        try (RawPeer peer = associated()) {
            peer.sendBytes(new byte[] {0x04, 0x00, 0x00});
            peer.socket.shutdownOutput();

            assertThat(peer.read()).isEqualTo(AAbort.byServiceProvider(
                    AAbort.INVALID_PDU_PARAMETER_VALUE));
            assertThat(peer.closedByOtherSide()).isTrue();
        }
        assertServerStillServes();
    }

    @Test
    void pDataLongerThanOurMaximumIsRefusedWithoutReadingIt() throws Exception {
        try (RawPeer peer = associated()) {
            peer.sendBytes(new byte[] {0x04, 0x00, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0});

            assertAbortedThenClosed(peer, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        assertThat(log.linesAt(Level.WARN)).anySatisfy(line ->
                assertThat(line).contains("exceeds the maximum of 4096"));
        assertServerStillServes();
    }

    @Test
    void pDataJustOverOurMaximumIsRefused() throws Exception {
        try (RawPeer peer = associated()) {
            peer.send(PDataTF.of(PDV.of(1, false, false, new byte[4096 - 6 + 2])));

            assertAbortedThenClosed(peer, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void pDataBeforeTheAssociationIsUnexpected() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(PDataTF.of(PDV.of(1, true, true, new byte[4])));

            assertAbortedThenClosed(peer, AAbort.UNEXPECTED_PDU);
        }
        assertServerStillServes();
    }

    @Test
    void secondAssociateRequestIsUnexpected() throws Exception {
        try (RawPeer peer = associated()) {
            peer.send(RawPeer.request("MWL_SCP", "MRI_3T", 16384, PresentationContextRQ.of(1,
                    UID.VERIFICATION, UID.IMPLICIT_VR_LITTLE_ENDIAN)));

            assertAbortedThenClosed(peer, AAbort.UNEXPECTED_PDU);
        }
    }

    @Test
    void pdvOnAContextNotAcceptedIsAnInvalidParameterValue() throws Exception {
        try (RawPeer peer = associated()) {
            Dataset echo = new Dataset();
            echo.setInt(Tag.CommandField, VR.US, Dimse.C_ECHO_RQ);
            echo.setInt(Tag.MessageID, VR.US, 1);
            peer.sendMessage(7, echo, null, 16384);

            assertAbortedThenClosed(peer, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void undecodableCommandSetIsAnInvalidParameterValue() throws Exception {
        try (RawPeer peer = associated()) {
            peer.send(PDataTF.of(PDV.of(1, true, true, new byte[] {0, 0, 0, 0, 4, 0, 0, 0,
                (byte) 0xFF, (byte) 0xFF})));

            assertAbortedThenClosed(peer, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        assertServerStillServes();
    }

    @Test
    void peerAbortEndsTheAssociationQuietly() throws Exception {
        try (RawPeer peer = associated()) {
            peer.send(AAbort.byServiceUser());

            assertThat(peer.closedByOtherSide()).isTrue();
        }
        assertThat(log.linesAt(Level.INFO)).anySatisfy(line ->
                assertThat(line).contains("A-ABORT received"));
        assertServerStillServes();
    }

    @Test
    void silentConnectionIsClosedWhenArtimExpires() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            assertThat(peer.closedByOtherSide()).isTrue();
        }
        assertThat(log.linesAt(Level.WARN)).anySatisfy(line ->
                assertThat(line).contains("no A-ASSOCIATE-RQ within"));
    }

    /**
     * The idle timeout is real here; it is as long as the ARTIM timeout because the check
     * that the server still serves opens an association on the same server, which must not
     * itself fall idle between its A-ASSOCIATE-AC and its C-ECHO on a loaded machine.
     * InjectedTimersTest drives the idle timer by hand.
     */
    @Test
    void idleAssociationIsAbortedByTheServiceUser() throws Exception {
        server.stop();
        server = server(Duration.ofSeconds(2));
        try (RawPeer peer = associated()) {
            assertThat(peer.read()).isEqualTo(AAbort.byServiceUser());
            assertThat(peer.closedByOtherSide()).isTrue();
        }
        assertThat(log.linesAt(Level.WARN)).anySatisfy(line ->
                assertThat(line).contains("idle for"));
        assertServerStillServes();
    }

    @Test
    void peerThatStaysAfterReleaseIsClosedByArtim() throws Exception {
        try (RawPeer peer = associated()) {
            peer.send(new AReleaseRQ());

            assertThat(peer.read()).isInstanceOf(AReleaseRP.class);
            assertThat(peer.closedByOtherSide()).isTrue();
        }
        assertThat(server.activeAssociations()).isZero();
    }
}
