package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;

/**
 * The server's statistics, driven by a real client over loopback: requests handled and
 * refused per type, associations accepted, rejected and open, and the listeners told how an
 * association ended.
 */
@Timeout(60)
class ServerStatisticsTest {

    private static final String MWL = UID.MODALITY_WORKLIST_FIND;
    private static final String MPPS = UID.MODALITY_PERFORMED_PROCEDURE_STEP;

    private DicomServer server;
    private final DicomClient client = new DicomClient();

    private DicomServer start(ServerSettings settings) throws IOException {
        server = new DicomServer(settings);
        server.register(new FakeServices.Worklist(FakeServices.match("DOE^JANE")));
        server.register(new RefusingMpps());
        server.start();
        return server;
    }

    private DicomServer start() throws IOException {
        return start(ServerSettings.of("MWL_SCP", "127.0.0.1", 0));
    }

    private ClientAssociation connect(String callingAeTitle) throws IOException {
        return client.connect("127.0.0.1", server.port(), callingAeTitle, "MWL_SCP",
                DicomClient.contextsFor(UID.VERIFICATION, MWL, MPPS));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void countsEachRequestByTypeAsHandledOrRefused() throws Exception {
        start();
        Instant before = Instant.now();

        try (ClientAssociation a = connect("MRI_3T")) {
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
            assertThat(a.find(MWL, new Dataset(), match -> { }).status())
                    .isEqualTo(Status.SUCCESS);
            assertThat(a.nCreate(MPPS, "1.2.3.4", new Dataset()).status())
                    .isEqualTo(Status.MISSING_ATTRIBUTE);
            assertThat(a.nSet(MPPS, "1.2.3.4", new Dataset()).status())
                    .isEqualTo(Status.SUCCESS);

            ServerStatistics.Snapshot open = server.statistics().snapshot();
            assertThat(open.requests(Dimse.C_ECHO_RQ))
                    .isEqualTo(new ServerStatistics.RequestCounts(2, 0));
            assertThat(open.requests(Dimse.C_FIND_RQ))
                    .isEqualTo(new ServerStatistics.RequestCounts(1, 0));
            assertThat(open.requests(Dimse.N_CREATE_RQ))
                    .isEqualTo(new ServerStatistics.RequestCounts(0, 1));
            assertThat(open.requests(Dimse.N_SET_RQ))
                    .isEqualTo(new ServerStatistics.RequestCounts(1, 0));
            assertThat(open.associationsAccepted()).isEqualTo(1);
            assertThat(open.associationsRejected()).isZero();
            assertThat(open.active()).singleElement().satisfies(active -> {
                assertThat(active.callingAeTitle()).isEqualTo("MRI_3T");
                assertThat(active.calledAeTitle()).isEqualTo("MWL_SCP");
                assertThat(active.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
                assertThat(active.since()).isBetween(before, Instant.now());
            });
        }
    }

    @Test
    void aReleasedAssociationLeavesTheOpenOnesBeforeItsReleaseReturns() throws Exception {
        start();
        ClientAssociation first = connect("MRI_3T");
        ClientAssociation second = connect("EEG_1");
        first.echo();
        second.echo();
        assertThat(server.statistics().snapshot().active())
                .extracting(ServerStatistics.ActiveAssociation::callingAeTitle)
                .containsExactly("MRI_3T", "EEG_1");

        first.release();

        assertThat(server.statistics().snapshot().active())
                .extracting(ServerStatistics.ActiveAssociation::callingAeTitle)
                .containsExactly("EEG_1");
        second.release();
        assertThat(server.statistics().snapshot().active()).isEmpty();
        assertThat(server.statistics().snapshot().associationsAccepted()).isEqualTo(2);
    }

    @Test
    void aRejectedAssociationIsCountedAndNeverOpen() throws Exception {
        start(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withAllowedCallingAeTitles(Set.of("MRI_3T")));

        assertThatThrownBy(() -> connect("STRANGER"))
                .isInstanceOf(AssociationRejectedException.class);

        ServerStatistics.Snapshot snapshot = server.statistics().snapshot();
        assertThat(snapshot.associationsRejected()).isEqualTo(1);
        assertThat(snapshot.associationsAccepted()).isZero();
        assertThat(snapshot.active()).isEmpty();
    }

    @Test
    void countersLastOverAStopAndAStart() throws Exception {
        start();
        try (ClientAssociation a = connect("MRI_3T")) {
            a.echo();
        }
        server.stop();
        server.start();
        try (ClientAssociation a = connect("MRI_3T")) {
            a.echo();
        }

        assertThat(server.statistics().snapshot().requests(Dimse.C_ECHO_RQ).handled())
                .isEqualTo(2);
    }

    @Test
    void listenersAreToldWhetherAnAssociationWasReleasedOrAborted() throws Exception {
        start();
        BlockingQueue<String> closed = new ArrayBlockingQueue<>(4);
        server.addAssociationListener(new AssociationListener() {
            @Override
            public void associationClosed(AssociationInfo association, boolean released) {
                closed.add(association.callingAeTitle() + (released ? " released"
                        : " aborted"));
            }
        });

        ClientAssociation released = connect("MRI_3T");
        released.echo();
        released.release();
        assertThat(closed.poll(20, TimeUnit.SECONDS)).isEqualTo("MRI_3T released");

        ClientAssociation aborted = connect("EEG_1");
        aborted.echo();
        aborted.abort();
        assertThat(closed.poll(20, TimeUnit.SECONDS)).isEqualTo("EEG_1 aborted");
    }

    @Test
    void statusClassesFollowPs37AnnexC() {
        for (int failure : new int[] {0xA700, 0xA900, 0xC000, 0xC123, 0x0110, 0x0120, 0x0122,
            0x0211, 0x0124}) {
            assertThat(Status.isFailure(failure)).as(Status.toHex(failure)).isTrue();
        }
        for (int notFailure : new int[] {0x0000, 0x0001, 0xB000, 0x0107, 0x0116, 0xFE00,
            0xFF00, 0xFF01}) {
            assertThat(Status.isFailure(notFailure)).as(Status.toHex(notFailure)).isFalse();
        }
    }

    /** MPPS that refuses every N-CREATE with 0120H and accepts every N-SET. */
    private static final class RefusingMpps implements DimseService {

        @Override
        public List<String> sopClasses() {
            return List.of(MPPS);
        }

        @Override
        public void onRequest(DimseRequest request, DimseResponder responder)
                throws DicomServiceException, IOException {
            if (request.commandField() == Dimse.N_CREATE_RQ) {
                throw new DicomServiceException(Status.MISSING_ATTRIBUTE, "Missing attribute")
                        .attributeIdentifierList(Tag.PerformedProcedureStepStatus);
            }
            responder.respond(Status.SUCCESS, null, null);
        }
    }
}
