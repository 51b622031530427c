package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/** C04: range matching on SPS Start Date, ends included, open ends (PS3.4 C.2.2.2.5). */
class C04DateRangeTest {

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void wTable() {
        lantir.store(WorklistRows.wTable());
    }

    private static Dataset mrOn(String date, String time) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientID);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        empty(step, Tag.ScheduledStationAETitle);
        set(step, Tag.ScheduledProcedureStepStartDate, date);
        if (time == null) {
            empty(step, Tag.ScheduledProcedureStepStartTime);
        } else {
            set(step, Tag.ScheduledProcedureStepStartTime, time);
        }
        return q;
    }

    /** inputs/C04-date-range.dump, C04-date-open-start.dump, C04-date-open-end.dump */
    @ParameterizedTest
    @CsvSource({
        "20250212-20250213, 1001 1002 1003",
        "-20250212,         1004 1001 1002",
        "20250213-,         1003 1005"})
    void dateRangeKeepsBothEndsAndOpenEnds(String range, String expected) {
        var r = lantir.cFind(mrOn(range, null));

        assertThat(r.values(Tag.PatientID)).containsExactly(expected.split(" "));
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void dateAndTimeRangesCombineIntoOneDateTimeRange() {
        // 12 Feb 10:00 to 13 Feb 08:30: W2 (12th 10:30) and W3 (13th 08:00), not W1 (12th 09:00).
        var r = lantir.cFind(mrOn("20250212-20250213", "1000-0830"));

        assertThat(r.values(Tag.PatientID)).containsExactly("1002", "1003");
    }

    @Test
    void singleDateWithTimeRangeMatchesThatDayBetweenTheTimes() {
        assertThat(lantir.cFind(mrOn("20250212", "0800-1000")).values(Tag.PatientID))
                .containsExactly("1001");
    }

    @Test
    void timeRangeReversedOnOneDayIsRefused() {
        var r = lantir.cFind(mrOn("20250212", "1000-0830"));

        assertThat(r.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(r.offendingElements()).containsExactly(Tag.ScheduledProcedureStepStartTime);
    }

    @Test
    void timeKeyOfReducedPrecisionCoversTheWholeHour() {
        assertThat(lantir.cFind(mrOn("20250212", "10")).values(Tag.PatientID))
                .containsExactly("1002");
    }
}
