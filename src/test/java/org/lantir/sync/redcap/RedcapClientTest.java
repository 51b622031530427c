package org.lantir.sync.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.sync.LogCapture;
import org.lantir.sync.SourceException;
import org.lantir.sync.redcap.RedcapEmulator.Fault;

@Timeout(120)
class RedcapClientTest {

    private static final ZoneId ZONE = RedcapEmulator.SERVER_ZONE;
    /** Guards hangs only: where an answer is expected it comes at once from the emulator. */
    private static final Duration PATIENT = Duration.ofSeconds(30);

    private RedcapEmulator redcap;
    private RedcapClient client;

    @BeforeEach
    void start() throws Exception {
        redcap = RedcapEmulator.start();
        client = client(redcap.apiUrl(), RedcapEmulator.TOKEN, PATIENT);
    }

    @AfterEach
    void stop() {
        client.close();
        redcap.close();
    }

    @Test
    void exportsTheDataDictionaryInOrder() throws Exception {
        List<MetadataField> fields = client.exportMetadata();

        assertThat(fields).hasSize(15);
        assertThat(fields.get(0)).isEqualTo(new MetadataField("record_id", "demographics",
                "text"));
        assertThat(redcap.requests().get(0).lastValues()).containsEntry("format", "json")
                .containsEntry("returnFormat", "json").containsEntry("content", "metadata");
    }

    @Test
    void exportsRecordsWithIndexedFieldsAndBoundsInTheServersZone() throws Exception {
        var begin = LocalDateTime.of(2025, 3, 9, 8, 0).atZone(ZONE).toInstant();
        var end = LocalDateTime.of(2025, 3, 10, 8, 0).atZone(ZONE).toInstant();

        List<Map<String, String>> rows = client.exportRecords(
                List.of("record_id", "study_id", "mri_date"), begin, end);

        RedcapEmulator.Request request = redcap.requests().get(0);
        assertThat(request.lastValues()).containsEntry("fields[0]", "record_id")
                .containsEntry("fields[1]", "study_id").containsEntry("fields[2]", "mri_date")
                .containsEntry("dateRangeBegin", "2025-03-09 08:00:00")
                .containsEntry("dateRangeEnd", "2025-03-10 08:00:00")
                .containsEntry("token", RedcapEmulator.TOKEN);
        assertThat(rows).extracting(r -> r.get("record_id")).containsOnly("1", "2", "4", "5");
        assertThat(rows.get(1)).containsEntry("redcap_repeat_instance", "1");
    }

    @Test
    void fullExportSendsNoBounds() throws Exception {
        List<Map<String, String>> rows = client.exportRecords(List.of("record_id"), null, null);

        assertThat(rows).hasSize(7);
        assertThat(redcap.requests().get(0).lastValues()).doesNotContainKeys("dateRangeBegin",
                "dateRangeEnd");
    }

