package org.lantir.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigLoader;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.Status;
import org.lantir.ui.DirectExecutorService;
import org.lantir.ui.UiThreads;

/**
 * The Server screen's view model over a real Lantir (database in a test folder, server on
 * 127.0.0.1) and a real requestor; the JavaFX thread is a queue the test runs itself.
 */
@Timeout(60)
class ServerViewModelTest {

    private static final String MWL = UID.MODALITY_WORKLIST_FIND;
    private static final String MPPS = UID.MODALITY_PERFORMED_PROCEDURE_STEP;

    @TempDir
    Path dir;

    private final FxQueue fx = new FxQueue();
    private Lantir lantir;
    private ServerViewModel model;

    private ServerViewModel open(int port) throws Exception {
        Path file = dir.resolve("lantir.json");
        Files.writeString(file, """
                {"lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1",
                                       "port": %d}}}
                """.formatted(port));
        lantir = Lantir.open(ConfigLoader.load(file), dir.resolve("worklist.db"));
        model = new ServerViewModel(lantir, new UiThreads(fx, new DirectExecutorService()),
                Clock.systemDefaultZone());
        return model;
    }

    @AfterEach
    void close() {
        if (model != null) {
            model.close();
        }
        if (lantir != null) {
            lantir.close();
        }
    }

    private ClientAssociation connect(String callingAeTitle) throws Exception {
        return new DicomClient().connect("127.0.0.1", lantir.dicomServer().port(),
                callingAeTitle, "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION, MWL, MPPS));
    }

    @Test
    void startShowsTheBoundPortAndStopShowsStopped() throws Exception {
        open(0);
        assertThat(model.stateProperty().get()).isEqualTo("Stopped");
        assertThat(model.portProperty().get()).isEqualTo("any free port");
        assertThat(model.aeTitleProperty().get()).isEqualTo("MWL_SCP");
        assertThat(model.bindAddressProperty().get()).isEqualTo("127.0.0.1");

        model.start();
        assertThat(model.busyProperty().get()).as("until the JavaFX thread hears back").isTrue();
        assertThat(model.stateProperty().get()).isEqualTo("Starting…");
        fx.runPending();

        assertThat(model.listeningProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.stateProperty().get()).isEqualTo("Listening");
        assertThat(model.portProperty().get())
                .isEqualTo(Integer.toString(lantir.dicomServer().port()));
        assertThat(model.problemProperty().get()).isEmpty();

        model.stop();
        fx.runPending();

        assertThat(lantir.dicomServer().isRunning()).isFalse();
        assertThat(model.listeningProperty().get()).isFalse();
        assertThat(model.stateProperty().get()).isEqualTo("Stopped");
    }

    @Test
    void countsRequestsHandledAndRefusedAndAssociations() throws Exception {
        open(0);
        model.start();
        fx.runPending();

        try (ClientAssociation a = connect("MRI_3T")) {
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
            assertThat(a.find(MWL, new Dataset(), match -> { }).status())
                    .isEqualTo(Status.SUCCESS);
            // No attributes at all: refused (PS3.4 F.7.2.1.1).
            assertThat(Status.isFailure(a.nCreate(MPPS, "1.2.826.0.1.3680043.2.1", new Dataset())
                    .status())).isTrue();
            // An instance that was never created: refused, 0112H.
            assertThat(a.nSet(MPPS, "1.2.826.0.1.3680043.2.2", new Dataset()).status())
                    .isEqualTo(Status.NO_SUCH_SOP_INSTANCE);
        }
        model.refresh();

        assertThat(counts("c-echo")).containsExactly(1L, 0L);
        assertThat(counts("c-find")).containsExactly(1L, 0L);
        assertThat(counts("n-create")).containsExactly(0L, 1L);
        assertThat(counts("n-set")).containsExactly(0L, 1L);
        assertThat(model.associationsAcceptedProperty().get()).isEqualTo(1);
        assertThat(model.associationsRejectedProperty().get()).isZero();
        assertThat(model.countingSinceProperty().get())
                .matches("Counted since \\d\\d:\\d\\d:\\d\\d");
    }

    private long[] counts(String id) {
        ServerViewModel.Counter counter = model.requestCounters().stream()
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return new long[] {counter.handledProperty().get(), counter.refusedProperty().get()};
    }

    @Test
    void theTableListsOpenAssociationsAndDropsReleasedOnes() throws Exception {
        open(0);
        model.start();
        fx.runPending();

        ClientAssociation first = connect("MRI_3T");
        first.echo();
        ClientAssociation second = connect("EEG_1");
        second.echo();
        model.refresh();
        ServerViewModel.AssociationRow mri = model.associations().get(0);

        assertThat(model.associations()).extracting(ServerViewModel.AssociationRow::callingAeTitle)
                .containsExactly("MRI_3T", "EEG_1");
        assertThat(mri.remoteAddress()).startsWith("127.0.0.1:");
        assertThat(mri.since()).matches("\\d\\d:\\d\\d:\\d\\d");
        assertThat(mri.openForProperty().get()).matches("0:0\\d");

        second.release();
        model.refresh();

        assertThat(model.associations()).containsExactly(mri);
        first.release();
        model.refresh();
        assertThat(model.associations()).isEmpty();
    }

    @Test
    void aPortInUseIsToldInWordsWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            open(taken.getLocalPort());

            model.start();
            fx.runPending();

            assertThat(model.listeningProperty().get()).isFalse();
            assertThat(model.stateProperty().get()).isEqualTo("Stopped");
            assertThat(model.portProperty().get())
                    .isEqualTo(Integer.toString(taken.getLocalPort()));
            assertThat(model.problemProperty().get())
                    .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .contains("Configuration")
                    .doesNotContain("Exception");
        }

        model.start();
        fx.runPending();

        assertThat(model.listeningProperty().get()).as("the port is free again").isTrue();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void serverAndAssociationEventsRefreshTheScreenWithoutATick() throws Exception {
        open(0);

        lantir.startServer();
        fx.runUntil(() -> model.listeningProperty().get());
        assertThat(model.stateProperty().get()).isEqualTo("Listening");

        try (ClientAssociation a = connect("MRI_3T")) {
            a.echo();
            fx.runUntil(() -> model.associations().size() == 1);
        }
        fx.runUntil(() -> model.associations().isEmpty());

        lantir.stopServer();
        fx.runUntil(() -> !model.listeningProperty().get());
        assertThat(model.stateProperty().get()).isEqualTo("Stopped");
    }

    @Test
    void openForReadsMinutesAndSecondsThenHours() {
        assertThat(ServerViewModel.durationText(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(ServerViewModel.durationText(Duration.ofSeconds(125))).isEqualTo("2:05");
        assertThat(ServerViewModel.durationText(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
