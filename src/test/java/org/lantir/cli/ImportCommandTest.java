package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigLoader;
import org.lantir.dicom.data.Tag;
import org.lantir.sync.SyncRunRecord;
import org.lantir.testsupport.Dcmtk;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

/**
 * {@code lantir import}, end to end: CSV and DICOM worklist files loaded once into the
 * configured database under {@code import:<name>}, the counts and every skipped line's reason
 * printed, exit codes as the other commands; a second import updates instead of duplicating;
 * a Lantir serving the same database keeps serving and sees the rows.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ImportCommandTest {

    private static final String HEADER = "patient_id,patient_name,scheduled_start_date,"
            + "scheduled_start_time,modality,scheduled_station_aetitle\n";
    private static final String JANE = "SUB1,Doe^Jane,2025-02-12,09:00,MR,MRI_3T\n";
    private static final String JOHN = "SUB2,Doe^John,2025-02-12,10:00,MR,MRI_3T\n";

    @TempDir
    Path dir;
    private Path config;
    private Path drop;

    @BeforeEach
    void site() throws Exception {
        config = dir.resolve("lantir.json");
        Files.writeString(config, "{\"db_path\": \"worklist.db\", \"data_sources\": []}");
        drop = Files.createDirectory(dir.resolve("drop"));
    }

    private List<WorklistItem> rows() throws Exception {
        try (Lantir lantir = Lantir.open(ConfigLoader.load(config), dir.resolve("x.db"))) {
            return lantir.worklist().list(WorklistFilter.all());
        }
    }

    @Test
    void aCsvFolderIsLoadedAndEachBadLineIsPrintedWithItsPlace() throws Exception {
        Files.writeString(drop.resolve("monday.csv"), HEADER + JANE
                + "SUB3,Roe^Ann,2025-02-31,09:00,MR,MRI_3T\n");
        Files.writeString(drop.resolve("tuesday.csv"), HEADER + JOHN);
        Files.writeString(drop.resolve("readme.txt"), "not a worklist");

        Cli.Run run = Cli.run("import", drop.toString(), "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("Imported 2 file(s) from " + drop)
                .contains("as source import:drop")
                .contains("2 added, 0 updated, 0 unchanged, 0 removed, 1 skipped")
                .contains("Skipped:\n  monday.csv:3:3: scheduled_start_date: no such date")
                .contains("1 other file(s) in the folder left alone")
                .doesNotContain("Roe");
        assertThat(rows()).extracting(WorklistItem::patientId, WorklistItem::dataSource)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("SUB1",
                        "import:drop"), org.assertj.core.groups.Tuple.tuple("SUB2",
                        "import:drop"));
        assertThat(rows()).allSatisfy(row -> assertThat(row.spsId()).isNotBlank());
    }

    @Test
    void aSecondImportUpdatesAndRemovesOnlyWhenAsked() throws Exception {
        Path file = drop.resolve("bookings.csv");
        Files.writeString(file, HEADER + JANE + JOHN);
        assertThat(Cli.run("import", file.toString(), "--pylantir_config", config.toString())
                .exitCode()).isZero();
        String uid = rows().get(0).studyInstanceUid();

        Cli.Run same = Cli.run("import", file.toString(), "--config", config.toString());
        Files.writeString(file, HEADER + JANE.replace("Doe^Jane", "Doe^Janet"));
        Cli.Run kept = Cli.run("import", file.toString(), "--config", config.toString());
        Cli.Run removed = Cli.run("import", file.toString(), "--remove-missing", "--config",
                config.toString());

        assertThat(same.out()).as(same.toString())
                .contains("0 added, 0 updated, 2 unchanged, 0 removed, 0 skipped");
        assertThat(kept.out()).contains("0 added, 1 updated, 0 unchanged, 0 removed");
        assertThat(removed.out()).contains("0 added, 0 updated, 1 unchanged, 1 removed");
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.patientName()).isEqualTo("Doe^Janet");
            assertThat(row.studyInstanceUid()).isEqualTo(uid);
            assertThat(row.dataSource()).isEqualTo("import:bookings.csv");
        });
    }

    @Test
    void aSourceNamedLikeAConfiguredDataSourceIsRefusedAndItsRowsStay() throws Exception {
        Path watched = Files.createDirectory(dir.resolve("watched"));
        Files.writeString(config, "{\"db_path\": \"worklist.db\", \"data_sources\": [{"
                + "\"name\": \"csvsrc\", \"type\": \"csv_folder\", \"config\": "
                + "{\"path\": \"" + watched + "\"}}]}");
        Files.writeString(drop.resolve("a.csv"), HEADER + JANE);

        Cli.Run run = Cli.run("import", drop.toString(), "--source", "csvsrc",
                "--remove-missing", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--source csvsrc is a data source of the configuration");
        assertThat(rows()).isEmpty();
    }

    @Test
    void aWorklistFileIsLoadedWithEveryAttributeItHolds() throws Exception {
        Dcmtk.require("dump2dcm");
        Path dump = Path.of(getClass().getResource("/worklist-files/wklist-mr.dump").toURI());
        Path file = drop.resolve("SUB2041.wl");
        Dcmtk.run("dump2dcm", dump.toString(), file.toString()).requireSuccess("dump2dcm");

        Cli.Run run = Cli.run("import", drop.toString(), "--source", "wlmscpfs",
                "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped");
        WorklistItem row = rows().get(0);
        assertThat(row.dataSource()).isEqualTo("wlmscpfs");
        assertThat(row.sourceKey()).isEqualTo("SUB2041.wl#1");
        assertThat(row.spsId()).isEqualTo("SPS2041");
        assertThat(row.extraAttributes().dataset().getString(Tag.AdmissionID))
                .isEqualTo("ADM-2041");
    }

    @Test
    void theImportIsASyncRunInTheEventLog() throws Exception {
        Files.writeString(drop.resolve("a.csv"), HEADER + JANE);

        Cli.run("import", drop.toString(), "--config", config.toString());

        try (Lantir lantir = Lantir.open(ConfigLoader.load(config), dir.resolve("x.db"))) {
            List<EventRecord> events = lantir.eventLog().recentOfKind(
                    SyncRunRecord.KIND_PREFIX, "import:drop", 10);
            assertThat(events).singleElement().satisfies(event -> assertThat(
                    SyncRunRecord.fromEvent(event).orElseThrow().counts().added())
                    .isEqualTo(1));
        }
    }

    @Test
    void whatCannotBeImportedIsAUsageErrorAndTouchesNoDatabase() throws Exception {
        Files.writeString(drop.resolve("notes.txt"), "hello");

        Cli.Run missing = Cli.run("import", dir.resolve("nowhere").toString(), "--config",
                config.toString());
        Cli.Run otherKind = Cli.run("import", drop.resolve("notes.txt").toString(),
                "--config", config.toString());
        Cli.Run badDelimiter = Cli.run("import", drop.toString(), "--delimiter", "::",
                "--config", config.toString());
        Cli.Run empty = Cli.run("import", drop.toString(), "--config", config.toString());

        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file or folder");
        assertThat(otherKind.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherKind.err()).contains("is neither a .csv nor a .wl file");
        assertThat(badDelimiter.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDelimiter.err()).contains("--delimiter");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(empty.out()).contains("No .csv or .wl file in " + drop);
        assertThat(dir.resolve("worklist.db")).doesNotExist();
    }

    @Test
    void aServingLantirKeepsServingAndSeesTheImportedRows() throws Exception {
        Files.writeString(config, "{\"db_path\": \"worklist.db\", \"data_sources\": []}");
        try (LantirProcess server = LantirProcess.start(dir, "start", "--ip", "127.0.0.1",
                "--port", "0", "--AEtitle", "MWL_SERVER", "--config", config.toString())) {
            String port = Integer.toString(server.port());
            Files.writeString(drop.resolve("a.csv"), HEADER + JANE + JOHN);

            Cli.Run imported = Cli.run("import", drop.toString(), "--config",
                    config.toString());
            Cli.Run seen = Cli.run("test-client", "--ip", "127.0.0.1", "--port", port,
                    "--AEtitle", "MWL_SERVER", "--callingAEtitle", "MRI_3T", "--config",
                    config.toString());

            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(seen.exitCode()).as(seen.toString()).isZero();
            assertThat(seen.out()).contains("Doe^Jane").contains("Doe^John")
                    .contains("C-FIND: 2 match(es), final status 0000");
        }
    }
}
