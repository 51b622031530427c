package org.lantir.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lantir.api.ApiServer;
import org.lantir.app.Lantir;
import org.lantir.config.ApiSettings;
import org.lantir.config.LantirConfig;
import org.lantir.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir start-api}: the REST API alone over the configured worklist database, until
 * Ctrl+C (or SIGTERM), as the Python tool's command. No DICOM server and no sync run: with
 * {@code lantir.api.enabled}, {@code lantir start} runs the API beside them instead, and only
 * one Lantir may run on a worklist database at a time.
 */
@Command(name = "start-api", mixinStandardHelpOptions = true,
        description = "Run the REST API over the configured worklist database until stopped.")
final class StartApiCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StartApiCommand.class);

    @ParentCommand
    LantirCommand parent;

    @Override
    public Integer call() throws Exception {
        return run(parent);
    }

    int run(LantirCommand options) throws Exception {
        LantirConfig config = options.loadConfig();
        ApiSettings settings = ApiLauncher.settings(config, options);
        Lantir lantir = HeadlessRun.open(config, options.err(), "; to run the REST API beside "
                + "it, set lantir.api.enabled in its configuration and restart it");
        if (lantir == null) {
            return ExitCodes.UNAVAILABLE;
        }
        try {
            ApiLauncher.start(lantir, settings, System.getenv(), options.out());
        } catch (ApiServer.ListenException e) {
            options.err().println("lantir: " + e.getMessage() + (e.portInUse()
                    ? "; choose another --api-port or stop the other program"
                    : "; choose another --api-host"));
            lantir.close();
            return ExitCodes.UNAVAILABLE;
        } catch (IllegalArgumentException e) {
            // LANTIR_ADMIN_PASSWORD breaks a rule, or the token lifetimes do not fit.
            options.err().println("lantir: " + e.getMessage());
            lantir.close();
            return ExitCodes.CONFIG;
        } catch (IOException | StoreException | IllegalStateException e) {
            // The users database or the token signing key cannot be opened or is damaged:
            // the message names the file and what to do, no stack trace is needed.
            options.err().println("lantir: the REST API did not start: " + e.getMessage());
            lantir.close();
            return ExitCodes.UNAVAILABLE;
        }
        CountDownLatch stopped = HeadlessRun.closeOnSignal(lantir, LOG);
        options.out().println("Press Ctrl+C to stop.");
        options.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
