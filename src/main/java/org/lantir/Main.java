package org.lantir;

import java.util.Locale;
import java.util.Set;
import org.lantir.cli.LantirCommand;

/** Entry point of {@code lantir.jar}: hands the command line to the CLI. */
public final class Main {

    /** Commands that report and end; the others run a server and log at INFO. */
    private static final Set<String> ONE_SHOT_COMMANDS =
            Set.of("query-db", "test-client", "test-mpps", "bench", "import");

    private Main() {
    }

    public static void main(String[] args) {
        String[] arguments = openedFile(args);
        chooseLogLevel(arguments);
        System.exit(LantirCommand.run(arguments));
    }

    /**
     * A desktop opening a double-clicked {@code NAME.lantir} file (the installers' file
     * association, packaging/file-association.properties) runs the launcher with that file as
     * its only argument: the console with that configuration, {@code gui --config NAME.lantir}.
     */
    static String[] openedFile(String[] args) {
        if (args.length == 1 && !args[0].startsWith("-")
                && args[0].toLowerCase(Locale.ROOT).endsWith(".lantir")) {
            return new String[] {"gui", "--config", args[0]};
        }
        return args;
    }

    /**
     * Servers log at INFO; one-shot commands (query-db, import, ...) at WARN, so their
     * output reads as a report. LANTIR_LOG_LEVEL, when set, wins. Must run before the first
     * logger is created.
     */
    private static void chooseLogLevel(String[] args) {
        if (System.getenv("LANTIR_LOG_LEVEL") != null
                || System.getProperty("LANTIR_LOG_LEVEL") != null) {
            return;
        }
        System.setProperty("LANTIR_LOG_LEVEL", defaultLogLevel(args));
    }

    /** WARN for a one-shot command (its report is its output), else INFO. */
    static String defaultLogLevel(String[] args) {
        boolean oneShot = false;
        for (String arg : args) {
            oneShot |= ONE_SHOT_COMMANDS.contains(arg);
        }
        return oneShot ? "WARN" : "INFO";
    }
}
