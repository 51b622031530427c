package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantir.store.PylantirFiles.NEW_INSERT;
import static org.lantir.store.PylantirFiles.NEW_LAYOUT;
import static org.lantir.store.PylantirFiles.execute;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.Identifiers;
import org.lantir.testing.ScpHarness;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.lantir.worklist.WorklistRepository;
import org.slf4j.LoggerFactory;

/**
 * The first sync after an upgrade from the Python tool, on the SQLite store: the rows imported
 * from its file are adopted by the REDCap source's rows for the same sessions (the fixture's
 * records 1 and 2, fictional) instead of being replaced or doubled.
 */
class PylantirAdoptionTest {

    private static final String SOURCE = "cpip_redcap";
    private static final LocalDate MARCH_10 = LocalDate.of(2025, 3, 10);
    private static final LocalDate MARCH_11 = LocalDate.of(2025, 3, 11);
    private static final LocalDate JANUARY_20 = LocalDate.of(2025, 1, 20);

    /** Record 1 scheduled; record 2's second session started, its first one finished. */
    private static final String TOOL_ROWS = NEW_INSERT
            + "(11, '2.25.1101', 'cpip-id-1001^fa-0501', 'sub_1001_ses_1_fam_0501_site_792', "
            + "'20140101', 'F', '70', 'ACC11', NULL, 'MR', 'CPIP', 'MRI_3T', '2025-03-10', "
            + "'09:30', NULL, NULL, 'BRAIN_MRI_3T', NULL, NULL, 'SCHEDULED', 'cpip_redcap'), "
            + "(12, '2.25.1202', 'cpip-id-1002^fa-0502', 'sub_1002_ses_2_fam_0502_site_792', "
            + "'20130101', 'M', NULL, 'ACC12', NULL, 'MR', 'CPIP', 'MRI_3T', '2025-03-11', "
            + "'10:15', NULL, NULL, 'BRAIN_MRI_3T', NULL, NULL, 'IN_PROGRESS', 'cpip_redcap'), "
            + "(13, '2.25.1201', 'cpip-id-1002^fa-0502', 'sub_1002_ses_1_fam_0502_site_792', "
            + "'20130101', 'M', NULL, NULL, NULL, 'MR', 'CPIP', 'MRI_3T', '2025-01-20', "
            + "'14:00', NULL, NULL, 'BRAIN_MRI_3T', NULL, NULL, 'COMPLETED', NULL)";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2025-03-10T06:00:00Z");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger lantirLogger = (Logger) LoggerFactory.getLogger("org.lantir");
    private Database db;
    private ScpHarness lantir;

    @BeforeEach
    void captureLog() {
        log.start();
        lantirLogger.addAppender(log);
    }

