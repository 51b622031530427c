package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.scp.MwlScpSettings;
import org.lantir.testing.Identifiers;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * Narrowing with the store's filter never changes an answer: on a generated worklist, many
 * generated queries give the same rows, in the same order, with and without pushdown.
 */
class PushdownEquivalenceTest {

    private static final String[] STATIONS = {"MRI_3T", "MRI_1T5", "CT_SCAN1", "mri_3t", null};
    private static final String[] MODALITIES = {"MR", "MR", "CT", "US", "mr"};
    private static final String[] NAMES = {"DOE^JANE", "Doe^John", "DOER^ANN", "ROE^RICHARD",
        "MÜLLER^JÖRG", "SMITH^JOE"};
    private static final String[] STATUS_KEYS = {null, null, "SCHEDULED", "STARTED", "S*",
        "COMPLETED"};

    private final Random random = new Random(20250212);
    private final TestLantir lantir = new TestLantir();

    @Test
    void generatedQueriesGiveTheSameRowsWithAndWithoutPushdown() {
        for (int i = 0; i < 600; i++) {
            lantir.store(randomRow(i));
        }
        int narrowed = 0;
        for (int q = 0; q < 400; q++) {
            Dataset identifier = randomQuery();
            int seen = lantir.worklist.filtersSeen().size();
            List<Long> pushed = run(identifier, true);
            if (lantir.worklist.filtersSeen().size() > seen
                    && !lantir.worklist.filtersSeen().get(seen).equals(WorklistFilter.all())) {
                narrowed++;
            }
            List<Long> inMemory = run(identifier, false);

            assertThat(pushed).as("query %d", q).isEqualTo(inMemory);
        }
        assertThat(narrowed).as("queries the store narrowed").isGreaterThan(200);
    }

    /** The ids of the matching rows in answer order; [-status] when the query is refused. */
    private List<Long> run(Dataset identifier, boolean pushdown) {
        lantir.configure(WorklistSettings.defaults().withSqlPushdown(pushdown),
                MwlScpSettings.defaults());
        List<Long> ids = new ArrayList<>();
        WorklistService service = lantir.service();
        try {
            service.find(service.parseQuery(identifier), match -> ids.add(match.item().id()));
        } catch (MwlQueryException refused) {
            return List.of((long) -refused.status());
        }
        return ids;
    }

    private WorklistItem randomRow(int i) {
        LocalDate date = random.nextInt(20) == 0 ? null
                : LocalDate.of(2025, 2, 8).plusDays(random.nextInt(9));
        LocalTime time = random.nextInt(20) == 0 ? null
                : LocalTime.of(7 + random.nextInt(12), random.nextInt(4) * 15);
        return WorklistRows.row(pick(NAMES), "P" + random.nextInt(50), pick(MODALITIES),
                pick(STATIONS), "20250212", "090000").toBuilder()
                .scheduledStartDate(date).scheduledStartTime(time)
                .status(ProcedureStepStatus.values()[random.nextInt(4)])
                .spsId("SPS" + i).build();
    }

    private Dataset randomQuery() {
        Dataset q = new Dataset();
        Identifiers.empty(q, Tag.PatientName, Tag.PatientID);
        maybe(q, Tag.PatientID, "P" + random.nextInt(50), "P1*", "P?");
        maybe(q, Tag.PatientName, "doe*", "DOE^JANE", "*Ö*");
        Dataset step = Identifiers.sps(q);
        Identifiers.empty(step, Tag.ScheduledProcedureStepStartDate,
                Tag.ScheduledStationAETitle, Tag.Modality);
        maybe(step, Tag.ScheduledProcedureStepStartDate, "20250212", "20250210-20250213",
                "-20250211", "20250214-");
        maybe(step, Tag.ScheduledProcedureStepStartTime, "0800-1200", "1000-0900", "09");
        maybe(step, Tag.ScheduledStationAETitle, "MRI_3T", "MRI_*", "mri_3t");
        maybe(step, Tag.Modality, "MR", "CT", "M?");
        String status = pick(STATUS_KEYS);
        if (status != null) {
            step.setString(Tag.ScheduledProcedureStepStatus, status);
        }
        return q;
    }

    private void maybe(Dataset ds, int tag, String... choices) {
        if (random.nextBoolean()) {
            ds.setString(tag, choices[random.nextInt(choices.length)]);
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
