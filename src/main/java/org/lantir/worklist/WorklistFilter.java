package org.lantir.worklist;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the store can narrow with indexed SQL before the exact matching rules run in memory:
 * a scheduled-date range, station AE title, modality and Patient ID (exact values), statuses.
 * A null field does not narrow. {@code limit} 0 means no limit.
 */
public record WorklistFilter(LocalDate dateFrom, LocalDate dateTo, String stationAeTitle,
        String modality, String patientId, Set<ProcedureStepStatus> statuses, int limit) {

    public static WorklistFilter all() {
        return new WorklistFilter(null, null, null, null, null, null, 0);
    }

    public static WorklistFilter onDate(LocalDate date) {
        return new WorklistFilter(date, date, null, null, null, null, 0);
    }
}
