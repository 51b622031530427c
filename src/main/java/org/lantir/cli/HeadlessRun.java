package org.lantir.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.lantir.app.AppPaths;
import org.lantir.app.DatabaseInUseException;
import org.lantir.app.Lantir;
import org.lantir.config.LantirConfig;
import org.lantir.store.StoreException;
import org.slf4j.Logger;

/**
 * What the headless commands ({@code start}, {@code start-api}) share: opening the Lantir on
 * the configured worklist database, and running until Ctrl+C (or SIGTERM).
 */
final class HeadlessRun {

    private HeadlessRun() {
    }

    /**
     * The Lantir on the configured worklist database (the data folder's by default), or null
     * after telling why not on {@code err}; {@code inUseAdvice} follows the message when
     * another Lantir has the database.
     */
    static Lantir open(LantirConfig config, PrintWriter err, String inUseAdvice) {
        try {
            return Lantir.open(config, AppPaths.dataDirectory().resolve(
                    AppPaths.DATABASE_FILE_NAME));
        } catch (DatabaseInUseException e) {
            err.println("lantir: " + e.getMessage() + inUseAdvice);
            return null;
        } catch (StoreException e) {
            err.println("lantir: " + e.getMessage());
            return null;
        }
    }

    /** Closes {@code lantir} on a signal; the latch opens once it is closed. */
    static CountDownLatch closeOnSignal(Lantir lantir, Logger log) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping on signal");
            lantir.close();
            stopped.countDown();
        }, "lantir-shutdown"));
        return stopped;
    }
}
