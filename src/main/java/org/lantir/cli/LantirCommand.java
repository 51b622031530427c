package org.lantir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lantir.app.AppPaths;
import org.lantir.app.DataFolder;
import org.lantir.app.FirstStart;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code lantir} command line. Its commands and flags are the Python tool's (pylantir), so
 * its users' scripts keep working: every flag may stand before or after the command, and each
 * command ignores the flags it does not use, as pylantir did.
 */
@Command(name = "lantir", mixinStandardHelpOptions = true,
        versionProvider = LantirVersion.class,
        description = "Modality Worklist and MPPS server for research scanners, fed from REDCap, "
                + "Calpendo and worklist folders.",
        subcommands = {GuiCommand.class, StartCommand.class, QueryDbCommand.class,
            TestClientCommand.class, TestMppsCommand.class, BenchCommand.class,
            ImportCommand.class, StartApiCommand.class,
            AdminPasswordCommand.class, CreateUserCommand.class, ListUsersCommand.class,
            LicensesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the peer or the operation refused (DICOM failure status)",
            "2:wrong command line", "3:configuration file missing or invalid",
            "4:port taken, database or peer unavailable"})
public final class LantirCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--AEtitle", scope = ScopeType.INHERIT, paramLabel = "AETITLE",
            description = "AE title of the server (start) or of the server to call (tests).")
    String aeTitle;

    @Option(names = "--ip", scope = ScopeType.INHERIT, paramLabel = "IP",
            description = "Address to listen on (start) or of the server to call (tests).")
    String ip;

    @Option(names = "--port", scope = ScopeType.INHERIT, paramLabel = "PORT",
            description = "Port to listen on (start) or of the server to call (tests).")
    Integer port;

    @Option(names = "--api-host", scope = ScopeType.INHERIT, paramLabel = "HOST",
            description = "start-api, and start with lantir.api.enabled: address the REST API "
                    + "listens on (default lantir.api.host, else 0.0.0.0).")
    String apiHost;

    @Option(names = "--api-port", scope = ScopeType.INHERIT, paramLabel = "PORT",
            description = "start-api, and start with lantir.api.enabled: the REST API's port "
                    + "(default lantir.api.port, else 8000).")
    Integer apiPort;

    @Option(names = {"--pylantir_config", "--config"}, scope = ScopeType.INHERIT,
            paramLabel = "FILE", description = "Configuration file (the Python tool's JSON).")
    Path configFile;

    @Option(names = "--username", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "admin-password: the account (default admin); create-user: the "
                    + "new account's username.")
    String username;

    @Option(names = "--role", scope = ScopeType.INHERIT, paramLabel = "admin|write|read",
            description = "create-user: the new account's role (asked when not given).")
    String role;

    @Option(names = "--email", scope = ScopeType.INHERIT, paramLabel = "ADDRESS",
            description = "create-user: the new account's email (optional).")
    String email;

    @Option(names = "--full-name", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "create-user: the new account's full name (optional).")
    String fullName;

    @Option(names = "--mpps_action", scope = ScopeType.INHERIT, paramLabel = "create|set",
            description = "test-mpps: send N-CREATE (create) or N-SET (set).")
    MppsAction mppsAction;

    @Option(names = "--mpps_status", scope = ScopeType.INHERIT,
            paramLabel = "COMPLETED|DISCONTINUED", description = "test-mpps set: final status.")
    MppsFinalStatus mppsStatus;

    @Option(names = "--callingAEtitle", scope = ScopeType.INHERIT, paramLabel = "AETITLE",
            description = "Calling AE title of test-client and test-mpps (default LANTIR_TEST).")
    String callingAeTitle;

    @Option(names = "--study_uid", scope = ScopeType.INHERIT, paramLabel = "UID",
            description = "test-mpps create: Study Instance UID of the worklist row.")
    String studyUid;

    @Option(names = "--sop_uid", scope = ScopeType.INHERIT, paramLabel = "UID",
            description = "test-mpps: the MPPS SOP Instance UID (printed by create).")
    String sopUid;

    /** The per-user data folder; tests set their own. Null: the platform's ({@link AppPaths}). */
    Path dataDirectory;

    /** The N-CREATE / N-SET choice of {@code test-mpps}. */
    public enum MppsAction { create, set }

    /** The final statuses {@code test-mpps set} may send (PS3.3 C.4.14). */
    public enum MppsFinalStatus { COMPLETED, DISCONTINUED }

    /** With no command, opens the desktop console as {@code gui} would. */
    @Override
    public Integer call() throws Exception {
        return new GuiCommand().run(this);
    }

    /** Runs the command line on standard output and error; returns the exit code. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * Runs the command line with its report and messages going to {@code out} and
     * {@code err} (a caller such as a test, or later the desktop window, reads them).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = newCommandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new LantirCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(LantirCommand::onException);
        // Picocli does not hand the version down: `lantir start --version` says it too.
        cli.getSubcommands().values().forEach(sub ->
                sub.getCommandSpec().versionProvider(new LantirVersion()));
        return cli;
    }

    private static int onException(Exception e, CommandLine cli, CommandLine.ParseResult r) {
        PrintWriter err = cli.getErr();
        if (e instanceof ConfigException) {
            err.println("lantir: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (e instanceof IllegalArgumentException) {
            // A flag whose value the DICOM layer refuses, e.g. an AE title over 16 characters.
            err.println("lantir: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("lantir: " + e);
        e.printStackTrace(err);
        return ExitCodes.FAILED;
    }

    /** The configuration: the file given, else the user's default file if any, else defaults. */
    LantirConfig loadConfig() throws ConfigException {
        if (configFile != null) {
            return ConfigLoader.load(configFile);
        }
        Path defaultFile = dataDirectory().resolve(AppPaths.CONFIG_FILE_NAME);
        if (defaultFile.toFile().isFile()) {
            return ConfigLoader.load(defaultFile);
        }
        return LantirConfig.defaults();
    }

    /**
     * On the first start (no file named, none in the data folder): writes the commented
     * default configuration there, with the flags' AE title, address and port if given, so
     * that {@link #loadConfig()} reads it. Null when a configuration exists or was named.
     */
    FirstStart.Report prepareFirstStart() throws ConfigException {
        Path dataDirectory = dataDirectory();
        if (configFile == null) {
            // Its files are in use: a folder others may enter is said once per run.
            DataFolder.warnIfOpenToOthers(dataDirectory);
        }
        if (!FirstStart.isFirstStart(configFile, dataDirectory)) {
            return null;
        }
        try {
            return FirstStart.create(dataDirectory, aeTitle, ip, port);
        } catch (IOException e) {
            throw new ConfigException(dataDirectory.resolve(AppPaths.CONFIG_FILE_NAME), "",
                    "the default configuration could not be written: " + reason(e), e);
        }
    }

    /**
     * What went wrong with a file, in words: Java's file exceptions often carry only the path
     * (an AccessDeniedException's message is the path alone).
     */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return missing.getFile() + ": no such file or folder";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() == null) {
            return fs.getFile() + ": " + e.getClass().getSimpleName();
        }
        return e.getMessage();
    }

    /** The per-user data folder: the platform's, unless a test set one. */
    Path dataDirectory() {
        return dataDirectory != null ? dataDirectory : AppPaths.dataDirectory();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
