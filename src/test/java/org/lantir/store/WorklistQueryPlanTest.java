package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;

/**
 * The index SQLite searches for the C-FIND pushdown, read from EXPLAIN QUERY PLAN. The store
 * has no planner statistics, so the plan depends on the SQL alone, not on the rows.
 */
class WorklistQueryPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 2, 12);
    private static final Set<ProcedureStepStatus> VISIBLE =
            EnumSet.of(ProcedureStepStatus.SCHEDULED, ProcedureStepStatus.IN_PROGRESS);

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("worklist.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void todayModalityAndStationSearchesTheDateIndexInWorklistOrder() {
        String plan = plan(new WorklistFilter(TODAY, TODAY, "MRI_3T", "MR", null, VISIBLE, 0));

        assertThat(plan).contains("USING INDEX worklist_item_start")
                .doesNotContain("worklist_item_modality", "worklist_item_station_ae",
                        "worklist_item_status", "TEMP B-TREE");
    }

    @Test
    void anOpenEndedDateRangeStillSearchesTheDateIndex() {
        String plan = plan(new WorklistFilter(TODAY, null, "MRI_3T", "MR", null, VISIBLE, 0));

        assertThat(plan).contains("USING INDEX worklist_item_start");
    }

    @Test
    void aPatientIdSearchesThePatientIdIndex() {
        String plan = plan(new WorklistFilter(null, null, null, null, "sub_1_ses_1", VISIBLE,
                0));

        assertThat(plan).contains("USING INDEX worklist_item_patient_id")
                .doesNotContain("worklist_item_status");
    }

    @Test
    void aStationWithoutDateOrPatientSearchesTheStatusIndex() {
        String plan = plan(new WorklistFilter(null, null, "MRI_3T", "MR", null, VISIBLE, 0));

        assertThat(plan).contains("USING INDEX worklist_item_status")
                .doesNotContain("worklist_item_station_ae", "worklist_item_modality");
    }

    private String plan(WorklistFilter filter) {
        WorklistFilterSql sql = WorklistFilterSql.of(filter);
        return db.read(c -> {
            List<String> details = new ArrayList<>();
            try (PreparedStatement explain = WorklistItemRows.prepare(c,
                    "EXPLAIN QUERY PLAN " + sql.select(), sql.parameters());
                    ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    details.add(rows.getString("detail"));
                }
            }
            return String.join("\n", details);
        });
    }
}
