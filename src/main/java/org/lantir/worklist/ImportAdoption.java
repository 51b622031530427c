package org.lantir.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first sync after an upgrade from the Python tool adopt the rows imported from its
 * database ({@link ImportedRows}) instead of adding a second row for each session: an
 * incoming row whose (source, key) is not stored takes over the imported row with the same
 * Patient ID and scheduled start date.
 *
 * <p>The adopted row is re-keyed to (source, key) and keeps its id, its status and the
 * identifiers a scanner may already hold and that MPPS correlates by (the Scheduled Step
 * Attributes Sequence of PS3.4 Table F.7.2-1: Study Instance UID, SPS ID, Requested
 * Procedure ID, Accession Number), where a sync would otherwise mint new ones. When it is
 * still SCHEDULED its other fields come from the source, as in any re-sync (so an identifier
 * the source itself gives wins there too, as it would at the next sync); a row that MPPS has
 * moved keeps them all (issue #2, section 5: a sync never overwrites what MPPS set).
 *
 * <p>Only a one-to-one fit is adopted. When several imported rows, or several incoming rows,
 * share one Patient ID and date, nothing of that group is adopted and a WARN names the row
 * ids; the incoming rows are then added as new rows, as without adoption.
 *
 * <p>Runs inside the sync's transaction ({@link WorklistRepository#inTransaction}), so the
 * rows it reads cannot change before it writes.
 */
final class ImportAdoption {

    private static final Logger LOG = LoggerFactory.getLogger(ImportAdoption.class);

    private final WorklistRepository worklist;
    private final IdMinter minter;

    ImportAdoption(WorklistRepository worklist, IdMinter minter) {
        this.worklist = worklist;
        this.minter = minter;
    }

    /** One session as adoption sees it. */
    private record PatientDay(String patientId, LocalDate date) {
    }

    /**
     * Adopts, for the incoming {@code rows} of {@code source} whose keys are not stored, the
     * imported rows that fit them, and stores them re-keyed.
     *
     * @param rows normalised rows, their data source already {@code source}
     * @param stored the source's stored rows by source key
     * @return incoming source key to the adopted row as now stored
     */
    Map<String, WorklistItem> adopt(String source, List<WorklistItem> rows,
            Map<String, WorklistItem> stored) {
        Map<PatientDay, List<WorklistItem>> newRows = newRowsBySession(rows, stored.keySet());
        if (newRows.isEmpty()) {
            return Map.of();
        }

        Map<PatientDay, List<WorklistItem>> importedRows = importedBySession(source,
                stored.values());
        Map<String, WorklistItem> adopted = new LinkedHashMap<>();
        for (Map.Entry<PatientDay, List<WorklistItem>> group : newRows.entrySet()) {
            List<WorklistItem> imported = importedRows.getOrDefault(group.getKey(), List.of());
            if (imported.size() == 1 && group.getValue().size() == 1) {
                WorklistItem incoming = group.getValue().get(0);
                adopted.put(incoming.sourceKey(),
                        worklist.update(adoptedRow(imported.get(0), incoming)));
            } else if (!imported.isEmpty()) {
                warnAmbiguous(source, imported, group.getValue());
            }
        }
        return adopted;
    }

    /**
     * The imported row as it is to be stored under the incoming row's source and key. A
     * SCHEDULED row is re-synced as any stored row is: the source's content, and the
     * identifiers the source leaves empty (REDCap gives none unless mapped) kept from the
     * imported row. A row MPPS has moved keeps everything; only identifiers it lacks are
     * filled. See {@link IdMinter#fillMissing}.
     */
    WorklistItem adoptedRow(WorklistItem imported, WorklistItem incoming) {
        if (imported.status() != ProcedureStepStatus.SCHEDULED) {
            return minter.fillMissing(rekeyed(imported.toBuilder(), incoming), incoming);
        }

        WorklistItem.Builder fromSource = incoming.toBuilder().id(imported.id())
                .status(ProcedureStepStatus.SCHEDULED).createdAt(imported.createdAt());
        return minter.fillMissing(rekeyed(fromSource, incoming), imported);
    }

    private static WorklistItem rekeyed(WorklistItem.Builder row, WorklistItem incoming) {
        return row.dataSource(incoming.dataSource()).sourceKey(incoming.sourceKey()).build();
    }

    /** The incoming rows that are not stored yet, grouped by Patient ID and date. */
    private static Map<PatientDay, List<WorklistItem>> newRowsBySession(
            List<WorklistItem> rows, Set<String> storedKeys) {
        Map<PatientDay, List<WorklistItem>> sessions = new LinkedHashMap<>();
        for (WorklistItem row : rows) {
            boolean identifiable = row.patientId() != null && row.scheduledStartDate() != null;
            if (identifiable && !storedKeys.contains(row.sourceKey())) {
                sessions.computeIfAbsent(new PatientDay(row.patientId(),
                        row.scheduledStartDate()), session -> new ArrayList<>()).add(row);
            }
        }
        return sessions;
    }

    /**
     * The rows {@code source} may adopt, by session: among its own stored rows, and among
     * those of the nameless source (read from the source-key index, not a scan).
     */
    private Map<PatientDay, List<WorklistItem>> importedBySession(String source,
            Collection<WorklistItem> ofSource) {
        List<WorklistItem> rows = new ArrayList<>(ofSource);
        if (!source.equals(ImportedRows.UNNAMED_SOURCE)) {
            rows.addAll(worklist.findBySource(ImportedRows.UNNAMED_SOURCE).values());
        }

        Map<PatientDay, List<WorklistItem>> sessions = new HashMap<>();
        for (WorklistItem row : rows) {
            boolean identifiable = row.patientId() != null && row.scheduledStartDate() != null;
            if (identifiable && ImportedRows.adoptableBy(source, row)) {
                sessions.computeIfAbsent(new PatientDay(row.patientId(),
                        row.scheduledStartDate()), session -> new ArrayList<>()).add(row);
            }
        }
        return sessions;
    }

    private static void warnAmbiguous(String source, List<WorklistItem> imported,
            List<WorklistItem> incoming) {
        List<Long> ids = imported.stream().map(WorklistItem::id).sorted()
                .collect(Collectors.toList());
        LOG.warn("Sync {}: imported rows {} and {} new row(s) share one Patient ID and date; "
                + "none adopted, the new row(s) are added", source, ids, incoming.size());
        LOG.debug("Sync {}: Patient ID {} on {}: imported rows {}, new keys {}", source,
                incoming.get(0).patientId(), incoming.get(0).scheduledStartDate(), ids,
                incoming.stream().map(WorklistItem::sourceKey).collect(Collectors.toList()));
    }
}
