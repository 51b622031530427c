package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.scp.MwlScpSettings;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.WorklistSettings;

/**
 * C02: PN keys ignore case by default, for single value and wild card alike; CS keys never
 * (PS3.4 C.2.2.2.1, C.2.2.2.4).
 */
class C02CaseOfKeysTest {

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void wTablePlusW7() {
        lantir.store(WorklistRows.wTable());
        lantir.store(WorklistRows.row("Doe^Jane", "1007", "MR", "MRI_3T", "20250212",
                "140000"));
    }

    private static Dataset byName(String name) {
        Dataset q = new Dataset();
        set(q, Tag.PatientName, name);
        empty(q, Tag.PatientID);
        empty(sps(q), Tag.Modality, Tag.ScheduledProcedureStepStartDate);
        return q;
    }

    /** inputs/C02-pn-lowercase.dump */
    @Test
    void lowerCaseNameFindsUpperAndMixedCaseNames() {
        assertThat(lantir.cFind(byName("doe^jane")).values(Tag.PatientID))
                .containsExactly("1001", "1007");
    }

    @Test
    void lowerCaseWildcardFollowsTheSamePolicy() {
        assertThat(lantir.cFind(byName("doe^ja*")).values(Tag.PatientID))
                .containsExactly("1001", "1007");
    }

    @Test
    void caseSensitivePolicyFindsOnlyTheExactCase() {
        lantir.configure(WorklistSettings.defaults().withPersonNameIgnoresCase(false),
                MwlScpSettings.defaults());

        assertThat(lantir.cFind(byName("doe^jane")).identifiers()).isEmpty();
        assertThat(lantir.cFind(byName("Doe^J*")).values(Tag.PatientID)).containsExactly("1007");
    }

    /** inputs/C02-cs-lowercase.dump */
    @Test
    void lowerCaseModalityMatchesNothing() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName);
        Dataset step = sps(q);
        set(step, Tag.Modality, "mr");
        empty(step, Tag.ScheduledProcedureStepStartDate);

        var r = lantir.cFind(q);

        assertThat(r.identifiers()).isEmpty();
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }
}
