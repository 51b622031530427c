package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * C06: a malformed date key fails the query with A900H, Offending Element and Error Comment;
 * it never turns into universal matching (PS3.4 C.2.2.2.3, C.2.2.2.5, Table K.4-1).
 */
class C06MalformedDateTest {

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void wTable() {
        lantir.store(WorklistRows.wTable());
    }

    /** inputs/C06-date-malformed.dump and C06-date-iso-dashes.dump, and relatives. */
    @ParameterizedTest
    @ValueSource(strings = {"20250212,", "2025-02-12", "-", "20250230", "2025021",
        "20250213-20250212", "*", "2025021?", "12/02/2025", "20250212-20250213-20250214",
        "2025.02.12"})
    void malformedDateKeyFailsWithA900NamingTheKey(String date) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        Dataset step = sps(q);
        empty(step, Tag.Modality);
        set(step, Tag.ScheduledProcedureStepStartDate, date);

        DimseResponses r = lantir.cFind(q);

        assertThat(r.identifiers()).isEmpty();
        assertThat(r.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(r.offendingElements()).containsExactly(Tag.ScheduledProcedureStepStartDate);
        assertThat(r.errorComment()).contains("(0040,0002)").doesNotContain(date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10:00", "25", "1060", "10-09", "ab"})
    void malformedTimeKeyFailsToo(String time) {
        Dataset q = new Dataset();
        set(sps(q), Tag.ScheduledProcedureStepStartTime, time);

        DimseResponses r = lantir.cFind(q);

        assertThat(r.identifiers()).isEmpty();
        assertThat(r.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.25.1*", "1.2.x", "2.25.01"})
    void malformedUidKeyFailsToo(String uid) {
        Dataset q = new Dataset();
        set(q, Tag.StudyInstanceUID, uid);

        DimseResponses r = lantir.cFind(q);

        assertThat(r.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(r.offendingElements()).containsExactly(Tag.StudyInstanceUID);
    }
}
