package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.pdu.AAssociateRJ;

/**
 * Connections that never send their A-ASSOCIATE-RQ cannot lock real SCUs out: they have an
 * allowance of their own (32 here, with at most 2 associations), and beyond it the oldest is
 * closed.
 */
@Timeout(60)
class IdleConnectionTest {

    /** Well over the 32 connections without an association that the server keeps. */
    private static final int IDLE = 80;

    private final DicomClient client = new DicomClient();
    private final List<Socket> idle = new ArrayList<>();
    private DicomServer server;

    @BeforeEach
    void start() throws Exception {
        server = new DicomServer(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withMaxAssociations(2));
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : idle) {
            socket.close();
        }
        server.stop();
    }

    private void openIdleConnections() throws IOException {
        for (int i = 0; i < IDLE; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            socket.setSoTimeout(10_000);
            idle.add(socket);
        }
    }

    private ClientAssociation associate() throws IOException {
        return client.connect("127.0.0.1", server.port(), "MRI_3T", "MWL_SCP",
                DicomClient.contextsFor(UID.VERIFICATION));
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void realAssociationSucceedsWhileIdleConnectionsFloodTheListener() throws Exception {
        try (LogCapture log = new LogCapture()) {
            openIdleConnections();

            try (ClientAssociation a = associate()) {
                assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
            }

            assertThat(closedByServer(idle.get(0))).isTrue();
            assertThat(log.linesAt(Level.WARN))
                    .anyMatch(line -> line.contains("the oldest of 32 connections without an"
                            + " association"))
                    .noneMatch(line -> line.contains("closed unanswered"));
        }
    }

    @Test
    void requestBeyondTheLimitIsRejectedTransientlyWhileIdleConnectionsAreOpen()
            throws Exception {
        try (ClientAssociation first = associate(); ClientAssociation second = associate()) {
            openIdleConnections();

            assertThatThrownBy(this::associate)
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e ->
                            assertThat(e.rejection()).isEqualTo(new AAssociateRJ(2, 3, 2)));
            assertThat(first.echo().status()).isEqualTo(Status.SUCCESS);
            assertThat(second.echo().status()).isEqualTo(Status.SUCCESS);
        }
    }
}
