package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.AsyncOperationsWindow;
import org.lantir.dicom.net.pdu.PDUEncoder;
import org.lantir.dicom.net.pdu.PresentationContextAC;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.lantir.dicom.net.pdu.RoleSelection;

/** Interop cases C19 and C20 on a loopback server: negotiation and association limits. */
@Timeout(60)
class AssociationNegotiationTest {

    static final String MWL = UID.MODALITY_WORKLIST_FIND;
    static final String MPPS = UID.MODALITY_PERFORMED_PROCEDURE_STEP;
    static final String IMPLICIT = UID.IMPLICIT_VR_LITTLE_ENDIAN;
    static final String EXPLICIT = UID.EXPLICIT_VR_LITTLE_ENDIAN;
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    private DicomServer server;
    private final DicomClient client = new DicomClient();

    DicomServer start(ServerSettings settings) throws Exception {
        server = new DicomServer(settings);
        server.register(new FakeServices.Worklist(FakeServices.match("DOE^JANE")));
        server.register(new FakeServices.Mpps());
        server.start();
        return server;
    }

    DicomServer start() throws Exception {
        return start(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withAllowedCallingAeTitles(Set.of("MRI_3T", "CT_SCAN1")));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    AAssociateAC rawAssociate(PresentationContextRQ... contexts) throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            return peer.associate(RawPeer.request("MWL_SCP", "MRI_3T", 16384, contexts));
        }
    }

    @Nested
    class C19PresentationContexts {

        @Test
        void variantA_implicitOnlyIsAcceptedWithImplicit() throws Exception {
            start();

            AAssociateAC ac = rawAssociate(PresentationContextRQ.of(1, MWL, IMPLICIT));

            assertThat(ac.presentationContext(1)).isEqualTo(
                    new PresentationContextAC(1, PresentationContextAC.ACCEPTANCE, IMPLICIT));
        }

        @Test
        void variantB_bigEndianLastDoesNotUndoTheAcceptance() throws Exception {
            start();

            AAssociateAC ac = rawAssociate(PresentationContextRQ.of(1, MWL, EXPLICIT, IMPLICIT,
                    UID.EXPLICIT_VR_BIG_ENDIAN));

            assertThat(ac.presentationContext(1).isAccepted()).isTrue();
            assertThat(ac.presentationContext(1).transferSyntax()).isEqualTo(EXPLICIT);
        }

        @Test
        void variantC_jpegOnlyContextIsRefusedWithResult4AndTheQueryRunsOnContext3()
                throws Exception {
            start();

            AAssociateAC ac = rawAssociate(PresentationContextRQ.of(1, MWL, JPEG_BASELINE),
                    PresentationContextRQ.of(3, MWL, IMPLICIT));

            assertThat(ac.presentationContext(1).result())
                    .isEqualTo(PresentationContextAC.TRANSFER_SYNTAXES_NOT_SUPPORTED);
            assertThat(ac.presentationContext(3).isAccepted()).isTrue();
            try (ClientAssociation a = client.connect("127.0.0.1", server.port(), "MRI_3T",
                    "MWL_SCP", List.of(PresentationContextRQ.of(1, MWL, JPEG_BASELINE),
                            PresentationContextRQ.of(3, MWL, IMPLICIT)))) {
                DimseResponse rsp = a.find(MWL, new Dataset().setString(Tag.PatientName, ""),
                        match -> { });

                assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
                assertThat(a.acceptedContexts()).extracting(PresentationContext::id)
                        .containsExactly(3);
            }
        }

        @Test
        void variantD_verificationAndMppsOnTheSameAeAreBothUsable() throws Exception {
            start();

            try (ClientAssociation a = client.connect("127.0.0.1", server.port(), "MRI_3T",
                    "MWL_SCP", List.of(PresentationContextRQ.of(1, UID.VERIFICATION, IMPLICIT),
                            PresentationContextRQ.of(3, MPPS, EXPLICIT, IMPLICIT)))) {
                assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
                DimseResponse created = a.nCreate(MPPS, null, new Dataset()
                        .setString(Tag.PerformedProcedureStepStatus, "IN PROGRESS"));
                DimseResponse set = a.nSet(MPPS, created.affectedSopInstanceUid(),
                        new Dataset().setString(Tag.PerformedProcedureStepStatus, "COMPLETED"));

                assertThat(created.status()).isEqualTo(Status.SUCCESS);
                assertThat(set.status()).isEqualTo(Status.SUCCESS);
                assertThat(a.acceptedContexts()).extracting(PresentationContext::transferSyntax)
                        .containsExactlyInAnyOrder(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
        }

        @Test
        void abstractSyntaxNotServedIsResult3WhileOthersAreJudgedOnTheirOwn() throws Exception {
            start();

            AAssociateAC ac = rawAssociate(PresentationContextRQ.of(1, "1.2.840.10008.5.1.4.1"
                    + ".1.2", IMPLICIT), PresentationContextRQ.of(3, UID.VERIFICATION, IMPLICIT));

            assertThat(ac.presentationContext(1).result())
                    .isEqualTo(PresentationContextAC.ABSTRACT_SYNTAX_NOT_SUPPORTED);
            assertThat(ac.presentationContext(3).isAccepted()).isTrue();
        }

        @Test
        void roleSelectionAndAsynchronousWindowAreAnswered() throws Exception {
            start();
            AAssociateAC ac;
            try (RawPeer peer = RawPeer.connect(server.port())) {
                ac = peer.associate(RawPeer.requestWithRolesAndWindow("MWL_SCP", "MRI_3T",
                        PresentationContextRQ.of(1, MWL, IMPLICIT)));
            }

            assertThat(ac.userInformation().roleSelections())
                    .containsExactly(new RoleSelection(MWL, true, false));
            assertThat(ac.userInformation().asyncOperationsWindow())
                    .isEqualTo(new AsyncOperationsWindow(1, 1));
            assertThat(ac.userInformation().maxLength())
                    .isEqualTo(ServerSettings.DEFAULT_MAX_PDU_LENGTH);
            assertThat(ac.userInformation().implementationClassUid())
                    .isEqualTo(Implementation.CLASS_UID);
        }
    }

    @Nested
    class C20AeTitlesAndLimits {

        @Test
        void variantA_callingAeNotOnTheAllowListIsRejectedAtAssociationTime() throws Exception {
            start();

            assertThatThrownBy(() -> client.connect("127.0.0.1", server.port(), "ROGUE_WS",
                    "MWL_SCP", DicomClient.contextsFor(MWL)))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e ->
                            assertThat(e.rejection()).isEqualTo(new AAssociateRJ(1, 1, 3)));
        }

        @Test
        void variantB_wrongCalledAeIsRejected() throws Exception {
            start();

            assertThatThrownBy(() -> client.connect("127.0.0.1", server.port(), "MRI_3T",
                    "WRONG_AE", DicomClient.contextsFor(MWL)))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e ->
                            assertThat(e.rejection()).isEqualTo(new AAssociateRJ(1, 1, 7)));
        }

        @Test
        void variantC_paddingSpacesInTheAeFieldsDoNotMatter() throws Exception {
            start(ServerSettings.of("MWL_SCP ", "127.0.0.1", 0)
                    .withAllowedCallingAeTitles(Set.of("MRI_3T    ")));
            byte[] rq = PDUEncoder.encode(RawPeer.request("MWL_SCP", "MRI_3T", 16384,
                    PresentationContextRQ.of(1, MWL, IMPLICIT)));
            byte[] calledWithLeadingSpace = " MWL_SCP        ".getBytes();
            System.arraycopy(calledWithLeadingSpace, 0, rq, 10, 16);
            assertThat(new String(rq, 26, 16)).isEqualTo("MRI_3T          ");

            try (RawPeer peer = RawPeer.connect(server.port())) {
                peer.sendBytes(rq);

                assertThat(peer.read()).isInstanceOf(AAssociateAC.class);
            }
        }

        @Test
        void variantD_beyondTheLimitIsATransientRejectionAndReleaseFreesTheSlot()
                throws Exception {
            start(ServerSettings.of("MWL_SCP", "127.0.0.1", 0).withMaxAssociations(1));
            ClientAssociation first = client.connect("127.0.0.1", server.port(), "MRI_3T",
                    "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION));

            assertThatThrownBy(() -> client.connect("127.0.0.1", server.port(), "MRI_3T",
                    "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION)))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e ->
                            assertThat(e.rejection()).isEqualTo(new AAssociateRJ(2, 3, 2)));

            first.release();
            try (ClientAssociation third = client.connect("127.0.0.1", server.port(), "MRI_3T",
                    "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION))) {
                assertThat(third.echo().status()).isEqualTo(Status.SUCCESS);
            }
        }

        @Test
        void emptyAllowListAcceptsAnyCallingAe() throws Exception {
            start(ServerSettings.of("MWL_SCP", "127.0.0.1", 0));

            try (ClientAssociation a = client.connect("127.0.0.1", server.port(), "ANYONE",
                    "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION))) {
                assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
            }
        }

        @Test
        void otherApplicationContextIsRejectedWithReason2() throws Exception {
            start();
            AAssociateRQ rq = RawPeer.request("MWL_SCP", "MRI_3T", 16384,
                    PresentationContextRQ.of(1, MWL, IMPLICIT));
            AAssociateRQ other = new AAssociateRQ(1, rq.calledAeTitle(), rq.callingAeTitle(),
                    "1.2.3.4.5", rq.presentationContexts(), rq.userInformation());

            try (RawPeer peer = RawPeer.connect(server.port())) {
                peer.send(other);

                assertThat(peer.read()).isEqualTo(new AAssociateRJ(1, 1, 2));
            }
        }

        @Test
        void protocolVersionWithoutBit0IsRejectedAndArtimClosesIfThePeerStays()
                throws Exception {
            start(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(60)));
            AAssociateRQ rq = RawPeer.request("MWL_SCP", "MRI_3T", 16384,
                    PresentationContextRQ.of(1, MWL, IMPLICIT));
            AAssociateRQ version2 = new AAssociateRQ(2, rq.calledAeTitle(), rq.callingAeTitle(),
                    rq.applicationContextName(), rq.presentationContexts(), rq.userInformation());

            try (RawPeer peer = RawPeer.connect(server.port())) {
                peer.send(version2);

                assertThat(peer.read()).isEqualTo(new AAssociateRJ(1, 2, 2));
                assertThat(peer.closedByOtherSide()).isTrue();
            }
        }
    }
}
