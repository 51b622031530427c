package org.lantir.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lantir.app.AppPaths;
import org.lantir.app.FirstStart;
import org.lantir.app.LogFile;
import org.lantir.config.LantirConfig;
import org.lantir.ui.DesktopLauncher;
import org.lantir.ui.DesktopStartup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir gui} (and {@code lantir} with no command): the desktop console, with the DICOM
 * server and the data-source schedules running behind it until the window closes.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop console (the default when no command is given).")
final class GuiCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Override
    public Integer call() throws Exception {
        return run(parent);
    }

    int run(LantirCommand options) throws Exception {
        Path dataDirectory = AppPaths.dataDirectory();
        // No terminal behind a menu entry: the desktop keeps its log in the data folder,
        // from the first start's lines on.
        try (LogFile logFile = LogFile.attach(dataDirectory)) {
            return runWithLog(options, dataDirectory);
        }
    }

    private int runWithLog(LantirCommand options, Path dataDirectory) throws Exception {
        FirstStart.Report firstStart = options.prepareFirstStart();
        LantirConfig config = StartCommand.withOverrides(options.loadConfig(), options);
        Path configFile = options.configFile != null
                ? options.configFile : AppPaths.defaultConfigFile();
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
