package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The write deadline and the held-back writes of {@link Transport}, on a manual clock over a
 * real loopback socket.
 */
@Timeout(60)
class TransportTest {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final ManualTimers timers = new ManualTimers();
    private ServerSocket listener;
    private Socket peer;
    private Socket local;
    private Transport transport;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        peer = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        local = listener.accept();
        transport = new Transport(local, timers, WRITE_TIMEOUT, () -> "TEST#1");
    }

    @AfterEach
    void close() throws IOException {
        transport.close();
        peer.close();
        listener.close();
    }

    @Test
    void aWriteThePeerNeverReadsEndsWithTheConnectionClosed() throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                while (true) {
                    transport.write(chunk, () -> true);
                }
            } catch (IOException expected) {
                // The watchdog closed the connection under the blocked write.
            }
        });

        while (!writer.isDone()) {
            timers.advance(WRITE_TIMEOUT);
            Thread.sleep(20);
        }

        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void writesThatFinishLeaveTheConnectionOpenWhateverTheTime() throws Exception {
        transport.write(new byte[100], () -> true);
        timers.advance(WRITE_TIMEOUT);
        timers.advance(WRITE_TIMEOUT);
        transport.write(new byte[100], () -> true);
        timers.advance(WRITE_TIMEOUT.multipliedBy(3));

        assertThat(transport.isClosed()).isFalse();
        assertThat(peer.getInputStream().readNBytes(200)).hasSize(200);
    }

    @Test
    void aWriteWithMoreToFollowGoesOutWithTheNextWriteInOrder() throws Exception {
        transport.write(new byte[] {1, 2}, () -> true, true);
        assertThat(timers.pending(Transport.LINGER)).isEqualTo(1);

        transport.write(new byte[] {3}, () -> true);

        assertThat(timers.pending(Transport.LINGER)).isZero();
        assertThat(peer.getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
    }

    @Test
    void aWriteWithMoreToFollowGoesOutWhenTheLingerEndsIfNothingFollows() throws Exception {
        transport.write(new byte[] {1, 2}, () -> true, true);
        transport.write(new byte[] {3}, () -> true, true);
        assertThat(timers.pending(Transport.LINGER)).as("one linger for both").isEqualTo(1);

        timers.advance(Transport.LINGER);

        assertThat(peer.getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
    }

    @Test
    void closingStopsTheWatchdog() throws ExecutionException, InterruptedException {
        transport.close();

        assertThat(timers.pending(WRITE_TIMEOUT)).isZero();
    }
}
