package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.sps;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.scp.MwlScpSettings;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.RandomWorklist;
import org.lantir.testing.ScpHarness;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistSettings;

/**
 * The SQLite store under the worklist service answers a C-FIND exactly as the in-memory fake
 * does: the case log's W-table with the case queries, and a generated worklist with generated
 * queries, compared response by response through {@code ModalityWorklistScp.onRequest}.
 * And C22 with the real store: a C-FIND is answered in full while another thread holds the
 * write transaction.
 */
class SqliteMwlEquivalenceTest {

    @TempDir
    Path dir;

    private final TestLantir memory = new TestLantir();
    private Database db;
    private ScpHarness sqlite;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("worklist.db"), ScpHarness.CLOCK);
        sqlite = ScpHarness.onSqlite(db);
    }

    @AfterEach
    void close() {
        sqlite.drainEvents();
        db.close();
    }

    /** The keys of the case inputs C01-C15 and C22 (null: absent, "": a return key). */
    static Stream<Named<Dataset>> caseQueries() {
        return Stream.of(
                Named.of("C01 DOE^J*", query("DOE^J*", "", "", "", "", "", null)),
                Named.of("C01 *DOE*", query("*DOE*", "", "", "", "", "", null)),
                Named.of("C01 DOE^JO?N", query("DOE^JO?N", "", "", "", "", "", null)),
                Named.of("C02 doe^jane", query("doe^jane", "", "", "", "", "", null)),
                Named.of("C02 mr", query("", "", "mr", "", "", "", null)),
                Named.of("C03 DOE* on a day", query("DOE*", "", "MR", "", "20250212", "", null)),
                Named.of("C04 range", query("", "", "MR", "", "20250212-20250213", "", null)),
                Named.of("C04 open start", query("", "", "MR", "", "-20250212", "", null)),
                Named.of("C04 open end", query("", "", "MR", "", "20250213-", "", null)),
                Named.of("C04 combined", query("", "", "MR", "", "20250212-20250213",
                        "1000-0830", null)),
                Named.of("C04 day and times", query("", "", "MR", "", "20250212", "0800-1000",
                        null)),
                Named.of("C04 reversed", query("", "", "MR", "", "20250212", "1000-0830",
                        null)),
                Named.of("C04 hour", query("", "", "MR", "", "20250212", "10", null)),
                Named.of("C06 ISO date", query("", "", "", "", "2025-02-12", "", null)),
                Named.of("C07 day", query("", "", "MR", "", "20250212", "", null)),
                Named.of("C09 universal", query("", "", "", "", "", "", null)),
                Named.of("C12 patient ID", query("", "1003", "", "", "", "", null)),
                Named.of("C14 own AE", query("", "", "", "MRI_3T", "20250212", "", null)),
                Named.of("C14 AE wild card", query("", "", "", "MRI*", "", "", null)),
                Named.of("C15 MR or CT", query("", "", "MR\\CT", "", "", "", null)),
                Named.of("C15 US", query("", "", "US", "", "", "", null)),
                Named.of("C22 STARTED", query("", "", "", "", "", "", "STARTED")),
                Named.of("C22 COMPLETED", query("", "", "", "", "", "", "COMPLETED")));
    }

    @ParameterizedTest
    @MethodSource("caseQueries")
    void caseQueryOnTheWTableGetsTheSameAnswerFromTheSqliteStore(Dataset query) {
        storeInBoth(WorklistRows.wTable());
        storeInBoth(WorklistRows.row("DOE^JILL", "1007", "MR", "MRI_3T", "20250212", "140000")
                .toBuilder().status(ProcedureStepStatus.IN_PROGRESS).build());
        storeInBoth(WorklistRows.row("DOE^JOAN", "1008", "MR", "MRI_3T", "20250212", "150000")
                .toBuilder().status(ProcedureStepStatus.COMPLETED).build());
        storeInBoth(WorklistRows.row("BLANK^STATION", "1010", "MR", null, "20250212",
                "130000"));

        assertSameAnswer(memory.cFind(query), sqlite.cFind(query));
    }

    /** Rows without a station (a fifth of them) under either policy: the answers agree. */
    @ParameterizedTest
    @EnumSource(UnassignedStation.class)
    void generatedQueriesOnAGeneratedWorklistGetTheSameAnswers(UnassignedStation policy) {
        WorklistSettings settings = WorklistSettings.defaults().withUnassignedStation(policy);
        memory.configure(settings, MwlScpSettings.defaults());
        sqlite.configure(settings, MwlScpSettings.defaults());
        RandomWorklist generated = new RandomWorklist(20250213);
        for (int i = 0; i < 500; i++) {
            storeInBoth(generated.row(i));
        }
        int answered = 0;
        for (int q = 0; q < 300; q++) {
            Dataset query = generated.query();

            DimseResponses expected = memory.cFind(query);
            assertSameAnswer(expected, sqlite.cFind(query));
            answered += expected.identifiers().isEmpty() ? 0 : 1;
        }
        assertThat(answered).as("queries with at least one match").isGreaterThan(100);
    }

    /**
     * C22 with the real store: the C-FIND runs on its own thread while a writer sits inside
     * {@link Database#inTransaction} with uncommitted changes; it must be answered in full,
     * from the committed rows, before the writer lets go. The waits only guard against a
     * hang: a read that waited for the writer would never return before the release.
     */
    @Test
    void cFindIsAnsweredInFullWhileAnotherThreadHoldsTheWriteTransaction() throws Exception {
        WorklistItem w1 = sqlite.store(WorklistRows.wTable()).get(0);
        SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = threads.submit(() -> db.inTransaction(c -> {
                repository.insert(WorklistRows.row("WRITER^UNCOMMITTED", "9999", "MR",
                        "MRI_3T", "20250212", "120000"));
                repository.update(w1.toBuilder().status(ProcedureStepStatus.COMPLETED)
                        .build());
                holding.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("writer started").isTrue();

            Future<DimseResponses> find = threads.submit(() -> sqlite.cFind(
                    query("", "", "", "", "", "", null)));
            DimseResponses answer = find.get(30, TimeUnit.SECONDS);

            assertThat(writer.isDone()).as("writer still inside its transaction").isFalse();
            assertThat(answer.status()).isEqualTo(Status.SUCCESS);
            assertThat(answer.values(Tag.PatientID))
                    .containsExactly("1004", "1001", "1002", "1006", "1003", "1005");
            release.countDown();
            writer.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(sqlite.cFind(query("", "", "", "", "", "", null)).values(Tag.PatientID))
                .contains("9999").doesNotContain("1001");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void storeInBoth(WorklistItem... rows) {
        memory.store(rows);
        sqlite.store(rows);
    }

    private static void assertSameAnswer(DimseResponses expected, DimseResponses actual) {
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.pendingStatuses()).isEqualTo(expected.pendingStatuses());
        assertThat(actual.values(Tag.PatientID)).isEqualTo(expected.values(Tag.PatientID));
        assertThat(actual.identifiers()).isEqualTo(expected.identifiers());
        assertThat(actual.offendingElements()).isEqualTo(expected.offendingElements());
        assertThat(actual.errorComment()).isEqualTo(expected.errorComment());
    }

    /**
     * An identifier asking for the usual return keys; each argument is a key value, "" for a
     * return key only, null to leave the attribute out.
     */
    private static Dataset query(String name, String patientId, String modality,
            String station, String date, String time, String status) {
        Dataset q = new Dataset();
        empty(q, Tag.AccessionNumber, Tag.PatientBirthDate, Tag.StudyInstanceUID,
                Tag.RequestedProcedureID, Tag.PatientWeight);
        put(q, Tag.PatientName, name);
        put(q, Tag.PatientID, patientId);
        Dataset step = sps(q);
        empty(step, Tag.ScheduledProcedureStepID, Tag.ScheduledProcedureStepDescription);
        put(step, Tag.Modality, modality);
        put(step, Tag.ScheduledStationAETitle, station);
        put(step, Tag.ScheduledProcedureStepStartDate, date);
        put(step, Tag.ScheduledProcedureStepStartTime, time);
        put(step, Tag.ScheduledProcedureStepStatus, status);
        return q;
    }

    private static void put(Dataset ds, int tag, String value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            empty(ds, tag);
        } else {
            ds.setString(tag, value);
        }
    }
}