    @AfterEach
    void close() {
        lantirLogger.detachAppender(log);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theFirstFullSyncAdoptsEveryImportedSessionAndCountsThemUpdated() throws SQLException {
        openImported(TOOL_ROWS);

        SyncCounts counts = syncFixture();

        assertThat(counts).isEqualTo(new SyncCounts(0, 3, 0, 0));
        assertThat(rows()).hasSize(3).extracting(WorklistItem::dataSource)
                .containsOnly(SOURCE);
    }

    @Test
    void aScheduledImportedRowKeepsItsIdentifiersAndTakesTheSourcesContent()
            throws SQLException {
        openImported(TOOL_ROWS);
        WorklistItem imported = bySession("sub_1001_ses_1_fam_0501_site_792");

        syncFixture();

        WorklistItem adopted = row(imported.id());
        assertThat(adopted.sourceKey()).isEqualTo("1:1");
        assertThat(adopted.status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
        assertThat(adopted.studyInstanceUid()).isEqualTo("2.25.1101");
        assertThat(adopted.spsId()).isEqualTo(imported.spsId()).isNotBlank();
        assertThat(adopted.requestedProcedureId()).isEqualTo(imported.requestedProcedureId())
                .isNotBlank();
        assertThat(adopted.accessionNumber()).isEqualTo("ACC11");
        assertThat(adopted.referringPhysicianName()).isEqualTo("Sharma^Anita");
        assertThat(adopted.patientWeightKg()).isEqualByComparingTo("32.3");
        assertThat(adopted.requestedProcedureDescription()).isEqualTo("BRAIN_MRI_3T");
        assertThat(adopted.createdAt()).isEqualTo(imported.createdAt());
    }

    @Test
    void anInProgressImportedRowIsAdoptedUnchangedAndNoSecondRowAppears()
            throws SQLException {
        openImported(TOOL_ROWS);
        WorklistItem imported = bySession("sub_1002_ses_2_fam_0502_site_792");

        syncFixture();

        WorklistItem adopted = row(imported.id());
        assertThat(adopted.sourceKey()).isEqualTo("2:2");
        assertThat(adopted.dataSource()).isEqualTo(SOURCE);
        assertThat(adopted.status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(adopted.toBuilder().sourceKey(imported.sourceKey()).build())
                .as("content and status as MPPS left them").isEqualTo(imported);
        assertThat(adopted.referringPhysicianName()).isNull();
        assertThat(rows()).filteredOn(row -> row.patientId().contains("_ses_2_"))
                .singleElement().isEqualTo(adopted);
    }

    @Test
    void aFinishedRowTheToolRecordedNoSourceForIsAdoptedByTheSync() throws SQLException {
        openImported(TOOL_ROWS);
        WorklistItem imported = bySession("sub_1002_ses_1_fam_0502_site_792");
        assertThat(imported.dataSource()).isEqualTo("pylantir");

        syncFixture();

        WorklistItem adopted = row(imported.id());
        assertThat(adopted.dataSource()).isEqualTo(SOURCE);
        assertThat(adopted.sourceKey()).isEqualTo("2:1");
        assertThat(adopted.status()).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(adopted.studyInstanceUid()).isEqualTo("2.25.1201");
    }

    @Test
    void aSecondSyncAfterTheAdoptionChangesNothing() throws SQLException {
        openImported(TOOL_ROWS);
        syncFixture();
        List<WorklistItem> afterFirst = rows();

        SyncCounts counts = syncFixture();

        assertThat(counts).isEqualTo(new SyncCounts(0, 0, 3, 0));
        assertThat(rows()).isEqualTo(afterFirst);
        assertThat(messages(Level.INFO)).filteredOn(line -> line.contains("adopted"))
                .hasSize(1);
    }

    @Test
    void aCFindShowsEachSessionOnceWithTheStudyUidTheToolGaveIt() throws SQLException {
        openImported(TOOL_ROWS);

        syncFixture();

        Dataset query = new Dataset();
        Identifiers.empty(query, Tag.PatientID, Tag.StudyInstanceUID);
        Identifiers.sps(query).setString(Tag.ScheduledProcedureStepStartDate,
                "20250101-20251231");
        var answer = lantir.cFind(query);
        assertThat(answer.values(Tag.PatientID)).containsExactly(
                "sub_1001_ses_1_fam_0501_site_792", "sub_1002_ses_2_fam_0502_site_792");
        assertThat(answer.values(Tag.StudyInstanceUID)).containsExactly("2.25.1101",
                "2.25.1202");
    }

    @Test
    void severalImportedRowsForOneSessionAdoptNoneAndTheWarningNamesOnlyRowIds()
            throws SQLException {
        openImported(NEW_INSERT
                + "(21, '2.25.2101', 'cpip-id-1001^fa-0501', 'sub_1001_ses_1_fam_0501_site_792', "
                + "NULL, NULL, NULL, NULL, NULL, 'MR', NULL, 'MRI_3T', '2025-03-10', '09:30', "
                + "NULL, NULL, NULL, NULL, NULL, 'IN_PROGRESS', 'cpip_redcap'), "
                + "(22, '2.25.2102', 'cpip-id-1001^fa-0501', 'sub_1001_ses_1_fam_0501_site_792', "
                + "NULL, NULL, NULL, NULL, NULL, 'MR', NULL, 'MRI_3T', '2025-03-10', '16:00', "
                + "NULL, NULL, NULL, NULL, NULL, 'IN_PROGRESS', NULL)");
        List<WorklistItem> imported = rows();

        SyncCounts counts = lantir.service().applySync(SOURCE,
                List.of(booking("1:1", "1001", "0501", 1, MARCH_10, LocalTime.of(9, 30))), true);

        assertThat(counts).isEqualTo(new SyncCounts(1, 0, 0, 0));
        assertThat(rows()).hasSize(3).containsAll(imported);
        List<String> warnings = messages(Level.WARN);
        assertThat(warnings).singleElement().asString()
                .contains(SOURCE, "none adopted", imported.get(0).id() + ", "
                        + imported.get(1).id())
                .doesNotContain("sub_1001", "1001^", "1:1");
    }

    @Test
    void rowsImportedBeforeSchemaVersion2AreAdoptedToo() throws SQLException {
        Path file = dir.resolve("worklist.db");
        execute(file, NEW_LAYOUT, TOOL_ROWS);
        Database.open(file, clock).close();
        execute(file, "UPDATE worklist_item SET source_key = substr(source_key, 10)");
        execute(file, OlderSchemas.downgradeTo(1));
        db = Database.open(file, clock);
        lantir = ScpHarness.onSqlite(db);

        SyncCounts counts = syncFixture();

        assertThat(counts).isEqualTo(new SyncCounts(0, 3, 0, 0));
        assertThat(rows()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("1:1", "2:1", "2:2");
    }

    @Test
    void aSyncThatFailsAfterAdoptingKeepsTheImportedRowsAsTheyWere() throws SQLException {
        openImported(TOOL_ROWS);
        List<WorklistItem> before = rows();
        ScpHarness failing = new ScpHarness(new UpsertFails(new SqliteWorklistRepository(db)),
                new SqliteMppsRepository(db), new SqliteEventLog(db));

        assertThatThrownBy(() -> failing.service().applySync(SOURCE, fixture(), true))
                .hasMessageContaining("store down");

        assertThat(rows()).isEqualTo(before);
    }

    /** Opens a file of the tool's holding these rows; start-up mints the IDs they lack. */
    private void openImported(String insert) throws SQLException {
        Path file = dir.resolve("worklist.db");
        execute(file, NEW_LAYOUT, insert);
        db = Database.open(file, clock);
        lantir = ScpHarness.onSqlite(db);
        lantir.service().backfillMissingIds();
    }

    private SyncCounts syncFixture() {
        return lantir.service().applySync(SOURCE, fixture(), true);
    }

    /** The fixture's rows of records 1 and 2 as the REDCap source maps them. */
    private static List<WorklistItem> fixture() {
        return List.of(
                booking("1:1", "1001", "0501", 1, MARCH_10, LocalTime.of(9, 30)),
                booking("2:1", "1002", "0502", 1, JANUARY_20, LocalTime.of(14, 0)),
                booking("2:2", "1002", "0502", 2, MARCH_11, LocalTime.of(10, 15)));
    }

    private static WorklistItem booking(String key, String study, String family, int session,
            LocalDate date, LocalTime time) {
        CodedEntry protocol = new CodedEntry("BRAIN_MRI_3T", null, "BRAIN_MRI_3T");
        return WorklistItem.builder()
                .patientId("sub_" + study + "_ses_" + session + "_fam_" + family + "_site_792")
                .patientName("cpip-id-" + study + "^fa-" + family)
                .patientWeightKg(new BigDecimal("32.3"))
                .referringPhysicianName("Sharma^Anita")
                .requestedProcedureDescription("BRAIN_MRI_3T")
                .modality("MR")
                .scheduledStationAeTitle("MRI_3T")
                .scheduledStartDate(date)
                .scheduledStartTime(time)
                .spsDescription("BRAIN_MRI_3T")
                .protocolCode(protocol)
                .status(ProcedureStepStatus.SCHEDULED)
                .dataSource(SOURCE)
                .sourceKey(key)
                .build();
    }

    private List<WorklistItem> rows() {
        return new SqliteWorklistRepository(db).find(WorklistFilter.all());
    }

    private WorklistItem row(long id) {
        return new SqliteWorklistRepository(db).findById(id).orElseThrow();
    }

    private WorklistItem bySession(String patientId) {
        return rows().stream().filter(row -> patientId.equals(row.patientId())).findFirst()
                .orElseThrow();
    }

    private List<String> messages(Level level) {
        // The fixtures are made with the umask's permissions: the narrowing's own warning is
        // OwnerOnlyFilesTest's subject, not this test's.
        return log.list.stream().filter(event -> event.getLevel() == level)
                .filter(event -> !event.getLoggerName().endsWith(".OwnerOnlyFiles"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The SQLite repository whose upsert fails after it ran, as a store going down would. */
    private static final class UpsertFails implements WorklistRepository {

        private final WorklistRepository store;

        UpsertFails(WorklistRepository store) {
            this.store = store;
        }

        @Override
        public SyncCounts applySync(String source, List<WorklistItem> rows, boolean complete) {
            store.applySync(source, rows, complete);
            throw new IllegalStateException("store down");
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return store.inTransaction(work);
        }

        @Override
        public WorklistItem insert(WorklistItem item) {
            return store.insert(item);
        }

        @Override
        public WorklistItem update(WorklistItem item) {
            return store.update(item);
        }

        @Override
        public boolean delete(long id) {
            return store.delete(id);
        }

        @Override
        public Optional<WorklistItem> findById(long id) {
            return store.findById(id);
        }

        @Override
        public List<WorklistItem> find(WorklistFilter filter) {
            return store.find(filter);
        }

        @Override
        public void scan(WorklistFilter filter, Predicate<WorklistItem> visitor) {
            store.scan(filter, visitor);
        }

        @Override
        public List<WorklistItem> findByStudyInstanceUid(String studyInstanceUid) {
            return store.findByStudyInstanceUid(studyInstanceUid);
        }

        @Override
        public List<WorklistItem> findBySpsId(String spsId, String requestedProcedureId) {
            return store.findBySpsId(spsId, requestedProcedureId);
        }

        @Override
        public List<WorklistItem> findByAccessionNumber(String accessionNumber) {
            return store.findByAccessionNumber(accessionNumber);
        }

        @Override
        public Map<String, WorklistItem> findBySource(String source) {
            return store.findBySource(source);
        }

        @Override
        public int removeScheduled(String source, List<String> sourceKeys) {
            return store.removeScheduled(source, sourceKeys);
        }
    }
}
