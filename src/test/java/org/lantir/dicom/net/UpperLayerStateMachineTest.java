package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantir.dicom.net.UpperLayerEvent.EVT1;
import static org.lantir.dicom.net.UpperLayerEvent.EVT10;
import static org.lantir.dicom.net.UpperLayerEvent.EVT11;
import static org.lantir.dicom.net.UpperLayerEvent.EVT12;
import static org.lantir.dicom.net.UpperLayerEvent.EVT13;
import static org.lantir.dicom.net.UpperLayerEvent.EVT14;
import static org.lantir.dicom.net.UpperLayerEvent.EVT15;
import static org.lantir.dicom.net.UpperLayerEvent.EVT16;
import static org.lantir.dicom.net.UpperLayerEvent.EVT17;
import static org.lantir.dicom.net.UpperLayerEvent.EVT18;
import static org.lantir.dicom.net.UpperLayerEvent.EVT19;
import static org.lantir.dicom.net.UpperLayerEvent.EVT2;
import static org.lantir.dicom.net.UpperLayerEvent.EVT3;
import static org.lantir.dicom.net.UpperLayerEvent.EVT4;
import static org.lantir.dicom.net.UpperLayerEvent.EVT5;
import static org.lantir.dicom.net.UpperLayerEvent.EVT6;
import static org.lantir.dicom.net.UpperLayerEvent.EVT7;
import static org.lantir.dicom.net.UpperLayerEvent.EVT8;
import static org.lantir.dicom.net.UpperLayerState.STA1;
import static org.lantir.dicom.net.UpperLayerState.STA10;
import static org.lantir.dicom.net.UpperLayerState.STA11;
import static org.lantir.dicom.net.UpperLayerState.STA12;
import static org.lantir.dicom.net.UpperLayerState.STA13;
import static org.lantir.dicom.net.UpperLayerState.STA2;
import static org.lantir.dicom.net.UpperLayerState.STA3;
import static org.lantir.dicom.net.UpperLayerState.STA4;
import static org.lantir.dicom.net.UpperLayerState.STA5;
import static org.lantir.dicom.net.UpperLayerState.STA6;
import static org.lantir.dicom.net.UpperLayerState.STA7;
import static org.lantir.dicom.net.UpperLayerState.STA8;
import static org.lantir.dicom.net.UpperLayerState.STA9;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.AReleaseRP;
import org.lantir.dicom.net.pdu.AReleaseRQ;
import org.lantir.dicom.net.pdu.PDU;
import org.lantir.dicom.net.pdu.PDUException;
import org.lantir.dicom.net.pdu.PDV;
import org.lantir.dicom.net.pdu.PDataTF;
import org.lantir.dicom.net.pdu.PresentationContextAC;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.lantir.dicom.net.pdu.UserInformation;

/**
 * PS3.8 Table 9-10, cell by cell: a nested class per state, a test per event, named
 * {@code evtN_action_effect}. A recording port stands in for transport, timer and user.
 */
class UpperLayerStateMachineTest {

    static final AAssociateRQ RQ = new AAssociateRQ(1, "SCP", "SCU", "1.2.840.10008.3.1.1.1",
            List.of(PresentationContextRQ.of(1, "1.2.840.10008.1.1", "1.2.840.10008.1.2")),
            UserInformation.of(16384, "1.2", null));
    static final AAssociateAC AC = new AAssociateAC(1, "SCP", "SCU", "1.2.840.10008.3.1.1.1",
            List.of(new PresentationContextAC(1, 0, "1.2.840.10008.1.2")),
            UserInformation.of(16384, "1.2", null));
    static final AAssociateRJ RJ = new AAssociateRJ(1, 1, 7);
    static final PDataTF DATA = PDataTF.of(PDV.of(1, true, true, new byte[] {0}));
    static final AAbort UNEXPECTED = AAbort.byServiceProvider(AAbort.UNEXPECTED_PDU);

    /** Records what the machine asks for, in order. */
    static class RecordingPort implements UpperLayerStateMachine.Port {
        final List<String> calls = new ArrayList<>();
        final List<PDU> sent = new ArrayList<>();
        AAssociateRJ providerRejection;

