package org.lantir.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.testfx.api.FxToolkit;

/**
 * The real desktop application for window tests: {@link LantirApp} started in-process (headless
 * on Monocle) from a configuration file in a test folder, its database there too, its DICOM
 * server on 127.0.0.1 at an ephemeral port.
 *
 * <pre>
 * try (ConsoleHarness console = ConsoleHarness.start(dir)) {
 *     console.lantir().worklist().add(row);
 * }
 * </pre>
 */
public final class ConsoleHarness implements AutoCloseable {

    /** The server's AE title in every window test. */
    public static final String AE_TITLE = "MWL_SCP";

    private final LantirApp app;
    private final Path configFile;

    private ConsoleHarness(LantirApp app, Path configFile) {
        this.app = app;
        this.configFile = configFile;
    }

    /** Starts the application with the default test configuration written into {@code dir}. */
    public static ConsoleHarness start(Path dir) throws Exception {
        return start(dir, defaultConfigJson(dir));
    }

    /** Starts the application with {@code configJson} saved as {@code dir/lantir.json}. */
    public static ConsoleHarness start(Path dir, String configJson) throws Exception {
        return start(dir, configJson, Map.of());
    }

    /**
     * Starts the application with {@code configJson} and {@code environment} as the process
     * environment, e.g. {@code REDCAP_API_TOKEN} for a data source.
     */
    public static ConsoleHarness start(Path dir, String configJson,
            Map<String, String> environment) throws Exception {
        Path configFile = dir.resolve("lantir.json");
        Files.writeString(configFile, configJson);
        LantirConfig config = ConfigLoader.load(configFile);
        DesktopStartup startup = new DesktopStartup(config, configFile,
                dir.resolve("worklist.db"), Map.copyOf(environment));
        return start(startup);
    }

    /** Starts the application as the command line would with {@code startup}. */
    public static ConsoleHarness start(DesktopStartup startup) throws Exception {
        FxToolkit.registerPrimaryStage();
        LantirApp app = (LantirApp) FxToolkit.setupApplication(() -> new LantirApp(startup));
        return new ConsoleHarness(app, startup.configFile());
    }

    /** A server on 127.0.0.1 at an ephemeral port, no data sources, the database in dir. */
    public static String defaultConfigJson(Path dir) {
        return """
                {
                    "db_path": "%s",
                    "lantir": {
                        "server": {"ae_title": "%s", "bind_address": "127.0.0.1", "port": 0}
                    }
                }
                """.formatted(dir.resolve("worklist.db").toString().replace("\\", "\\\\"),
                AE_TITLE);
    }

    public Lantir lantir() {
        return app.lantir();
    }

    public Console console() {
        return app.console();
    }

    ConsoleHelp help() {
        return app.help();
    }

    public Path configFile() {
        return configFile;
    }

    public int port() {
        return lantir().dicomServer().port();
    }

    public Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    @Override
    public void close() throws TimeoutException, IOException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    static LantirConfig load(Path file) throws ConfigException {
        return ConfigLoader.load(file);
    }
}
