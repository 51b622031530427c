package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.WorklistSettings;

/**
 * C14: Scheduled Station AE Title keys: empty is universal (PS3.4 C.2.2.2.3), AE takes wild
 * cards (C.2.2.2.4); filtering on the calling AE only as the configured coercion.
 */
class C14StationAeTest {

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void wTable() {
        lantir.store(WorklistRows.wTable());
    }

    /** inputs/C14-station-aet-empty.dump, -own.dump, -wildcard.dump; caller MRI_3T. */
    private static Dataset station(String ae) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientID);
        Dataset step = sps(q);
        empty(step, Tag.Modality);
        if (ae.isEmpty()) {
            empty(step, Tag.ScheduledStationAETitle);
        } else {
            set(step, Tag.ScheduledStationAETitle, ae);
        }
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");
        return q;
    }

    @ParameterizedTest
    @CsvSource({"'', 1001 1002 1006", "MRI_3T, 1001 1002", "MRI_*, 1001 1002"})
    void standardBehaviourMatchesTheKeyAsGiven(String ae, String expected) {
        assertThat(lantir.cFind("MRI_3T", station(ae)).values(Tag.PatientID))
                .containsExactly(expected.split(" "));
    }

    @ParameterizedTest
    @CsvSource({"'', 1001 1002", "MRI_3T, 1001 1002", "MRI_*, 1001 1002"})
    void callingAeCoercionNarrowsOnlyWhenConfiguredForThatAe(String ae, String expected) {
        lantir.configure(WorklistSettings.defaults(),
                new MwlScpSettings(0, Set.of("MRI_3T")));

        assertThat(lantir.cFind("MRI_3T", station(ae)).values(Tag.PatientID))
                .containsExactly(expected.split(" "));
        assertThat(lantir.cFind("OTHER_AE", station("")).identifiers()).hasSize(3);
    }
}
