package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigLoader;
import org.lantir.testing.WorklistRows;

/**
 * The flow the Python tool's README documents, as its users' scripts run it: {@code start}
 * (its own process, stopped by SIGTERM), {@code query-db} lists the rows, {@code test-client}
 * prints the matches, {@code test-mpps --mpps_action create --study_uid UID} prints the SOP
 * Instance UID and turns the row IN_PROGRESS, {@code test-mpps --mpps_action set
 * --mpps_status COMPLETED --sop_uid UID} turns it COMPLETED. Flags may come before or after
 * the command, as with the Python tool. The commands other than start run in-process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class PylantirFlowTest {

    private static final String AE_TITLE = "MWL_SERVER";
    private static final String W1_STUDY_UID = "2.25.100120250212";
    private static final Pattern SOP_UID =
            Pattern.compile("SOP Instance UID \\(use with --sop_uid\\): (\\S+)");

    @TempDir
    static Path dir;
    private String config;
    private LantirProcess server;
    private String port;

    /** A site's file, a worklist with W1 and W2, and {@code lantir start} serving it. */
    @BeforeAll
    void startTheServer() throws Exception {
        Path file = dir.resolve("mwl_config.json");
        Files.writeString(file, """
                {"db_path": "worklist.db", "db_echo": "False", "allowed_aet": [],
                 "data_sources": []}
                """);
        config = file.toString();
        try (Lantir lantir = Lantir.open(ConfigLoader.load(file), dir.resolve("unused.db"))) {
            lantir.worklist().add(WorklistRows.w1());
            lantir.worklist().add(WorklistRows.w2());
        }
        server = LantirProcess.start(dir, "start", "--ip", "127.0.0.1", "--port", "0",
                "--AEtitle", AE_TITLE, "--pylantir_config", config);
        port = Integer.toString(server.port());
    }

    @AfterAll
    void stopTheServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private Cli.Run lantir(String... args) {
        return Cli.run(args);
    }

    private static String lineWith(String text, String needle) {
        return text.lines().filter(line -> line.contains(needle)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + needle + " in\n"
                        + text));
    }

    @Test
    @Order(1)
    void queryDbListsTheWorklist() {
        Cli.Run run = lantir("query-db", "--pylantir_config", config);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(lineWith(run.out(), "1001")).contains("DOE^JANE").contains(W1_STUDY_UID)
                .contains("SCHEDULED").contains("2025-02-12");
        assertThat(lineWith(run.out(), "1002")).contains("DOE^JOHN");
        assertThat(run.out()).contains("2 row(s)");
    }

    @Test
    @Order(2)
    void testClientWithFlagsAfterTheCommandPrintsTheMatches() {
        Cli.Run run = lantir("test-client", "--ip", "127.0.0.1", "--port", port, "--AEtitle",
                AE_TITLE, "--pylantir_config", config);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("C-ECHO").contains("0000");
        assertThat(lineWith(run.out(), "DOE^JANE")).contains("1001").contains("20250212")
                .contains("090000");
        assertThat(run.out()).contains("DOE^JOHN").contains("C-FIND: 2 match(es), final "
                + "status 0000");
    }

    @Test
    @Order(3)
    void testClientWithFlagsBeforeTheCommandDoesTheSame() {
        Cli.Run run = lantir("--ip", "127.0.0.1", "--port", port, "--AEtitle", AE_TITLE,
                "--pylantir_config", config, "test-client");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("DOE^JANE").contains("DOE^JOHN")
                .contains("C-FIND: 2 match(es), final status 0000");
    }

    @Test
    @Order(4)
    void testMppsCreateThenSetMovesTheRowToInProgressThenCompleted() {
        Cli.Run create = lantir("test-mpps", "--AEtitle", AE_TITLE, "--ip", "127.0.0.1",
                "--port", port, "--pylantir_config", config, "--mpps_action", "create",
                "--study_uid", W1_STUDY_UID);
        Matcher uid = SOP_UID.matcher(create.out());
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(uid.find()).as(create.toString()).isTrue();
        String started = lantir("query-db", "--pylantir_config", config).out();

        Cli.Run set = lantir("--AEtitle", AE_TITLE, "--port", port, "--ip", "127.0.0.1",
                "--pylantir_config", config, "test-mpps", "--mpps_action", "set",
                "--mpps_status", "COMPLETED", "--sop_uid", uid.group(1));
        String completed = lantir("query-db", "--pylantir_config", config).out();

        assertThat(uid.group(1)).startsWith("2.25.");
        assertThat(lineWith(started, "1001")).contains("IN_PROGRESS");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("N-SET COMPLETED: status 0000");
        assertThat(lineWith(completed, "1001")).contains("COMPLETED");
        assertThat(lineWith(completed, "1002")).contains("SCHEDULED");
    }

    @Test
    @Order(5)
    void completedRowLeavesTheScannersWorklist() {
        Cli.Run run = lantir("test-client", "--ip", "127.0.0.1", "--port", port, "--AEtitle",
                AE_TITLE, "--pylantir_config", config);

        assertThat(run.out()).doesNotContain("DOE^JANE").contains("DOE^JOHN")
                .contains("C-FIND: 1 match(es)");
    }

    @Test
    @Order(6)
    void setOnAFinishedStepIsRefusedWithExit1() {
        Cli.Run create = lantir("test-mpps", "--AEtitle", AE_TITLE, "--ip", "127.0.0.1",
                "--port", port, "--pylantir_config", config, "--mpps_action", "create",
                "--study_uid", "2.25.100220250212");
        Matcher uid = SOP_UID.matcher(create.out());
        assertThat(uid.find()).as(create.toString()).isTrue();
        lantir("test-mpps", "--AEtitle", AE_TITLE, "--ip", "127.0.0.1", "--port", port,
                "--pylantir_config", config, "--mpps_action", "set", "--mpps_status",
                "DISCONTINUED", "--sop_uid", uid.group(1));

        Cli.Run again = lantir("test-mpps", "--AEtitle", AE_TITLE, "--ip", "127.0.0.1",
                "--port", port, "--pylantir_config", config, "--mpps_action", "set",
                "--mpps_status", "COMPLETED", "--sop_uid", uid.group(1));

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.out()).contains("0110");
        assertThat(lineWith(lantir("query-db", "--pylantir_config", config).out(), "1002"))
                .contains("DISCONTINUED");
    }

    @Test
    @Order(7)
    void sigtermStopsTheServerCleanly() throws Exception {
        server.stop();

        assertThat(server.stderr()).contains("Stopping on signal").contains("Lantir stopped");
        Cli.Run run = lantir("test-client", "--ip", "127.0.0.1", "--port", port,
                "--pylantir_config", config);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
    }
}
