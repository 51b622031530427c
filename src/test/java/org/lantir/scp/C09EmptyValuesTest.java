package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.MwlResult;
import org.lantir.worklist.UnassignedStation;
import org.lantir.worklist.WorklistSettings;

/**
 * C09: a stored empty value never matches a non-empty key (PS3.4 K.2.2.1.1.1), and rows
 * lacking a Type 1 return key (SPS Start Date/Time, Scheduled Station AE Title) are never
 * published, not even to universal queries (PS3.4 Table K.6-1). W10, the row without a
 * station, is hidden because the site chose {@code unassigned_station: "hidden"} here; the
 * default policy is {@link UnassignedStationTest}'s.
 */
class C09EmptyValuesTest {

    private final TestLantir lantir = new TestLantir(
            WorklistSettings.defaults().withUnassignedStation(UnassignedStation.HIDDEN),
            MwlScpSettings.defaults());

    @BeforeEach
    void wTablePlusBlankRows() {
        lantir.store(WorklistRows.wTable());
        lantir.store(WorklistRows.row("BLANK^DATE", "1009", "MR", "MRI_3T", null, null),
                WorklistRows.row("BLANK^STATION", "1010", "MR", null, "20250212", "130000"));
    }

    private static Dataset station3T(String date) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientID);
        Dataset step = sps(q);
        set(step, Tag.ScheduledStationAETitle, "MRI_3T");
        if (date.isEmpty()) {
            empty(step, Tag.ScheduledProcedureStepStartDate);
        } else {
            set(step, Tag.ScheduledProcedureStepStartDate, date);
        }
        empty(step, Tag.ScheduledProcedureStepStartTime);
        return q;
    }

    /** inputs/C09-date-key.dump */
    @Test
    void dateKeyFindsOnlyRowsWithThatDateAndStation() {
        assertThat(lantir.cFind(station3T("20250212")).values(Tag.PatientID))
                .containsExactly("1001", "1002");
    }

    /** inputs/C09-universal.dump */
    @Test
    void universalDateKeyStillLeavesIncompleteRowsOut() {
        var r = lantir.cFind(station3T(""));

        assertThat(r.values(Tag.PatientID)).containsExactly("1004", "1001", "1002", "1005");
        assertThat(r.identifiers()).allSatisfy(answer -> {
            Dataset item = answer.getItem(Tag.ScheduledProcedureStepSequence);
            assertThat(item.getString(Tag.ScheduledProcedureStepStartDate)).isNotEmpty();
            assertThat(item.getString(Tag.ScheduledProcedureStepStartTime)).isNotEmpty();
        });
    }

    /** W10 under "hidden": not even a universal query from a station sees it. */
    @Test
    void rowWithoutStationIsNotPublishedToAUniversalQuery() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        empty(sps(q), Tag.ScheduledStationAETitle, Tag.ScheduledProcedureStepStartDate);

        var r = lantir.cFind("MRI_3T", q);

        assertThat(r.values(Tag.PatientID)).containsExactly("1004", "1001", "1002", "1006",
                "1003", "1005");
    }

    @Test
    void incompleteRowsThatWouldMatchAreCountedAsHidden() throws Exception {
        Dataset everything = new Dataset();
        empty(everything, Tag.PatientID);

        MwlResult result = lantir.service().find(
                lantir.service().parseQuery(everything, "MRI_3T", false), match -> true);

        assertThat(result.matches()).isEqualTo(6);
        assertThat(result.hiddenIncomplete()).isEqualTo(2);
    }
}
