package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigStore;
import org.lantir.config.LantirConfig;

/**
 * The first start's default configuration: written once, commented with keys both tools keep,
 * read back without a warning, and on the first free port from the preferred one.
 */
class FirstStartTest {

    @TempDir
    Path dir;

    @Test
    void writesACommentedDefaultThatLoadsWithoutWarningsAndKeepsItsComments() throws Exception {
        assertThat(FirstStart.isFirstStart(null, dir)).isTrue();

        FirstStart.Report report = FirstStart.create(dir, null, "127.0.0.1", null);

        assertThat(report.configFile()).isEqualTo(dir.resolve("lantir.json")).exists();
        assertThat(report.databaseFile()).isEqualTo(dir.resolve("worklist.db"));
        assertThat(report.aeTitle()).isEqualTo("MWL_SERVER");
        assertThat(report.preferredPort()).isEqualTo(4242);
        assertThat(report.port()).isBetween(4242, 4242 + FirstStart.PORTS_TRIED - 1);
        assertThat(FirstStart.isFirstStart(null, dir)).isFalse();
        assertThat(FirstStart.isFirstStart(dir.resolve("other.json"), dir)).isFalse();

        List<String> warnings = new ArrayList<>();
        ConfigStore store = new ConfigStore(report.configFile());
        LantirConfig config = store.parse(Files.readString(report.configFile()), warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(config.dbPath().path()).isEqualTo(dir.resolve("worklist.db"));
        assertThat(config.allowedAet()).isEmpty();
        assertThat(config.dataSources()).isEmpty();
        assertThat(config.lantir().server().aeTitle()).isEqualTo("MWL_SERVER");
        assertThat(config.lantir().server().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.lantir().server().port()).isEqualTo(report.port());
        assertThat(config.extras()).containsKeys("_comment", "_db_path", "_allowed_aet",
                "_data_sources", "_data_sources_example");
        assertThat(config.lantir().server().extras()).containsKeys("_ae_title", "_port");
        // The editor adds REDCap and Calpendo sources; a folder source is written as JSON.
        assertThat(config.extras().get("_data_sources").toString())
                .contains("adds a REDCap or Calpendo source").contains("JSON tab");

        // Saving from the editor keeps every comment.
        store.save(config);
        assertThat(Files.readString(report.configFile())).contains("\"_data_sources_example\"",
                "\"_db_path\"", "\"_port\"");
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        FirstStart.Report report = FirstStart.create(dir, null, "127.0.0.1", null);

        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(report.configFile()))).isEqualTo("rw-------");
        }
    }

    @Test
    void neverWritesOverAnExistingFile() throws Exception {
        Files.writeString(dir.resolve("lantir.json"), "{\"db_path\": \"mine.db\"}");

        assertThatThrownBy(() -> FirstStart.create(dir, null, "127.0.0.1", null))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(dir.resolve("lantir.json")))
                .isEqualTo("{\"db_path\": \"mine.db\"}");
    }

    @Test
    void theCommandLinesAeTitleAddressAndPortAreWrittenAsGiven() throws Exception {
        FirstStart.Report report = FirstStart.create(dir, "MRI_WL", "127.0.0.1", 11112);

        assertThat(report.port()).isEqualTo(11112);
        assertThat(report.preferredPortTaken()).isFalse();
        LantirConfig config = new ConfigStore(report.configFile()).load().orElseThrow().config();
        assertThat(config.lantir().server().aeTitle()).isEqualTo("MRI_WL");
        assertThat(config.lantir().server().port()).isEqualTo(11112);
    }

    @Test
    void aPortInUseGivesTheNextFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();

            int chosen = FirstStart.firstFreePort("127.0.0.1", busy);

            assertThat(chosen).isGreaterThan(busy).isLessThan(busy + FirstStart.PORTS_TRIED);
            assertThat(canListen(chosen)).isTrue();
        }
    }

    @Test
    void port4242InUseIsSaidAndTheNextFreeOneWritten() throws Exception {
        try (ServerSocket held = holdIfFree(4242)) {
            // Held by this test, or already by some other program: busy either way.
            FirstStart.Report report = FirstStart.create(dir, null, "127.0.0.1", null);

            assertThat(report.port()).isGreaterThan(4242);
            assertThat(report.preferredPortTaken()).isTrue();
            assertThat(Files.readString(report.configFile()))
                    .contains("\"port\": " + report.port());
        }
    }

    /** A socket listening on 127.0.0.1:{@code port}, or null when something else holds it. */
    static ServerSocket holdIfFree(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return socket;
        } catch (IOException inUse) {
            socket.close();
            return null;
        }
    }

    private static boolean canListen(int port) throws IOException {
        try (ServerSocket probe = holdIfFree(port)) {
            return probe != null;
        }
    }

    @Test
    void thisComputersNameComesFromTheSystemWithoutANameServer() {
        assertThat(ThisComputer.hostName(Map.of("COMPUTERNAME", "SCANROOM-PC")))
                .isEqualTo("SCANROOM-PC");
        assertThat(ThisComputer.shortIpv6("fd00:0:0:0:0:0:0:2")).isEqualTo("fd00::2");
        assertThat(ThisComputer.shortIpv6("2001:db8:0:0:1:0:0:1"))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(ThisComputer.shortIpv6("2001:db8:0:1:1:1:1:1"))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(ThisComputer.shortIpv6("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        ThisComputer computer = ThisComputer.inspect();
        assertThat(computer.addresses()).noneMatch(a -> a.startsWith("127.") || a.equals("::1")
                || a.startsWith("fe80"));
    }
}
