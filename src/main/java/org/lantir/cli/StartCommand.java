package org.lantir.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lantir.app.FirstStart;
import org.lantir.app.Lantir;
import org.lantir.app.ServerOverrides;
import org.lantir.app.ServerProblems;
import org.lantir.app.ThisComputer;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir start}: the DICOM server and the data-source schedules, headless, until
 * Ctrl+C (or SIGTERM) stops them cleanly.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the worklist server and the data-source sync until stopped.")
final class StartCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

    @ParentCommand
    LantirCommand parent;

    @Option(names = "--full-sync",
            description = "Export every data source in full at start, so sessions deleted "
                    + "upstream and still scheduled leave the worklist.")
    boolean fullSync;

    @Override
    public Integer call() throws Exception {
        return run(parent);
    }

    int run(LantirCommand options) throws Exception {
        FirstStart.Report firstStart = options.prepareFirstStart();
        LantirConfig config = withOverrides(options.loadConfig(), options);
        Lantir lantir = HeadlessRun.open(config, options.err(), "; stop it first, or give "
                + "this one another db_path");
        if (lantir == null) {
            return ExitCodes.UNAVAILABLE;
        }
        return serveUntilStopped(lantir, options, firstStart);
    }

    private int serveUntilStopped(Lantir lantir, LantirCommand options,
            FirstStart.Report firstStart) throws Exception {
        ServerSettings server = lantir.config().lantir().server();
        try {
            lantir.startServer();
        } catch (IOException e) {
            String advice = ServerProblems.portInUse(e)
                    ? "; stop the other server or choose another --port" : "";
            options.err().println("lantir: " + ServerProblems.listenProblem(e,
                    server.bindAddress(), server.port()) + advice);
            lantir.close();
            return ExitCodes.UNAVAILABLE;
        }
        CountDownLatch stopped = HeadlessRun.closeOnSignal(lantir, LOG);

        lantir.startSync(System.getenv());
        if (fullSync) {
            lantir.syncAllNow(true);
        }
        if (firstStart != null) {
            logFirstStart(firstStart, lantir);
        }
        startApiIfEnabled(lantir, options);
        options.out().printf("Lantir is listening on %s:%d as %s; press Ctrl+C to stop.%n",
                server.bindAddress(), lantir.dicomServer().port(), server.aeTitle());
        options.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * What the welcome panel shows, for whoever reads the terminal or the journal: where the
     * files are and what to type on the scanner. No patient data.
     */
    private static void logFirstStart(FirstStart.Report first, Lantir lantir) {
        ServerSettings server = lantir.config().lantir().server();
        ThisComputer computer = ThisComputer.inspect();
        LOG.info("First start. Configuration: {}", first.configFile());
        LOG.info("First start. Worklist database: {}", first.databaseFile());
        LOG.info("First start. Logs: standard error (the journal, under a service manager)");
        if (first.preferredPortTaken()) {
            LOG.info("First start. Port {} was in use by another program, so Lantir listens "
                    + "on port {}", first.preferredPort(), lantir.dicomServer().port());
        }
        LOG.info("First start. Point scanners at host {} ({}), port {}, AE title {}, for "
                + "Modality Worklist and MPPS", computer.hostName().isEmpty() ? "(unknown name)"
                        : computer.hostName(),
                computer.addresses().isEmpty() ? "no network address"
                        : String.join(", ", computer.addresses()),
                lantir.dicomServer().port(), server.aeTitle());
        if (ThisComputer.isLoopback(server.bindAddress())) {
            LOG.info("First start. The server listens on {} only: scanners cannot reach it "
                    + "until lantir.server.bind_address is 0.0.0.0 or a network address",
                    server.bindAddress());
        }
    }

    /**
     * With {@code lantir.api.enabled}, the REST API beside the DICOM server. When it cannot
     * start, the scanners are still served: the problem goes to standard error.
     */
    private static void startApiIfEnabled(Lantir lantir, LantirCommand options) {
        if (!lantir.config().lantir().api().enabled()) {
            return;
        }
        try {
            ApiLauncher.start(lantir, ApiLauncher.settings(lantir.config(), options),
                    System.getenv(), options.out());
        } catch (IOException | RuntimeException e) {
            LOG.error("The REST API did not start: {}", e.getMessage());
            options.err().println("lantir: the REST API did not start: " + e.getMessage()
                    + "; the DICOM server runs without it");
        }
    }

    /** The server settings with {@code --AEtitle}, {@code --ip} and {@code --port} applied. */
    static LantirConfig withOverrides(LantirConfig config, LantirCommand options) {
        return overrides(options).applyTo(config);
    }

    static ServerOverrides overrides(LantirCommand options) {
        return new ServerOverrides(options.aeTitle, options.ip, options.port);
    }
}
