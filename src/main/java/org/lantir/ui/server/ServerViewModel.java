package org.lantir.ui.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.app.Lantir;
import org.lantir.dicom.net.DicomServer;
import org.lantir.dicom.net.Dimse;
import org.lantir.dicom.net.ServerSettings;
import org.lantir.dicom.net.ServerStatistics;
import org.lantir.events.LantirEvent;
import org.lantir.ui.EventBatcher;
import org.lantir.ui.UiThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Server screen's state: whether the DICOM server listens and where, the associations
 * open now, and the requests handled and refused since the server was built. Always asks
 * {@link Lantir#dicomServer()} for the current server: a configuration change may replace it.
 *
 * <p>{@link #refresh()} reads the server's in-memory statistics (cheap; the view calls it
 * once a second); server and association events from the feed trigger it at once, batched.
 * Starting and stopping run on the background threads, since binding and aborting
 * associations may take a moment.
 */
public final class ServerViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Lantir lantir;
    private final UiThreads threads;
    private final Clock clock;
    private final AutoCloseable subscription;

    private final ReadOnlyBooleanWrapper listening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Stopped");
    private final ReadOnlyStringWrapper bindAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper port = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper aeTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countingSince = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** A failure of the last Start or Stop that the server did not explain itself. */
    private String actionProblem;

    private final List<Counter> requestCounters = List.of(
            new Counter("c-echo", "C-ECHO", "verification", Dimse.C_ECHO_RQ),
            new Counter("c-find", "C-FIND", "worklist queries", Dimse.C_FIND_RQ),
            new Counter("n-create", "N-CREATE", "procedure steps started", Dimse.N_CREATE_RQ),
            new Counter("n-set", "N-SET", "procedure steps updated", Dimse.N_SET_RQ));
    private final ReadOnlyLongWrapper associationsAccepted = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper associationsRejected = new ReadOnlyLongWrapper();
    private final ObservableList<AssociationRow> associations =
            FXCollections.observableArrayList();

    public ServerViewModel(Lantir lantir, UiThreads threads, Clock clock) {
        this.lantir = lantir;
        this.threads = threads;
        this.clock = clock;
        EventBatcher<LantirEvent> batcher = new EventBatcher<>(threads.fx(), events -> refresh());
        this.subscription = lantir.events().subscribe(event -> {
            if (event instanceof LantirEvent.ServerState
                    || event instanceof LantirEvent.AssociationEvent) {
                batcher.offer(event);
            }
        });
        refresh();
    }

    /** Reads the current server's state and statistics; on the JavaFX thread. */
    public void refresh() {
        DicomServer server = lantir.dicomServer();
        ServerSettings settings = server.settings();
        boolean running = server.isRunning();
        listening.set(running);
        if (!busy.get()) {
            state.set(running ? "Listening" : "Stopped");
        }
        bindAddress.set(settings.bindAddress());
        port.set(portText(running ? server.port() : settings.port(), running));
        aeTitle.set(settings.aeTitle());
        problem.set(running ? "" : problemText());

        ServerStatistics.Snapshot snapshot = server.statistics().snapshot();
        countingSince.set("Counted since " + localTime(snapshot.since()));
        for (Counter counter : requestCounters) {
            ServerStatistics.RequestCounts counts = snapshot.requests(counter.commandField);
            counter.handled.set(counts.handled());
            counter.refused.set(counts.refused());
        }
        associationsAccepted.set(snapshot.associationsAccepted());
        associationsRejected.set(snapshot.associationsRejected());
        updateAssociations(snapshot.active());
    }

    private String problemText() {
        String why = lantir.serverProblem();
        if (why != null) {
            return "The server could not start: " + why + ". Stop the program using the port, "
                    + "or choose another port in Configuration; then Start.";
        }
        return actionProblem == null ? "" : actionProblem;
    }

    private static String portText(int port, boolean bound) {
        return port == 0 && !bound ? "any free port" : Integer.toString(port);
    }

    /**
     * Brings the table's rows in line with the open associations, keeping the rows that
     * stay (and so the keyboard selection) and updating how long each has been open.
     */
    private void updateAssociations(List<ServerStatistics.ActiveAssociation> open) {
        Set<String> names = open.stream().map(ServerStatistics.ActiveAssociation::name)
                .collect(Collectors.toSet());
        associations.removeIf(row -> !names.contains(row.name()));

        Map<String, AssociationRow> shown = new HashMap<>();
        associations.forEach(row -> shown.put(row.name(), row));
        Instant now = clock.instant();
        for (ServerStatistics.ActiveAssociation association : open) {
            AssociationRow row = shown.get(association.name());
            if (row == null) {
                row = new AssociationRow(association.name(), association.callingAeTitle(),
                        address(association.remoteAddress()), localTime(association.since()));
                associations.add(row);
            }
            row.openFor.set(durationText(Duration.between(association.since(), now)));
        }
    }

    /** Starts listening; a port in use is told in {@link #problemProperty()}. */
    public void start() {
        run("Starting…", "start", () -> {
            try {
                lantir.startServer();
            } catch (IOException e) {
                // Lantir.serverProblem() words it; the ERROR line is for the log file.
                LOG.error("The DICOM server did not start: {}", lantir.serverProblem());
            }
        });
    }

    /** Stops listening; associations in progress are aborted. */
    public void stop() {
        run("Stopping…", "stop", lantir::stopServer);
    }

    /** @param verb what the action does, for a failure message: "start", "stop" */
    private void run(String progress, String verb, Runnable action) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        state.set(progress);
        actionProblem = null;
        threads.background().execute(() -> {
            String failure = null;
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("The DICOM server did not {}", verb, e);
                failure = "The server did not " + verb + ": " + e.getMessage();
            }
            String problemNow = failure;
            threads.fx().execute(() -> {
                actionProblem = problemNow;
                busy.set(false);
                refresh();
            });
        });
    }

    public ReadOnlyBooleanProperty listeningProperty() {
        return listening.getReadOnlyProperty();
    }

    /** True while a Start or Stop is in progress. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Listening", "Stopped", "Starting…" or "Stopping…". */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bindAddressProperty() {
        return bindAddress.getReadOnlyProperty();
    }

    /** The bound port while listening, else the configured one. */
    public ReadOnlyStringProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty aeTitleProperty() {
        return aeTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countingSinceProperty() {
        return countingSince.getReadOnlyProperty();
    }

    /** Why the server is not listening when it should be, in words; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** C-ECHO, C-FIND, N-CREATE and N-SET, in that order. */
    public List<Counter> requestCounters() {
        return requestCounters;
    }

    public ReadOnlyLongProperty associationsAcceptedProperty() {
        return associationsAccepted.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty associationsRejectedProperty() {
        return associationsRejected.getReadOnlyProperty();
    }

    /** The associations open now, oldest first. */
    public ObservableList<AssociationRow> associations() {
        return associations;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing the Server screen failed: {}", e.toString());
        }
    }

    private String localTime(Instant instant) {
        return TIME.format(instant.atZone(zone()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static String address(InetSocketAddress address) {
        if (address == null) {
            return "unknown";
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress()
                : address.getHostString();
        return host + ":" + address.getPort();
    }

    static String durationText(Duration open) {
        long seconds = Math.max(0, open.toSeconds());
        if (seconds < 3600) {
            return String.format("%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    /** One request type's counts. */
    public static final class Counter {

        private final String id;
        private final String command;
        private final String meaning;
        private final int commandField;
        private final ReadOnlyLongWrapper handled = new ReadOnlyLongWrapper();
        private final ReadOnlyLongWrapper refused = new ReadOnlyLongWrapper();

        Counter(String id, String command, String meaning, int commandField) {
            this.id = id;
            this.command = command;
            this.meaning = meaning;
            this.commandField = commandField;
        }

        /** For node ids: {@code c-echo}, {@code c-find}, {@code n-create}, {@code n-set}. */
        public String id() {
            return id;
        }

        /** The DIMSE command's name, e.g. {@code C-ECHO}. */
        public String command() {
            return command;
        }

        /** What the command is for here, in words. */
        public String meaning() {
            return meaning;
        }

        public ReadOnlyLongProperty handledProperty() {
            return handled.getReadOnlyProperty();
        }

        public ReadOnlyLongProperty refusedProperty() {
            return refused.getReadOnlyProperty();
        }
    }

    /** One open association, as the table shows it. */
    public static final class AssociationRow {

        private final String name;
        private final String callingAeTitle;
        private final String remoteAddress;
        private final String since;
        private final ReadOnlyStringWrapper openFor = new ReadOnlyStringWrapper("");

        AssociationRow(String name, String callingAeTitle, String remoteAddress,
                String since) {
            this.name = name;
            this.callingAeTitle = callingAeTitle;
            this.remoteAddress = remoteAddress;
            this.since = since;
        }

        /** The log name, {@code CALLED<-CALLING#serial}: finds its lines in the Log. */
        public String name() {
            return name;
        }

        public String callingAeTitle() {
            return callingAeTitle;
        }

        /** {@code host:port} of the requestor. */
        public String remoteAddress() {
            return remoteAddress;
        }

        /** When it was accepted, local time of day. */
        public String since() {
            return since;
        }

        /** How long it has been open, {@code m:ss}; updated by each refresh. */
        public ReadOnlyStringProperty openForProperty() {
            return openFor.getReadOnlyProperty();
        }
    }
}
