package org.lantir.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the rows of a sync that another source may already have: the same participant on the
 * same scheduled date, from two data sources (say a REDCap session and its Calpendo booking).
 * Both rows stay in the worklist, and the pair is written to the event log once, as
 * {@value #KIND}, naming both sources and both row ids and no patient data; see
 * docs/decisions/possible-duplicates.md for why the second row is kept.
 *
 * <p>The same participant: the same Patient ID, compared without surrounding spaces and
 * without case; or, when both rows have a birth date, the same Patient Name (family and given
 * name, compared as {@link #nameKey} reads them) and the same birth date. Rows made by hand
 * (no data source) are not compared, nor rows imported from the Python tool that this source
 * may adopt: {@link ImportAdoption} speaks for those.
 *
 * <p>Only rows a sync added, or whose Patient ID, name, birth date or date it changed, are
 * compared: a pair can only form then, and pairs already flagged are not looked up again on
 * every run. Runs inside the sync's transaction ({@link WorklistService#applySync}).
 */
public final class PossibleDuplicates {

    /** The event log kind of a flagged pair ({@code lantir query-db --possible-duplicates}). */
    public static final String KIND = "WORKLIST_POSSIBLE_DUPLICATE";

    private static final Logger LOG = LoggerFactory.getLogger(PossibleDuplicates.class);

    private final WorklistRepository worklist;
    private final EventLog eventLog;
    private final Clock clock;

    PossibleDuplicates(WorklistRepository worklist, EventLog eventLog, Clock clock) {
        this.worklist = worklist;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /**
     * Flags the pairs that {@code rows}, just applied for {@code source}, make with other
     * sources' rows.
     *
     * @param rows the rows as applied (keyed, identifiers filled)
     * @param before the source's rows as stored before the sync, by source key
     * @return how many pairs were flagged for the first time
     */
    int flag(String source, List<WorklistItem> rows, Map<String, WorklistItem> before) {
        List<WorklistItem> candidates = new ArrayList<>();
        for (WorklistItem row : rows) {
            WorklistItem old = before.get(row.sourceKey());
            if (row.scheduledStartDate() != null && (old == null || identityChanged(old, row))) {
                candidates.add(row);
            }
        }
        if (candidates.isEmpty()) {
            return 0;
        }

        Map<String, List<WorklistItem>> matches = matchOtherSources(source, candidates);
        if (matches.isEmpty()) {
            return 0;
        }
        // Rows the sync inserted have their ids only now.
        Map<String, WorklistItem> stored = worklist.findBySource(source);
        int flagged = 0;
        for (Map.Entry<String, List<WorklistItem>> match : matches.entrySet()) {
            WorklistItem row = stored.get(match.getKey());
            if (row == null || row.id() == null) {
                continue;
            }
            for (WorklistItem other : match.getValue()) {
                flagged += flagPair(row, other) ? 1 : 0;
            }
        }
        return flagged;
    }

    /** Candidate source key → the other sources' rows of the same participant and date. */
    private Map<String, List<WorklistItem>> matchOtherSources(String source,
            List<WorklistItem> candidates) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        candidates.forEach(row -> dates.add(row.scheduledStartDate()));
        Map<LocalDate, Participants> others = new HashMap<>();
        // One indexed pass over the dates' range; only rows on a candidate's date are kept.
        worklist.scanParticipants(dates.first(), dates.last(), source, row -> {
            if (!ImportedRows.adoptableBy(source, row)
                    && dates.contains(row.scheduledStartDate())) {
                others.computeIfAbsent(row.scheduledStartDate(), d -> new Participants())
                        .add(row);
            }
            return true;
        });

        Map<String, List<WorklistItem>> matches = new LinkedHashMap<>();
        for (WorklistItem row : candidates) {
            Participants day = others.get(row.scheduledStartDate());
            List<WorklistItem> same = day == null ? List.of() : day.sameAs(row);
            if (!same.isEmpty()) {
                matches.put(row.sourceKey(), same);
            }
        }
        return matches;
    }

    /**
     * The other sources' rows of one date, by the keys {@link #sameParticipant} compares, so
     * that each candidate is a look-up and not a pass over the day: an import of 60,000 rows
     * beside another source's 60,000 on the same dates took minutes that way.
     */
    private static final class Participants {

        private final Map<String, List<WorklistItem>> byId = new HashMap<>();
        private final Map<String, List<WorklistItem>> byNameAndBirthDate = new HashMap<>();

        void add(WorklistItem row) {
            String id = idKey(row.patientId());
            if (id != null) {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
            }
            String nameAndBirth = nameAndBirthKey(row);
            if (nameAndBirth != null) {
                byNameAndBirthDate.computeIfAbsent(nameAndBirth, k -> new ArrayList<>())
                        .add(row);
            }
        }

        /** The rows that {@link #sameParticipant} finds the same participant as {@code row}. */
        List<WorklistItem> sameAs(WorklistItem row) {
            Set<WorklistItem> same = new LinkedHashSet<>();
            String id = idKey(row.patientId());
            if (id != null) {
                same.addAll(byId.getOrDefault(id, List.of()));
            }
            String nameAndBirth = nameAndBirthKey(row);
            if (nameAndBirth != null) {
                same.addAll(byNameAndBirthDate.getOrDefault(nameAndBirth, List.of()));
            }
            return List.copyOf(same);
        }

        private static String nameAndBirthKey(WorklistItem row) {
            String name = nameKey(row.patientName());
            if (name == null || row.patientBirthDate() == null) {
                return null;
            }
            return name + "|" + row.patientBirthDate();
        }
    }

    /** Logs the pair unless it was logged before; true when it was new. */
    private boolean flagPair(WorklistItem row, WorklistItem other) {
        long low = Math.min(row.id(), other.id());
        long high = Math.max(row.id(), other.id());
        String subject = "rows " + low + "+" + high;
        if (eventLog.contains(KIND, subject)) {
            return false;
        }
        String message = "Possible duplicate: row " + row.id() + " (source " + row.dataSource()
                + ") and row " + other.id() + " (source " + other.dataSource() + ") have "
                + sameParticipant(row, other) + " and the same scheduled date; both are kept";
        eventLog.append(EventRecord.of(clock.instant(), KIND,
                row.dataSource() + "+" + other.dataSource(), subject, row.id(), message));
        LOG.warn("{}", message);
        return true;
    }

    /** Which rule makes the two rows one participant, in words; null when none does. */
    static String sameParticipant(WorklistItem a, WorklistItem b) {
        String idA = idKey(a.patientId());
        if (idA != null && idA.equals(idKey(b.patientId()))) {
            return "the same Patient ID";
        }
        String nameA = nameKey(a.patientName());
        if (nameA != null && nameA.equals(nameKey(b.patientName()))
                && a.patientBirthDate() != null
                && a.patientBirthDate().equals(b.patientBirthDate())) {
            return "the same patient name and birth date";
        }
        return null;
    }

    private static boolean identityChanged(WorklistItem old, WorklistItem row) {
        return !Objects.equals(old.scheduledStartDate(), row.scheduledStartDate())
                || !Objects.equals(idKey(old.patientId()), idKey(row.patientId()))
                || !Objects.equals(nameKey(old.patientName()), nameKey(row.patientName()))
                || !Objects.equals(old.patientBirthDate(), row.patientBirthDate());
    }

    static String idKey(String patientId) {
        if (patientId == null || patientId.isBlank()) {
            return null;
        }
        return patientId.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * A Person Name (PS3.5 §6.2.1) as compared here: the alphabetic group only (before the
     * first '='), its family and given name components, each without surrounding spaces, runs
     * of spaces made one, upper case; null when both are empty. {@code Okafor^Maren},
     * {@code OKAFOR ^ maren^^} and {@code Okafor^Maren^^Dr.} are one name; {@code Okafor} alone
     * is another.
     */
    static String nameKey(String patientName) {
        if (patientName == null) {
            return null;
        }
        String alphabetic = patientName.split("=", -1)[0];
        String[] parts = alphabetic.split("\\^", -1);
        String family = part(parts, 0);
        String given = part(parts, 1);
        if (family.isEmpty() && given.isEmpty()) {
            return null;
        }
        return family + "^" + given;
    }

    private static String part(String[] parts, int index) {
        if (index >= parts.length) {
            return "";
        }
        return parts[index].strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
