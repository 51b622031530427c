package org.lantir.worklist;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.lantir.dicom.data.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link MwlQuery}: narrows with the store's indexed filter where the keys allow
 * (date range, station AE, modality, Patient ID, statuses), then applies the exact matching
 * rules in memory, so the answer is the same with or without narrowing. Rows lacking a Type 1
 * return key are never published (PS3.4 Table K.6-1, C09). Without a Scheduled Procedure Step
 * Status key only the site's visible statuses are returned; a status key of the query wins.
 *
 * <p>A row without a Scheduled Station AE Title follows the site's {@link UnassignedStation}
 * policy: hidden, or (ANY) matched on every key but the station and answered as scheduled on
 * {@link MwlQuery#stationForUnassigned()}. Under ANY the station is not pushed to the store,
 * whose exact comparison would drop such rows.
 */
final class MwlFinder {

    private static final Logger LOG = LoggerFactory.getLogger(MwlFinder.class);

    private final WorklistRepository repository;
    private final WorklistSettings settings;

    MwlFinder(WorklistRepository repository, WorklistSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    MwlResult find(MwlQuery query, Predicate<MwlMatch> visitor) {
        Set<ProcedureStepStatus> statuses = statusesFor(query);
        if (statuses.isEmpty()) {
            return new MwlResult(0, 0, false);
        }
        String station = settings.sqlPushdown() ? query.pushdown().stationAeTitle() : null;
        Run run = new Run(query, statuses, settings.unassignedStation(), station, visitor);
        repository.scan(settings.sqlPushdown() ? filterFor(query, statuses)
                : WorklistFilter.all(), run::visit);
        return new MwlResult(run.matches, run.hidden, run.stopped);
    }

    private Set<ProcedureStepStatus> statusesFor(MwlQuery query) {
        ValueMatcher statusKey = query.pushdown().statusKey();
        if (statusKey == null) {
            return settings.visibleStatuses();
        }
        Set<ProcedureStepStatus> chosen = EnumSet.noneOf(ProcedureStepStatus.class);
        for (ProcedureStepStatus status : ProcedureStepStatus.values()) {
            if (statusKey.matches(status.dicomTerm())) {
                chosen.add(status);
            }
        }
        return chosen;
    }

    private WorklistFilter filterFor(MwlQuery query, Set<ProcedureStepStatus> statuses) {
        MwlQuery.Pushdown p = query.pushdown();
        // Under ANY a row without station matches any station key, but the store's station
        // filter is exact: the station is left to the in-memory rules, while date, modality,
        // Patient ID and statuses still narrow.
        String station = settings.unassignedStation() == UnassignedStation.HIDDEN
                ? p.stationAeTitle() : null;
        return new WorklistFilter(p.dateFrom(), p.dateTo(), station, p.modality(),
                p.patientId(), statuses, 0);
    }

    /** The state of one query while the store streams rows to it. */
    private static final class Run {
        private final MwlQuery query;
        private final Set<ProcedureStepStatus> statuses;
        private final UnassignedStation unassigned;
        private final String station;
        private final Predicate<MwlMatch> visitor;
        private int matches;
        private int hidden;
        private boolean stopped;

        /**
         * @param station the query's exact station key when narrowing is on (see
         *        {@link #otherStation}), else null
         */
        Run(MwlQuery query, Set<ProcedureStepStatus> statuses, UnassignedStation unassigned,
                String station, Predicate<MwlMatch> visitor) {
            this.query = query;
            this.statuses = statuses;
            this.unassigned = unassigned;
            this.station = station;
            this.visitor = visitor;
        }

        boolean visit(WorklistItem stored) {
            if (!statuses.contains(stored.status()) || otherStation(stored)) {
                return true;
            }
            boolean anyStation = unassigned == UnassignedStation.ANY
                    && UnassignedStation.isUnassigned(stored);
            WorklistItem item = anyStation ? onAskingStation(stored) : stored;
            Dataset view = MwlItemView.toDataset(item);
            if (!(anyStation ? query.matchesOnAnyStation(view) : query.matches(view))) {
                return true;
            }
            if (!MwlItemView.missingType1(item).isEmpty()) {
                hidden++;
                LOG.debug("Not publishing {}: lacks {}", item, MwlItemView.missingType1(item));
                return true;
            }
            matches++;
            stopped = !visitor.test(new MwlMatch(stored, MwlResponseBuilder.build(query, view)));
            return !stopped;
        }

        /**
         * Whether the row is scheduled on a station of its own other than the one the query
         * names exactly: no match, found before its data set is built. Under ANY the store
         * cannot narrow by station (a row without one matches any), so the day's rows of
         * every station come here; building their views doubled the CPU of "today, MR, this
         * station" (lantir bench).
         */
        private boolean otherStation(WorklistItem stored) {
            return station != null && !UnassignedStation.isUnassigned(stored)
                    && !station.equals(stored.scheduledStationAeTitle().strip());
        }

        /**
         * The row as scheduled on the station that asks; unchanged when the query names none
         * and came from no association, so that it stays unpublished (Type 1, Table K.6-1).
         */
        private WorklistItem onAskingStation(WorklistItem stored) {
            String station = query.stationForUnassigned();
            return station == null ? stored
                    : stored.toBuilder().scheduledStationAeTitle(station).build();
        }
    }
}
