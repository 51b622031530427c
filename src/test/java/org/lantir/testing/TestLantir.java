package org.lantir.testing;

import java.time.Clock;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.events.LantirEvent;
import org.lantir.scp.ModalityWorklistScp;
import org.lantir.scp.MwlScpSettings;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;

/**
 * A worklist service with in-memory stores, its two SCPs and a recorded event feed; "today"
 * is 2025-02-12 as in the case log. The same harness over the SQLite store is
 * {@link ScpHarness}.
 */
public final class TestLantir {

    public static final Clock CLOCK = ScpHarness.CLOCK;

    public final InMemoryWorklistRepository worklist = new InMemoryWorklistRepository();
    public final InMemoryMppsRepository mpps = new InMemoryMppsRepository(worklist);
    public final InMemoryEventLog eventLog = new InMemoryEventLog();
    private final ScpHarness harness;

    public TestLantir() {
        this(WorklistSettings.defaults(), MwlScpSettings.defaults());
    }

    public TestLantir(WorklistSettings settings, MwlScpSettings scpSettings) {
        harness = new ScpHarness(worklist, mpps, eventLog, settings, scpSettings);
    }

    /** Rebuilds service and SCPs over the same stores (a restart, or other settings). */
    public TestLantir configure(WorklistSettings settings, MwlScpSettings scpSettings) {
        harness.configure(settings, scpSettings);
        return this;
    }

    public WorklistService service() {
        return harness.service();
    }

    public ModalityWorklistScp mwlScp() {
        return harness.mwlScp();
    }

    /** Stores rows as they are (already normalised), returning them with their ids. */
    public List<WorklistItem> store(WorklistItem... rows) {
        return harness.store(rows);
    }

    public DimseResponses cFind(Dataset identifier) {
        return harness.cFind(identifier);
    }

    public DimseResponses cFind(String callingAe, Dataset identifier) {
        return harness.cFind(callingAe, identifier);
    }

    public DimseResponses call(FakeDimseRequest request) {
        return harness.call(request);
    }

    public DimseResponses nCreate(String uid, Dataset attrs) {
        return harness.nCreate(uid, attrs);
    }

    public DimseResponses nSet(String uid, Dataset attrs) {
        return harness.nSet(uid, attrs);
    }

    /** Delivers what was published, stops the feed and returns every event seen. */
    public List<LantirEvent> drainEvents() {
        return harness.drainEvents();
    }
}
