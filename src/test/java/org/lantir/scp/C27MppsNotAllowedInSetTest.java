package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.TestLantir;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * C27: an N-SET that sends attributes "Not allowed" in N-SET (PS3.4 Table F.7.2-1) is refused
 * with 0105H naming them; nothing changes and the record is never re-targeted.
 */
class C27MppsNotAllowedInSetTest {

    private final TestLantir lantir = new TestLantir();

    @Test
    void changingPatientOrStartAfterCreateIsRefusedAndChangesNothing() {
        WorklistItem row = lantir.store(MppsMessages.sub001()).get(0);
        String uid = lantir.nCreate(null, MppsMessages.nCreate()).affectedSopInstanceUid();
        MppsInstance before = lantir.mpps.find(uid).orElseThrow();

        var r = lantir.nSet(uid, MppsMessages.nSetChangePatient());

        assertThat(r.status()).isEqualTo(Status.NO_SUCH_ATTRIBUTE);
        assertThat(r.attributeIdentifierList()).containsExactly(Tag.PatientName,
                Tag.PatientID, Tag.PerformedProcedureStepStartDate);
        assertThat(lantir.mpps.find(uid).orElseThrow()).isEqualTo(before);
        assertThat(lantir.worklist.findById(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(lantir.mpps.events()).hasSize(1);
    }
}
