package org.lantir.sync.calpendo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.sync.LogCapture;
import org.lantir.sync.SourceException;
import org.lantir.sync.calpendo.CalpendoEmulator.Fault;
import org.lantir.sync.calpendo.CalpendoEmulator.Target;

/**
 * The client against the emulator: what it asks, what it reads, and each outage of the
 * issue's list becoming a plain reason that names the server and never the credentials.
 */
@Timeout(120)
class CalpendoClientTest {

    /** Guards hangs only: where an answer is expected it comes at once from the emulator. */
    private static final Duration PATIENT = Duration.ofSeconds(30);
    private static final CalpendoWindow WINDOW = new CalpendoWindow(
            ZonedDateTime.of(2025, 11, 1, 0, 0, 0, 0, CalpendoEmulator.ZONE),
            ZonedDateTime.of(2026, 3, 10, 0, 0, 0, 0, CalpendoEmulator.ZONE));
    private static final String LIST = CalpendoQuery.bookings(
            List.of("3T Diagnostic", "EEG Lab"), List.of("Approved"), WINDOW);

    private CalpendoEmulator calpendo;
    private CalpendoClient client;

    @BeforeEach
    void start() throws Exception {
        calpendo = CalpendoEmulator.start();
        client = client(calpendo.baseUrl(), CalpendoEmulator.PASSWORD, PATIENT);
    }

    @AfterEach
    void stop() {
        client.close();
        calpendo.close();
    }

    @Test
    void listsTheApprovedBookingsWithTheStatusInsideTheAnd() throws Exception {
        List<CalpendoJson.Listed> listed = client.bookings(LIST);

        assertThat(listed).extracting(CalpendoJson.Listed::id).containsExactly(48211L, 48212L,
                48214L, 48215L, 48216L, 48218L);
        CalpendoEmulator.Request request = calpendo.requests().get(0);
        assertThat(request.pathAndQuery()).isEqualTo("/webdav/q/Calpendo.Booking/AND"
                + "/dateRange.start/GE/20251101-0000/dateRange.start/LT/20260310-0000"
                + "/status/EQ/Approved"
                + "/OR/resource.name/EQ/3T%20Diagnostic/resource.name/EQ/EEG%20Lab");
        assertThat(request.accept()).isEqualTo("application/json");
        assertThat(request.withAuthorization()).isTrue();
    }

    @Test
    void readsDetailsAndTellsADeletedBookingByItsNotFound() throws Exception {
        Optional<JsonNode> detail = client.booking(48211);
        Optional<JsonNode> gone = client.booking(48218);

        assertThat(detail).get().satisfies(d -> assertThat(d.get("title").asText())
                .isEqualTo("SUB2041_Maren_Okafor"));
        assertThat(gone).isEmpty();
        assertThat(calpendo.paths()).containsExactly("/webdav/b/Calpendo.Booking/48211",
                "/webdav/b/Calpendo.Booking/48218");
    }

    @Test
    void readsTheOperatorAndTreatsNullHiddenAndNoneAsNoOperator() throws Exception {
        assertThat(client.operator("MRIScan", "Operator", 48211)).contains("Rowan Achebe");
        assertThat(client.operator("MRIScan", "Operator", 48213)).isEmpty();
        assertThat(client.operator("MRIScan", "Operator", 48214)).isEmpty();
        assertThat(client.operator("MRIScan", "Operator", 48217)).isEmpty();
        assertThat(calpendo.paths().get(0))
                .isEqualTo("/webdav/q/MRIScan/id/eq/48211?paths=Operator.name");
    }

    @Test
    void theOperatorInTheContractsLayoutIsReadToo() throws Exception {
        JsonNode contract = CalpendoBookings.JSON.readTree("{\"biskits\": [{\"id\": 48211, "
                + "\"Operator.name\": {\"formattedName\": \"Rowan Achebe\", \"id\": 201}}]}");

        assertThat(CalpendoJson.operator(contract, "Operator")).contains("Rowan Achebe");
    }

    @Test
    void wrongPasswordIsRefusedWithoutRetryAndNeverQuoted() {
        CalpendoClient refused = client(calpendo.baseUrl(), "not-the-password", PATIENT);

        assertThatThrownBy(() -> refused.bookings(LIST)).isInstanceOf(SourceException.class)
                .hasMessageContaining("Calpendo " + calpendo.baseUrl())
                .hasMessageContaining("refused the username or password (HTTP 401)")
                .hasMessageNotContaining("not-the-password")
                .satisfies(e -> assertThat(retryable(e)).isFalse());
        refused.close();
    }

    @Test
    void forbiddenNotFoundAndBadRequestNeedAPerson() {
        assertFailure(Target.LIST, Fault.status(403), "refused access to the booking list "
                + "(HTTP 403)", false);
        assertFailure(Target.LIST, Fault.status(404), "has no such address for the booking "
                + "list (HTTP 404); check base_url", false);
        assertFailure(Target.LIST, Fault.status(400), "rejected the request for the booking "
                + "list (HTTP 400); check resources and status_filter", false);
    }

