package org.lantir.ui.welcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lantir.app.AppPaths;
import org.lantir.app.ApplyResult;
import org.lantir.app.ConfigImport;
import org.lantir.app.FirstStart;
import org.lantir.app.Lantir;
import org.lantir.app.ServerOverrides;
import org.lantir.app.ThisComputer;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigStore;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;
import org.lantir.ui.UiThreads;

/**
 * What the welcome panel shows: where the files are, how a scanner reaches this Lantir (read
 * from the running server, so the port is the one it listens on), and the import of an
 * existing pylantir file. Plain properties, updated on the FX thread.
 */
public final class WelcomeModel {

    private final Lantir lantir;
    private final ConfigStore store;
    private final Path defaultDatabase;
    private final Path dataDirectory;
    private final FirstStart.Report firstStart;
    private final UiThreads threads;
    private final Supplier<ThisComputer> computer;
    private Runnable onImported = () -> { };
    private ServerOverrides overrides = ServerOverrides.NONE;

    private final ReadOnlyStringWrapper configFile = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper databaseFile = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper logFolder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper hostName = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper addresses = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper port = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper aeTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper intro = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper portNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reachNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folderNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper importStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /**
     * @param configFile the file the console reads and saves (an imported file goes there)
     * @param firstStart what the first start wrote, or null
     * @param computer this computer's name and addresses (called on a background thread)
     */
    public WelcomeModel(Lantir lantir, Path configFile, Path defaultDatabase, Path dataDirectory,
            FirstStart.Report firstStart, UiThreads threads, Supplier<ThisComputer> computer) {
        this.lantir = lantir;
        this.store = new ConfigStore(configFile);
        this.defaultDatabase = defaultDatabase;
        this.dataDirectory = dataDirectory;
        this.firstStart = firstStart;
        this.threads = threads;
        this.computer = computer;
    }

    /** Called after an import has been copied and applied, e.g. to reload the editor. */
    public void setOnImported(Runnable onImported) {
        this.onImported = onImported;
    }

    /**
     * The server settings the console was started with on the command line: an imported
     * configuration runs with them too, as the file loaded at the start did.
     */
    public void setOverrides(ServerOverrides overrides) {
        this.overrides = overrides;
    }

    /** Reads the running settings again, and this computer's name and addresses. */
    public void refresh() {
        LantirConfig config = lantir.config();
        ServerSettings server = config.lantir().server();
        configFile.set(store.file().toString());
        // The database in use: a changed db_path is only opened at the next start.
        databaseFile.set(lantir.databaseFile().toString());
        logFolder.set(logFolder().toString());
        aeTitle.set(server.aeTitle());
        boolean running = lantir.dicomServer().isRunning();
        port.set(running ? Integer.toString(lantir.dicomServer().port())
                : server.port() + " (not listening)");
        intro.set(introText(running) + databaseText(config));
        portNote.set(portText(running));
        reachNote.set(reachText(config, server, running));
        threads.background().execute(() -> {
            ThisComputer found = computer.get();
            threads.fx().execute(() -> {
                hostName.set(found.hostName().isEmpty() ? "(the system does not say)"
                        : found.hostName());
                addresses.set(found.addresses().isEmpty() ? "(no network address found)"
                        : String.join(", ", found.addresses()));
            });
        });
    }

    private String introText(boolean running) {
        if (firstStart != null) {
            return "Lantir has made its configuration and its worklist database, and its "
                    + "worklist server " + (running ? "is running" : "is not listening (see "
                    + "below)") + ". Here is where everything is, and what to type on a "
                    + "scanner.";
        }
        return "Where Lantir's files are, and what to type on a scanner.";
    }

    /** When the configuration names another database than the one open (until a restart). */
    private String databaseText(LantirConfig config) {
        Path named = Lantir.databaseFile(config, defaultDatabase);
        if (named.equals(lantir.databaseFile())) {
            return "";
        }
        return " The configuration names the database " + named + "; Lantir goes on using "
                + lantir.databaseFile() + " until it is started again.";
    }

    /**
     * What "Open folder" did: nothing to say when the file manager opened it, else why not
     * and where the folder is (the path can be copied beside it).
     */
    public void folderOpened(Path folder, String problem) {
        folderNote.set(problem == null ? "" : "The folder " + folder + " could not be opened: "
                + problem + ". Copy its path and open it in your file manager.");
    }

    private String portText(boolean running) {
        if (!running) {
            String problem = lantir.serverProblem();
            return "The worklist server is not listening" + (problem == null ? "" : ": "
                    + problem) + ". Change the port in Configuration, then start it in Server.";
        }
        if (firstStart != null && firstStart.preferredPortTaken()
                && firstStart.port() == lantir.dicomServer().port()) {
            return "Port " + firstStart.preferredPort() + " was in use by another program, so "
                    + "Lantir listens on port " + firstStart.port() + " (saved in the "
                    + "configuration).";
        }
        return "";
    }

