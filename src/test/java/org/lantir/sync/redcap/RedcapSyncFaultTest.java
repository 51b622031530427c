package org.lantir.sync.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncState;
import org.lantir.sync.redcap.RedcapEmulator.Fault;
import org.lantir.worklist.WorklistItem;

/**
 * Issue #4, "trustworthy under faults", for REDCap: after a good run the project changes and
 * the next run meets an outage of the list. Each run fails with a plain reason, the
 * database is exactly as the good run left it (rows, their update times, the sync window),
 * the event log says why, and the run after the outage brings the change the outage held up.
 */
@Timeout(120)
class RedcapSyncFaultTest {

    @TempDir
    Path dir;
    private RedcapEmulator redcap;
    private RedcapSync sync;

    @BeforeEach
    void start() throws Exception {
        redcap = RedcapEmulator.start();
        sync = RedcapSync.of(dir, RedcapSync.source(redcap.apiUrl()));
    }

    @AfterEach
    void stop() {
        sync.close();
        redcap.close();
    }

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of(Fault.SERVER_ERROR, "record", "a server error (HTTP 500", null),
                Arguments.of(Fault.UNAVAILABLE, "record", "(HTTP 503: Service Unavailable",
                        Duration.ofSeconds(300)),
                Arguments.of(Fault.TOO_MANY_REQUESTS, "metadata", "asked Lantir to slow down "
                        + "(HTTP 429", Duration.ofSeconds(120)),
                Arguments.of(Fault.UNAUTHORIZED, null, "refused the API token (HTTP 401",
                        null),
                Arguments.of(Fault.NOT_FOUND, null, "(HTTP 404: 404 Not Found", null),
                Arguments.of(Fault.MALFORMED_JSON, "record", "sent malformed JSON", null),
                Arguments.of(Fault.ERROR_TEXT, "record", "sent a body that is not JSON: "
                        + "ERROR: REDCap ran out of server memory", null),
                Arguments.of(Fault.TRUNCATED, "record", "closed the connection before its "
                        + "answer was complete", null));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("outages")
    void aRunThatMeetsAnOutageFailsAndChangesNothing(Fault fault, String content,
            String reason, Duration retryAfter) throws Exception {
        Baseline good = goodRunThenAChangeUpstream();
        redcap.fault(fault, content);

        SyncOutcome outcome = nextRun();

        assertFailedAndUnchanged(outcome, good, reason);
        assertThat(outcome.retryAfter()).isEqualTo(retryAfter);
        redcap.fault(Fault.NONE);
        assertTheChangeArrives();
    }

    @Test
    void aRefusedTokenChangesNothing() throws Exception {
        Baseline good = goodRunThenAChangeUpstream();

        SyncOutcome outcome = restartWith(RedcapSync.source(redcap.apiUrl(),
                RedcapEmulator.NO_EXPORT_TOKEN, RedcapSync.PATIENT,
                SystemDefaultDnsResolver.INSTANCE));

        assertFailedAndUnchanged(outcome, good, "refused the API token (HTTP 403: You do not "
                + "have API Export privileges)");
        assertThat(outcome.retryable()).isFalse();
    }

    /** The export takes minutes: the read timeout fails the run. */
    @Test
    void anAnswerThatTakesMinutesFailsTheRunWithinItsTimeout() throws Exception {
        Baseline good = goodRunThenAChangeUpstream();
        redcap.slowDelay(Duration.ofMinutes(3));
        redcap.fault(Fault.SLOW, "record");

        SyncOutcome outcome = restartWith(RedcapSync.source(redcap.apiUrl(),
                RedcapEmulator.TOKEN, Duration.ofSeconds(1), SystemDefaultDnsResolver.INSTANCE));

        assertFailedAndUnchanged(outcome, good,
                "did not send its answer within 1 s (read timeout)");
        assertThat(outcome.retryable()).isTrue();
    }

    /** Every byte comes within the read timeout; the whole answer would take minutes. */
    @Test
    void anAnswerTrickledOverMinutesMeetsItsDeadline() throws Exception {
        Baseline good = goodRunThenAChangeUpstream();
        redcap.trickleDelay(Duration.ofMillis(100));
        redcap.fault(Fault.TRICKLE, "record");

        SyncOutcome outcome = restartWith(RedcapSync.source(redcap.apiUrl(),
                RedcapEmulator.TOKEN, Duration.ofSeconds(1), SystemDefaultDnsResolver.INSTANCE));

        assertFailedAndUnchanged(outcome, good, "did not finish answering content=record "
                + "within 4 s");
    }

    @Test
    void aRefusedConnectionChangesNothing() throws Exception {
        Baseline good = goodRunThenAChangeUpstream();
        // Bound but not listening: connections are refused, and no other process can start
        // listening there meanwhile.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            SyncOutcome outcome = restartWith(RedcapSync.source(URI.create("http://127.0.0.1:"
                    + holder.getLocalPort() + "/api/")));

            assertFailedAndUnchanged(outcome, good, "refused the connection");
            assertThat(outcome.retryable()).isTrue();
        }
    }

    /**
     * The server's name stops resolving between two runs. The resolver is the test's: it maps
     * the name to this machine, then finds nothing, so no DNS query leaves the machine.
     */
    @Test
    void aNameThatStopsResolvingChangesNothing() throws Exception {
        AtomicBoolean resolves = new AtomicBoolean(true);
        DnsResolver dns = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (!resolves.get()) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        URI named = URI.create("http://redcap.test:" + redcap.apiUrl().getPort() + "/api/");
        sync.close();
        sync = RedcapSync.of(dir, RedcapSync.source(named, RedcapEmulator.TOKEN,
                RedcapSync.PATIENT, dns));
        Baseline good = goodRunThenAChangeUpstream();
        resolves.set(false);
        // Idle connections would spare the next run its look-up.
        SyncOutcome outcome = restartWith(RedcapSync.source(named, RedcapEmulator.TOKEN,
                RedcapSync.PATIENT, dns));

        assertFailedAndUnchanged(outcome, good, "REDCap http://redcap.test:"
                + redcap.apiUrl().getPort() + "/api/ could not be found: the host name does "
                + "not resolve (DNS)");
    }

    /** TLS spoken to a server that answers in plain HTTP: the handshake fails. */
    @Test
    void aFailedTlsHandshakeChangesNothingAndNeedsAPerson() throws Exception {
        Baseline good = goodRunThenAChangeUpstream();
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

            SyncOutcome outcome = restartWith(RedcapSync.source(URI.create("https://127.0.0.1:"
                    + plain.getLocalPort() + "/api/")));

            assertFailedAndUnchanged(outcome, good, "failed the TLS handshake");
            assertThat(outcome.retryable()).isFalse();
            server.get(10, TimeUnit.SECONDS);
        }
    }

    /** The very first run fails: nothing is stored and the next run is still a full export. */
    @Test
    void aFirstRunThatFailsLeavesNoWindowBehind() throws Exception {
        redcap.fault(Fault.TRUNCATED, "record");

        SyncOutcome outcome = sync.run();

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
        assertThat(sync.rows()).isEmpty();
        assertThat(sync.state().lastWindowEnd()).isNull();
        redcap.fault(Fault.NONE);
        SyncOutcome retry = sync.run();
        assertThat(retry.window().full()).isTrue();
        assertThat(sync.rows()).hasSize(4);
    }

    /** What the good run left behind. */
    private record Baseline(List<WorklistItem> rows, SyncState state) {
    }

    /**
     * A full export stores the fixture's four rows; then record 1's scan moves to 10:00 and
     * the clock moves on, so that the next run has a change to bring.
     */
    private Baseline goodRunThenAChangeUpstream() throws Exception {
        SyncOutcome first = sync.run();
        assertThat(first.succeeded()).as(first.error()).isTrue();
        assertThat(sync.rows()).hasSize(4);
        Baseline good = new Baseline(sync.rows(), sync.state());
        sync.clock.advance(Duration.ofMinutes(2));
        redcap.project().setValue("1", 1, "mri_time", "10:00", sync.clock.localNow());
        sync.clock.advance(Duration.ofMinutes(3));
        return good;
    }

    private SyncOutcome nextRun() throws Exception {
        return sync.run();
    }

    /** Lantir restarted with another source of the same name, on the same database. */
    private SyncOutcome restartWith(RedcapSource source) throws Exception {
        sync.close();
        sync = RedcapSync.of(dir, source, sync.clock);
        return sync.run();
    }

    private void assertFailedAndUnchanged(SyncOutcome outcome, Baseline good, String reason) {
        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
        assertThat(outcome.error()).startsWith("REDCap ").contains(reason);

        List<WorklistItem> after = sync.rows();
        assertThat(after).containsExactlyInAnyOrderElementsOf(good.rows());
        assertThat(after).extracting(WorklistItem::updatedAt)
                .containsExactlyInAnyOrderElementsOf(good.rows().stream()
                        .map(WorklistItem::updatedAt).toList());
        SyncState state = sync.state();
        assertThat(state.lastWindowEnd()).isEqualTo(good.state().lastWindowEnd());
        assertThat(state.lastFullSync()).isEqualTo(good.state().lastFullSync());
        assertThat(state.lastError()).isEqualTo(outcome.error());
        SyncRunRecord logged = sync.history().last(RedcapSync.SOURCE).orElseThrow();
        assertThat(logged.succeeded()).isFalse();
        assertThat(logged.error()).isEqualTo(outcome.error());
    }

    private void assertTheChangeArrives() throws Exception {
        sync.clock.advance(Duration.ofMinutes(5));
        SyncOutcome recovered = sync.run();

        assertThat(recovered.succeeded()).as(recovered.error()).isTrue();
        assertThat(recovered.counts().updated()).isEqualTo(1);
        assertThat(sync.row("1:1").scheduledStartTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(sync.state().lastError()).isNull();
    }
}
