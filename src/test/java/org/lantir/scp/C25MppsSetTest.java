package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.net.Status;
import org.lantir.scp.MwlScpSettings;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.TestLantir;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistSettings;

/**
 * C25: N-SET addresses a stored instance (0112H otherwise, PS3.7 C.4.15), survives a restart
 * of the service, merges a sparse attribute list (a sequence sent replaces the stored one),
 * and a finished step may no longer be updated (0110H, Error ID A710H, PS3.4 F.7.2.2.3).
 */
class C25MppsSetTest {

    private static final String UID_2 = "2.25.900000000000000000002";
    private static final String UID_4 = "2.25.900000000000000000004";

    private final TestLantir lantir = new TestLantir();
    private WorklistItem row;

    @BeforeEach
    void scheduled() {
        row = lantir.store(MppsMessages.sub001()).get(0);
    }

    private ProcedureStepStatus rowStatus() {
        return lantir.worklist.findById(row.id()).orElseThrow().status();
    }

    private Dataset stored(String uid) throws Exception {
        return DicomReader.read(lantir.mpps.find(uid).orElseThrow().attributes(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** (a) */
    @Test
    void setOfAnUnknownInstanceIsNoSuchInstance() {
        var r = lantir.nSet("2.25.900000000000000000099", MppsMessages.nSetCompleted());

        assertThat(r.status()).isEqualTo(Status.NO_SUCH_SOP_INSTANCE);
        assertThat(lantir.mpps.all()).isEmpty();
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.SCHEDULED);
    }

    /** (b): the service is rebuilt over the same stores, as after a restart. */
    @Test
    void setAfterARestartCompletesTheStoredInstance() {
        lantir.nCreate(UID_2, MppsMessages.nCreate());
        lantir.configure(WorklistSettings.defaults(), MwlScpSettings.defaults());

        var r = lantir.nSet(UID_2, MppsMessages.nSetCompleted());

        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(lantir.mpps.find(UID_2).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.COMPLETED);
    }

    /** (c) */
    @Test
    void sparseSetReplacesTheSeriesAndKeepsTheCreateData() throws Exception {
        lantir.nCreate(UID_4, MppsMessages.nCreate());

        var sparse = lantir.nSet(UID_4, MppsMessages.nSetInProgressSparse());

        assertThat(sparse.status()).isEqualTo(Status.SUCCESS);
        MppsInstance afterSparse = lantir.mpps.find(UID_4).orElseThrow();
        assertThat(afterSparse.status()).isEqualTo("IN PROGRESS");
        assertThat(stored(UID_4).getSequence(Tag.PerformedSeriesSequence)).singleElement()
                .satisfies(s -> assertThat(s.getString(Tag.SeriesDescription))
                        .isEqualTo("LOCALIZER"));
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);

        var last = lantir.nSet(UID_4, MppsMessages.nSetCompleted());

        assertThat(last.status()).isEqualTo(Status.SUCCESS);
        Dataset attrs = stored(UID_4);
        assertThat(attrs.getString(Tag.PerformedProcedureStepStatus)).isEqualTo("COMPLETED");
        assertThat(attrs.getSequence(Tag.PerformedSeriesSequence)).singleElement()
                .satisfies(s -> assertThat(s.getString(Tag.SeriesDescription))
                        .isEqualTo("T1_MPRAGE"));
        assertThat(attrs.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(attrs.getString(Tag.PatientID)).isEqualTo("SUB001");
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.COMPLETED);
    }

    @Test
    void finishedStepMayNoLongerBeUpdated() {
        lantir.nCreate(UID_2, MppsMessages.nCreate());
        lantir.nSet(UID_2, MppsMessages.nSetCompleted());
        MppsInstance before = lantir.mpps.find(UID_2).orElseThrow();

        var r = lantir.nSet(UID_2, MppsMessages.nSetInProgressSparse());

        assertThat(r.status()).isEqualTo(Status.PROCESSING_FAILURE);
        assertThat(r.errorId()).isEqualTo(0xA710);
        assertThat(r.errorComment()).contains("COMPLETED");
        assertThat(lantir.mpps.find(UID_2).orElseThrow()).isEqualTo(before);
    }

    @Test
    void finalStatusWithoutEndDateAndTimeIsRefused() throws Exception {
        lantir.nCreate(UID_2, MppsMessages.nCreate());
        Dataset set = MppsMessages.nSetCompleted();
        set.remove(Tag.PerformedProcedureStepEndDate);
        set.remove(Tag.PerformedProcedureStepEndTime);

        var r = lantir.nSet(UID_2, set);

        assertThat(r.status()).isEqualTo(Status.MISSING_ATTRIBUTE_VALUE);
        assertThat(r.attributeIdentifierList()).containsExactly(
                Tag.PerformedProcedureStepEndDate, Tag.PerformedProcedureStepEndTime);
        assertThat(lantir.mpps.find(UID_2).orElseThrow().status()).isEqualTo("IN PROGRESS");
        assertThat(stored(UID_2).getSequence(Tag.PerformedSeriesSequence)).isEmpty();
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FINISHED", "SCHEDULED", "completed"})
    void statusOutsideTheThreeTermsIsAnInvalidValue(String status) {
        lantir.nCreate(UID_2, MppsMessages.nCreate());
        Dataset set = MppsMessages.nSetCompleted();
        set.setString(Tag.PerformedProcedureStepStatus, status);

        var r = lantir.nSet(UID_2, set);

        assertThat(r.status()).isEqualTo(Status.INVALID_ATTRIBUTE_VALUE);
        assertThat(r.attributeIdentifierList()).containsExactly(Tag.PerformedProcedureStepStatus);
        assertThat(lantir.mpps.find(UID_2).orElseThrow().status()).isEqualTo("IN PROGRESS");
    }

    @Test
    void discontinuedStepDiscontinuesTheRow() {
        lantir.nCreate(UID_2, MppsMessages.nCreate());
        Dataset set = MppsMessages.nSetCompleted();
        set.setString(Tag.PerformedProcedureStepStatus, "DISCONTINUED");

        assertThat(lantir.nSet(UID_2, set).status()).isEqualTo(Status.SUCCESS);
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.DISCONTINUED);
    }
}
