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
import org.lantir.testing.DimseResponses;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/** C01: wild cards in Patient's Name are wild cards, not literals (PS3.4 C.2.2.2.4). */
class C01WildcardNameTest {

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void wTable() {
        lantir.store(WorklistRows.wTable());
    }

    /** inputs/C01-pn-wildcard.dump */
    @Test
    void familyAndGivenPrefixFindsDoesWithJ() {
        Dataset q = new Dataset();
        set(q, Tag.SpecificCharacterSet, "ISO_IR 100");
        set(q, Tag.PatientName, "DOE^J*");
        empty(q, Tag.PatientID, Tag.StudyInstanceUID, Tag.RequestedProcedureID);
        empty(sps(q), Tag.Modality, Tag.ScheduledStationAETitle,
                Tag.ScheduledProcedureStepStartDate, Tag.ScheduledProcedureStepStartTime,
                Tag.ScheduledProcedureStepID);

        DimseResponses r = lantir.cFind(q);

        assertThat(r.values(Tag.PatientName)).containsExactly("DOE^JANE", "DOE^JOHN", "DOE^JIM");
        assertThat(r.pendingStatuses()).containsOnly(Status.PENDING);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    /** inputs/C01-pn-wildcard-contains.dump: the GE console's {@code *text*}. */
    @Test
    void asterisksAroundTextFindEveryNameContainingIt() {
        Dataset q = new Dataset();
        set(q, Tag.PatientName, "*DOE*");
        empty(q, Tag.PatientID);
        empty(sps(q), Tag.Modality, Tag.ScheduledProcedureStepStartDate);

        DimseResponses r = lantir.cFind(q);

        assertThat(r.values(Tag.PatientID)).containsExactly("1001", "1002", "1006", "1003");
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    /** inputs/C01-pn-single-char.dump */
    @Test
    void questionMarkStandsForExactlyOneCharacter() {
        Dataset q = new Dataset();
        set(q, Tag.PatientName, "DOE^JO?N");
        empty(q, Tag.PatientID);
        empty(sps(q), Tag.ScheduledProcedureStepStartDate);

        assertThat(lantir.cFind(q).values(Tag.PatientID)).containsExactly("1002");
    }

    @Test
    void loneAsteriskAndZeroLengthKeyBothMatchEverything() {
        Dataset star = new Dataset();
        set(star, Tag.PatientName, "*");
        Dataset zero = new Dataset();
        empty(zero, Tag.PatientName);

        assertThat(lantir.cFind(star).identifiers()).hasSize(6);
        assertThat(lantir.cFind(zero).identifiers()).hasSize(6);
    }
}
