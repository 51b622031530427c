package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's contract with scripts: help and version, usage errors (exit 2), a bad
 * configuration file (exit 3, naming the file and the JSON path), a port already taken or a
 * peer not listening (exit 4). Run in-process, output captured.
 */
@Timeout(120)
class LantirCommandTest {

    @TempDir
    Path dir;

    /** A valid configuration whose database is in the test folder. */
    private Path config(String serverMembers) throws Exception {
        Path file = dir.resolve("lantir.json");
        Files.writeString(file, """
                {"db_path": "worklist.db", "allowed_aet": [],
                 "lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1"%s}}}
                """.formatted(serverMembers));
        return file;
    }

    @Test
    void queryDbOnAMistypedDatabasePathSaysSoAndCreatesNothing() throws Exception {
        Cli.Run run = Cli.run("query-db", "--pylantir_config", config("").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("no worklist database at")
                .contains(dir.resolve("worklist.db").toString());
        assertThat(dir.resolve("worklist.db")).doesNotExist();
    }

    @Test
    void helpListsEveryCommandAndThePythonToolsFlags() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("start", "query-db", "test-client", "test-mpps",
                "--AEtitle", "--ip", "--port", "--pylantir_config", "--config", "--version",
                "--help", "Exit codes");
    }

    @Test
    void testMppsHelpListsItsFlags() {
        Cli.Run run = Cli.run("test-mpps", "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("--mpps_action", "--mpps_status", "--callingAEtitle",
                "--study_uid", "--sop_uid");
    }

    @Test
    void versionNamesLantir() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Lantir ");
    }

    @Test
    void versionSaysTheBuildDateAndWhereTheLicensesAreOnEveryCommand() {
        for (String[] args : new String[][] {{"--version"}, {"start", "--version"},
            {"query-db", "--version"}, {"licenses", "--version"}}) {
            Cli.Run run = Cli.run(args);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            // Tests run from compiled classes: no jar manifest, so no build date.
            assertThat(run.out()).as(run.toString()).startsWith("Lantir development build")
                    .contains("Built: development build", "Java ", "lantir licenses");
        }
    }

    @Test
    void licensesPrintsEveryBundledLibrarysLicense() {
        Cli.Run run = Cli.run("licenses");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Lantir's own license has not been chosen yet")
                .contains("org.xerial:sqlite-jdbc:", "org.openjfx:javafx-controls:",
                        "License: ")
                .contains("Java runtime", "GNU General Public License, version 2, with the "
                        + "Classpath Exception");
    }

    @Test
    void unknownFlagIsAUsageErrorNamingIt() {
        Cli.Run before = Cli.run("--no-such-flag", "query-db");
        Cli.Run after = Cli.run("query-db", "--no-such-flag");

        assertThat(before.exitCode()).as(before.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(before.err()).contains("--no-such-flag");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(after.err()).contains("--no-such-flag");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Run run = Cli.run("serve-everything");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void testMppsWithoutItsArgumentsIsAUsageErrorSayingWhatIsMissing() throws Exception {
        Cli.Run run = Cli.run("test-mpps", "--mpps_action", "create", "--pylantir_config",
                config("").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--study_uid");
    }

    @Test
    void aeTitleTooLongForDicomIsAUsageError() throws Exception {
        Cli.Run run = Cli.run("test-client", "--pylantir_config", config("").toString(),
                "--ip", "127.0.0.1", "--port", "104", "--AEtitle", "AN_AE_TITLE_OF_21_CHR");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("AN_AE_TITLE_OF_21_CHR").doesNotContain("\tat ");
    }

    @Test
    void invalidValueInTheConfigurationNamesTheFileAndTheJsonPath() throws Exception {
        Path file = dir.resolve("site.json");
        Files.writeString(file, "{\"lantir\": {\"server\": {\"port\": \"eleven\"}}}");

        Cli.Run run = Cli.run("query-db", "--pylantir_config", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("site.json").contains("lantir.server.port");
    }

    @Test
    void configurationThatIsNotJsonNamesTheFile() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"db_path\": \"worklist.db\",,}");

        Cli.Run run = Cli.run("start", "--config", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("broken.json");
    }

    @Test
    void missingConfigurationFileNamesIt() {
        Cli.Run run = Cli.run("query-db", "--pylantir_config",
                dir.resolve("absent.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("absent.json");
    }

    @Test
    void startOnAPortInUseEndsPromptlyWithExit4AndSaysSo() throws Exception {
        Path file = config("");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());

            Cli.Run run = CompletableFuture.supplyAsync(() -> Cli.run("start",
                    "--pylantir_config", file.toString(), "--ip", "127.0.0.1", "--port", port))
                    .get(60, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.err()).contains("port " + port).contains("already in use");
        }
    }

    @Test
    void testClientAgainstAPortWhereNothingListensIsExit4() throws Exception {
        // Bound but not listening: connections are refused, and no other process (another
        // test run on this machine) can start listening there meanwhile.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String port = Integer.toString(holder.getLocalPort());

            Cli.Run run = Cli.run("test-client", "--pylantir_config", config("").toString(),
                    "--ip", "127.0.0.1", "--port", port);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.err()).contains("cannot reach").contains(port);
        }
    }
}
