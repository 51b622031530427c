package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class HttpOutageTest {

    private static final HttpOutage.Limits LIMITS = new HttpOutage.Limits("base_url",
            Duration.ofSeconds(10), Duration.ofMillis(1500),
            text -> text.replace("s3cret", "[password]"));

    @Test
    void eachOutageReadsInPlainWords() {
        assertThat(reason(new ConnectTimeoutException("x")))
                .isEqualTo("could not be connected to within 10 s");
        assertThat(reason(new SocketTimeoutException("Read timed out")))
                .isEqualTo("did not send the booking list within 1500 ms (read timeout)");
        assertThat(reason(new UnknownHostException("calpendo.invalid")))
                .isEqualTo("could not be found: the host name does not resolve (DNS)");
        assertThat(reason(new ConnectException("Connection refused")))
                .isEqualTo("refused the connection (is the server up, and base_url right?)");
        assertThat(reason(new ConnectionClosedException("Premature end")))
                .isEqualTo("closed the connection before the booking list was complete");
        assertThat(reason(new NoHttpResponseException("failed to respond")))
                .isEqualTo("closed the connection without sending the booking list");
    }

    @Test
    void libraryTextIsScrubbedAndNamesNoJavaClass() {
        String tls = reason(new SSLHandshakeException("PKIX path building failed"));
        String other = reason(new SocketException("Broken pipe for s3cret"));
        String silent = reason(new IOException());

        assertThat(tls).isEqualTo("failed the TLS handshake: PKIX path building failed");
        assertThat(other).isEqualTo("could not be reached: Broken pipe for [password]");
        assertThat(silent).isEqualTo("could not be reached: no details given");
        assertThat(tls + other + silent).doesNotContain("Exception");
    }

    @Test
    void onlyATlsFailureWaitsForAPerson() {
        assertThat(HttpOutage.mayClear(new SSLHandshakeException("bad certificate"))).isFalse();
        assertThat(HttpOutage.mayClear(new ConnectException("refused"))).isTrue();
    }

    @Test
    void aStopFromThisSideIsNoTimeout() {
        assertThat(HttpOutage.stopped(new InterruptedIOException("cancelled"))).isTrue();
        assertThat(HttpOutage.stopped(new SocketTimeoutException("Read timed out"))).isFalse();
    }

    @Test
    void aCancelledDeadlineLeavesTheQueueAtOnce() {
        ScheduledExecutorService deadlines = HttpOutage.deadlineThread("test-deadlines");
        try {
            ScheduledFuture<?> deadline = deadlines.schedule(() -> { }, 1, TimeUnit.HOURS);

            deadline.cancel(false);

            assertThat(((ScheduledThreadPoolExecutor) deadlines).getQueue()).isEmpty();
        } finally {
            deadlines.shutdownNow();
        }
    }

    private static String reason(IOException e) {
        return HttpOutage.reason(e, "the booking list", LIMITS);
    }
}