        @Override
        public String name() {
            return "TEST";
        }

        @Override
        public void transportConnectRequest() {
            calls.add("connect");
        }

        @Override
        public void send(PDU pdu) {
            calls.add("send " + PDU.typeName(pdu.type()));
            sent.add(pdu);
        }

        @Override
        public void sendData(PDataTF pdu) {
            calls.add("send P-DATA-TF");
            sent.add(pdu);
        }

        @Override
        public void closeTransport() {
            calls.add("close");
        }

        @Override
        public void startArtim() {
            calls.add("start ARTIM");
        }

        @Override
        public void stopArtim() {
            calls.add("stop ARTIM");
        }

        @Override
        public AAssociateRJ serviceProviderCheck(AAssociateRQ rq) {
            return providerRejection;
        }

        @Override
        public void associateIndication(AAssociateRQ rq) {
            calls.add("A-ASSOCIATE indication");
        }

        @Override
        public void associateConfirmation(AAssociateAC ac) {
            calls.add("A-ASSOCIATE confirmation (accept)");
        }

        @Override
        public void associateRejection(AAssociateRJ rj) {
            calls.add("A-ASSOCIATE confirmation (reject)");
        }

        @Override
        public void dataIndication(PDataTF pdu) {
            calls.add("P-DATA indication");
        }

        @Override
        public void releaseIndication(boolean collision) {
            calls.add(collision ? "A-RELEASE indication (collision)" : "A-RELEASE indication");
        }

        @Override
        public void releaseConfirmation() {
            calls.add("A-RELEASE confirmation");
        }

        @Override
        public void abortIndication(AAbort abort, boolean fromPeer) {
            calls.add(fromPeer ? "A-ABORT indication" : "A-P-ABORT indication");
        }

        @Override
        public void associationEnding() {
            calls.add("ending");
        }

        PDU lastSent() {
            return sent.get(sent.size() - 1);
        }
    }

    final RecordingPort port = new RecordingPort();

    /** An acceptor or requestor driven into {@code state} through legal events. */
    UpperLayerStateMachine machineIn(UpperLayerState state, boolean requestor) {
        UpperLayerStateMachine m = new UpperLayerStateMachine(requestor, port);
        List<Object[]> path = requestor ? requestorPath(state) : acceptorPath(state);
        for (Object[] step : path) {
            m.handle((UpperLayerEvent) step[0], step[1]);
        }
        assertThat(m.state()).isEqualTo(state);
        port.calls.clear();
        port.sent.clear();
        return m;
    }

    UpperLayerStateMachine acceptorIn(UpperLayerState state) {
        return machineIn(state, false);
    }

    UpperLayerStateMachine requestorIn(UpperLayerState state) {
        return machineIn(state, true);
    }

    private static List<Object[]> acceptorPath(UpperLayerState state) {
        List<Object[]> path = new ArrayList<>();
        add(path, state, STA2, EVT5, null);
        add(path, state, STA3, EVT6, RQ);
        add(path, state, STA6, EVT7, AC);
        if (state == STA8 || state == STA13) {
            add(path, state, STA8, EVT12, new AReleaseRQ());
            add(path, state, STA13, EVT14, null);
        }
        if (state.compareTo(STA10) >= 0 && state != STA13) {
            add(path, state, STA7, EVT11, null);
            add(path, state, STA10, EVT12, new AReleaseRQ());
            add(path, state, STA12, EVT13, new AReleaseRP());
        }
        return path;
    }

    private static List<Object[]> requestorPath(UpperLayerState state) {
        List<Object[]> path = new ArrayList<>();
        add(path, state, STA4, EVT1, RQ);
        add(path, state, STA5, EVT2, null);
        add(path, state, STA6, EVT3, AC);
        add(path, state, STA7, EVT11, null);
        add(path, state, STA9, EVT12, new AReleaseRQ());
        add(path, state, STA11, EVT14, null);
        return path;
    }