    @Test
    void tooManyRequestsSaysHowLongToWait() {
        assertFailure(Target.LIST, Fault.of(Fault.Kind.RETRY_AFTER), "asked Lantir to slow "
                + "down (HTTP 429); it asks to wait 120 s", true);

        // The scheduler waits that long before the next run.
        assertThatThrownBy(() -> client.bookings(LIST)).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void serverErrorsMayClearByThemselves() {
        assertFailure(Target.LIST, Fault.status(500), "answered the booking list with a "
                + "server error (HTTP 500)", true);
        assertFailure(Target.DETAIL, Fault.status(503), "answered a booking's details with a "
                + "server error (HTTP 503)", true);
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAFailureThatQuotesNoBody() {
        assertFailure(Target.LIST, Fault.of(Fault.Kind.HTML_PAGE), "sent the booking list "
                + "that is not JSON (content type text/html; perhaps a login page; body not "
                + "shown)", true);
    }

    @Test
    void brokenTruncatedEmptyOrOddJsonIsAFailure() {
        assertFailure(Target.LIST, Fault.of(Fault.Kind.MALFORMED_JSON), "sent the booking "
                + "list as malformed JSON at line 1, column", true);
        assertFailure(Target.LIST, Fault.of(Fault.Kind.TRUNCATED), "closed the connection "
                + "before the booking list was complete", true);
        assertFailure(Target.DETAIL, Fault.of(Fault.Kind.TRUNCATED), "closed the connection "
                + "before a booking's details was complete", true);
        assertFailure(Target.LIST, Fault.of(Fault.Kind.EMPTY), "sent an empty body for the "
                + "booking list", true);
        assertFailure(Target.LIST, Fault.of(Fault.Kind.WRONG_SHAPE), "sent JSON without the "
                + "'biskits' list for the booking list", true);
    }

    @Test
    void malformedJsonIsNotQuoted() {
        calpendo.fault(Target.DETAIL, Fault.of(Fault.Kind.MALFORMED_JSON));

        assertThatThrownBy(() -> client.booking(48211))
                .hasMessageContaining("body not shown").hasMessageNotContaining("SUB2041");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        calpendo.fault(Target.LIST, Fault.slow(Duration.ofSeconds(20)));
        CalpendoClient impatient = client(calpendo.baseUrl(), CalpendoEmulator.PASSWORD,
                Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.bookings(LIST))
                .hasMessageContaining("did not send the booking list within 300 ms "
                        + "(read timeout)")
                .satisfies(e -> assertThat(retryable(e)).isTrue());
        impatient.close();
    }

    /** Every byte comes within the read timeout, but the answer would take minutes. */
    @Test
    void aServerThatTricklesItsAnswerMeetsTheDeadline() {
        calpendo.fault(Target.LIST, Fault.trickle(Duration.ofMillis(50)));
        CalpendoClient impatient = client(calpendo.baseUrl(), CalpendoEmulator.PASSWORD,
                Duration.ofSeconds(1));
        long started = System.nanoTime();

        // About 900 bytes at 50 ms each would take 45 s; the deadline is 4 read timeouts.
        assertThatThrownBy(() -> impatient.bookings(LIST))
                .hasMessageContaining("did not finish sending the booking list within 4 s")
                .satisfies(e -> assertThat(retryable(e)).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(
                Duration.ofSeconds(15));
        impatient.close();
    }

    @Test
    void aRefusedConnectionIsAnOutage() throws Exception {
        // Bound but not listening: connections are refused, and no other process can start
        // listening there meanwhile.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CalpendoClient nowhere = client(URI.create("http://127.0.0.1:"
                    + holder.getLocalPort()), CalpendoEmulator.PASSWORD, PATIENT);

            assertThatThrownBy(() -> nowhere.bookings(LIST))
                    .hasMessageContaining("refused the connection")
                    .satisfies(e -> assertThat(retryable(e)).isTrue());
            nowhere.close();
        }
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
        CalpendoClient lost = new CalpendoClient(endpoint(
                URI.create("https://calpendo.invalid"), CalpendoEmulator.PASSWORD, PATIENT),
                nothing);

        assertThatThrownBy(() -> lost.bookings(LIST))
                .hasMessageContaining("Calpendo https://calpendo.invalid could not be found: "
                        + "the host name does not resolve (DNS)")
                .satisfies(e -> assertThat(retryable(e)).isTrue());
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
            CalpendoClient tls = client(URI.create("https://127.0.0.1:"
                    + plain.getLocalPort()), CalpendoEmulator.PASSWORD, PATIENT);

            assertThatThrownBy(() -> tls.bookings(LIST))
                    .hasMessageContaining("failed the TLS handshake")
                    .hasMessageNotContaining(CalpendoEmulator.PASSWORD)
                    .satisfies(e -> assertThat(retryable(e)).isFalse());
            tls.close();
            server.get(10, TimeUnit.SECONDS);
        }
    }

    /** Each answer's deadline leaves the timer with it, not minutes later. */
    @Test
    void answeredRequestsLeaveNoDeadlineBehind() throws Exception {
        for (int i = 0; i < 50; i++) {
            client.booking(48211);
        }

        assertThat(client.pendingDeadlines()).isZero();
    }

    @Test
    void closeStopsARequestInFlightPromptly() throws Exception {
        calpendo.fault(Target.LIST, Fault.slow(Duration.ofSeconds(60)));
        CalpendoClient patient = client(calpendo.baseUrl(), CalpendoEmulator.PASSWORD,
                Duration.ofSeconds(60));
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                patient.bookings(LIST);
                return null;
            } catch (SourceException e) {
                return e;
            }
        });
        while (calpendo.requestCount() == 0) {
            Thread.sleep(10);
        }

        patient.close();

        // The guard is far below the emulator's 60 s delay: only a cancelled request ends.
        assertThat(failure.get(20, TimeUnit.SECONDS)).hasMessageContaining("request stopped");
    }

    @Test
    void credentialsAppearInNoMessageAndNoLogLine() throws Exception {
        StringBuilder messages = new StringBuilder();
        String text;
        try (LogCapture log = new LogCapture()) {
            for (Fault.Kind kind : Fault.Kind.values()) {
                for (Target target : Target.values()) {
                    calpendo.clearFaults();
                    calpendo.fault(target, new Fault(kind, 500, Duration.ofMillis(
                            kind == Fault.Kind.SLOW ? 2000 : 20)));
                    messages.append(everyCall(Duration.ofMillis(
                            kind == Fault.Kind.SLOW || kind == Fault.Kind.TRICKLE ? 300 : 5000)));
                }
            }
            CalpendoClient refused = client(calpendo.baseUrl(), "wrong-" + CalpendoEmulator
                    .PASSWORD, PATIENT);
            try {
                refused.bookings(LIST);
            } catch (SourceException e) {
                messages.append(e.getMessage());
            }
            refused.close();
            text = log.allText();
        }

        assertThat(messages.toString()).contains("HTTP 500").contains("read timeout")
                .contains("HTTP 401").doesNotContain(CalpendoEmulator.PASSWORD)
                .doesNotContain(basicCredentials());
        assertThat(text).doesNotContain(CalpendoEmulator.PASSWORD)
                .doesNotContain(basicCredentials());
    }

    @Test
    void theEndpointNeverShowsCredentialsOrUserInformation() {
        CalpendoEndpoint endpoint = endpoint(URI.create("https://user:secret@calpendo.example.org"
                + "/calpendo/?x=1"), "pw", PATIENT);

        assertThat(endpoint.toString()).isEqualTo("Calpendo https://calpendo.example.org"
                + "/calpendo");
        assertThat(endpoint.resolve("/webdav/b/Calpendo.Booking/1").toString())
                .isEqualTo("https://calpendo.example.org/calpendo/webdav/b/Calpendo.Booking/1");
    }

    private String everyCall(Duration readTimeout) {
        StringBuilder messages = new StringBuilder();
        CalpendoClient c = client(calpendo.baseUrl(), CalpendoEmulator.PASSWORD, readTimeout);
        try {
            for (ThrowingCall call : List.<ThrowingCall>of(() -> c.bookings(LIST),
                    () -> c.booking(48211), () -> c.operator("MRIScan", "Operator", 48211))) {
                try {
                    call.run();
                } catch (SourceException e) {
                    messages.append(e.getMessage()).append('\n');
                }
            }
        } finally {
            c.close();
        }
        return messages.toString();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws SourceException;
    }

    private static String basicCredentials() {
        return java.util.Base64.getEncoder().encodeToString((CalpendoEmulator.USERNAME + ":"
                + CalpendoEmulator.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void assertFailure(Target target, Fault fault, String reason, boolean retryable) {
        calpendo.clearFaults();
        calpendo.fault(target, fault);
        ThrowingCall call = target == Target.LIST ? () -> client.bookings(LIST)
                : () -> client.booking(48211);

        assertThatThrownBy(call::run).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("Calpendo " + calpendo.baseUrl())
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(retryable(e)).isEqualTo(retryable));
    }

    private static boolean retryable(Throwable e) {
        return ((SourceException) e).retryable();
    }

    private static CalpendoClient client(URI base, String password, Duration readTimeout) {
        return new CalpendoClient(endpoint(base, password, readTimeout));
    }

    private static CalpendoEndpoint endpoint(URI base, String password, Duration readTimeout) {
        return new CalpendoEndpoint(base, CalpendoEmulator.USERNAME, password, PATIENT,
                readTimeout, 4);
    }
}
