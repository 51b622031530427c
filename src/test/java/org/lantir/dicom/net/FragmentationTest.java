package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.PDV;
import org.lantir.dicom.net.pdu.PDataTF;
import org.lantir.dicom.net.pdu.PresentationContextRQ;

/**
 * Interop case C18: a ~31 kB worklist answer to requestors announcing a Maximum Length of
 * 16000, 4096 and 0 (PS3.8 Annex D.1), captured PDU by PDU on a raw-socket peer.
 */
@Timeout(60)
class FragmentationTest {

    static final String MWL = UID.MODALITY_WORKLIST_FIND;
    static final String COMMENT = "Consent for research re-contact on file; no contrast agent "
            + "planned. ";

    private DicomServer server;
    private final FakeServices.Mpps mpps = new FakeServices.Mpps();

    static String lt10240(char fill) {
        String text = COMMENT.repeat(10240 / COMMENT.length() + 1).substring(0, 10239);
        return text + fill;
    }

    static Dataset largeItem() {
        Dataset item = FakeServices.match("ROE^RICHARD");
        item.setString(Tag.PatientComments, VR.LT, lt10240('A'));
        item.setString(Tag.RequestedProcedureComments, VR.LT, lt10240('B'));
        Dataset sps = item.addItem(Tag.ScheduledProcedureStepSequence);
        sps.setString(Tag.Modality, "MR");
        sps.setString(Tag.CommentsOnTheScheduledProcedureStep, VR.LT, lt10240('C'));
        return item;
    }

    @BeforeEach
    void start() throws Exception {
        server = new DicomServer(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withMaxPduLengthReceived(ServerSettings.MIN_MAX_PDU_LENGTH));
        server.register(new FakeServices.Worklist(largeItem()));
        server.register(mpps);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "requestor max PDU {0}")
    @ValueSource(ints = {16000, 4096, 0})
    void everyPDataTFTheServerSendsFitsTheRequestorsMaximum(int max) throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            AAssociateAC ac = peer.associate(RawPeer.request("MWL_SCP", "MEDISON", max,
                    PresentationContextRQ.of(1, MWL, UID.IMPLICIT_VR_LITTLE_ENDIAN)));
            assertThat(ac.presentationContext(1).isAccepted()).isTrue();
            Dataset query = new Dataset();
            query.setEmpty(Tag.PatientComments, VR.LT);
            query.setEmpty(Tag.RequestedProcedureComments, VR.LT);
            peer.sendMessage(1, findCommand(), DicomWriter.write(query,
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), 4096);

            List<DimseMessage> responses = peer.readMessages(2);

            assertThat(responses).extracting(m -> m.command().getInt(Tag.Status, -1))
                    .containsExactly(Status.PENDING, Status.SUCCESS);
            assertSizes(peer.received, max);
            assertSeparatePdvsWithOneLastEach(peer.received);
            Dataset identifier = DicomReader.read(responses.get(0).data(),
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            assertThat(identifier.getString(Tag.PatientComments)).hasSize(10240).endsWith("A");
            assertThat(identifier.getString(Tag.RequestedProcedureComments)).hasSize(10240);
            assertThat(identifier.getItem(Tag.ScheduledProcedureStepSequence)
                    .getString(Tag.CommentsOnTheScheduledProcedureStep)).hasSize(10240);
        }
    }

    private static void assertSizes(List<PDataTF> pdus, int max) {
        if (max == 0) {
            assertThat(pdus).hasSizeLessThanOrEqualTo(2);
            return;
        }
        assertThat(pdus).allSatisfy(p -> assertThat(p.pduLength()).isLessThanOrEqualTo(max));
        if (max == 4096) {
            long identifierPdus = pdus.stream()
                    .filter(p -> p.pdvs().stream().anyMatch(v -> !v.isCommand())).count();
            assertThat(identifierPdus).isGreaterThanOrEqualTo(8);
        }
    }

    /** Per message: command PDVs then data PDVs, the last of each marked (PS3.8 E.2). */
    private static void assertSeparatePdvsWithOneLastEach(List<PDataTF> pdus) {
        List<PDV> pdvs = pdus.stream().flatMap(p -> p.pdvs().stream()).toList();
        long commandLasts = pdvs.stream().filter(v -> v.isCommand() && v.isLast()).count();
        long dataLasts = pdvs.stream().filter(v -> !v.isCommand() && v.isLast()).count();
        assertThat(commandLasts).isEqualTo(2);
        assertThat(dataLasts).isEqualTo(1);
    }

    private static Dataset findCommand() {
        Dataset command = new Dataset();
        command.setString(Tag.AffectedSOPClassUID, VR.UI, MWL);
        command.setInt(Tag.CommandField, VR.US, Dimse.C_FIND_RQ);
        command.setInt(Tag.MessageID, VR.US, 1);
        command.setInt(Tag.Priority, VR.US, 0);
        return command;
    }

    @Test
    void ourClientReassemblesTheLargeAnswer() throws Exception {
        try (ClientAssociation a = new DicomClient().connect("127.0.0.1", server.port(),
                "MEDISON", "MWL_SCP", DicomClient.contextsFor(MWL),
                ClientSettings.defaults().withMaxPduLengthReceived(4096))) {
            List<Dataset> matches = new java.util.ArrayList<>();

            assertThat(a.find(MWL, new Dataset(), matches::add).status())
                    .isEqualTo(Status.SUCCESS);
            assertThat(matches).singleElement().satisfies(m ->
                    assertThat(m.getString(Tag.PatientComments)).isEqualTo(lt10240('A')));
        }
    }

    @Test
    void ourClientRespectsTheServersMaximumWhenSending() throws Exception {
        try (ClientAssociation a = new DicomClient().connect("127.0.0.1", server.port(),
                "MRI_3T", "MWL_SCP",
                DicomClient.contextsFor(UID.MODALITY_PERFORMED_PROCEDURE_STEP))) {
            Dataset large = new Dataset();
            large.setString(Tag.CommentsOnThePerformedProcedureStep, VR.ST, "x".repeat(1024));
            large.setString(Tag.PatientComments, VR.LT, lt10240('Z'));

            DimseResponse rsp = a.nCreate(UID.MODALITY_PERFORMED_PROCEDURE_STEP, null, large);

            assertThat(a.peerMaxPduLength()).isEqualTo(4096);
            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            assertThat(mpps.requests.get(0).dataset().getString(Tag.PatientComments))
                    .isEqualTo(lt10240('Z'));
        }
    }
}