    private static String reachText(LantirConfig config, ServerSettings server,
            boolean running) {
        List<String> notes = new ArrayList<>();
        if (running && ThisComputer.isLoopback(server.bindAddress())) {
            notes.add("The server listens on " + server.bindAddress() + ", this computer only: "
                    + "scanners cannot reach it until the bind address in Configuration is "
                    + "0.0.0.0 or one of the addresses above.");
        }
        if (config.allowedAet().isEmpty()) {
            notes.add("Any scanner that reaches the port is answered; list your scanners' AE "
                    + "titles in Configuration (allowed calling AE titles) on a shared network.");
        }
        return String.join("\n", notes);
    }

    public Path logFolder() {
        return AppPaths.logDirectory(dataDirectory);
    }

    public Path dataFolder() {
        return dataDirectory;
    }

    /** Where the file an import replaces is kept, e.g. {@code lantir.json.bak}. */
    public String backupFileName() {
        return store.backupFile().getFileName().toString();
    }

    /** The folder of the configuration file. */
    public Path configFolder() {
        return store.file().getParent();
    }

    public Path databaseFolder() {
        return Path.of(databaseFile.get()).getParent();
    }

    /**
     * Copies a pylantir configuration over the console's file (the original stays as it is;
     * the file it replaces is kept as {@code .bak}), and applies it: the server and the sync
     * restart where their settings changed. Runs on a background thread.
     */
    public void importConfig(Path original) {
        busy.set(true);
        importFailed.set(false);
        importStatus.set("Reading " + original + "…");
        threads.background().execute(() -> {
            String text;
            boolean failed;
            try {
                List<String> warnings = new ArrayList<>();
                ConfigImport.Copied copied =
                        ConfigImport.importFile(original, store, warnings::add);
                ApplyResult result = lantir.apply(overrides.applyTo(copied.config()));
                text = "Copied " + original + " to " + store.file() + " (the file it replaces is "
                        + "kept as " + store.backupFile().getFileName() + "). The original is "
                        + "unchanged: pylantir can go on using it. "
                        + keptText(copied)
                        + String.join(" ", result.messages())
                        + (result.problems().isEmpty() ? ""
                                : " Problems: " + String.join(" ", result.problems()));
                failed = !result.problems().isEmpty();
            } catch (ConfigException e) {
                text = "Not imported: " + e.getMessage();
                failed = true;
            } catch (java.io.IOException | RuntimeException e) {
                text = "Not imported: the file could not be copied: " + e.getMessage();
                failed = true;
            }
            String message = text;
            boolean problem = failed;
            threads.fx().execute(() -> imported(message, problem));
        });
    }

    /** What of the running settings an import kept, so nobody wonders where they went. */
    private String keptText(ConfigImport.Copied copied) {
        String text = "";
        if (copied.keptLantirSection()) {
            ServerSettings server = copied.config().lantir().server();
            text += "The imported file has no lantir section, so Lantir's own settings were "
                    + "kept (server " + server.bindAddress() + ":" + server.port() + " as "
                    + server.aeTitle() + ", desktop and sync settings). ";
        }
        if (!overrides.isEmpty()) {
            text += "The command-line options " + overrides.describe()
                    + " still apply while this console runs. ";
        }
        return text;
    }

    private void imported(String message, boolean problem) {
        busy.set(false);
        importStatus.set(message);
        importFailed.set(problem);
        refresh();
        onImported.run();
    }

    public ReadOnlyStringProperty configFileProperty() {
        return configFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseFileProperty() {
        return databaseFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty logFolderProperty() {
        return logFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostNameProperty() {
        return hostName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressesProperty() {
        return addresses.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty aeTitleProperty() {
        return aeTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty introProperty() {
        return intro.getReadOnlyProperty();
    }

    /** Why the port is not 4242, or that the server is not listening; empty otherwise. */
    public ReadOnlyStringProperty portNoteProperty() {
        return portNote.getReadOnlyProperty();
    }

    /** What keeps scanners out, or lets every one in; empty when nothing needs saying. */
    public ReadOnlyStringProperty reachNoteProperty() {
        return reachNote.getReadOnlyProperty();
    }

    /** Why a folder could not be opened; empty otherwise. */
    public ReadOnlyStringProperty folderNoteProperty() {
        return folderNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty importStatusProperty() {
        return importStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importFailedProperty() {
        return importFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
