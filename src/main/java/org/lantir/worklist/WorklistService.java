package org.lantir.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.lantir.dicom.data.Dataset;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worklist's one entry point, shared by the DICOM services, the sync, the command line
 * and later the window and the REST API: Modality Worklist queries (PS3.4 Annex K), MPPS
 * (PS3.4 F.7), edits by hand and the sync's upserts. Every change is told to the
 * {@link EventFeed}.
 *
 * <p>Thread-safe as far as its repositories are. The settings can be replaced while
 * associations and syncs run ({@link #updateSettings}); each call works with one set of them
 * from start to end.
 */
public final class WorklistService {

    private static final Logger LOG = LoggerFactory.getLogger(WorklistService.class);

    /**
     * Who made a change by hand when the caller names nobody: the desktop console, whose
     * person is whoever sits at it. The REST API names its signed-in user instead.
     */
    public static final String DESKTOP = "desktop";

    private final WorklistRepository worklist;
    private final MppsRepository mppsStore;
    private final EventLog eventLog;
    private final EventFeed events;
    private final Clock clock;
    private final MppsProcessor mpps;
    private final PossibleDuplicates duplicates;
    /** Replaced whole, never changed: a reader takes it once per call. */
    private volatile Tuning tuning;

    /** The settings and the helpers built from them. */
    private record Tuning(WorklistSettings settings, IdMinter minter, MwlQueryParser parser,
            MwlFinder finder, ImportAdoption adoption) {

        static Tuning of(WorklistSettings settings, WorklistRepository worklist) {
            IdMinter minter = new IdMinter(settings.uidRoot());
            return new Tuning(settings, minter,
                    new MwlQueryParser(settings.personNameIgnoresCase()),
                    new MwlFinder(worklist, settings), new ImportAdoption(worklist, minter));
        }
    }

    /**
     * @param eventLog where edits by hand are recorded; MPPS events go through
     *        {@link MppsRepository}'s own transactions
     */
    public WorklistService(WorklistRepository worklist, MppsRepository mppsStore,
            EventLog eventLog, EventFeed events, WorklistSettings settings, Clock clock) {
        this.worklist = Objects.requireNonNull(worklist);
        this.mppsStore = Objects.requireNonNull(mppsStore);
        this.eventLog = Objects.requireNonNull(eventLog);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
        this.tuning = Tuning.of(Objects.requireNonNull(settings), worklist);
        this.mpps = new MppsProcessor(mppsStore, worklist, events,
                () -> tuning.minter(), clock);
        this.duplicates = new PossibleDuplicates(worklist, eventLog, clock);
    }

    public WorklistSettings settings() {
        return tuning.settings();
    }

    /**
     * Replaces the settings while the service is in use (the desktop's configuration editor):
     * queries parsed, rows found and identifiers minted from now on follow them; a call
     * already running finishes with the settings it started with.
     */
    public void updateSettings(WorklistSettings settings) {
        tuning = Tuning.of(Objects.requireNonNull(settings), worklist);
        LOG.info("Worklist settings changed: visible statuses {}, person names {}, "
                + "rows without a station {}, UID root {}", settings.visibleStatuses(),
                settings.personNameIgnoresCase() ? "ignore case" : "match case",
                settings.unassignedStation().configName(), settings.uidRoot());
    }

    // ---- Modality Worklist (PS3.4 Annex K) ----

    /** Parses a C-FIND identifier; a malformed key fails with its status (A900H). */
    public MwlQuery parseQuery(Dataset identifier) throws MwlQueryException {
        return tuning.parser().parse(identifier);
    }

    /**
     * Parses a C-FIND identifier sent by {@code callingAeTitle}, matching on that AE title as
     * the station when the site asks for it and the identifier has no Scheduled Station AE
     * Title key (see {@link MwlQueryParser#parse(Dataset, String, boolean)}). The calling AE
     * title is also the station that rows without one go out with
     * ({@link UnassignedStation#ANY}).
     */
    public MwlQuery parseQuery(Dataset identifier, String callingAeTitle,
            boolean callingAeIsStation) throws MwlQueryException {
        return tuning.parser().parse(identifier, callingAeTitle, callingAeIsStation);
    }

    /**
     * Streams the matches of a query, in scheduled order, to {@code visitor} until it returns
     * false. Each match carries its response identifier.
     */
    public MwlResult find(MwlQuery query, Predicate<MwlMatch> visitor) {
        return tuning.finder().find(query, visitor);
    }

    // ---- Reading and editing rows ----

    public List<WorklistItem> list(WorklistFilter filter) {
        return worklist.find(filter);
    }

    public Optional<WorklistItem> get(long id) {
        return worklist.findById(id);
    }

    /**
     * Adds a row by hand; missing Requested Procedure ID, SPS ID, accession and UID minted.
     *
     * @throws IllegalArgumentException when a comment is over the LT limit ({@link LongText});
     *         nothing is stored then
     */
    public WorklistItem add(WorklistItem item) {
        return add(item, DESKTOP);
    }

    /**
     * As {@link #add(WorklistItem)}, recorded in the event log as done by {@code actor} (a
     * user name, or {@link #DESKTOP}).
     */
    public WorklistItem add(WorklistItem item, String actor) {
        LongText.require(item, "New worklist row");
        WorklistItem stored = worklist.insert(tuning.minter().fillMissing(normalize(item),
                null));
        recordEdit(stored, "added", actor, 1, 0, 0);
        return stored;
    }

    /**
     * Replaces a row by hand; identifiers left empty keep the stored ones.
     *
     * @throws IllegalArgumentException when the row has no id or no stored row has it, or a
     *         comment is over the LT limit ({@link LongText}); nothing changes then
     */
    public WorklistItem update(WorklistItem item) {
        long id = requireId(item);
        LongText.require(item, "Worklist row " + id);
        WorklistItem before = worklist.findById(id).orElseThrow(() -> noRow(id));
        WorklistItem stored = worklist.update(tuning.minter().fillMissing(normalize(item),
                before));
        recordEdit(stored, "updated", DESKTOP, 0, 1, 0);
        return stored;
    }

    /**
     * Edits a row made by hand, as a technologist does in the console: identifiers left empty
     * keep the stored ones, and the stored status stays, since MPPS owns it (a step that
     * started while the editor was open stays IN_PROGRESS). Read, check and write are one
     * transaction.
     *
     * @throws IllegalArgumentException when no stored row has the item's id, or a comment is
     *         over the LT limit ({@link LongText}); nothing changes then
     * @throws IllegalStateException when the stored row comes from a data source, whose next
     *         sync would overwrite the edit; nothing changes then
     */
    public WorklistItem edit(WorklistItem item) {
        return edit(item, DESKTOP);
    }

    /** As {@link #edit(WorklistItem)}, recorded in the event log as done by {@code actor}. */
    public WorklistItem edit(WorklistItem item, String actor) {
        long id = requireId(item);
        LongText.require(item, "Worklist row " + id);
        WorklistItem stored = worklist.inTransaction(() -> {
            WorklistItem before = worklist.findById(id).orElseThrow(() -> noRow(id));
            if (before.dataSource() != null) {
                throw new IllegalStateException("Worklist row " + id + " comes from data source "
                        + before.dataSource() + ": edit it there, since its next sync would "
                        + "overwrite an edit made here");
            }
            WorklistItem edited = normalize(item.toBuilder().status(before.status())
                    .dataSource(null).sourceKey(before.sourceKey()).build());
            return worklist.update(tuning.minter().fillMissing(edited, before));
        });
        recordEdit(stored, "edited", actor, 0, 1, 0);
        return stored;
    }

    /**
     * Cancels a step by hand: it becomes DISCONTINUED and leaves the default worklist. Only a
     * step still SCHEDULED can be cancelled: once a modality has started it (MPPS IN
     * PROGRESS) or finished it, its status is the modality's to set (PS3.4 F.7). Read, check
     * and write are one transaction, so an N-CREATE arriving meanwhile is never overwritten.
     *
     * @throws IllegalArgumentException when no stored row has the id
     * @throws IllegalStateException when the row is no longer SCHEDULED; nothing changes then
     */
    public WorklistItem cancel(long id) {
        return cancel(id, DESKTOP);
    }

    /** As {@link #cancel(long)}, recorded in the event log as done by {@code actor}. */
    public WorklistItem cancel(long id, String actor) {
        WorklistItem stored = worklist.inTransaction(() -> {
            WorklistItem row = worklist.findById(id).orElseThrow(() -> noRow(id));
            if (row.status() != ProcedureStepStatus.SCHEDULED) {
                throw new IllegalStateException("Worklist row " + id + " is " + row.status()
                        + "; only a SCHEDULED step can be cancelled");
            }
            return worklist.update(row.toBuilder()
                    .status(ProcedureStepStatus.DISCONTINUED).build());
        });
        recordEdit(stored, "cancelled", actor, 0, 1, 0);
        return stored;
    }

    /** Deletes a row made by mistake. */
    public boolean remove(long id) {
        Optional<WorklistItem> row = worklist.findById(id);
        boolean removed = worklist.delete(id);
        if (removed) {
            recordEdit(row.orElse(null), "removed", DESKTOP, 0, 0, 1);
        }
        return removed;
    }

    // ---- The sync's port ----

    /**
     * Applies one source's rows (see {@link WorklistRepository#applySync}) after filling the
     * identifiers the source left empty. A row that is already stored keeps the identifiers
     * it has, so a re-sync never changes a Study Instance UID a scanner holds; see
     * {@link IdMinter} for how new ones are made.
     *
     * <p>A row whose key is not stored first adopts the row imported from the Python tool
     * for the same session, if exactly one fits (see {@link ImportAdoption}); adopted rows
     * count as updated. Reading, adopting and upserting are one transaction
     * ({@link WorklistRepository#inTransaction}).
     *
     * <p>A row that another source already has for the same participant and date is kept and
     * flagged once in the event log as a possible duplicate ({@link PossibleDuplicates}).
     *
     * @throws IllegalArgumentException when a row has no source key or two share one, or a
     *         comment is over the LT limit ({@link LongText}); nothing is stored then
     */
    public SyncCounts applySync(String source, List<WorklistItem> rows, boolean complete) {
        checkRows(source, rows);
        List<WorklistItem> keyed = new ArrayList<>(rows.size());
        for (WorklistItem row : rows) {
            keyed.add(normalize(row.toBuilder().dataSource(source).build()));
        }

        SyncResult result = worklist.inTransaction(() -> applyKeyed(source, keyed, complete));

        SyncCounts counts = result.counts();
        if (!result.adoptedIds().isEmpty()) {
            LOG.info("Sync {}: adopted {} row(s) imported from the Python tool: ids {}",
                    source, result.adoptedIds().size(), result.adoptedIds());
        }
        // DEBUG: the caller's line (the sync run's, the import's) is the one people read; it
        // counts rows kept for a skipped source row as skipped, not unchanged as here.
        LOG.debug("Sync {}: written: {} added, {} updated, {} unchanged, {} removed", source,
                counts.added(), counts.updated(), counts.unchanged(), counts.removed());
        if (counts.added() + counts.updated() + counts.removed() > 0) {
            // Inside a sync run's transaction the rows are not readable yet: tell at commit.
            LantirEvent.WorklistChanged changed = new LantirEvent.WorklistChanged(
                    clock.instant(), "sync:" + source, counts.added(), counts.updated(),
                    counts.removed());
            worklist.afterCommit(() -> events.publish(changed));
        }
        return counts;
    }

    /** What a sync did, and which stored rows it adopted. */
    private record SyncResult(SyncCounts counts, List<Long> adoptedIds) {
    }

    /** The body of {@link #applySync}, inside its transaction. */
    private SyncResult applyKeyed(String source, List<WorklistItem> rows, boolean complete) {
        Tuning current = tuning;
        Map<String, WorklistItem> stored = worklist.findBySource(source);
        Map<String, WorklistItem> adopted = current.adoption().adopt(source, rows, stored);

        List<WorklistItem> prepared = new ArrayList<>(rows.size());
        for (WorklistItem row : rows) {
            // An adopted row goes in exactly as it is now stored, so the upsert keeps it.
            WorklistItem kept = adopted.get(row.sourceKey());
            prepared.add(kept != null ? kept : current.minter().fillMissing(row, stored.get(
                    row.sourceKey())));
        }
        SyncCounts counts = worklist.applySync(source, prepared, complete);
        duplicates.flag(source, prepared, stored);

        List<Long> adoptedIds = adopted.values().stream().map(WorklistItem::id).toList();
        return new SyncResult(countAsUpdated(counts, adoptedIds.size()), adoptedIds);
    }

    /**
     * The upsert found each adopted row equal to what is stored (or owned by MPPS) and so
     * counted it unchanged; it was re-keyed, so it counts as updated.
     */
    private static SyncCounts countAsUpdated(SyncCounts counts, int adopted) {
        return new SyncCounts(counts.added(), counts.updated() + adopted,
                counts.unchanged() - adopted, counts.removed());
    }

    /**
     * Mints the Requested Procedure ID, SPS ID, accession number and Study Instance UID that
     * stored rows lack, as {@link #applySync} would have for them (see {@link IdMinter}):
     * rows imported from the Python tool's database come without SPS and Requested Procedure
     * IDs, and a row without them is never published (PS3.4 Table K.6-1). Values that are
     * there are kept. For rows of a source the IDs are derived from (source, source key), so
     * a second run, or a run over a rebuilt store, gives the same values.
     *
     * <p>Run it once at start-up, before the SCPs and syncs start: each row is written back
     * whole, so a status that MPPS changed between the read and the write would be lost.
     *
     * @return how many rows were given identifiers
     */
    public int backfillMissingIds() {
        List<WorklistItem> lacking = new ArrayList<>();
        worklist.scan(WorklistFilter.all(), row -> {
            if (lacksIdentifiers(row)) {
                lacking.add(row);
            }
            return true;
        });
        IdMinter minter = tuning.minter();
        for (WorklistItem row : lacking) {
            worklist.update(minter.fillMissing(row, null));
        }
        if (!lacking.isEmpty()) {
            recordBackfill(lacking.size());
        }
        return lacking.size();
    }

    // ---- Modality Performed Procedure Step (PS3.4 F.7) ----

    /**
     * Handles an N-CREATE; mints the SOP Instance UID when the SCU gave none (PS3.7
     * §10.1.5.1.4, C23).
     *
     * @param sopInstanceUid the Affected SOP Instance UID of the request, or null
     * @return the stored instance, whose UID goes back in the response
     */
    public MppsInstance createMpps(String sopInstanceUid, Dataset attributes,
            String callingAeTitle) throws MppsException {
        return mpps.create(sopInstanceUid, attributes, callingAeTitle);
    }

    /** Handles an N-SET addressed to {@code sopInstanceUid}. */
    public MppsInstance setMpps(String sopInstanceUid, Dataset modifications,
            String callingAeTitle) throws MppsException {
        return mpps.set(sopInstanceUid, modifications, callingAeTitle);
    }

    public Optional<MppsInstance> findMpps(String sopInstanceUid) {
        return mppsStore.find(sopInstanceUid);
    }

    /** Newest first. */
    public List<MppsInstance> recentMpps(int limit) {
        return mppsStore.recent(limit);
    }

    /**
     * The MPPS instances matched to a worklist row, oldest first: the history of what the
     * modalities reported for it (empty when none did, or the row is unknown).
     */
    public List<MppsInstance> mppsFor(long worklistItemId) {
        return mppsStore.findByWorklistItem(worklistItemId);
    }

    // ---- helpers ----

    /**
     * Trims the values the store narrows queries by, so that its exact SQL comparison and
     * the in-memory rules agree.
     */
    private static WorklistItem normalize(WorklistItem item) {
        return item.toBuilder()
                .patientId(strip(item.patientId()))
                .modality(strip(item.modality()))
                .scheduledStationAeTitle(strip(item.scheduledStationAeTitle()))
                .accessionNumber(strip(item.accessionNumber()))
                .requestedProcedureId(strip(item.requestedProcedureId()))
                .spsId(strip(item.spsId()))
                .studyInstanceUid(strip(item.studyInstanceUid()))
                .build();
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean lacksIdentifiers(WorklistItem row) {
        return isBlank(row.requestedProcedureId()) || isBlank(row.spsId())
                || isBlank(row.accessionNumber()) || isBlank(row.studyInstanceUid());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void checkRows(String source, List<WorklistItem> rows) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).sourceKey();
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("Sync " + source + ": row " + i
                        + " has no source key");
            }
            if (!keys.add(key)) {
                throw new IllegalArgumentException("Sync " + source + ": source key " + key
                        + " appears twice");
            }
            LongText.require(rows.get(i), "Sync " + source + ": row " + key);
        }
    }

    private static long requireId(WorklistItem item) {
        if (item.id() == null) {
            throw new IllegalArgumentException("A row to update needs its id");
        }
        return item.id();
    }

    private static IllegalArgumentException noRow(long id) {
        return new IllegalArgumentException("No worklist row " + id);
    }

    private void recordBackfill(int rows) {
        Instant now = clock.instant();
        eventLog.append(EventRecord.of(now, "WORKLIST_EDITED", "backfill", null, null,
                "Identifiers minted for " + rows + " row(s) that had none"));
        LOG.info("Minted missing identifiers for {} stored worklist row(s)", rows);
        events.publish(new LantirEvent.WorklistChanged(now, "backfill", 0, rows, 0));
    }

    /** The event's source is the person who made the change ({@code actor}). */
    private void recordEdit(WorklistItem row, String what, String actor, int added,
            int updated, int removed) {
        Instant now = clock.instant();
        Long id = row == null ? null : row.id();
        String who = actor == null || actor.isBlank() ? DESKTOP : actor;
        eventLog.append(EventRecord.of(now, "WORKLIST_EDITED", who,
                row == null ? null : row.spsId(), id, "Row " + id + " " + what));
        LOG.info("Worklist row {} {} by {}: {}", id, what, who, row);
        events.publish(new LantirEvent.WorklistChanged(now, who, added, updated, removed));
    }
}
