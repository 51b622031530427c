package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.Status;
import org.lantir.events.LantirEvent;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.TestLantir;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * C23: an N-CREATE without Affected SOP Instance UID gets one minted by Lantir, returned in
 * the response (PS3.7 §10.1.5.1.4); two such consoles get two instances.
 */
class C23MppsWithoutUidTest {

    private final TestLantir lantir = new TestLantir();
    private WorklistItem row;

    @BeforeEach
    void scheduled() {
        row = lantir.store(MppsMessages.sub001()).get(0);
    }

    @Test
    void eachCreateWithoutUidGetsItsOwnNewUidAndOnlyTheAddressedOneCompletes() {
        var first = lantir.nCreate(null, MppsMessages.nCreate());
        var second = lantir.nCreate(null, MppsMessages.nCreate());

        assertThat(first.status()).isEqualTo(Status.SUCCESS);
        assertThat(second.status()).isEqualTo(Status.SUCCESS);
        String uid1 = first.affectedSopInstanceUid();
        String uid2 = second.affectedSopInstanceUid();
        assertThat(UID.isValid(uid1)).isTrue();
        assertThat(UID.isValid(uid2)).isTrue();
        assertThat(uid1).startsWith("2.25.").isNotEqualTo(uid2);
        assertThat(lantir.mpps.all()).hasSize(2);
        assertThat(lantir.worklist.findById(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);

        var set = lantir.nSet(uid1, MppsMessages.nSetCompleted());

        assertThat(set.status()).isEqualTo(Status.SUCCESS);
        assertThat(lantir.mpps.find(uid1).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(lantir.mpps.find(uid2).orElseThrow().status()).isEqualTo("IN PROGRESS");
        assertThat(lantir.worklist.findById(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.COMPLETED);
    }

    @Test
    void theWorklistShowsTheStartedStepAsStarted() {
        lantir.nCreate(null, MppsMessages.nCreate());
        var q = new org.lantir.dicom.data.Dataset();
        q.setString(Tag.PatientID, "SUB001");
        org.lantir.testing.Identifiers.empty(
                org.lantir.testing.Identifiers.sps(q), Tag.ScheduledProcedureStepStatus);

        var r = lantir.cFind(q);

        assertThat(r.identifiers()).hasSize(1);
        assertThat(r.identifiers().get(0).getItem(Tag.ScheduledProcedureStepSequence)
                .getString(Tag.ScheduledProcedureStepStatus)).isEqualTo("STARTED");
    }

    @Test
    void createIsToldToTheEventFeed() {
        String uid = lantir.nCreate(null, MppsMessages.nCreate()).affectedSopInstanceUid();

        assertThat(lantir.drainEvents()).anySatisfy(e -> {
            assertThat(e).isInstanceOf(LantirEvent.MppsChanged.class);
            LantirEvent.MppsChanged changed = (LantirEvent.MppsChanged) e;
            assertThat(changed.sopInstanceUid()).isEqualTo(uid);
            assertThat(changed.status()).isEqualTo("IN PROGRESS");
            assertThat(changed.worklistItemId()).isEqualTo(row.id());
        });
    }
}
