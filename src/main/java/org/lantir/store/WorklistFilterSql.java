package org.lantir.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;

/**
 * Turns a {@link WorklistFilter} into the WHERE clause, ORDER BY and LIMIT of a worklist
 * SELECT, with its parameters. Every filter field is pushed into SQL on an indexed column:
 * the date range is inclusive with open ends, strings match exactly, statuses become
 * {@code IN (...)}. A null field does not narrow; an empty status set matches nothing.
 *
 * <p>Which index drives the search is chosen here, not left to SQLite. The store keeps no
 * planner statistics (nothing runs ANALYZE), so SQLite takes every equality as selective and
 * would search one modality's or one station's rows (tens of thousands in a store of a few
 * years) rather than one day's few dozen: "today, MR, this station" took 28 ms instead of
 * under 1 ms on 100,000 rows. Station AE title and modality therefore never drive (a unary
 * {@code +} keeps a term out of index use, as SQLite's query planner documentation describes);
 * the date range and Patient ID do, and statuses only when neither is given.
 */
final class WorklistFilterSql {

    /** SELECTs by WHERE and LIMIT clause; the few shapes of filter there are. */
    private static final Map<String, String> SELECTS = new ConcurrentHashMap<>();

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final int limit;

    private WorklistFilterSql(WorklistFilter filter) {
        limit = filter.limit();
        addIfSet("scheduled_start_date >= ?", SqlValues.date(filter.dateFrom()));
        addIfSet("scheduled_start_date <= ?", SqlValues.date(filter.dateTo()));
        addIfSet("+scheduled_station_ae_title = ?", filter.stationAeTitle());
        addIfSet("+modality = ?", filter.modality());
        addIfSet("patient_id = ?", filter.patientId());
        if (filter.statuses() != null) {
            boolean narrowed = filter.dateFrom() != null || filter.dateTo() != null
                    || filter.patientId() != null;
            addStatuses(narrowed ? "+status" : "status", filter.statuses().stream()
                    .map(ProcedureStepStatus::name).sorted().collect(Collectors.toList()));
        }
    }

    static WorklistFilterSql of(WorklistFilter filter) {
        return new WorklistFilterSql(filter);
    }

    /**
     * The whole SELECT of the rows that pass the filter, in worklist order: the same String
     * for filters of the same shape, so a statement cache finds it without hashing the whole
     * text of a fresh copy (its hash is kept in the String).
     */
    String select() {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String limitClause = limit > 0 ? " LIMIT " + limit : "";
        return SELECTS.computeIfAbsent(where + limitClause,
                tail -> WorklistItemRows.SELECT + where + WorklistItemRows.ORDER + limitClause);
    }

    List<Object> parameters() {
        return parameters;
    }

    private void addIfSet(String condition, String value) {
        if (value != null) {
            conditions.add(condition);
            parameters.add(value);
        }
    }

    private void addStatuses(String column, List<String> statuses) {
        if (statuses.isEmpty()) {
            conditions.add("0");
            return;
        }

        String marks = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        conditions.add(column + " IN (" + marks + ")");
        parameters.addAll(statuses);
    }
}
