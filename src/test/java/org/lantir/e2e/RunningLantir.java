package org.lantir.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistService;

/**
 * The real product for end-to-end tests: {@link Lantir#open} on a database in a test folder,
 * configured from the JSON a site would write, its DICOM server listening on 127.0.0.1 at an
 * ephemeral port. {@link #restart()} closes it and opens it again on the same database, as a
 * restarted service would.
 *
 * <pre>
 * try (RunningLantir lantir = RunningLantir.in(dir).allowedAet("MRI_3T").start()) {
 *     lantir.add(WorklistRows.wTable());
 *     int port = lantir.port();
 * }
 * </pre>
 */
final class RunningLantir implements AutoCloseable {

    /** The server's AE title in every end-to-end test. */
    static final String AE_TITLE = "MWL_SCP";
    static final String HOST = "127.0.0.1";

    private final LantirConfig config;
    private final Path defaultDatabase;
    private Lantir lantir;

    private RunningLantir(LantirConfig config, Path defaultDatabase) {
        this.config = config;
        this.defaultDatabase = defaultDatabase;
    }

    /** Starts configuring a Lantir whose database and config live in {@code dir}. */
    static Config in(Path dir) {
        return new Config(dir);
    }

    /** Opens the database and starts the DICOM server (no sync). */
    private RunningLantir open() throws IOException {
        lantir = Lantir.open(config, defaultDatabase);
        try {
            lantir.startServer();
        } catch (IOException | RuntimeException e) {
            lantir.close();
            throw e;
        }
        return this;
    }

    /** Starts the configured data sources' schedules with these environment variables. */
    List<String> startSync(Map<String, String> env) {
        return lantir.startSync(env);
    }

    /** Closes Lantir and opens it again on the same database; the port changes. */
    void restart() throws IOException {
        lantir.close();
        open();
    }

    int port() {
        return lantir.dicomServer().port();
    }

    Lantir app() {
        return lantir;
    }

    WorklistService worklist() {
        return lantir.worklist();
    }

    LantirConfig config() {
        return config;
    }

    /** Adds rows through the worklist service, as an operator would; returns them stored. */
    List<WorklistItem> add(WorklistItem... rows) {
        List<WorklistItem> stored = new ArrayList<>();
        for (WorklistItem row : rows) {
            stored.add(lantir.worklist().add(row));
        }
        return stored;
    }

    /** Every stored row, whatever its status. */
    List<WorklistItem> rows() {
        return lantir.worklist().list(WorklistFilter.all());
    }

    /** The stored row with this Patient ID (exactly one expected). */
    WorklistItem row(String patientId) {
        List<WorklistItem> found = rows().stream()
                .filter(r -> patientId.equals(r.patientId())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows with Patient ID " + patientId);
        }
        return found.get(0);
    }

    @Override
    public void close() {
        if (lantir != null) {
            lantir.close();
        }
    }

    /**
     * The configuration file's JSON, built from parts: the server section always listens on
     * 127.0.0.1, port 0, as {@link #AE_TITLE}; the database is {@code worklist.db} in the
     * folder.
     */
    static final class Config {

        private final Path dir;
        private final List<String> topLevel = new ArrayList<>();
        private final List<String> server = new ArrayList<>();

        private Config(Path dir) {
            this.dir = dir;
        }

        /** The {@code allowed_aet} list (calling AE titles allowed to associate). */
        Config allowedAet(String... aeTitles) {
            topLevel.add("\"allowed_aet\": [" + quoted(aeTitles) + "]");
            return this;
        }

        /** More top-level members, as JSON text (e.g. {@code "data_sources": [...]}). */
        Config json(String members) {
            topLevel.add(members);
            return this;
        }

        /** More {@code lantir.server} members, as JSON text. */
        Config server(String members) {
            server.add(members);
            return this;
        }

        /** The configuration file's text. */
        String text() {
            List<String> serverMembers = new ArrayList<>(List.of(
                    "\"ae_title\": \"" + AE_TITLE + "\"",
                    "\"bind_address\": \"" + HOST + "\"", "\"port\": 0"));
            serverMembers.addAll(server);
            List<String> members = new ArrayList<>(List.of("\"db_path\": \"worklist.db\""));
            members.addAll(topLevel);
            members.add("\"lantir\": {\"server\": {" + String.join(", ", serverMembers)
                    + "}}");
            return "{" + String.join(",\n", members) + "}";
        }

        LantirConfig parse() throws ConfigException {
            return ConfigLoader.parse(text(), dir.resolve("lantir.json"), dir);
        }

        RunningLantir start() throws IOException, ConfigException {
            return new RunningLantir(parse(), dir.resolve("default.db")).open();
        }

        private static String quoted(String... values) {
            List<String> quoted = new ArrayList<>();
            for (String value : values) {
                quoted.add("\"" + value + "\"");
            }
            return String.join(", ", quoted);
        }
    }
}
