package org.lantir.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lantir.app.AppPaths;
import org.lantir.app.Lantir;
import org.lantir.config.LantirConfig;
import org.lantir.store.StoreException;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.SyncRunRecord;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.PossibleDuplicates;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir query-db}: the worklist as a table, as the database holds it; with
 * {@code --sync-history}, the recent runs of the data sources instead, read from the event
 * log through {@link SyncHistory} as the desktop's Sync screen reads them.
 */
@Command(name = "query-db", mixinStandardHelpOptions = true,
        description = {"Print the worklist database as a table.",
            "With --sync-history, print the data sources' recent runs instead."})
final class QueryDbCommand implements Callable<Integer> {

    private static final String[] HEADERS = {"ID", "Date", "Time", "Patient name",
        "Patient ID", "Mod", "Station AE", "SPS ID", "Study Instance UID", "Status", "Source"};

    @ParentCommand
    LantirCommand parent;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Only rows scheduled on this day.")
    LocalDate date;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only rows with these statuses (SCHEDULED, IN_PROGRESS, ...).")
    List<ProcedureStepStatus> statuses;

    @Option(names = "--sync-history",
            description = "Print the recent sync runs (newest first) instead of the rows.")
    boolean syncHistory;

    @Option(names = "--possible-duplicates",
            description = "Print the rows flagged as possible duplicates (the same participant "
                    + "and date from two sources; newest first) instead of the rows.")
    boolean possibleDuplicates;

    @Option(names = "--source", paramLabel = "NAME",
            description = "With --sync-history: only the runs of this data source.")
    String source;

    @Option(names = "--limit", paramLabel = "N",
            description = "With --sync-history or --possible-duplicates: at most N entries "
                    + "(default: " + SyncHistoryTable.DEFAULT_LIMIT + ").")
    Integer limit;

    @Override
    public Integer call() throws Exception {
        String misuse = misuse();
        if (misuse != null) {
            parent.err().println("lantir: " + misuse);
            return ExitCodes.USAGE;
        }
        LantirConfig config = parent.loadConfig();
        Path file = Lantir.databaseFile(config,
                AppPaths.dataDirectory().resolve(AppPaths.DATABASE_FILE_NAME));
        if (!Files.isRegularFile(file)) {
            // A mistyped db_path must not look like an empty worklist.
            parent.err().println("lantir: no worklist database at " + file);
            return ExitCodes.UNAVAILABLE;
        }
        // Unlocked: query-db reads a database that a running server holds.
        try (Lantir lantir = Lantir.openUnlocked(config, file)) {
            int entries = limit == null ? SyncHistoryTable.DEFAULT_LIMIT : limit;
            if (syncHistory) {
                List<SyncRunRecord> runs = new SyncHistory(lantir.eventLog()).recent(source,
                        entries);
                if (runs.isEmpty() && source != null && config.dataSource(source).isEmpty()) {
                    parent.err().println("lantir: no data source " + source + " in the "
                            + "configuration, and no runs of it in the sync history");
                    return ExitCodes.USAGE;
                }
                SyncHistoryTable.print(runs, parent.out(), ZoneId.systemDefault());
                return ExitCodes.OK;
            }
            if (possibleDuplicates) {
                printDuplicates(lantir.eventLog().recentOfKind(PossibleDuplicates.KIND, null,
                        entries), parent.out());
                return ExitCodes.OK;
            }
            List<WorklistItem> rows = lantir.worklist().list(filter());
            print(rows, parent.out());
            return ExitCodes.OK;
        } catch (StoreException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
    }

    /** What is wrong with the flags together, or null. */
    private String misuse() {
        if (syncHistory && possibleDuplicates) {
            return "--sync-history and --possible-duplicates print different lists; choose one";
        }
        if (!syncHistory && source != null) {
            return "--source goes with --sync-history";
        }
        if (!syncHistory && !possibleDuplicates && limit != null) {
            return "--limit goes with --sync-history or --possible-duplicates";
        }
        if ((syncHistory || possibleDuplicates) && (date != null || statuses != null)) {
            return "--date and --status select worklist rows, not "
                    + (syncHistory ? "sync runs" : "possible duplicates");
        }
        if (limit != null && limit < 1) {
            return "--limit must be at least 1";
        }
        return null;
    }

    private WorklistFilter filter() {
        Set<ProcedureStepStatus> wanted = statuses == null || statuses.isEmpty()
                ? null : EnumSet.copyOf(statuses);
        return new WorklistFilter(date, date, null, null, null, wanted, 0);
    }

    /**
     * The flagged pairs, newest first: when, the two sources, and the message naming the row
     * ids and why they look like one participant (no patient data).
     */
    static void printDuplicates(List<EventRecord> flagged, PrintWriter out) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneId.systemDefault());
        for (EventRecord event : flagged) {
            out.println(time.format(event.time()) + "  " + event.source() + "  "
                    + event.message());
        }
        out.printf("%d possible duplicate(s)%n", flagged.size());
        out.flush();
    }

    static void print(List<WorklistItem> rows, PrintWriter out) {
        List<String[]> table = new ArrayList<>();
        table.add(HEADERS);
        for (WorklistItem item : rows) {
            table.add(cells(item));
        }
        TextTable.print(table, out);
        out.printf("%d row(s)%n", rows.size());
        out.flush();
    }

    private static String[] cells(WorklistItem item) {
        return new String[] {
            text(item.id()), text(item.scheduledStartDate()), text(item.scheduledStartTime()),
            text(item.patientName()), text(item.patientId()), text(item.modality()),
            text(item.scheduledStationAeTitle()), text(item.spsId()),
            text(item.studyInstanceUid()), item.status().name(), text(item.dataSource())
        };
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
