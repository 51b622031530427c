package org.lantir.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lantir.app.AppPaths;
import org.lantir.app.DataFolder;
import org.lantir.app.FirstStart;
import org.lantir.app.LogFile;
import org.lantir.config.ConfigException;
import org.lantir.config.LantirConfig;
import org.lantir.ui.DesktopLauncher;
import org.lantir.ui.DesktopStartup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir gui} (and {@code lantir} with no command): the desktop console, with the DICOM
 * server and the data-source schedules running behind it until the window closes.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop console (the default when no command is given).")
final class GuiCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GuiCommand.class);

    /** Shows why the console cannot start; false when no window could be shown. */
    interface ProblemDialog {
        boolean show(String header, String detail);
    }

    @ParentCommand
    LantirCommand parent;

    @Override
    public Integer call() throws Exception {
        return run(parent);
    }

    int run(LantirCommand options) throws Exception {
        return run(options, DesktopLauncher::showStartupProblem);
    }

    /**
     * A console started from a menu has no terminal: a configuration it cannot use is written
     * to the log file and shown in a dialog, besides standard error; the exit code stays.
     */
    int run(LantirCommand options, ProblemDialog dialog) throws Exception {
        Path dataDirectory = options.dataDirectory();
        makeDataFolder(dataDirectory);
        // No terminal behind a menu entry: the desktop keeps its log in the data folder,
        // from the first start's lines on.
        try (LogFile logFile = LogFile.attach(dataDirectory)) {
            try {
                return runWithLog(options, dataDirectory);
            } catch (ConfigException e) {
                cannotStart(e, logFile, LogFile.in(dataDirectory), dialog);
                throw e;
            }
        }
    }

    /**
     * Owner-only, before logback would make the logs folder (and the data folder) with the
     * system's default permissions. A folder that cannot be made is told by what follows.
     */
    private static void makeDataFolder(Path dataDirectory) {
        try {
            DataFolder.createWithLogs(dataDirectory);
        } catch (java.io.IOException e) {
            LOG.debug("The data folder {} could not be made: {}", dataDirectory, e.toString());
        }
    }

    private static void cannotStart(ConfigException e, LogFile logFile, Path logPath,
            ProblemDialog dialog) {
        LOG.error("The console cannot start: {}", e.getMessage());
        boolean logged = logFile != null && logFile.isWriting();
        String where = logged ? "The log: " + logFile.file()
                : "No log could be written (" + logPath + ").";
        boolean shown = dialog.show("Lantir cannot start", e.getMessage() + "\n\n" + where);
        if (!shown) {
            LOG.debug("No window for the problem; it is in the log and on standard error");
        }
    }

    private int runWithLog(LantirCommand options, Path dataDirectory) throws Exception {
        FirstStart.Report firstStart = options.prepareFirstStart();
        LantirConfig config = StartCommand.withOverrides(options.loadConfig(), options);
        Path configFile = options.configFile != null
                ? options.configFile : dataDirectory.resolve(AppPaths.CONFIG_FILE_NAME);
        DesktopStartup startup = new DesktopStartup(config, configFile,
                dataDirectory.resolve(AppPaths.DATABASE_FILE_NAME), System.getenv(),
                dataDirectory, firstStart, StartCommand.overrides(options));
        try {
            return DesktopLauncher.launch(startup) ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
        } catch (IllegalStateException e) {
            options.err().println("lantir: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
    }
}
