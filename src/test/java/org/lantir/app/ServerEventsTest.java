package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigLoader;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.events.LantirEvent.AssociationEvent;
import org.lantir.events.LantirEvent.ServerState;
import org.lantir.sync.EventCollector;

/** The event feed hears of the server starting, stopping and of its associations. */
@Timeout(60)
class ServerEventsTest {

    @TempDir
    Path dir;

    private Lantir open(int port) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"allowed_aet": ["MRI_3T"],
                 "lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1",
                                       "port": %d}}}
                """.formatted(port));
        return Lantir.open(ConfigLoader.load(file), dir.resolve("worklist.db"));
    }

    @Test
    void startAndStopAreToldWithTheBoundPort() throws Exception {
        try (Lantir lantir = open(0)) {
            EventCollector events = new EventCollector();
            lantir.events().subscribe(events);

            lantir.startServer();
            ServerState started = events.next(ServerState.class);
            lantir.stopServer();
            ServerState stopped = events.next(ServerState.class);

            assertThat(started.listening()).isTrue();
            assertThat(started.port()).isPositive();
            assertThat(started.address()).isEqualTo("127.0.0.1");
            assertThat(started.aeTitle()).isEqualTo("MWL_SCP");
            assertThat(stopped.listening()).isFalse();
            assertThat(lantir.serverProblem()).isNull();
        }
    }

    @Test
    void associationsAreToldAcceptedReleasedAbortedAndRejected() throws Exception {
        try (Lantir lantir = open(0)) {
            EventCollector events = new EventCollector();
            lantir.events().subscribe(events);
            lantir.startServer();
            DicomClient client = new DicomClient();
            int port = lantir.dicomServer().port();

            try (ClientAssociation a = client.connect("127.0.0.1", port, "MRI_3T", "MWL_SCP",
                    DicomClient.contextsFor(UID.VERIFICATION))) {
                a.echo();
            }
            ClientAssociation aborted = client.connect("127.0.0.1", port, "MRI_3T",
                    "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION));
            aborted.echo();
            aborted.abort();
            assertThatThrownBy(() -> client.connect("127.0.0.1", port, "STRANGER", "MWL_SCP",
                    DicomClient.contextsFor(UID.VERIFICATION))).isInstanceOf(IOException.class);

            // Each association's events come in order; two associations' may interleave
            // (the first is closed only when the requestor drops the connection).
            Map<String, List<String>> byAssociation = new TreeMap<>();
            for (int i = 0; i < 5; i++) {
                AssociationEvent e = events.next(AssociationEvent.class);
                assertThat(e.calledAeTitle()).isEqualTo("MWL_SCP");
                byAssociation.computeIfAbsent(e.name(), name -> new ArrayList<>())
                        .add(e.callingAeTitle() + " " + e.kind());
            }
            assertThat(byAssociation.values()).containsExactlyInAnyOrder(
                    List.of("MRI_3T ACCEPTED", "MRI_3T RELEASED"),
                    List.of("MRI_3T ACCEPTED", "MRI_3T ABORTED"),
                    List.of("STRANGER REJECTED"));
        }
    }

    @Test
    void aPortInUseIsToldInWordsAndAsNotListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Lantir lantir = open(taken.getLocalPort())) {
            EventCollector events = new EventCollector();
            lantir.events().subscribe(events);

            assertThatThrownBy(lantir::startServer).isInstanceOf(IOException.class);

            assertThat(lantir.serverProblem()).isEqualTo("port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use");
            assertThat(events.next(ServerState.class).listening()).isFalse();
        }
    }
}
