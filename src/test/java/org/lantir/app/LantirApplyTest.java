package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.ApplyResult.Change;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.DicomServer;
import org.lantir.events.LantirEvent;
import org.lantir.sync.DataSource;
import org.lantir.sync.FetchResult;
import org.lantir.sync.SourceException;
import org.lantir.sync.SourceFactory;
import org.lantir.sync.SyncScheduler;
import org.lantir.sync.SyncWindow;
import org.lantir.worklist.ProcedureStepStatus;

/** A new configuration is taken while running, restarting only what it changes. */
class LantirApplyTest {

    private static final String HOST = "127.0.0.1";
    private static final String AE = "LANTIR_SCP";

    @TempDir
    Path dir;

    private final List<FakeSource> sources = new CopyOnWriteArrayList<>();
    private final BlockingQueue<LantirEvent.ServerState> states = new LinkedBlockingQueue<>();
    private Lantir lantir;

    @AfterEach
    void close() {
        if (lantir != null) {
            lantir.close();
        }
    }

    @Test
    void aNewPortRestartsTheServerThereAndClosesTheOldOne() throws Exception {
        start(config(0, "[]"));
        int oldPort = lantir.dicomServer().port();
        DicomServer oldServer = lantir.dicomServer();
        int newPort = freePort();

        ApplyResult result = lantir.apply(config(newPort, "[]"));

        assertThat(result.server()).isEqualTo(Change.RESTARTED);
        assertThat(result.sync()).isEqualTo(Change.UNCHANGED);
        assertThat(result.problems()).isEmpty();
        assertThat(result.messages()).anySatisfy(m -> assertThat(m)
                .contains("DICOM server restarted").contains(Integer.toString(newPort)));
        assertThat(lantir.dicomServer()).isNotSameAs(oldServer);
        assertThat(lantir.dicomServer().port()).isEqualTo(newPort);
        assertThat(oldServer.isRunning()).isFalse();
        assertThat(lantir.config().lantir().server().port()).isEqualTo(newPort);
        assertThat(echoStatus(newPort)).isZero();
        assertThatThrownBy(() -> new Socket(HOST, oldPort).close())
                .isInstanceOf(ConnectException.class);
        assertThat(nextState()).extracting(s -> s.listening(), s -> s.port())
                .containsExactly(false, oldPort);
        assertThat(nextState()).extracting(s -> s.listening(), s -> s.port())
                .containsExactly(true, newPort);
    }

