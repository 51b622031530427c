package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.PresentationContextRQ;

/** The dispatcher's statuses (PS3.7 Annex C), C-CANCEL, and the response command sets. */
@Timeout(60)
class DimseDispatchTest {

    static final String MWL = UID.MODALITY_WORKLIST_FIND;
    static final String MPPS = UID.MODALITY_PERFORMED_PROCEDURE_STEP;

    private DicomServer server;
    private final DicomClient client = new DicomClient();

    ClientAssociation connect(DimseService... services) throws IOException {
        return connect(ServerSettings.of("MWL_SCP", "127.0.0.1", 0), services);
    }

    ClientAssociation connect(ServerSettings settings, DimseService... services)
            throws IOException {
        server = new DicomServer(settings);
        for (DimseService service : services) {
            server.register(service);
        }
        server.start();
        return client.connect("127.0.0.1", server.port(), "MRI_3T", "MWL_SCP",
                DicomClient.contextsFor(UID.VERIFICATION, MWL, MPPS));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void findStreamsPendingIdentifiersThenSuccessWithoutPatientDataAtInfo() throws Exception {
        try (LogCapture log = new LogCapture(); ClientAssociation a = connect(
                new FakeServices.Worklist(FakeServices.match("DOE^JANE"),
                        FakeServices.match("DOE^JOHN")))) {
            List<Dataset> matches = new CopyOnWriteArrayList<>();

            DimseResponse rsp = a.find(MWL, new Dataset().setString(Tag.PatientName, "DOE*"),
                    matches::add);
            releaseAfterTheServerIsDone(a);

            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            assertThat(matches).extracting(m -> m.getString(Tag.PatientName))
                    .containsExactly("DOE^JANE", "DOE^JOHN");
            assertThat(rsp.command().getString(Tag.AffectedSOPClassUID)).isEqualTo(MWL);
            assertThat(rsp.command().getInt(Tag.CommandDataSetType, -1))
                    .isEqualTo(Dimse.NO_DATASET);
            assertThat(log.lines(Level.INFO)).anySatisfy(line -> assertThat(line)
                    .contains("C-FIND-RQ message 1").contains(MWL).contains("0000H"));
            assertThat(log.lines(Level.INFO)).noneMatch(line -> line.contains("DOE^"));
        }
    }

    /**
     * The server writes a request's outcome line on its worker after the final response has
     * gone, so a client holding the response may look too early. It answers an A-RELEASE-RQ
     * on the same worker, after the requests received before it: once released, every line
     * about those requests is written.
     */
    private static void releaseAfterTheServerIsDone(ClientAssociation a) throws IOException {
        a.release();
        assertThat(a.isEstablished()).isFalse();
    }

    @Test
    void cancelStopsASlowFindWithFE00AndTheAssociationStaysUsable() throws Exception {
        FakeServices.SlowWorklist slow = new FakeServices.SlowWorklist();
        try (ClientAssociation a = connect(slow)) {
            DimseCall call = a.startFind(MWL, new Dataset(), match -> { });
            assertThat(slow.started.await(20, TimeUnit.SECONDS)).isTrue();

            call.cancel();

            assertThat(call.await().status()).isEqualTo(Status.CANCEL);
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void unknownCommandFieldIsAnsweredWith0211() throws Exception {
        try (ClientAssociation a = connect()) {
            Dataset command = new Dataset();
            command.setInt(Tag.CommandField, VR.US, 0x0777);
            command.setString(Tag.AffectedSOPClassUID, VR.UI, UID.VERIFICATION);

            DimseResponse rsp = a.invoke(command, null, null).await();

            assertThat(rsp.status()).isEqualTo(Status.UNRECOGNIZED_OPERATION);
            assertThat(rsp.command().getInt(Tag.CommandField, -1)).isEqualTo(0x8777);
        }
    }

    @Test
    void dimseCForASopClassWithoutServiceIsAnswered0122() throws Exception {
        try (ClientAssociation a = connect()) {
            Dataset command = new Dataset();
            command.setInt(Tag.CommandField, VR.US, Dimse.C_FIND_RQ);
            command.setString(Tag.AffectedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.2.2.1");

            DimseResponse rsp = a.invoke(1, command, new Dataset(), null).await();

            assertThat(rsp.status()).isEqualTo(Status.SOP_CLASS_NOT_SUPPORTED);
        }
    }

    @Test
    void dimseNForASopClassWithoutServiceIsAnswered0118() throws Exception {
        try (ClientAssociation a = connect()) {
            Dataset command = new Dataset();
            command.setInt(Tag.CommandField, VR.US, Dimse.N_SET_RQ);
            command.setString(Tag.RequestedSOPClassUID, VR.UI, "1.2.3.4");
            command.setString(Tag.RequestedSOPInstanceUID, VR.UI, "1.2.3.4.5");

            DimseResponse rsp = a.invoke(1, command, new Dataset(), null).await();

            assertThat(rsp.status()).isEqualTo(Status.NO_SUCH_SOP_CLASS);
            assertThat(rsp.affectedSopInstanceUid()).isEqualTo("1.2.3.4.5");
        }
    }

    @Test
    void serviceExceptionBecomesItsStatusWithItsCommandElements() throws Exception {
        DimseService refusing = service(MPPS, (request, responder) -> {
            throw new DicomServiceException(Status.MISSING_ATTRIBUTE, "Missing attribute")
                    .attributeIdentifierList(Tag.PerformedProcedureStepStatus);
        });
        try (ClientAssociation a = connect(refusing)) {
            DimseResponse rsp = a.nCreate(MPPS, "1.2.3.9", new Dataset());

            assertThat(rsp.status()).isEqualTo(Status.MISSING_ATTRIBUTE);
            assertThat(rsp.errorComment()).isEqualTo("Missing attribute");
            assertThat(rsp.command().getTags(Tag.AttributeIdentifierList))
                    .containsExactly(Tag.PerformedProcedureStepStatus);
            assertThat(rsp.affectedSopInstanceUid()).isEqualTo("1.2.3.9");
        }
    }

    @Test
    void bugInADimseNServiceIs0110WithAnErrorLineAndTheAssociationStays() throws Exception {
        DimseService broken = service(MPPS, (request, responder) -> {
            throw new IllegalStateException("DOE^JANE broke it");
        });
        try (LogCapture log = new LogCapture(); ClientAssociation a = connect(broken)) {
            DimseResponse rsp = a.nCreate(MPPS, null, new Dataset());
            DimseResponse echo = a.echo();
            releaseAfterTheServerIsDone(a);

            assertThat(rsp.status()).isEqualTo(Status.PROCESSING_FAILURE);
            assertThat(echo.status()).isEqualTo(Status.SUCCESS);
            assertThat(log.linesAt(Level.ERROR)).anySatisfy(line ->
                    assertThat(line).contains("IllegalStateException"));
            assertThat(log.lines(Level.INFO)).noneMatch(line -> line.contains("DOE^JANE"));
        }
    }

    @Test
    void bugInADimseCServiceIsC000() throws Exception {
        DimseService broken = service(MWL, (request, responder) -> {
            throw new NullPointerException();
        });
        try (ClientAssociation a = connect(broken)) {
            DimseResponse rsp = a.find(MWL, new Dataset(), match -> { });

            assertThat(rsp.status()).isEqualTo(Status.UNABLE_TO_PROCESS);
        }
    }

    @Test
    void serviceReturningWithoutAResponseIsAnsweredSuccess() throws Exception {
        DimseService quiet = service(MPPS, (request, responder) -> { });
        try (ClientAssociation a = connect(quiet)) {
            assertThat(a.nSet(MPPS, "1.2.3", new Dataset()).status()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void nCreateResponseCarriesTheUidTheScpAssignedOrTheOneGiven() throws Exception {
        try (ClientAssociation a = connect(new FakeServices.Mpps())) {
            DimseResponse minted = a.nCreate(MPPS, null, new Dataset());
            DimseResponse given = a.nCreate(MPPS, "1.2.826.0.1.3680043.2.1", new Dataset());

            assertThat(UID.isValid(minted.affectedSopInstanceUid())).isTrue();
            assertThat(minted.affectedSopInstanceUid()).startsWith("2.25.");
            assertThat(given.affectedSopInstanceUid()).isEqualTo("1.2.826.0.1.3680043.2.1");
            assertThat(given.command().getString(Tag.AffectedSOPClassUID)).isEqualTo(MPPS);
        }
    }

    @Test
    void dataSetWithoutCharacterSetIsReadInTheCallingAesDefault() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        DimseService mpps = service(MPPS, (request, responder) ->
                seen.set(request.dataset().getString(Tag.PatientName)));
        ServerSettings latin1ForMri = ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withDefaultCharacterSet(ae -> "MRI_3T".equals(ae)
                        ? SpecificCharacterSet.LATIN_1 : SpecificCharacterSet.DEFAULT);
        try (ClientAssociation a = connect(latin1ForMri, mpps)) {
            PresentationContext pc = a.acceptedContexts().stream()
                    .filter(c -> c.abstractSyntax().equals(MPPS)).findFirst().orElseThrow();
            byte[] name = "M\u00dcLLER^J\u00d6RG".getBytes(java.nio.charset.StandardCharsets
                    .ISO_8859_1);
            byte[] data = element(Tag.PatientName, name,
                    pc.transferSyntax().isExplicitVr());
            Dataset command = new Dataset();
            command.setInt(Tag.CommandField, VR.US, Dimse.N_SET_RQ);
            command.setString(Tag.RequestedSOPClassUID, VR.UI, MPPS);
            command.setString(Tag.RequestedSOPInstanceUID, VR.UI, "1.2.3");

            DimseResponse rsp = a.invokeEncoded(pc.id(), command, data).await();

            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            assertThat(seen.get()).isEqualTo("M\u00dcLLER^J\u00d6RG");
        }
    }

    /** One PN element, even length, in Implicit or Explicit VR Little Endian. */
    private static byte[] element(int tag, byte[] value, boolean explicit) {
        byte[] padded = java.util.Arrays.copyOf(value, value.length + value.length % 2);
        if (padded.length > value.length) {
            padded[value.length] = ' ';
        }
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 + padded.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) (tag >>> 16)).putShort((short) tag);
        if (explicit) {
            buf.put((byte) 'P').put((byte) 'N').putShort((short) padded.length);
        } else {
            buf.putInt(padded.length);
        }
        return buf.put(padded).array();
    }

    interface Handler {
        void handle(DimseRequest request, DimseResponder responder)
                throws DicomServiceException, IOException;
    }

    private static DimseService service(String sopClass, Handler handler) {
        return new DimseService() {
            @Override
            public List<String> sopClasses() {
                return List.of(sopClass);
            }

            @Override
            public void onRequest(DimseRequest request, DimseResponder responder)
                    throws DicomServiceException, IOException {
                handler.handle(request, responder);
            }
        };
    }

    @Test
    void proposedContextsUseExplicitFirst() {
        assertThat(DicomClient.contextsFor(MWL)).containsExactly(PresentationContextRQ.of(1,
                MWL, UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN));
    }
}
