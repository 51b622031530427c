package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.PresentationContextRQ;

/** ARTIM and idle timers driven by hand through an injected {@link TimerService}. */
@Timeout(60)
class InjectedTimersTest {

    private final ManualTimers timers = new ManualTimers();
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private DicomServer server;

    @BeforeEach
    void start() throws Exception {
        server = new DicomServer(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60)),
                readers, workers, timers);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        readers.shutdownNow();
        workers.shutdownNow();
    }

    /** Waits (guarded by the test timeout) until the server has scheduled such a timer. */
    private void awaitTimer(Duration delay) throws InterruptedException {
        while (timers.pending(delay) == 0) {
            Thread.sleep(5);
        }
    }

    @Test
    void artimExpiryBeforeTheRequestClosesTheConnection() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            awaitTimer(Duration.ofSeconds(30));

            timers.advance(Duration.ofSeconds(30));

            assertThat(peer.closedByOtherSide()).isTrue();
        }
    }

    @Test
    void idleTimeoutAbortsThenArtimClosesAPeerThatStays() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.associate(RawPeer.request("MWL_SCP", "MRI_3T", 16384, PresentationContextRQ
                    .of(1, UID.VERIFICATION, UID.IMPLICIT_VR_LITTLE_ENDIAN)));
            awaitTimer(Duration.ofSeconds(60));

            timers.advance(Duration.ofSeconds(59));
            timers.advance(Duration.ofSeconds(1));

            assertThat(peer.read()).isEqualTo(AAbort.byServiceUser());
            assertThat(server.activeAssociations()).isZero();
            timers.advance(Duration.ofSeconds(30));
            assertThat(peer.closedByOtherSide()).isTrue();
        }
    }

    @Test
    void activityPostponesTheIdleAbortToTheTimeoutAfterIt() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.associate(RawPeer.request("MWL_SCP", "MRI_3T", 16384, PresentationContextRQ
                    .of(1, UID.VERIFICATION, UID.IMPLICIT_VR_LITTLE_ENDIAN)));
            awaitTimer(Duration.ofSeconds(60));
            timers.advance(Duration.ofSeconds(59));

            peer.sendMessage(1, echoRequest(), null, 16384);
            assertThat(peer.readMessages(1)).hasSize(1);
            timers.advance(Duration.ofSeconds(1));
            timers.advance(Duration.ofSeconds(58));

            assertThat(server.activeAssociations()).isEqualTo(1);
            // The check at 60 s sees the response sent at 59 s and waits until 119 s. The echo
            // stopped counting as outstanding before its response went out, so the worker's
            // bookkeeping after it cannot postpone the abort, due by 120 s.
            timers.advance(Duration.ofSeconds(2));
            assertThat(peer.read()).isEqualTo(AAbort.byServiceUser());
        }
    }

    private static Dataset echoRequest() {
        Dataset echo = new Dataset();
        echo.setInt(Tag.CommandField, VR.US, Dimse.C_ECHO_RQ);
        echo.setString(Tag.AffectedSOPClassUID, VR.UI, UID.VERIFICATION);
        echo.setInt(Tag.MessageID, VR.US, 1);
        return echo;
    }
}
