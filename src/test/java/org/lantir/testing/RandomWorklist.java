package org.lantir.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Random;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * Generated worklist rows and C-FIND identifiers for equivalence tests (all people
 * fictional): rows around 2025-02-12 with a few incomplete ones (no date, no time, a
 * modality that is no valid CS), queries that mix the keys the store can narrow with those it
 * cannot. The same seed gives the same rows and queries.
 */
public final class RandomWorklist {

    private static final String[] STATIONS = {"MRI_3T", "MRI_1T5", "CT_SCAN1", "mri_3t", null};
    private static final String[] MODALITIES = {"MR", "MR", "CT", "US", "mr"};
    private static final String[] NAMES = {"DOE^JANE", "Doe^John", "DOER^ANN", "ROE^RICHARD",
        "MÜLLER^JÖRG", "SMITH^JOE", "YAMADA^TAROU=山田^太郎", "DOE^JIM^^^"};
    private static final String[] STATUS_KEYS = {null, null, "SCHEDULED", "STARTED", "S*",
        "COMPLETED"};

    private final Random random;

    public RandomWorklist(long seed) {
        this.random = new Random(seed);
    }

    /** A row; {@code i} makes its SPS ID unique. */
    public WorklistItem row(int i) {
        LocalDate date = random.nextInt(20) == 0 ? null
                : LocalDate.of(2025, 2, 8).plusDays(random.nextInt(9));
        LocalTime time = random.nextInt(20) == 0 ? null
                : LocalTime.of(7 + random.nextInt(12), random.nextInt(4) * 15,
                        random.nextInt(4) == 0 ? random.nextInt(60) : 0,
                        random.nextInt(8) == 0 ? random.nextInt(1_000_000) * 1000 : 0);
        return WorklistRows.row(pick(NAMES), "P" + random.nextInt(50), pick(MODALITIES),
                pick(STATIONS), "20250212", "090000").toBuilder()
                .scheduledStartDate(date).scheduledStartTime(time)
                .status(ProcedureStepStatus.values()[random.nextInt(4)])
                .spsId("SPS" + i).build();
    }

    /** A query asking for a handful of return keys besides its matching keys. */
    public Dataset query() {
        Dataset q = new Dataset();
        Identifiers.empty(q, Tag.PatientName, Tag.PatientID, Tag.AccessionNumber,
                Tag.StudyInstanceUID, Tag.PatientBirthDate);
        maybe(q, Tag.PatientID, "P" + random.nextInt(50), "P1*", "P?");
        maybe(q, Tag.PatientName, "doe*", "DOE^JANE", "*Ö*", "山田*", "DOE^JIM");
        Dataset step = Identifiers.sps(q);
        Identifiers.empty(step, Tag.ScheduledProcedureStepStartDate,
                Tag.ScheduledStationAETitle, Tag.Modality, Tag.ScheduledProcedureStepStartTime,
                Tag.ScheduledProcedureStepID);
        maybe(step, Tag.ScheduledProcedureStepStartDate, "20250212", "20250210-20250213",
                "-20250211", "20250214-");
        maybe(step, Tag.ScheduledProcedureStepStartTime, "0800-1200", "1000-0900", "09",
                "-1015", "0930-");
        maybe(step, Tag.ScheduledStationAETitle, "MRI_3T", "MRI_*", "mri_3t");
        maybe(step, Tag.Modality, "MR", "CT", "M?", "MR\\CT");
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