    @Test
    void refusedTokenIsNotRetryableAndNeverQuotesTheToken() {
        String wrong = "ABCDEF0123456789ABCDEF0123456789";
        RedcapClient refused = client(redcap.apiUrl(), wrong, PATIENT);

        assertThatThrownBy(refused::exportMetadata).isInstanceOf(SourceException.class)
                .hasMessageContaining("refused the API token (HTTP 403: You do not have "
                        + "permissions to use the API)")
                .hasMessageContaining(redcap.apiUrl().toString())
                .hasMessageNotContaining(wrong)
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isFalse());
        refused.close();
    }

    @Test
    void serverErrorIsRetryableAndQuotesThePageText() {
        redcap.fault(Fault.SERVER_ERROR);

        assertThatThrownBy(client::exportMetadata)
                .hasMessageContaining("a server error (HTTP 500: 500 Internal Server Error")
                .hasMessageNotContaining("<")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
    }

    @Test
    void slowServerTimesOut() {
        redcap.slowDelay(Duration.ofSeconds(20));
        redcap.fault(Fault.SLOW);
        RedcapClient impatient = client(redcap.apiUrl(), RedcapEmulator.TOKEN,
                Duration.ofMillis(300));

        assertThatThrownBy(impatient::exportMetadata)
                .hasMessageContaining("did not send its answer within 300 ms (read timeout)")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
        impatient.close();
    }

    @Test
    void aProxyAskingForItsOwnLoginNeedsAPerson() {
        redcap.fault(Fault.UNAUTHORIZED);

        assertThatThrownBy(client::exportMetadata)
                .hasMessageContaining("refused the API token (HTTP 401: 401 Authorization "
                        + "Required)")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isFalse());
    }

    @Test
    void aRateLimitSaysHowLongItAsksToWait() {
        redcap.fault(Fault.TOO_MANY_REQUESTS);

        assertThatThrownBy(client::exportMetadata).isInstanceOf(SourceException.class)
                .hasMessageContaining("asked Lantir to slow down (HTTP 429: Too Many Requests)"
                        + "; it asks to wait 120 s")
                .satisfies(e -> {
                    assertThat(((SourceException) e).retryable()).isTrue();
                    assertThat(((SourceException) e).retryAfter())
                            .isEqualTo(Duration.ofSeconds(120));
                });
    }

    @Test
    void maintenanceSaysWhenItEnds() {
        redcap.fault(Fault.UNAVAILABLE);

        assertThatThrownBy(client::exportMetadata).isInstanceOf(SourceException.class)
                .hasMessageContaining("a server error (HTTP 503: Service Unavailable Down for "
                        + "maintenance.); it asks to wait 300 s")
                .satisfies(e -> assertThat(((SourceException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(300)));
    }

    @Test
    void anAnswerCutShortIsAFailure() {
        redcap.fault(Fault.TRUNCATED);

        assertThatThrownBy(() -> client.exportRecords(List.of("record_id"), null, null))
                .hasMessageContaining("closed the connection before its answer was complete")
                .hasMessageNotContaining("cpip")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
    }

    /** Every byte comes within the read timeout, but the answer would take minutes. */
    @Test
    void aServerThatTricklesItsAnswerMeetsTheDeadline() {
        redcap.trickleDelay(Duration.ofMillis(50));
        redcap.fault(Fault.TRICKLE);
        RedcapClient impatient = client(redcap.apiUrl(), RedcapEmulator.TOKEN,
                Duration.ofSeconds(1));
        long started = System.nanoTime();

        // The dictionary's thousands of bytes at 50 ms each would take minutes; the
        // deadline is four read timeouts.
        assertThatThrownBy(impatient::exportMetadata)
                .hasMessageContaining("did not finish answering content=metadata within 4 s")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofSeconds(15));
        impatient.close();
    }

    /** A resolver that finds nothing: the test sends no DNS query anywhere. */
    @Test
    void aHostNameThatDoesNotResolveIsAnOutage() {
        DnsResolver nothing = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                throw new UnknownHostException(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                throw new UnknownHostException(host);
            }
        };
        RedcapClient lost = new RedcapClient(new RedcapEndpoint(
                URI.create("https://redcap.invalid/api/"), RedcapEmulator.TOKEN, ZONE, PATIENT,
                PATIENT), nothing);

        assertThatThrownBy(lost::exportMetadata)
                .hasMessageContaining("REDCap https://redcap.invalid/api/ could not be found: "
                        + "the host name does not resolve (DNS)")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
        lost.close();
    }

    /** TLS spoken to a server that answers in plain HTTP: the handshake fails. */
    @Test
    void aFailedTlsHandshakeNeedsAPerson() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket peer = plain.accept()) {
                    peer.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    peer.getOutputStream().flush();
                    peer.getInputStream().read();
                } catch (IOException e) {
                    // The client hung up: the handshake is over.
                }
            });
            RedcapClient tls = client(URI.create("https://127.0.0.1:" + plain.getLocalPort()
                    + "/api/"), RedcapEmulator.TOKEN, PATIENT);

            assertThatThrownBy(tls::exportMetadata)
                    .hasMessageContaining("failed the TLS handshake")
                    .hasMessageNotContaining(RedcapEmulator.TOKEN)
                    .satisfies(e -> assertThat(((SourceException) e).retryable()).isFalse());
            tls.close();
            server.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void malformedJsonIsReportedWithoutTheBody() {
        redcap.fault(Fault.MALFORMED_JSON);

        assertThatThrownBy(() -> client.exportRecords(List.of("record_id"), null, null))
                .hasMessageContaining("sent malformed JSON at line 1, column")
                .hasMessageContaining("body not shown")
                .hasMessageNotContaining("CP");
    }

    @Test
    void errorTextWithStatus200IsAFailure() {
        redcap.fault(Fault.ERROR_TEXT);

        assertThatThrownBy(client::exportMetadata)
                .hasMessageContaining("not JSON: ERROR: REDCap ran out of server memory");
    }

    @Test
    void wrongPathIsANotFoundFailure() {
        RedcapClient lost = client(redcap.apiUrl().resolve("/redcap/"), RedcapEmulator.TOKEN,
                PATIENT);

        assertThatThrownBy(lost::exportMetadata).hasMessageContaining("(HTTP 404: 404 Not Found")
                .hasMessageEndingWith("; is the API URL right?")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isFalse());
        lost.close();
    }

    @Test
    void unreachableServerIsRetryable() throws Exception {
        // Bound but not listening: connections are refused, and no other process (another
        // test run on this machine) can start listening there meanwhile.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            RedcapClient nowhere = client(URI.create("http://127.0.0.1:"
                    + holder.getLocalPort() + "/api/"), RedcapEmulator.TOKEN, PATIENT);

            assertThatThrownBy(nowhere::exportMetadata)
                    .hasMessageContaining("refused the connection")
                    .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
            nowhere.close();
        }
    }

    @Test
    void objectWithErrorInsteadOfAListIsAFailure() {
        assertThatThrownBy(() -> client.exportRecords(List.of("nope"), null, null))
                .hasMessageContaining("HTTP 400: The following values in the parameter "
                        + "\"fields\" are not valid: 'nope'");
    }

    /** Each answer's deadline leaves the timer with it, not minutes later. */
    @Test
    void answeredRequestsLeaveNoDeadlineBehind() throws Exception {
        for (int i = 0; i < 50; i++) {
            client.exportMetadata();
        }

        assertThat(client.pendingDeadlines()).isZero();
    }

    @Test
    void readsTheVersionAsText() throws Exception {
        assertThat(client.exportVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void closeStopsARequestInFlightPromptly() throws Exception {
        redcap.slowDelay(Duration.ofSeconds(60));
        redcap.fault(Fault.SLOW);
        RedcapClient patient = client(redcap.apiUrl(), RedcapEmulator.TOKEN,
                Duration.ofSeconds(60));
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                patient.exportMetadata();
                return null;
            } catch (SourceException e) {
                return e;
            }
        });
        while (redcap.requestCount() == 0) {
            Thread.sleep(10);
        }

        patient.close();

        // The guard is far below the emulator's 60 s delay: only a cancelled request ends.
        assertThat(failure.get(20, TimeUnit.SECONDS)).hasMessageContaining("request stopped");
    }

    @Test
    void tokenAppearsInNoMessageAndNoLogLine() throws Exception {
        String text;
        StringBuilder messages = new StringBuilder();
        try (LogCapture log = new LogCapture()) {
            for (Fault fault : Fault.values()) {
                redcap.fault(fault);
                redcap.slowDelay(Duration.ofSeconds(5));
                // Only the slow server is to time out; every other fault must be answered.
                RedcapClient c = client(redcap.apiUrl(), RedcapEmulator.TOKEN,
                        fault == Fault.SLOW || fault == Fault.TRICKLE ? Duration.ofMillis(500)
                                : PATIENT);
                try {
                    c.exportRecords(List.of("record_id", "study_id"), null, null);
                } catch (SourceException e) {
                    messages.append(e.getMessage()).append('\n');
                } finally {
                    c.close();
                }
            }
            text = log.allText();
        }

        assertThat(messages.toString()).contains("HTTP 500").contains("read timeout");
        assertThat(messages.toString()).doesNotContain(RedcapEmulator.TOKEN);
        assertThat(text).doesNotContain(RedcapEmulator.TOKEN);
    }

    @Test
    void redactionRemovesAnEchoedToken() {
        String echoed = "<p>Bad token " + RedcapEmulator.TOKEN.toLowerCase() + "</p>";

        assertThat(Redaction.clean(echoed, RedcapEmulator.TOKEN)).isEqualTo("Bad token [token]");
    }

    @Test
    void endpointNeverShowsTheTokenOrUserInformation() {
        RedcapEndpoint endpoint = new RedcapEndpoint(
                URI.create("https://user:secret@redcap.example.org/api/?x=1"), "T0K3N", ZONE,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(endpoint.toString()).isEqualTo("REDCap https://redcap.example.org/api/");
    }

    private static RedcapClient client(URI url, String token, Duration readTimeout) {
        return new RedcapClient(new RedcapEndpoint(url, token, ZONE, PATIENT, readTimeout));
    }
}
