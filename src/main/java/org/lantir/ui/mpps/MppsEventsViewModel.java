package org.lantir.ui.mpps;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent.MppsChanged;
import org.lantir.ui.EventBatcher;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.MppsEvents;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MPPS events screen's state: every N-CREATE and N-SET the server took, newest first. At
 * {@link #open()} it reads the newest steps from the persistent event log, so the list
 * survives a restart; from then on it adds the steps the event feed tells, many at a time
 * through an {@link EventBatcher}. Each matched step shows its row's patient, looked up on the
 * background threads.
 */
public final class MppsEventsViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MppsEventsViewModel.class);

    /** How many steps are read from the log at open. */
    static final int LOADED = 500;
    /** How many steps the list keeps; older ones leave it (they stay in the log). */
    static final int KEPT = 2000;

    private final EventLog log;
    private final WorklistService worklist;
    private final EventFeed feed;
    private final UiThreads threads;
    private final Clock clock;
    private final EventBatcher<MppsChanged> batcher;

    private final ObservableList<MppsEventRow> events = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    // FX thread only.
    private final Map<Long, String> patients = new HashMap<>();
    private final List<MppsEventRow> arrivedWhileLoading = new ArrayList<>();
    private boolean loaded;
    private AutoCloseable subscription;

    public MppsEventsViewModel(EventLog log, WorklistService worklist, EventFeed feed,
            UiThreads threads, Clock clock) {
        this.log = log;
        this.worklist = worklist;
        this.feed = feed;
        this.threads = threads;
        this.clock = clock;
        this.batcher = new EventBatcher<>(threads.fx(), this::arrived);
    }

    /** Newest first. */
    public ObservableList<MppsEventRow> events() {
        return events;
    }

    /** True while the event log is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What went wrong reading the log or the worklist, in words; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Listens to the feed, then reads the log; steps the feed tells meanwhile wait for the
     * log and are merged with it. Call once, on the FX thread.
     */
    public void open() {
        if (subscription != null) {
            return;
        }
        subscription = feed.subscribe(event -> {
            if (event instanceof MppsChanged changed) {
                batcher.offer(changed);
            }
        });
        loading.set(true);
        threads.background().execute(this::readLog);
    }

    private void readLog() {
        try {
            List<MppsEventRow> rows = new ArrayList<>();
            for (EventRecord record : log.recentOfKind(MppsEvents.KIND_PREFIX, null, LOADED)) {
                rows.add(fromLog(record));
            }
            Map<Long, String> found = lookUp(idsWithoutPatient(rows, Map.of()));
            threads.fx().execute(() -> logRead(rows, found, null));
        } catch (RuntimeException e) {
            LOG.error("The MPPS events could not be read from the event log", e);
            threads.fx().execute(() -> logRead(List.of(), Map.of(),
                    "The event log could not be read: " + e.getMessage()));
        }
    }

    private static MppsEventRow fromLog(EventRecord record) {
        return new MppsEventRow(record.time(), record.source(), record.subject(),
                MppsEvents.previousStatusOf(record), MppsEvents.statusOf(record),
                record.worklistItemId(), "");
    }

    private void logRead(List<MppsEventRow> fromLog, Map<Long, String> found, String failure) {
        patients.putAll(found);
        Set<String> logged = new HashSet<>();
        List<MppsEventRow> merged = new ArrayList<>();
        for (MppsEventRow row : fromLog) {
            logged.add(row.key());
            merged.add(withKnownPatient(row));
        }
        for (MppsEventRow row : arrivedWhileLoading) {
            if (!logged.contains(row.key())) {
                merged.add(withKnownPatient(row));
            }
        }
        arrivedWhileLoading.clear();
        merged.sort(Comparator.comparing(MppsEventRow::time).reversed());

        events.setAll(merged.subList(0, Math.min(KEPT, merged.size())));
        loaded = true;
        loading.set(false);
        if (failure != null) {
            problem.set(failure);
        }
        lookUpMissingPatients();
    }

    /** One batch from the feed, oldest first as published; on the FX thread. */
    private void arrived(List<MppsChanged> batch) {
        List<MppsEventRow> newestFirst = new ArrayList<>(batch.size());
        for (MppsChanged changed : batch) {
            newestFirst.add(0, withKnownPatient(new MppsEventRow(changed.time(),
                    changed.callingAeTitle(), changed.sopInstanceUid(),
                    changed.previousStatus(), changed.status(), changed.worklistItemId(),
                    "")));
        }
        if (!loaded) {
            arrivedWhileLoading.addAll(newestFirst);
            return;
        }
        events.addAll(0, newestFirst);
        if (events.size() > KEPT) {
            events.remove(KEPT, events.size());
        }
        lookUpMissingPatients();
    }

    private MppsEventRow withKnownPatient(MppsEventRow row) {
        String patient = row.worklistItemId() == null ? null : patients.get(row.worklistItemId());
        return patient == null ? row : row.withPatient(patient);
    }

    /** Looks up, on the background threads, the rows no line has a patient for yet. */
    private void lookUpMissingPatients() {
        Set<Long> missing = idsWithoutPatient(events, patients);
        if (missing.isEmpty()) {
            return;
        }
        threads.background().execute(() -> {
            try {
                Map<Long, String> found = lookUp(missing);
                threads.fx().execute(() -> patientsFound(found));
            } catch (RuntimeException e) {
                LOG.error("Worklist rows of MPPS events could not be read", e);
                threads.fx().execute(() -> problem.set("The worklist could not be read: "
                        + e.getMessage()));
            }
        });
    }

    private void patientsFound(Map<Long, String> found) {
        patients.putAll(found);
        List<MppsEventRow> updated = new ArrayList<>(events.size());
        boolean changed = false;
        for (MppsEventRow row : events) {
            MppsEventRow now = withKnownPatient(row);
            changed |= now != row;
            updated.add(now);
        }
        if (changed) {
            events.setAll(updated);
        }
    }

    private static Set<Long> idsWithoutPatient(List<MppsEventRow> rows,
            Map<Long, String> known) {
        Set<Long> ids = new HashSet<>();
        for (MppsEventRow row : rows) {
            if (row.worklistItemId() != null && !known.containsKey(row.worklistItemId())) {
                ids.add(row.worklistItemId());
            }
        }
        return ids;
    }

    /** On a background thread: each row's patient, or a note that the row is gone. */
    private Map<Long, String> lookUp(Set<Long> ids) {
        Map<Long, String> found = new HashMap<>();
        for (Long id : ids) {
            found.put(id, worklist.get(id).map(MppsEventsViewModel::patientOf)
                    .orElse("(row no longer in the worklist)"));
        }
        return found;
    }

    /** E.g. {@code "DOE, JANE (1001)"}: the name as people write it, and the Patient ID. */
    static String patientOf(WorklistItem row) {
        String name = PersonNames.readable(row.patientName());
        String id = row.patientId() == null ? "" : row.patientId();
        if (name.isEmpty()) {
            return id;
        }
        return id.isEmpty() ? name : name + " (" + id + ")";
    }

    /**
     * Today's worklist rows, whatever their status, for choosing one to test: read on the
     * background threads, handed to {@code chosen} on the FX thread.
     */
    public void todaysRows(Consumer<List<WorklistItem>> rows) {
        LocalDate today = LocalDate.now(clock);
        threads.background().execute(() -> {
            try {
                List<WorklistItem> found = worklist.list(WorklistFilter.onDate(today));
                threads.fx().execute(() -> rows.accept(found));
            } catch (RuntimeException e) {
                LOG.error("Today's worklist could not be read", e);
                threads.fx().execute(() -> problem.set("Today's worklist could not be read: "
                        + e.getMessage()));
            }
        });
    }

    /** Stops listening to the feed. */
    @Override
    public void close() {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing the MPPS events screen failed", e);
        }
    }
}
