package org.lantir.sync.calpendo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantir.sync.LogCapture;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncState;
import org.lantir.sync.calpendo.CalpendoEmulator.Fault;
import org.lantir.sync.calpendo.CalpendoEmulator.Target;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * Calpendo changes reaching a real worklist (SQLite, the worklist service, the scheduler's
 * runner): cancelled, denied and deleted bookings leave, moved ones update their row, rows
 * MPPS has moved stay exactly as they are, and a run that fails for any outage of the issue's
 * list changes nothing stored.
 */
@Timeout(120)
class CalpendoSyncTest {

    @TempDir
    Path dir;
    private CalpendoEmulator calpendo;
    private CalpendoSync sync;

    @BeforeEach
    void start() throws Exception {
        calpendo = CalpendoEmulator.start();
        sync = CalpendoSync.of(dir, calpendo);
    }

    @AfterEach
    void stop() {
        sync.close();
        calpendo.close();
    }

    @Test
    void theFirstRunAddsTheFourRowsWithMintedIdentifiers() throws Exception {
        SyncOutcome outcome = succeeded(sync.run());

        assertThat(outcome.counts().added()).isEqualTo(4);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(sync.rows()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("48211", "48212", "48215", "48216");
        assertThat(sync.rows()).allSatisfy(row -> {
            assertThat(row.spsId()).isNotBlank();
            assertThat(row.requestedProcedureId()).isNotBlank();
            assertThat(row.studyInstanceUid()).startsWith("2.25.");
        });
        assertThat(sync.row(48211).accessionNumber()).isEqualTo("48211");
    }

    @Test
    void aCancelledOrDeniedBookingRemovesItsScheduledRow() throws Exception {
        succeeded(sync.run());
        calpendo.bookings().setStatus(48211, "Cancelled");
        calpendo.bookings().setStatus(48212, "Denied");

        SyncOutcome outcome = succeeded(sync.run());

        assertThat(outcome.counts().removed()).isEqualTo(2);
        assertThat(sync.row(48211)).isNull();
        assertThat(sync.row(48212)).isNull();
        assertThat(sync.row(48215)).isNotNull();
    }

    @Test
    void aBookingThatMovedUpdatesItsRowAndKeepsItsIdentifiers() throws Exception {
        succeeded(sync.run());
        WorklistItem before = sync.row(48211);
        calpendo.bookings().move(48211, LocalDateTime.of(2026, 3, 9, 13, 15),
                LocalDateTime.of(2026, 3, 9, 14, 0));

        SyncOutcome outcome = succeeded(sync.run());

        WorklistItem after = sync.row(48211);
        assertThat(outcome.counts().updated()).isEqualTo(1);
        assertThat(outcome.counts().added()).isZero();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.scheduledStartDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(after.scheduledStartTime()).isEqualTo(LocalTime.of(13, 15));
        assertThat(after.studyInstanceUid()).isEqualTo(before.studyInstanceUid());
        assertThat(after.spsId()).isEqualTo(before.spsId());
    }

    @Test
    void aBookingMovedOutOfTheWindowOrToAnotherResourceLeaves() throws Exception {
        succeeded(sync.run());
        calpendo.bookings().move(48211, LocalDateTime.of(2026, 4, 1, 9, 0),
                LocalDateTime.of(2026, 4, 1, 10, 0));
        calpendo.bookings().setResource(48215, "7T Research");

        succeeded(sync.run());

        assertThat(sync.row(48211)).isNull();
        assertThat(sync.row(48215)).isNull();
    }

    /** Listed, then 404 on its details: deleted meanwhile. */
    @Test
    void aBookingDeletedUpstreamRemovesItsScheduledRow() throws Exception {
        succeeded(sync.run());
        calpendo.bookings().ghost(48212);
        calpendo.bookings().delete(48215);

        SyncOutcome outcome = succeeded(sync.run());

        assertThat(outcome.counts().removed()).isEqualTo(2);
        assertThat(sync.rows()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("48211", "48216");
    }

    @Test
    void rowsMppsHasMovedAreNeverTouched() throws Exception {
        succeeded(sync.run());
        WorklistItem started = sync.repository.update(sync.row(48211).toBuilder()
                .status(ProcedureStepStatus.IN_PROGRESS).build());
        WorklistItem done = sync.repository.update(sync.row(48215).toBuilder()
                .status(ProcedureStepStatus.COMPLETED).build());
        calpendo.bookings().setStatus(48211, "Cancelled");
        calpendo.bookings().move(48215, LocalDateTime.of(2026, 3, 9, 8, 0),
                LocalDateTime.of(2026, 3, 9, 9, 0));
        calpendo.bookings().setTitle(48215, "SUB9999_Someone_Else");

        succeeded(sync.run());
        calpendo.bookings().delete(48215);
        succeeded(sync.run());

        assertThat(sync.row(48211)).isEqualTo(started);
        assertThat(sync.row(48211).updatedAt()).isEqualTo(started.updatedAt());
        assertThat(sync.row(48215)).isEqualTo(done);
    }

    /** A booking that cannot be mapped this time keeps the row it had. */
    @Test
    void aBookingSkippedLaterKeepsItsStoredRow() throws Exception {
        succeeded(sync.run());
        WorklistItem before = sync.row(48211);
        calpendo.bookings().setTitle(48211, "no subject code here");

        SyncOutcome outcome;
        try (LogCapture log = new LogCapture()) {
            outcome = succeeded(sync.run());

            // One INFO line gives the run's counts, the runner's: no second one disagreeing.
            assertThat(log.messages(Level.INFO)).filteredOn(m -> m.contains(" unchanged"))
                    .singleElement().asString().contains("3 unchanged", "2 skipped");
        }

        assertThat(outcome.skipped()).isEqualTo(2);
        assertThat(outcome.counts().removed()).isZero();
        assertThat(sync.row(48211)).isEqualTo(before);
    }

    /**
     * The fixture's booking that cannot be mapped is met on every run: it is warned about
     * once, and the runs that only meet it again share one history entry.
     */
    @Test
    void aBookingThatStaysUnmappableIsWarnedOnceAndItsRunsShareOneEntry() throws Exception {
        try (LogCapture log = new LogCapture()) {
            for (int run = 0; run < 6; run++) {
                assertThat(succeeded(sync.run()).skipped()).isEqualTo(1);
            }

            assertThat(log.messages(Level.WARN)).filteredOn(m -> m.contains("skipped"))
                    .singleElement().asString().contains("booking ");
            assertThat(log.messages(Level.DEBUG)).filteredOn(m -> m.contains("skipped again"))
                    .hasSize(5);
        }
        List<SyncRunRecord> history = new SyncHistory(sync.eventLog).recent(CalpendoSync.SOURCE,
                10);
        assertThat(history).extracting(SyncRunRecord::runs).containsExactly(5, 1);
        assertThat(history.get(0).skipped()).isEqualTo(1);
    }

    /** A run on the next day no longer lists the day before; its unscanned rows leave. */
    @Test
    void yesterdaysUnscannedRowsLeaveWhenTheWindowMovesOn() throws Exception {
        sync.close();
        sync = CalpendoSync.of(dir, calpendo, ", \"window_mode\": \"today\"", "");
        succeeded(sync.run());
        assertThat(sync.rows()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("48211", "48212", "48215");
        WorklistItem scanned = sync.repository.update(sync.row(48211).toBuilder()
                .status(ProcedureStepStatus.COMPLETED).build());

        sync.clock.advance(Duration.ofDays(1));
        succeeded(sync.run());

        assertThat(sync.rows()).containsExactly(scanned);
    }

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of(Target.LIST, Fault.status(401), "HTTP 401"),
                Arguments.of(Target.LIST, Fault.status(403), "HTTP 403"),
                Arguments.of(Target.LIST, Fault.status(404), "HTTP 404"),
                Arguments.of(Target.LIST, Fault.of(Fault.Kind.RETRY_AFTER), "wait 120 s"),
                Arguments.of(Target.LIST, Fault.status(500), "HTTP 500"),
                Arguments.of(Target.DETAIL, Fault.status(503), "HTTP 503"),
                Arguments.of(Target.DETAIL, Fault.status(429), "HTTP 429"),
                Arguments.of(Target.LIST, Fault.of(Fault.Kind.HTML_PAGE), "not JSON"),
                Arguments.of(Target.DETAIL, Fault.of(Fault.Kind.HTML_PAGE), "not JSON"),
                Arguments.of(Target.LIST, Fault.of(Fault.Kind.MALFORMED_JSON), "malformed"),
                Arguments.of(Target.DETAIL, Fault.of(Fault.Kind.MALFORMED_JSON), "malformed"),
                Arguments.of(Target.LIST, Fault.of(Fault.Kind.TRUNCATED), "closed the "
                        + "connection"),
                Arguments.of(Target.DETAIL, Fault.of(Fault.Kind.TRUNCATED), "closed the "
                        + "connection"),
                Arguments.of(Target.DETAIL, Fault.of(Fault.Kind.EMPTY), "empty body"),
                Arguments.of(Target.LIST, Fault.of(Fault.Kind.WRONG_SHAPE), "biskits"));
    }

    /**
     * After a good run, the bookings change (a cancellation, a move, a deletion) and the next
     * run meets an outage: it fails with a plain reason, and the worklist is exactly as the
     * good run left it.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outages")
    void aRunThatMeetsAnOutageFailsAndChangesNothing(Target target, Fault fault,
            String reason) throws Exception {
        succeeded(sync.run());
        List<WorklistItem> before = sync.rows();
        SyncState good = sync.states.load(CalpendoSync.SOURCE).orElseThrow();
        sync.clock.advance(Duration.ofMinutes(5));
        calpendo.bookings().setStatus(48211, "Cancelled");
        calpendo.bookings().move(48212, LocalDateTime.of(2026, 3, 9, 8, 0),
                LocalDateTime.of(2026, 3, 9, 9, 0));
        calpendo.bookings().ghost(48215);
        calpendo.fault(target, fault);

        SyncOutcome outcome = sync.run();

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
        assertThat(outcome.error()).startsWith("Calpendo " + calpendo.baseUrl())
                .contains(reason);
        assertUnchanged(before);
        SyncState failed = sync.states.load(CalpendoSync.SOURCE).orElseThrow();
        assertThat(failed.lastWindowEnd()).isEqualTo(good.lastWindowEnd());
        assertThat(failed.lastError()).isEqualTo(outcome.error());
        // The run's log line (SyncRunRecord) carries the reason among its window and timing.
        assertThat(sync.events()).extracting(EventRecord::message)
                .anySatisfy(message -> assertThat(message).contains(outcome.error()));
        calpendo.clearFaults();
        succeeded(sync.run());
        assertThat(sync.rows()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("48212", "48216");
    }

    /** A detail that takes minutes: the read timeout fails the run, nothing changes. */
    @Test
    void aDetailThatTakesMinutesFailsTheRunWithinItsTimeout() throws Exception {
        sync.close();
        sync = CalpendoSync.of(dir, calpendo, ", \"read_timeout_seconds\": 1", "");
        succeeded(sync.run());
        List<WorklistItem> before = sync.rows();
        calpendo.bookings().setStatus(48211, "Cancelled");
        calpendo.faultDetail(48216, Fault.slow(Duration.ofMinutes(3)));

        SyncOutcome outcome = sync.run();

        assertThat(outcome.error()).contains("did not send a booking's details within 1 s "
                + "(read timeout)");
        assertThat(outcome.retryable()).isTrue();
        assertUnchanged(before);
    }

    @Test
    void anUnreachableServerFailsTheRunAndChangesNothing() throws Exception {
        succeeded(sync.run());
        List<WorklistItem> before = sync.rows();
        calpendo.close();

        SyncOutcome outcome = sync.run();

        assertThat(outcome.error()).contains("refused the connection");
        assertUnchanged(before);
    }

    /**
     * The site's name stops resolving between two runs. The resolver is the test's: it maps
     * the name to this machine, then finds nothing, so no DNS query leaves the machine.
     */
    @Test
    void aNameThatStopsResolvingFailsTheRunAndChangesNothing() throws Exception {
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
        CalpendoEndpoint endpoint = new CalpendoEndpoint(URI.create("http://calpendo.test:"
                + calpendo.port()), CalpendoEmulator.USERNAME, CalpendoEmulator.PASSWORD,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 4);
        sync.close();
        sync = CalpendoSync.of(dir, new CalpendoSource(CalpendoSync.settings(calpendo),
                new CalpendoClient(endpoint, dns), 4));
        // No connection outlives its answer: every request looks the name up.
        calpendo.keepAlive(false);
        succeeded(sync.run());
        List<WorklistItem> before = sync.rows();
        calpendo.bookings().setStatus(48211, "Cancelled");
        resolves.set(false);

        SyncOutcome outcome = sync.run();

        assertThat(outcome.error()).isEqualTo("Calpendo http://calpendo.test:" + calpendo.port()
                + " could not be found: the host name does not resolve (DNS)");
        assertUnchanged(before);
    }

    @Test
    void thePasswordReachesNoLogLineEventOrSyncState() throws Exception {
        String text;
        try (LogCapture log = new LogCapture()) {
            succeeded(sync.run());
            calpendo.fault(Target.LIST, Fault.status(401));
            sync.run();
            calpendo.fault(Target.LIST, Fault.of(Fault.Kind.HTML_PAGE));
            sync.run();
            text = log.allText();
        }

        assertThat(text).contains("calpendo_3t").doesNotContain(CalpendoEmulator.PASSWORD);
        assertThat(sync.events()).extracting(EventRecord::message)
                .noneMatch(m -> m != null && m.contains(CalpendoEmulator.PASSWORD));
        assertThat(sync.states.load(CalpendoSync.SOURCE).orElseThrow().lastError())
                .contains("not JSON").doesNotContain(CalpendoEmulator.PASSWORD);
    }

    /** Names and titles of the bookings stay out of INFO and WARN lines. */
    @Test
    void patientNamesStayAtDebug() throws Exception {
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            succeeded(sync.run());
            calpendo.bookings().setStatus(48211, "Cancelled");
            succeeded(sync.run());
            lines = log.events().stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                    .map(e -> e.getFormattedMessage()).toList();
        }

        assertThat(lines).isNotEmpty().noneMatch(line -> Stream.of("Okafor", "Maren",
                "Reyes", "Tremblay", "Fairweather", "Phantom", "SUB20", "Achebe")
                .anyMatch(line::contains));
    }

    private void assertUnchanged(List<WorklistItem> before) {
        List<WorklistItem> after = sync.rows();
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
        assertThat(after).extracting(WorklistItem::updatedAt)
                .containsExactlyInAnyOrderElementsOf(before.stream()
                        .map(WorklistItem::updatedAt).toList());
    }

    private static SyncOutcome succeeded(SyncOutcome outcome) {
        assertThat(outcome.succeeded()).as("sync: " + outcome.error()).isTrue();
        return outcome;
    }
}