    @Test
    void aCorrectedPortStartsTheServerThatCouldNotStart() throws Exception {
        start(config(0, "[]"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            assertThat(lantir.apply(config(taken.getLocalPort(), "[]")).server())
                    .isEqualTo(Change.FAILED);
        }
        int freePort = freePort();

        ApplyResult result = lantir.apply(config(freePort, "[]"));

        assertThat(result.server()).isEqualTo(Change.RESTARTED);
        assertThat(result.problems()).isEmpty();
        assertThat(lantir.serverProblem()).isNull();
        assertThat(echoStatus(freePort)).isZero();
    }

    @Test
    void aServerStoppedByHandStaysStoppedWithItsNewSettings() throws Exception {
        start(config(0, "[]"));
        lantir.stopServer();

        ApplyResult result = lantir.apply(config(freePort(), "[]"));

        assertThat(result.server()).isEqualTo(Change.UPDATED_STOPPED);
        assertThat(lantir.dicomServer().isRunning()).isFalse();
    }

    @Test
    void aNewAeTitleIsAnsweredAfterTheRestart() throws Exception {
        start(config(0, "[]"));

        ApplyResult result = lantir.apply(withAeTitle(config(0, "[]"), "RENAMED_SCP"));

        assertThat(result.server()).isEqualTo(Change.RESTARTED);
        int port = lantir.dicomServer().port();
        try (ClientAssociation a = new DicomClient().connect(HOST, port, "ECHO_SCU",
                "RENAMED_SCP", DicomClient.contextsFor(UID.VERIFICATION))) {
            assertThat(a.echo().status()).isZero();
            a.release();
        }
        assertThatThrownBy(() -> echoStatus(port)).isInstanceOf(IOException.class);
    }

    @Test
    void aPortInUseIsReportedAndLeavesTheServerStopped() throws Exception {
        start(config(0, "[]"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            int busy = taken.getLocalPort();

            ApplyResult result = lantir.apply(config(busy, "[]"));

            assertThat(result.server()).isEqualTo(Change.FAILED);
            assertThat(result.problems()).singleElement().asString()
                    .contains("The DICOM server is stopped")
                    .contains("port " + busy + " on " + HOST + " is already in use");
            assertThat(lantir.dicomServer().isRunning()).isFalse();
            assertThat(lantir.config().lantir().server().port()).isEqualTo(busy);
            assertThat(nextState().listening()).isFalse();
        }
        lantir.startServer();
        assertThat(lantir.dicomServer().isRunning()).isTrue();
    }

    @Test
    void changedSourcesRestartTheSchedulerWithTheNewSet() throws Exception {
        start(config(0, sourcesJson("cpip")));
        SyncScheduler oldScheduler = lantir.scheduler();

        ApplyResult result = lantir.apply(config(0, sourcesJson("cpip", "second")));

        assertThat(result.sync()).isEqualTo(Change.RESTARTED);
        assertThat(result.server()).isEqualTo(Change.UNCHANGED);
        assertThat(result.messages()).contains("Sync restarted with cpip, second.");
        assertThat(lantir.scheduler()).isNotSameAs(oldScheduler);
        assertThat(lantir.scheduler().sourceNames()).containsExactly("cpip", "second");
        assertThat(sources).extracting(s -> s.name)
                .containsExactly("cpip", "cpip", "second");
        assertThat(sources.get(0).closed.getCount()).as("the old source is closed").isZero();
        assertThatThrownBy(() -> oldScheduler.syncNow("cpip", false).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("stopped");
        assertThat(lantir.scheduler().syncNow("second", false).get(10, TimeUnit.SECONDS)
                .succeeded()).isTrue();
    }

    @Test
    void theSchedulerRestartWaitsForTheRunInProgress() throws Exception {
        start(config(0, sourcesJson("slow")));
        FakeSource slow = sources.get(0);
        slow.blockUntilClosed = true;
        lantir.scheduler().syncNow("slow", false);
        assertThat(slow.fetching.await(10, TimeUnit.SECONDS)).isTrue();

        ApplyResult result = lantir.apply(config(0, sourcesJson("slow", "fast")));

        assertThat(slow.ended).as("the run in progress ended before apply returned").isTrue();
        assertThat(result.sync()).isEqualTo(Change.RESTARTED);
        assertThat(lantir.scheduler().sourceNames()).containsExactly("slow", "fast");
    }

    @Test
    void anUnrelatedChangeRestartsNothing() throws Exception {
        start(config(0, sourcesJson("cpip")));
        DicomServer server = lantir.dicomServer();
        SyncScheduler scheduler = lantir.scheduler();
        LantirConfig next = ConfigLoader.parse(configJson(0, sourcesJson("cpip"))
                .replace("\"lantir\": {", "\"api\": {\"cors_allowed_origins\": [\"http://x\"]},"
                        + " \"_comment\": \"edited\", \"lantir\": {\"desktop\": "
                        + "{\"close_action\": \"ask\"}, "), null, dir);

        ApplyResult result = lantir.apply(next);

        assertThat(result.nothingChanged()).isTrue();
        assertThat(result.messages()).containsExactly("Nothing needed a restart.");
        assertThat(lantir.dicomServer()).isSameAs(server);
        assertThat(lantir.scheduler()).isSameAs(scheduler);
        assertThat(server.isRunning()).isTrue();
        assertThat(lantir.config()).isEqualTo(next);
        assertThat(sources).hasSize(1);
    }

    @Test
    void worklistSettingsChangeInPlace() throws Exception {
        start(config(0, "[]"));
        DicomServer server = lantir.dicomServer();
        LantirConfig next = ConfigLoader.parse(configJson(0, "[]").replace("\"port\": 0",
                "\"port\": 0, \"visible_statuses\": [\"SCHEDULED\"], "
                        + "\"person_name_case_insensitive\": false"), null, dir);

        ApplyResult result = lantir.apply(next);

        assertThat(result.worklistUpdated()).isTrue();
        assertThat(result.server()).isEqualTo(Change.UNCHANGED);
        assertThat(lantir.dicomServer()).isSameAs(server);
        assertThat(lantir.worklist().settings().visibleStatuses())
                .containsExactly(ProcedureStepStatus.SCHEDULED);
        assertThat(lantir.worklist().settings().personNameIgnoresCase()).isFalse();
    }

    @Test
    void newRestApiSettingsTakeEffectAtTheNextStart() throws Exception {
        start(config(0, "[]"));
        LantirConfig next = config(0, "[]");
        next = next.withLantir(next.lantir().withApi(next.lantir().api()
                .withEndpoint("127.0.0.1", 8081)));

        ApplyResult result = lantir.apply(next);

        assertThat(result.atNextStart()).containsExactly("lantir.api");
        assertThat(result.messages()).singleElement().asString()
                .isEqualTo("The REST API settings take effect at the next start.");
        assertThat(result.server()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void aNewDatabasePathTakesEffectAtTheNextStart() throws Exception {
        start(config(0, "[]"));
        LantirConfig next = ConfigLoader.parse(configJson(0, "[]")
                .replace("worklist.db", "other.db"), null, dir);

        ApplyResult result = lantir.apply(next);

        assertThat(result.atNextStart()).containsExactly("db_path");
        assertThat(result.messages()).singleElement().asString()
                .contains("takes effect at the next start")
                .contains(dir.resolve("worklist.db").toString());
        assertThat(result.server()).isEqualTo(Change.UNCHANGED);
        assertThat(lantir.config().dbPath().path()).isEqualTo(dir.resolve("other.db"));
        assertThat(dir.resolve("other.db")).doesNotExist();
    }

    @Test
    void servicesThatWereNotRunningTakeTheSettingsWithoutStarting() throws Exception {
        lantir = Lantir.open(config(0, sourcesJson("cpip")), dir.resolve("default.db"),
                Map.of("redcap", factory()));

        ApplyResult result = lantir.apply(config(freePort(), sourcesJson("other")));

        assertThat(result.server()).isEqualTo(Change.UPDATED_STOPPED);
        assertThat(result.sync()).isEqualTo(Change.UPDATED_STOPPED);
        assertThat(lantir.dicomServer().isRunning()).isFalse();
        assertThat(lantir.startSync(Map.of())).isEmpty();
        assertThat(lantir.scheduler().sourceNames()).containsExactly("other");
    }

    @Test
    void theGettersAnswerWhileApplyWaitsForASyncRun() throws Exception {
        start(config(0, sourcesJson("slow")));
        FakeSource slow = sources.get(0);
        slow.blockUntilClosed = true;
        slow.holdAfterClose = new CountDownLatch(1);
        lantir.scheduler().syncNow("slow", false);
        assertThat(slow.fetching.await(10, TimeUnit.SECONDS)).isTrue();
        LantirConfig next = config(0, sourcesJson("renamed"));

        Thread applying = new Thread(() -> lantir.apply(next), "apply");
        applying.start();
        assertThat(slow.closed.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(lantir.config()).isEqualTo(next);
        assertThat(lantir.dicomServer().isRunning()).isTrue();
        assertThat(applying.isAlive()).as("apply still waits for the run").isTrue();
        slow.holdAfterClose.countDown();
        applying.join(10_000);
        assertThat(lantir.scheduler().sourceNames()).containsExactly("renamed");
    }

    private void start(LantirConfig config) throws IOException, InterruptedException {
        lantir = Lantir.open(config, dir.resolve("default.db"), Map.of("redcap", factory()));
        lantir.events().subscribe(event -> {
            if (event instanceof LantirEvent.ServerState state) {
                states.add(state);
            }
        });
        lantir.startServer();
        assertThat(lantir.startSync(Map.of())).isEmpty();
        assertThat(nextState().listening()).isTrue();
    }

    private LantirEvent.ServerState nextState() throws InterruptedException {
        LantirEvent.ServerState state = states.poll(10, TimeUnit.SECONDS);
        assertThat(state).as("a ServerState event").isNotNull();
        return state;
    }

    private SourceFactory factory() {
        return (config, source, env) -> {
            FakeSource fake = new FakeSource(source.name());
            sources.add(fake);
            return fake;
        };
    }

    private LantirConfig config(int port, String sourcesJson) throws Exception {
        return ConfigLoader.parse(configJson(port, sourcesJson), null, dir);
    }

    private String configJson(int port, String sourcesJson) {
        return """
                {"db_path": "worklist.db", "data_sources": %s,
                 "lantir": {"server": {"ae_title": "%s", "bind_address": "%s", "port": %d}}}
                """.formatted(sourcesJson, AE, HOST, port);
    }

    private LantirConfig withAeTitle(LantirConfig config, String aeTitle) {
        var server = config.lantir().server();
        return config.withLantir(config.lantir().withServer(
                server.withEndpoint(aeTitle, server.bindAddress(), server.port())));
    }

    private static String sourcesJson(String... names) {
        StringBuilder json = new StringBuilder("[");
        for (String name : names) {
            json.append(json.length() > 1 ? ", " : "").append("{\"name\": \"").append(name)
                    .append("\", \"type\": \"redcap\", \"sync_interval\": 3600}");
        }
        return json.append("]").toString();
    }

    private static int echoStatus(int port) throws IOException {
        try (ClientAssociation a = new DicomClient().connect(HOST, port, "ECHO_SCU", AE,
                DicomClient.contextsFor(UID.VERIFICATION))) {
            int status = a.echo().status();
            a.release();
            return status;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** A source with no rows; on demand its fetch holds until the source is closed. */
    private static final class FakeSource implements DataSource {
        final String name;
        final CountDownLatch fetching = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        volatile boolean blockUntilClosed;
        volatile CountDownLatch holdAfterClose;
        volatile boolean ended;

        FakeSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public FetchResult fetch(SyncWindow window) throws SourceException {
            if (!blockUntilClosed) {
                return new FetchResult(List.of(), false, List.of());
            }
            fetching.countDown();
            // Like a socket read: an interrupt alone does not end it, closing the source does.
            awaitIgnoringInterrupts(closed);
            CountDownLatch hold = holdAfterClose;
            if (hold != null) {
                awaitIgnoringInterrupts(hold);
            } else {
                sleepIgnoringInterrupts(200);
            }
            ended = true;
            throw new SourceException("source " + name + " closed", true);
        }

        @Override
        public void close() {
            closed.countDown();
        }

        private static void awaitIgnoringInterrupts(CountDownLatch latch) {
            boolean interrupted = false;
            while (true) {
                try {
                    latch.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private static void sleepIgnoringInterrupts(long millis) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            boolean interrupted = Thread.interrupted();
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
