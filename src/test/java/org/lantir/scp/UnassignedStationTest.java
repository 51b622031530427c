package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.ElementDictionary;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.MwlResult;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;
import org.lantir.worklist.WorklistSettings;

/**
 * The default policy for rows without a Scheduled Station AE Title ({@code
 * unassigned_station: "any"}): such a row is scheduled for whichever station asks. It matches
 * any station key and goes out with the key's value when that is a single value, else with
 * the calling AE title, so the Type 1 key (PS3.4 Table K.6-1) is never empty; every other key
 * filters as usual. Rows: the W-table plus C09's W10 (no station, 2025-02-12 13:00, MR).
 */
class UnassignedStationTest {

    private static final String W10 = "1010";

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void wTablePlusW10() {
        lantir.store(WorklistRows.wTable());
        lantir.store(WorklistRows.row("BLANK^STATION", W10, "MR", null, "20250212", "130000"));
    }

    /** A query on 2025-02-12 asking for Patient ID and the station; "" keeps it universal. */
    private static Dataset onDay(String station) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientID);
        Dataset step = sps(q);
        empty(step, Tag.Modality, Tag.ScheduledProcedureStepStartTime);
        if (station.isEmpty()) {
            empty(step, Tag.ScheduledStationAETitle);
        } else {
            set(step, Tag.ScheduledStationAETitle, station);
        }
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");
        return q;
    }

    private static Dataset step(Dataset query) {
        return query.getItem(Tag.ScheduledProcedureStepSequence);
    }

    /** The station each answer was sent with, by Patient ID. */
    private static String stationOf(DimseResponses answer, String patientId) {
        for (Dataset identifier : answer.identifiers()) {
            if (patientId.equals(identifier.getString(Tag.PatientID))) {
                return identifier.getItem(Tag.ScheduledProcedureStepSequence)
                        .getString(Tag.ScheduledStationAETitle);
            }
        }
        throw new AssertionError("no answer for " + patientId);
    }

    @Test
    void universalStationKeyReturnsTheRowWithTheCallingAeTitle() {
        DimseResponses fromMri = lantir.cFind("MRI_3T", onDay(""));
        DimseResponses fromCt = lantir.cFind("CT_SCAN1", onDay(""));

        assertThat(fromMri.values(Tag.PatientID)).containsExactly("1001", "1002", "1006", W10);
        assertThat(stationOf(fromMri, W10)).isEqualTo("MRI_3T");
        assertThat(stationOf(fromCt, W10)).isEqualTo("CT_SCAN1");
        assertThat(stationOf(fromCt, "1001")).isEqualTo("MRI_3T");
    }

    @Test
    void singleValueStationKeyReturnsTheRowAsScheduledOnThatStation() {
        DimseResponses answer = lantir.cFind("CONSOLE_A", onDay("MRI_3T"));

        assertThat(answer.values(Tag.PatientID)).containsExactly("1001", "1002", W10);
        assertThat(stationOf(answer, W10)).isEqualTo("MRI_3T");
    }

    @Test
    void wildCardStationKeyReturnsTheRowWithTheCallingAeTitle() {
        DimseResponses answer = lantir.cFind("MRI_3T", onDay("MRI_*"));

        assertThat(answer.values(Tag.PatientID)).containsExactly("1001", "1002", W10);
        assertThat(stationOf(answer, W10)).isEqualTo("MRI_3T");
    }

    @Test
    void severalStationValuesReturnTheRowWithTheCallingAeTitle() {
        DimseResponses answer = lantir.cFind("MRI_1T5", onDay("MRI_1T5\\CT_SCAN1"));

        assertThat(answer.values(Tag.PatientID)).containsExactly("1006", W10);
        assertThat(stationOf(answer, W10)).isEqualTo("MRI_1T5");
    }

    @Test
    void theStationIsOnlyReturnedWhenAsked() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        set(sps(q), Tag.ScheduledProcedureStepStartDate, "20250212");

        DimseResponses answer = lantir.cFind("MRI_3T", q);

        assertThat(answer.values(Tag.PatientID)).contains(W10);
        assertThat(answer.identifiers()).allSatisfy(identifier -> assertThat(
                identifier.getItem(Tag.ScheduledProcedureStepSequence)
                        .contains(Tag.ScheduledStationAETitle)).isFalse());
    }

    @ParameterizedTest
    @CsvSource({"ScheduledProcedureStepStartDate, 20250213",
        "ScheduledProcedureStepStartDate, 20250210-20250211", "Modality, CT",
        "ScheduledProcedureStepStartTime, 0800-1200"})
    void otherKeysStillFilterTheRowWithoutStation(String keyword, String value) {
        Dataset q = onDay("");
        set(step(q), ElementDictionary.tagOf(keyword), value);

        DimseResponses answer = lantir.cFind("MRI_3T", q);

        assertThat(answer.status()).isEqualTo(Status.SUCCESS);
        assertThat(answer.values(Tag.PatientID)).doesNotContain(W10);
    }

    @Test
    void otherKeysThatFitStillFindTheRowWithoutStation() {
        Dataset q = onDay("MRI_*");
        set(step(q), Tag.Modality, "MR");
        set(step(q), Tag.ScheduledProcedureStepStartTime, "1200-1400");
        set(q, Tag.PatientName, "BLANK^*");

        assertThat(lantir.cFind("MRI_3T", q).values(Tag.PatientID)).containsExactly(W10);
    }

    @Test
    void statusRuleIsUnchangedForRowsWithoutStation() {
        lantir.store(WorklistRows.row("DONE^NOSTATION", "1011", "MR", null, "20250212",
                "140000").toBuilder().status(ProcedureStepStatus.COMPLETED).build());
        Dataset completed = onDay("");
        set(step(completed), Tag.ScheduledProcedureStepStatus, "COMPLETED");

        assertThat(lantir.cFind("MRI_3T", onDay("")).values(Tag.PatientID))
                .contains(W10).doesNotContain("1011");
        assertThat(lantir.cFind("MRI_3T", completed).values(Tag.PatientID))
                .containsExactly("1011");
    }

    /** C14 with calling_ae_as_station: the coerced station owns the rows without one. */
    @Test
    void callingAeAsStationCountsRowsWithoutStationAsThatStations() {
        lantir.configure(WorklistSettings.defaults(), new MwlScpSettings(0, Set.of("MRI_3T")));

        DimseResponses answer = lantir.cFind("MRI_3T", onDay(""));

        assertThat(answer.values(Tag.PatientID)).containsExactly("1001", "1002", W10);
        assertThat(stationOf(answer, W10)).isEqualTo("MRI_3T");
        assertThat(lantir.cFind("OTHER_AE", onDay("")).values(Tag.PatientID))
                .containsExactly("1001", "1002", "1006", W10);
    }

    @Test
    void callingAeAsStationUnderHiddenLeavesRowsWithoutStationOut() {
        lantir.configure(WorklistSettings.defaults()
                .withUnassignedStation(UnassignedStation.HIDDEN),
                new MwlScpSettings(0, Set.of("MRI_3T")));

        assertThat(lantir.cFind("MRI_3T", onDay("")).values(Tag.PatientID))
                .containsExactly("1001", "1002");
    }

    @Test
    void hiddenPolicyNeverPublishesTheRowWithoutStation() {
        lantir.configure(WorklistSettings.defaults()
                .withUnassignedStation(UnassignedStation.HIDDEN), MwlScpSettings.defaults());

        for (String station : List.of("", "MRI_3T", "MRI_*")) {
            assertThat(lantir.cFind("MRI_3T", onDay(station)).values(Tag.PatientID))
                    .as(station).doesNotContain(W10);
        }
    }

    /** Without an association nothing names the station, so the Type 1 key has no value. */
    @Test
    void queryFromNoAssociationWithoutStationValueLeavesTheRowUnpublished() throws Exception {
        MwlResult universal = lantir.service().find(
                lantir.service().parseQuery(onDay("")), match -> true);
        MwlResult named = lantir.service().find(
                lantir.service().parseQuery(onDay("MRI_3T")), match -> true);

        assertThat(universal.matches()).isEqualTo(3);
        assertThat(universal.hiddenIncomplete()).isEqualTo(1);
        assertThat(named.matches()).isEqualTo(3);
    }

    /** A station that is there but no AE value is a data error, not an unassigned row. */
    @Test
    void rowWithAnInvalidStationStaysHidden() {
        lantir.store(WorklistRows.row("LONG^STATION", "1012", "MR",
                "3T RESEARCH SCANNER", "20250212", "150000"));

        assertThat(lantir.cFind("MRI_3T", onDay("")).values(Tag.PatientID))
                .doesNotContain("1012");
    }
}