    /** Adds a step while the target lies at or beyond the step's resulting state. */
    private static void add(List<Object[]> path, UpperLayerState target, UpperLayerState reaches,
            UpperLayerEvent event, Object parameter) {
        boolean alreadyThere = !path.isEmpty() && path.get(path.size() - 1)[2] == target;
        if (!alreadyThere && (target.compareTo(reaches) >= 0 || target == reaches)) {
            path.add(new Object[] {event, parameter, reaches});
        }
    }

    @Nested
    class Sta1Idle {

        @Test
        void evt5_AE5_startsArtimAndAwaitsTheRequest() {
            UpperLayerStateMachine m = new UpperLayerStateMachine(false, port);

            m.handle(EVT5, null);

            assertThat(port.calls).containsExactly("start ARTIM");
            assertThat(m.state()).isEqualTo(STA2);
        }

        @Test
        void evt1_AE1_opensTheTransport() {
            UpperLayerStateMachine m = new UpperLayerStateMachine(true, port);

            m.handle(EVT1, RQ);

            assertThat(port.calls).containsExactly("connect");
            assertThat(m.state()).isEqualTo(STA4);
        }

        @Test
        void evt17_hasNoCell_andIsIgnored() {
            UpperLayerStateMachine m = new UpperLayerStateMachine(false, port);

            m.handle(EVT17, null);

            assertThat(port.calls).isEmpty();
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt15_hasNoCell_andAsALocalPrimitiveIsRefused() {
            UpperLayerStateMachine m = new UpperLayerStateMachine(false, port);

            assertThatThrownBy(() -> m.handle(EVT15, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Table 9-10");
        }
    }

    @Nested
    class Sta2AwaitingRequest {

        @Test
        void evt6_AE6_acceptable_stopsArtimAndIndicates() {
            UpperLayerStateMachine m = acceptorIn(STA2);

            m.handle(EVT6, RQ);

            assertThat(port.calls).containsExactly("stop ARTIM", "A-ASSOCIATE indication");
            assertThat(m.state()).isEqualTo(STA3);
        }

        @Test
        void evt6_AE6_notAcceptableByProvider_sendsRejectAndStartsArtim() {
            UpperLayerStateMachine m = acceptorIn(STA2);
            port.providerRejection = new AAssociateRJ(2, 3, 2);

            m.handle(EVT6, RQ);

            assertThat(port.calls).containsExactly("stop ARTIM", "ending", "start ARTIM",
                    "send A-ASSOCIATE-RJ");
            assertThat(port.lastSent()).isEqualTo(new AAssociateRJ(2, 3, 2));
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt10_AA1_dataBeforeTheRequestIsAbortedAsUnexpected() {
            UpperLayerStateMachine m = acceptorIn(STA2);

            m.handle(EVT10, DATA);

            assertThat(port.lastSent()).isEqualTo(UNEXPECTED);
            assertThat(port.calls).contains("start ARTIM");
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt19_AA1_invalidPduIsAbortedWithTheDecodersReason() {
            UpperLayerStateMachine m = acceptorIn(STA2);

            m.handle(EVT19, new PDUException(AAbort.UNRECOGNIZED_PDU, "garbage"));

            assertThat(port.lastSent()).isEqualTo(AAbort.byServiceProvider(1));
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt18_AA2_artimExpiryClosesTheConnection() {
            UpperLayerStateMachine m = acceptorIn(STA2);

            m.handle(EVT18, null);

            assertThat(port.calls).containsExactly("ending", "stop ARTIM", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt17_AA5_closedConnectionStopsArtim() {
            UpperLayerStateMachine m = acceptorIn(STA2);

            m.handle(EVT17, null);

            assertThat(port.calls).contains("stop ARTIM");
            assertThat(port.sent).isEmpty();
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt16_AA2_abortBeforeTheRequestCloses() {
            UpperLayerStateMachine m = acceptorIn(STA2);

            m.handle(EVT16, AAbort.byServiceUser());

            assertThat(port.calls).contains("close");
            assertThat(m.state()).isEqualTo(STA1);
        }
    }

    @Nested
    class Sta3AwaitingLocalResponse {

        @Test
        void evt7_AE7_sendsTheAccept() {
            UpperLayerStateMachine m = acceptorIn(STA3);

            m.handle(EVT7, AC);

            assertThat(port.calls).containsExactly("send A-ASSOCIATE-AC");
            assertThat(m.state()).isEqualTo(STA6);
        }

        @Test
        void evt8_AE8_sendsTheRejectAndStartsArtim() {
            UpperLayerStateMachine m = acceptorIn(STA3);

            m.handle(EVT8, RJ);

            assertThat(port.calls).containsExactly("ending", "start ARTIM",
                    "send A-ASSOCIATE-RJ");
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt6_AA8_secondRequestIsAbortedAsUnexpected() {
            UpperLayerStateMachine m = acceptorIn(STA3);

            m.handle(EVT6, RQ);

            assertThat(port.lastSent()).isEqualTo(UNEXPECTED);
            assertThat(port.calls).contains("A-P-ABORT indication", "start ARTIM");
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt17_AA4_lostConnectionIndicatesProviderAbort() {
            UpperLayerStateMachine m = acceptorIn(STA3);

            m.handle(EVT17, null);

            assertThat(port.calls).contains("A-P-ABORT indication");
            assertThat(m.state()).isEqualTo(STA1);
        }
    }

    @Nested
    class Sta4AwaitingTransport {

        @Test
        void evt2_AE2_sendsTheRequest() {
            UpperLayerStateMachine m = requestorIn(STA4);

            m.handle(EVT2, null);

            assertThat(port.lastSent()).isEqualTo(RQ);
            assertThat(m.state()).isEqualTo(STA5);
        }

        @Test
        void evt17_AA4_failedConnectIndicatesProviderAbort() {
            UpperLayerStateMachine m = requestorIn(STA4);

            m.handle(EVT17, null);

            assertThat(port.calls).contains("A-P-ABORT indication");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt15_AA2_abortWhileConnectingCloses() {
            UpperLayerStateMachine m = requestorIn(STA4);

            m.handle(EVT15, null);

            assertThat(port.calls).contains("close");
            assertThat(port.sent).isEmpty();
            assertThat(m.state()).isEqualTo(STA1);
        }
    }

    @Nested
    class Sta5AwaitingAcceptOrReject {

        @Test
        void evt3_AE3_confirmsTheAccept() {
            UpperLayerStateMachine m = requestorIn(STA5);

            m.handle(EVT3, AC);

            assertThat(port.calls).containsExactly("A-ASSOCIATE confirmation (accept)");
            assertThat(m.state()).isEqualTo(STA6);
        }

        @Test
        void evt4_AE4_confirmsTheRejectAndCloses() {
            UpperLayerStateMachine m = requestorIn(STA5);

            m.handle(EVT4, RJ);

            assertThat(port.calls).containsExactly("ending",
                    "A-ASSOCIATE confirmation (reject)", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt10_AA8_dataBeforeTheAcceptIsAborted() {
            UpperLayerStateMachine m = requestorIn(STA5);

            m.handle(EVT10, DATA);

            assertThat(port.lastSent()).isEqualTo(UNEXPECTED);
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt15_AA1_userAbortCarriesTheServiceUserSource() {
            UpperLayerStateMachine m = requestorIn(STA5);

            m.handle(EVT15, AAbort.byServiceUser());

            assertThat(port.lastSent()).isEqualTo(new AAbort(0, 0));
            assertThat(m.state()).isEqualTo(STA13);
        }
    }

    @Nested
    class Sta6Established {

        @Test
        void evt10_DT2_indicatesData() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT10, DATA);

            assertThat(port.calls).containsExactly("P-DATA indication");
            assertThat(m.state()).isEqualTo(STA6);
        }

        @Test
        void evt9_DT1_sendsData() throws IOException {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.sendData(DATA);

            assertThat(port.calls).containsExactly("send P-DATA-TF");
            assertThat(m.state()).isEqualTo(STA6);
        }

        @Test
        void evt12_AR2_indicatesRelease() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT12, new AReleaseRQ());

            assertThat(port.calls).containsExactly("A-RELEASE indication");
            assertThat(m.state()).isEqualTo(STA8);
        }

        @Test
        void evt11_AR1_sendsReleaseRequest() {
            UpperLayerStateMachine m = requestorIn(STA6);

            m.handle(EVT11, null);

            assertThat(port.lastSent()).isInstanceOf(AReleaseRQ.class);
            assertThat(m.state()).isEqualTo(STA7);
        }

        @Test
        void evt6_AA8_requestOnAnEstablishedAssociationIsAborted() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT6, RQ);

            assertThat(port.calls).containsExactly("ending", "start ARTIM", "send A-ABORT",
                    "A-P-ABORT indication");
            assertThat(port.lastSent()).isEqualTo(UNEXPECTED);
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt19_AA8_invalidPduIsAbortedWithItsReason() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT19, new PDUException(AAbort.INVALID_PDU_PARAMETER_VALUE, "too long"));

            assertThat(port.lastSent()).isEqualTo(AAbort.byServiceProvider(6));
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt16_AA3_peerAbortIsIndicatedAndClosed() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT16, AAbort.byServiceUser());

            assertThat(port.calls).containsExactly("ending", "A-ABORT indication", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt17_AA4_lostConnectionIsAProviderAbort() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT17, null);

            assertThat(port.calls).containsExactly("ending", "A-P-ABORT indication", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt15_AA1_localAbortSendsItAndStartsArtim() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT15, AAbort.byServiceUser());

            assertThat(port.calls).containsExactly("ending", "start ARTIM", "send A-ABORT");
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt18_hasNoCell_aStaleTimerIsIgnored() {
            UpperLayerStateMachine m = acceptorIn(STA6);

            m.handle(EVT18, null);

            assertThat(port.calls).isEmpty();
            assertThat(m.state()).isEqualTo(STA6);
        }
    }

    @Nested
    class Sta7AwaitingReleaseResponse {

        @Test
        void evt13_AR3_confirmsReleaseAndCloses() {
            UpperLayerStateMachine m = requestorIn(STA7);

            m.handle(EVT13, new AReleaseRP());

            assertThat(port.calls).containsExactly("ending", "A-RELEASE confirmation", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt10_AR6_stillIndicatesData() {
            UpperLayerStateMachine m = requestorIn(STA7);

            m.handle(EVT10, DATA);

            assertThat(port.calls).containsExactly("P-DATA indication");
            assertThat(m.state()).isEqualTo(STA7);
        }

        @Test
        void evt12_AR8_requestorCollisionGoesToSta9() {
            UpperLayerStateMachine m = requestorIn(STA7);

            m.handle(EVT12, new AReleaseRQ());

            assertThat(port.calls).containsExactly("A-RELEASE indication (collision)");
            assertThat(m.state()).isEqualTo(STA9);
        }

        @Test
        void evt12_AR8_acceptorCollisionGoesToSta10() {
            UpperLayerStateMachine m = acceptorIn(STA6);
            m.handle(EVT11, null);

            m.handle(EVT12, new AReleaseRQ());

            assertThat(m.state()).isEqualTo(STA10);
        }

        @Test
        void evt9_hasNoCell_dataCannotBeSentAfterAskingForRelease() {
            UpperLayerStateMachine m = requestorIn(STA7);

            assertThatThrownBy(() -> m.sendData(DATA)).isInstanceOf(IOException.class);
            assertThat(port.sent).isEmpty();
        }
    }

    @Nested
    class Sta8AwaitingLocalReleaseResponse {

        @Test
        void evt14_AR4_sendsReleaseResponseAndStartsArtim() {
            UpperLayerStateMachine m = acceptorIn(STA8);

            m.handle(EVT14, null);

            assertThat(port.calls).containsExactly("ending", "start ARTIM", "send A-RELEASE-RP");
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt9_AR7_outstandingResponsesMayStillBeSent() throws IOException {
            UpperLayerStateMachine m = acceptorIn(STA8);

            m.sendData(DATA);

            assertThat(port.calls).containsExactly("send P-DATA-TF");
            assertThat(m.state()).isEqualTo(STA8);
        }

        @Test
        void evt10_AA8_dataAfterReleaseRequestIsAborted() {
            UpperLayerStateMachine m = acceptorIn(STA8);

            m.handle(EVT10, DATA);

            assertThat(port.lastSent()).isEqualTo(UNEXPECTED);
            assertThat(m.state()).isEqualTo(STA13);
        }
    }

    @Nested
    class Sta9To12ReleaseCollision {

        @Test
        void sta9_evt14_AR9_requestorAnswersFirst() {
            UpperLayerStateMachine m = requestorIn(STA9);

            m.handle(EVT14, null);

            assertThat(port.lastSent()).isInstanceOf(AReleaseRP.class);
            assertThat(m.state()).isEqualTo(STA11);
        }

        @Test
        void sta11_evt13_AR3_requestorReleasedOnTheAcceptorsAnswer() {
            UpperLayerStateMachine m = requestorIn(STA11);

            m.handle(EVT13, new AReleaseRP());

            assertThat(port.calls).contains("A-RELEASE confirmation", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void sta10_evt13_AR10_acceptorConfirmsThenAwaitsItsOwnResponse() {
            UpperLayerStateMachine m = acceptorIn(STA10);

            m.handle(EVT13, new AReleaseRP());

            assertThat(port.calls).containsExactly("A-RELEASE confirmation");
            assertThat(m.state()).isEqualTo(STA12);
        }

        @Test
        void sta12_evt14_AR4_acceptorSendsTheLastResponse() {
            UpperLayerStateMachine m = acceptorIn(STA12);

            m.handle(EVT14, null);

            assertThat(port.lastSent()).isInstanceOf(AReleaseRP.class);
            assertThat(m.state()).isEqualTo(STA13);
        }
    }

    @Nested
    class Sta13AwaitingClose {

        @Test
        void evt17_AR5_closeStopsArtim() {
            UpperLayerStateMachine m = acceptorIn(STA13);

            m.handle(EVT17, null);

            assertThat(port.calls).containsExactly("stop ARTIM", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt18_AA2_peerThatNeverClosesIsClosed() {
            UpperLayerStateMachine m = acceptorIn(STA13);

            m.handle(EVT18, null);

            assertThat(port.calls).containsExactly("stop ARTIM", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }

        @Test
        void evt10_AA6_lateDataIsIgnored() {
            UpperLayerStateMachine m = acceptorIn(STA13);

            m.handle(EVT10, DATA);
            m.handle(EVT12, new AReleaseRQ());
            m.handle(EVT3, AC);

            assertThat(port.calls).isEmpty();
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt6_AA7_newRequestOnTheDyingConnectionIsAborted() {
            UpperLayerStateMachine m = acceptorIn(STA13);

            m.handle(EVT6, RQ);

            assertThat(port.calls).containsExactly("send A-ABORT");
            assertThat(m.state()).isEqualTo(STA13);
        }

        @Test
        void evt19_AA7_invalidPduIsAborted() {
            UpperLayerStateMachine m = acceptorIn(STA13);

            m.handle(EVT19, new PDUException(AAbort.UNRECOGNIZED_PDU, "garbage"));

            assertThat(port.lastSent()).isEqualTo(AAbort.byServiceProvider(1));
        }

        @Test
        void evt16_AA2_abortClosesAtOnce() {
            UpperLayerStateMachine m = acceptorIn(STA13);

            m.handle(EVT16, AAbort.byServiceUser());

            assertThat(port.calls).containsExactly("stop ARTIM", "close");
            assertThat(m.state()).isEqualTo(STA1);
        }
    }

    @Test
    void everyReceivedPduEventHasACellInEveryStateWithATransport() {
        for (UpperLayerState state : UpperLayerState.values()) {
            if (state == STA1 || state == STA4) {
                continue;
            }
            for (UpperLayerEvent event : UpperLayerEvent.values()) {
                boolean pduEvent = !event.isLocal() && event != EVT18;
                if (pduEvent) {
                    assertThat(StateTable.action(state, event)).as(state + " " + event)
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void associationEndingIsReportedOnce() {
        UpperLayerStateMachine m = acceptorIn(STA6);

        m.handle(EVT15, null);
        m.handle(EVT17, null);

        assertThat(port.calls.stream().filter("ending"::equals)).hasSize(1);
    }

    @Test
    void primitiveIssuedInsideAnIndicationRunsOnceTheStateIsSet() {
        UpperLayerStateMachine[] self = new UpperLayerStateMachine[1];
        RecordingPort answering = new RecordingPort() {
            @Override
            public void releaseIndication(boolean collision) {
                super.releaseIndication(collision);
                self[0].handleIfAllowed(EVT14, null);
            }
        };
        UpperLayerStateMachine m = new UpperLayerStateMachine(true, answering);
        self[0] = m;
        m.handle(EVT1, RQ);
        m.handle(EVT2, null);
        m.handle(EVT3, AC);
        m.handle(EVT11, null);

        m.handle(EVT12, new AReleaseRQ());

        assertThat(m.state()).isEqualTo(STA11);
        assertThat(answering.lastSent()).isInstanceOf(AReleaseRP.class);
    }

    /**
     * A user thread woken by an indication may ask for the state before the thread handling
     * the event has recorded the next one: it must see where the event leads (an aborted
     * association is no longer established), not where it came from.
     */
    @Test
    @Timeout(60)
    void stateAskedFromAnotherThreadDuringAnAbortIndicationIsSta1() throws Exception {
        CompletableFuture<UpperLayerState> seen = new CompletableFuture<>();
        UpperLayerStateMachine[] self = new UpperLayerStateMachine[1];
        RecordingPort asking = new RecordingPort() {
            @Override
            public void abortIndication(AAbort abort, boolean fromPeer) {
                super.abortIndication(abort, fromPeer);
                askFromAnotherThread(self[0], seen);
            }
        };
        UpperLayerStateMachine m = new UpperLayerStateMachine(true, asking);
        self[0] = m;
        m.handle(EVT1, RQ);
        m.handle(EVT2, null);
        m.handle(EVT3, AC);

        m.handle(EVT16, AAbort.byServiceUser());

        assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo(STA1);
    }

    /** Likewise the requestor's user, woken by the A-ASSOCIATE-AC, sees Sta6 at once. */
    @Test
    @Timeout(60)
    void stateAskedFromAnotherThreadDuringTheAcceptConfirmationIsSta6() throws Exception {
        CompletableFuture<UpperLayerState> seen = new CompletableFuture<>();
        UpperLayerStateMachine[] self = new UpperLayerStateMachine[1];
        RecordingPort asking = new RecordingPort() {
            @Override
            public void associateConfirmation(AAssociateAC ac) {
                super.associateConfirmation(ac);
                askFromAnotherThread(self[0], seen);
            }
        };
        UpperLayerStateMachine m = new UpperLayerStateMachine(true, asking);
        self[0] = m;
        m.handle(EVT1, RQ);
        m.handle(EVT2, null);

        m.handle(EVT3, AC);

        assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo(STA6);
    }

    /**
     * From inside an action: starts a thread that asks for the settled state, and returns
     * once that thread has its answer or is parked waiting for the machine's lock, so the
     * question is asked before the action ends whatever the scheduler does.
     */
    private static void askFromAnotherThread(UpperLayerStateMachine m,
            CompletableFuture<UpperLayerState> seen) {
        Thread asker = new Thread(() -> seen.complete(m.settledState()), "asker");
        asker.start();
        while (!seen.isDone()
                && !(LockSupport.getBlocker(asker) instanceof AbstractQueuedSynchronizer)) {
            Thread.yield();
        }
    }

    @Test
    void evt8AcceptsOnlyWhenAwaitingTheLocalResponse() {
        UpperLayerStateMachine m = acceptorIn(STA6);

        assertThat(m.handleIfAllowed(EVT8, RJ)).isFalse();
        assertThat(m.state()).isEqualTo(STA6);
    }
}
