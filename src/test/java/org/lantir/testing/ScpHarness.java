package org.lantir.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.net.Dimse;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent;
import org.lantir.scp.ModalityWorklistScp;
import org.lantir.scp.MppsScp;
import org.lantir.scp.MwlScpSettings;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.store.SqliteMppsRepository;
import org.lantir.store.SqliteWorklistRepository;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.MppsRepository;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistRepository;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;

/**
 * A worklist service over the stores it is given (in memory, or the SQLite store), its two
 * SCPs driven through {@code onRequest} as the dispatcher would, and a recorded event feed;
 * "today" is 2025-02-12 as in the case log.
 */
public final class ScpHarness {

    public static final Clock CLOCK =
            Clock.fixed(Instant.parse("2025-02-12T16:00:00Z"), ZoneOffset.UTC);

    private final WorklistRepository worklist;
    private final MppsRepository mpps;
    private final EventLog eventLog;
    private final EventFeed feed = new EventFeed();
    private final List<LantirEvent> events = new ArrayList<>();
    private WorklistService service;
    private ModalityWorklistScp mwlScp;
    private MppsScp mppsScp;

    public ScpHarness(WorklistRepository worklist, MppsRepository mpps, EventLog eventLog) {
        this(worklist, mpps, eventLog, WorklistSettings.defaults(), MwlScpSettings.defaults());
    }

    public ScpHarness(WorklistRepository worklist, MppsRepository mpps, EventLog eventLog,
            WorklistSettings settings, MwlScpSettings scpSettings) {
        this.worklist = worklist;
        this.mpps = mpps;
        this.eventLog = eventLog;
        feed.subscribe(e -> {
            synchronized (events) {
                events.add(e);
            }
        });
        configure(settings, scpSettings);
    }

    /** The harness over the SQLite store: worklist, MPPS and event log all in {@code db}. */
    public static ScpHarness onSqlite(Database db) {
        return new ScpHarness(new SqliteWorklistRepository(db), new SqliteMppsRepository(db),
                new SqliteEventLog(db));
    }

    /** Rebuilds service and SCPs over the same stores (a restart, or other settings). */
    public ScpHarness configure(WorklistSettings settings, MwlScpSettings scpSettings) {
        service = new WorklistService(worklist, mpps, eventLog, feed, settings, CLOCK);
        mwlScp = new ModalityWorklistScp(service, scpSettings);
        mppsScp = new MppsScp(service);
        return this;
    }

    public WorklistService service() {
        return service;
    }

    public ModalityWorklistScp mwlScp() {
        return mwlScp;
    }

    /** Stores rows as they are (already normalised), returning them with their ids. */
    public List<WorklistItem> store(WorklistItem... rows) {
        List<WorklistItem> stored = new ArrayList<>();
        for (WorklistItem row : rows) {
            stored.add(worklist.insert(row));
        }
        return stored;
    }

    public DimseResponses cFind(Dataset identifier) {
        return cFind("MRI_3T", identifier);
    }

    public DimseResponses cFind(String callingAe, Dataset identifier) {
        return DimseResponses.call(mwlScp, FakeDimseRequest.cFind(callingAe, identifier));
    }

    public DimseResponses call(FakeDimseRequest request) {
        return DimseResponses.call(request.commandField() == Dimse.C_FIND_RQ
                ? mwlScp : mppsScp, request);
    }

    public DimseResponses nCreate(String uid, Dataset attrs) {
        return DimseResponses.call(mppsScp, FakeDimseRequest.nCreate("MRI_3T", uid, attrs));
    }

    public DimseResponses nSet(String uid, Dataset attrs) {
        return DimseResponses.call(mppsScp, FakeDimseRequest.nSet("MRI_3T", uid, attrs));
    }

    /** Delivers what was published, stops the feed and returns every event seen. */
    public List<LantirEvent> drainEvents() {
        feed.close();
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
