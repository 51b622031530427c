package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.lantir.store.PylantirFiles.NEW_INSERT;
import static org.lantir.store.PylantirFiles.NEW_LAYOUT;
import static org.lantir.store.PylantirFiles.OLD_LAYOUT;
import static org.lantir.store.PylantirFiles.execute;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.Identifiers;
import org.lantir.testing.ScpHarness;
import org.lantir.worklist.ImportedRows;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.slf4j.LoggerFactory;

/**
 * Opening a worklist file written by the Python tool. The files are made here with the tool's
 * table layouts ({@link PylantirFiles}: newest and oldest column sets) and fictional rows.
 */
class PylantirImportTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2025-06-01T12:34:56Z");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger storeLogger = (Logger) LoggerFactory.getLogger("org.lantir.store");

    @BeforeEach
    void captureLog() {
        log.start();
        storeLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        storeLogger.detachAppender(log);
    }

    @Test
    void importsEveryRowKeepingStatusesAndConvertingValues() throws SQLException {
        Path file = newLayoutFile();

        try (Database db = Database.open(file, clock)) {
            List<WorklistItem> rows = rowsByKey(db);

            assertThat(rows).extracting(WorklistItem::sourceKey, WorklistItem::dataSource,
                    WorklistItem::status).containsExactly(
                            tuple("pylantir:1", "redcap_main", ProcedureStepStatus.SCHEDULED),
                            tuple("pylantir:2", "pylantir", ProcedureStepStatus.IN_PROGRESS),
                            tuple("pylantir:3", "pylantir", ProcedureStepStatus.COMPLETED),
                            tuple("pylantir:4", "redcap_main",
                                    ProcedureStepStatus.DISCONTINUED));
            WorklistItem first = rows.get(0);
            assertThat(first.studyInstanceUid()).isEqualTo("2.25.9001");
            assertThat(first.patientName()).isEqualTo("cpip-id-1001^fa-77");
            assertThat(first.patientId()).isEqualTo("sub_1001_ses_1_fam_77_site_792");
            assertThat(first.patientBirthDate()).isEqualTo(LocalDate.of(2012, 1, 1));
            assertThat(first.patientSex()).isEqualTo("F");
            assertThat(first.patientWeightKg()).isEqualTo(new BigDecimal("69.85"));
            assertThat(first.accessionNumber()).isEqualTo("ACC1");
            assertThat(first.referringPhysicianName()).isEqualTo("Ref^Fictional");
            assertThat(first.modality()).isEqualTo("MR");
            assertThat(first.requestedProcedureDescription()).isEqualTo("CPIP");
            assertThat(first.scheduledStationAeTitle()).isEqualTo("MRI_SCANNER");
            assertThat(first.scheduledStartDate()).isEqualTo(LocalDate.of(2025, 6, 2));
            assertThat(first.scheduledStartTime()).isEqualTo(LocalTime.of(9, 30));
            assertThat(first.performingPhysicianName()).isEqualTo("Tech^Fictional");
            assertThat(first.spsDescription()).isEqualTo("Brain session");
            assertThat(first.protocolCode())
                    .isEqualTo(new CodedEntry("BRAIN_V1", "GEHC", "BRAIN_V1"));
            assertThat(first.scheduledStationName()).isEqualTo("Scanner 1");
            assertThat(first.createdAt()).isEqualTo(clock.instant());
            WorklistItem second = rows.get(1);
            assertThat(second.scheduledStartDate()).isEqualTo(LocalDate.of(2025, 6, 3));
            assertThat(second.scheduledStartTime()).isEqualTo(LocalTime.of(14, 30));
            assertThat(second.patientWeightKg()).isNull();
            assertThat(second.protocolCode()).isNull();
        }
    }

    @Test
    void aValueThatCannotBeConvertedIsKeptAsNullWithAWarningNamingRowAndColumn()
            throws SQLException {
        Path file = newLayoutFile();

        try (Database db = Database.open(file, clock)) {
            WorklistItem bad = rowsByKey(db).get(2);

            assertThat(bad.scheduledStartDate()).isNull();
            assertThat(bad.scheduledStartTime()).isNull();
            assertThat(bad.patientBirthDate()).isNull();
            assertThat(bad.patientSex()).isNull();
            assertThat(bad.patientWeightKg()).isNull();
            assertThat(bad.patientId()).isEqualTo("sub_1003_ses_1_fam_79_site_792");
        }
        List<String> warnings = messages(Level.WARN);
        assertThat(warnings).hasSize(5).allMatch(line -> line.contains("row 3 column "));
        assertThat(warnings).anyMatch(line -> line.contains("scheduled_start_date"))
                .anyMatch(line -> line.contains("scheduled_start_time"))
                .anyMatch(line -> line.contains("patient_birth_date"))
                .anyMatch(line -> line.contains("patient_sex"))
                .anyMatch(line -> line.contains("patient_weight_lb"));
        assertThat(String.join("\n", warnings)).doesNotContain("12/03/2025", "1999");
    }

    @Test
    void writesABackupCopyBesideTheFileBeforeMigrating() throws SQLException {
        Path file = newLayoutFile();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(clock.instant().atZone(ZoneId.systemDefault()));
        Path backup = dir.resolve("worklist.db.pylantir-backup-" + stamp);

        Database.open(file, clock).close();

        assertThat(backup).exists();
        assertThat(count(backup, "SELECT count(*) FROM worklist_items")).isEqualTo(4);
        assertThat(count(backup, "SELECT count(*) FROM sqlite_master WHERE name = "
                + "'worklist_item'")).isZero();
    }

    @Test
    void dropsTheOldTableAndLogsOneInfoLineWithTheRowCount() throws SQLException {
        Path file = newLayoutFile();

        Database.open(file, clock).close();

        assertThat(count(file, "SELECT count(*) FROM sqlite_master WHERE name = "
                + "'worklist_items'")).isZero();
        assertThat(messages(Level.INFO)).filteredOn(line -> line.startsWith("Imported"))
                .containsExactly("Imported 4 worklist rows written by the Python tool into "
                        + file.toAbsolutePath());
    }

    @Test
    void reopeningAnImportedFileIsANoOp() throws Exception {
        Path file = newLayoutFile();
        List<WorklistItem> imported;
        try (Database db = Database.open(file, clock)) {
            imported = rowsByKey(db);
        }
        log.list.clear();
        clock.advance(Duration.ofMinutes(1));

        try (Database db = Database.open(file, clock)) {
            assertThat(rowsByKey(db)).isEqualTo(imported);
        }

        assertThat(backups()).hasSize(1);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(backups().get(0))))
                    .as("a copy of patient data").isEqualTo("rw-------");
        }
        assertThat(messages(Level.WARN)).isEmpty();
        assertThat(messages(Level.INFO)).noneMatch(line -> line.startsWith("Imported"));
    }

    @Test
    void importsTheToolsFirstLayout() throws SQLException {
        Path file = dir.resolve("old.db");
        execute(file, OLD_LAYOUT, "INSERT INTO worklist_items (id, patient_id, patient_weight, "
                + "scheduled_start_date, scheduled_start_time, protocol_name, status) VALUES "
                + "(7, 'sub_2001', '70', '20250602', '0915', 'BRAIN', 'IN PROGRESS'), "
                + "(8, 'sub_2002', NULL, '2025-06-02', '10:00', NULL, NULL)");

        try (Database db = Database.open(file, clock)) {
            List<WorklistItem> rows = rowsByKey(db);

            assertThat(rows).extracting(WorklistItem::sourceKey, WorklistItem::dataSource,
                    WorklistItem::status, WorklistItem::patientWeightKg).containsExactly(
                            tuple("pylantir:7", "pylantir", ProcedureStepStatus.IN_PROGRESS,
                                    new BigDecimal("70")),
                            tuple("pylantir:8", "pylantir", ProcedureStepStatus.SCHEDULED,
                                    null));
            assertThat(rows.get(0).scheduledStartTime()).isEqualTo(LocalTime.of(9, 15));
            assertThat(rows.get(0).protocolCode())
                    .isEqualTo(new CodedEntry("BRAIN", null, "BRAIN"));
        }
    }

    @Test
    void anUnknownStatusIsKeptOutOfTheWorklistWithAWarning() throws SQLException {
        Path file = dir.resolve("odd.db");
        execute(file, OLD_LAYOUT, "INSERT INTO worklist_items (id, patient_id, status) VALUES "
                + "(1, 'sub_3001', 'ARRIVED')");

        try (Database db = Database.open(file, clock)) {
            assertThat(rowsByKey(db)).extracting(WorklistItem::status)
                    .containsExactly(ProcedureStepStatus.DISCONTINUED);
        }
        assertThat(messages(Level.WARN)).singleElement().asString()
                .contains("row 1 column status");
    }

    @Test
    void aFailedImportKeepsTheOldTableAndRefusesToOpen() throws SQLException {
        Path file = dir.resolve("broken.db");
        execute(file, "CREATE TABLE worklist_items (patient_id VARCHAR(50))",
                "INSERT INTO worklist_items VALUES ('sub_4001')");

        assertThatThrownBy(() -> Database.open(file, clock)).isInstanceOf(StoreException.class);

        assertThat(count(file, "SELECT count(*) FROM worklist_items")).isEqualTo(1);
        assertThat(count(file, "SELECT count(*) FROM worklist_item")).isZero();
        assertThat(backups()).hasSize(1);
    }

    /**
     * The tool kept no SPS or Requested Procedure ID, so its rows stay off the worklist until
     * the worklist service mints them; the IDs derive from (source, row id), so importing the
     * same file again elsewhere gives the same ones.
     */
    @Test
    void importedRowsGetMintedIdentifiersAndThenAppearOnTheWorklist() throws SQLException {
        try (Database db = Database.open(newLayoutFile(), clock);
                Database again = Database.open(newLayoutFile("copy.db"), clock)) {
            ScpHarness lantir = ScpHarness.onSqlite(db);
            assertThat(lantir.cFind(onJune2()).identifiers()).isEmpty();

            int filled = lantir.service().backfillMissingIds();

            List<WorklistItem> rows = rowsByKey(db);
            assertThat(filled).isEqualTo(4);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.requestedProcedureId()).startsWith("RP").hasSize(14);
                assertThat(row.spsId()).startsWith("SPS").hasSize(15);
                assertThat(row.accessionNumber()).isNotBlank().hasSizeLessThanOrEqualTo(16);
            });
            assertThat(rows).extracting(WorklistItem::spsId).doesNotHaveDuplicates();
            assertThat(rows).extracting(WorklistItem::status).containsExactly(
                    ProcedureStepStatus.SCHEDULED, ProcedureStepStatus.IN_PROGRESS,
                    ProcedureStepStatus.COMPLETED, ProcedureStepStatus.DISCONTINUED);
            assertThat(rows.get(0).accessionNumber()).isEqualTo("ACC1");
            assertThat(rows.get(0).studyInstanceUid()).isEqualTo("2.25.9001");
            assertThat(lantir.cFind(onJune2()).identifiers()).singleElement()
                    .satisfies(answer -> assertThat(answer
                            .getItem(Tag.ScheduledProcedureStepSequence)
                            .getString(Tag.ScheduledProcedureStepID))
                            .isEqualTo(rows.get(0).spsId()));
            assertThat(lantir.service().backfillMissingIds()).isZero();
            assertThat(rowsByKey(db)).isEqualTo(rows);

            ScpHarness.onSqlite(again).service().backfillMissingIds();
            assertThat(rowsByKey(again)).extracting(WorklistItem::spsId,
                    WorklistItem::requestedProcedureId, WorklistItem::accessionNumber)
                    .isEqualTo(rows.stream().map(row -> tuple(row.spsId(),
                            row.requestedProcedureId(), row.accessionNumber())).toList());
        }
    }

    private static Dataset onJune2() {
        Dataset q = new Dataset();
        Identifiers.empty(q, Tag.PatientID, Tag.RequestedProcedureID, Tag.AccessionNumber);
        Dataset step = Identifiers.sps(q);
        Identifiers.empty(step, Tag.ScheduledProcedureStepID);
        step.setString(Tag.ScheduledProcedureStepStartDate, "20250602");
        return q;
    }

    /**
     * Schema version 1 kept the tool's row id as the key; version 2 marks those rows as
     * imported, and only those: REDCap keys, rows made by hand and other keys stay.
     */
    @Test
    void aFileImportedBeforeSchemaVersion2GetsItsImportedRowsMarked() throws SQLException {
        Path file = dir.resolve("v1.db");
        try (Database db = Database.open(file, clock)) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            for (String key : new String[] {"1", "17", "3:1", "A17", null}) {
                repository.insert(TestItems.scheduled("redcap_main", key,
                        LocalDate.of(2025, 6, 2), LocalTime.of(9, 0)));
            }
        }
        execute(file, OlderSchemas.downgradeTo(1));

        try (Database db = Database.open(file, clock)) {
            assertThat(db.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(new SqliteWorklistRepository(db).find(WorklistFilter.all()))
                    .extracting(WorklistItem::sourceKey)
                    .containsExactly("pylantir:1", "pylantir:17", "3:1", "A17", null);
        }
    }

    @Test
    void aNewFileIsNotTakenForAToolDatabase() {
        Database.open(dir.resolve("fresh.db"), clock).close();

        assertThat(backups()).isEmpty();
    }

    private Path newLayoutFile() throws SQLException {
        return newLayoutFile("worklist.db");
    }

    /** Four fictional rows: a full one, DICOM-style values, unconvertible values, finished. */
    private Path newLayoutFile(String name) throws SQLException {
        Path file = dir.resolve(name);
        execute(file, NEW_LAYOUT, NEW_INSERT
                + "(1, '2.25.9001', 'cpip-id-1001^fa-77', 'sub_1001_ses_1_fam_77_site_792', "
                + "'2012-01-01', 'F', '154', 'ACC1', 'Ref^Fictional', 'MR', 'CPIP', "
                + "'MRI_SCANNER', '2025-06-02', '09:30', 'Tech^Fictional', 'Brain session', "
                + "'BRAIN_V1', 'Scanner 1', 'GEHC', 'SCHEDULED', 'redcap_main'), "
                + "(2, '2.25.9002', 'cpip-id-1002^fa-78', 'sub_1002_ses_1_fam_78_site_792', "
                + "'20120101', 'M', '', NULL, NULL, 'MR', NULL, 'MRI_SCANNER', '20250603', "
                + "'143000', NULL, NULL, NULL, NULL, NULL, 'IN_PROGRESS', NULL), "
                + "(3, '2.25.9003', 'cpip-id-1003^fa-79', 'sub_1003_ses_1_fam_79_site_792', "
                + "'1999', '2', 'heavy', NULL, NULL, 'MR', NULL, 'MRI_SCANNER', '12/03/2025', "
                + "'25:99', NULL, NULL, NULL, NULL, NULL, 'COMPLETED', ''), "
                + "(4, '2.25.9004', 'cpip-id-1004^fa-80', 'sub_1004_ses_1_fam_80_site_792', "
                + "NULL, 'O', '100.5', NULL, NULL, 'MR', NULL, 'MRI_SCANNER', '2025-06-04', "
                + "'08:00', NULL, NULL, NULL, NULL, NULL, 'DISCONTINUED', 'redcap_main')");
        return file;
    }

    private static List<WorklistItem> rowsByKey(Database db) {
        return new SqliteWorklistRepository(db).find(WorklistFilter.all()).stream()
                .sorted(Comparator.comparing(item -> Integer.parseInt(
                        item.sourceKey().substring(ImportedRows.KEY_PREFIX.length()))))
                .toList();
    }

    private List<String> messages(Level level) {
        // The fixtures are made with the umask's permissions: the narrowing's own warning is
        // OwnerOnlyFilesTest's subject, not this test's.
        return log.list.stream().filter(event -> event.getLevel() == level)
                .filter(event -> !event.getLoggerName().endsWith(".OwnerOnlyFiles"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<Path> backups() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".pylantir-backup-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
