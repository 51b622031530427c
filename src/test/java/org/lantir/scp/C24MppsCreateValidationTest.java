package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.TestLantir;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * C24: N-CREATE checks (PS3.4 F.7.2.1.3, Table F.7.2-1; PS3.7 Annex C): status IN PROGRESS
 * (0106H), Type 1 attributes present (0120H) and with values (0121H), a new instance UID
 * (0111H). A refused request stores nothing.
 */
class C24MppsCreateValidationTest {

    private static final String UID = "2.25.900000000000000000001";

    private final TestLantir lantir = new TestLantir();
    private WorklistItem row;

    @BeforeEach
    void scheduled() {
        row = lantir.store(MppsMessages.sub001()).get(0);
    }

    private ProcedureStepStatus rowStatus() {
        return lantir.worklist.findById(row.id()).orElseThrow().status();
    }

    @Test
    void validCreateStoresInProgressAndStartsTheStep() {
        var r = lantir.nCreate(UID, MppsMessages.nCreate());

        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(r.affectedSopInstanceUid()).isEqualTo(UID);
        assertThat(lantir.mpps.find(UID).orElseThrow().status()).isEqualTo("IN PROGRESS");
        assertThat(lantir.mpps.find(UID).orElseThrow().worklistItemId()).isEqualTo(row.id());
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(lantir.mpps.events()).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo("MPPS_CREATED"));
    }

    @Test
    void sameUidAgainIsADuplicateAndChangesNothing() {
        lantir.nCreate(UID, MppsMessages.nCreate());
        byte[] before = lantir.mpps.find(UID).orElseThrow().attributes();
        Dataset retry = MppsMessages.nCreate();
        retry.setString(Tag.PerformedProcedureStepDescription, "SOMETHING ELSE");

        var r = lantir.nCreate(UID, retry);

        assertThat(r.status()).isEqualTo(Status.DUPLICATE_SOP_INSTANCE);
        assertThat(lantir.mpps.all()).hasSize(1);
        assertThat(lantir.mpps.find(UID).orElseThrow().attributes()).isEqualTo(before);
        assertThat(lantir.mpps.events()).hasSize(1);
    }

    /** inputs/C24-ncreate-status-completed.dump */
    @ParameterizedTest
    @ValueSource(strings = {"COMPLETED", "DISCONTINUED", "in progress", "STARTED"})
    void statusOtherThanInProgressIsAnInvalidValue(String status) {
        Dataset attrs = MppsMessages.nCreate();
        attrs.setString(Tag.PerformedProcedureStepStatus, status);

        var r = lantir.nCreate(UID, attrs);

        assertThat(r.status()).isEqualTo(Status.INVALID_ATTRIBUTE_VALUE);
        assertThat(r.attributeIdentifierList()).containsExactly(Tag.PerformedProcedureStepStatus);
        assertNothingStored();
    }

    /** inputs/C24-ncreate-missing-status.dump */
    @Test
    void absentStatusIsAMissingAttribute() {
        Dataset attrs = MppsMessages.nCreate();
        attrs.remove(Tag.PerformedProcedureStepStatus);

        var r = lantir.nCreate(UID, attrs);

        assertThat(r.status()).isEqualTo(Status.MISSING_ATTRIBUTE);
        assertThat(r.attributeIdentifierList()).containsExactly(Tag.PerformedProcedureStepStatus);
        assertNothingStored();
    }

    @Test
    void everyAbsentTypeOneAttributeIsNamed() {
        Dataset attrs = MppsMessages.nCreate();
        attrs.remove(Tag.Modality);
        attrs.remove(Tag.ScheduledStepAttributesSequence);

        var r = lantir.nCreate(UID, attrs);

        assertThat(r.status()).isEqualTo(Status.MISSING_ATTRIBUTE);
        assertThat(r.attributeIdentifierList())
                .containsExactly(Tag.Modality, Tag.ScheduledStepAttributesSequence);
        assertNothingStored();
    }

    @Test
    void emptyTypeOneAttributeIsAMissingValue() {
        Dataset attrs = MppsMessages.nCreate();
        attrs.setString(Tag.PerformedProcedureStepID, "");
        attrs.newSequence(Tag.ScheduledStepAttributesSequence);

        var r = lantir.nCreate(UID, attrs);

        assertThat(r.status()).isEqualTo(Status.MISSING_ATTRIBUTE_VALUE);
        assertThat(r.attributeIdentifierList()).containsExactly(Tag.PerformedProcedureStepID,
                Tag.ScheduledStepAttributesSequence);
        assertNothingStored();
    }

    @Test
    void scheduledStepWithoutStudyInstanceUidIsRefused() {
        Dataset attrs = MppsMessages.nCreate();
        attrs.getItem(Tag.ScheduledStepAttributesSequence).remove(Tag.StudyInstanceUID);

        DimseResponses r = lantir.nCreate(UID, attrs);

        assertThat(r.status()).isEqualTo(Status.MISSING_ATTRIBUTE);
        assertThat(r.attributeIdentifierList()).containsExactly(Tag.StudyInstanceUID);
        assertNothingStored();
    }

    @Test
    void malformedInstanceUidIsAnInvalidObjectInstance() {
        var r = lantir.nCreate("2.25.01.x", MppsMessages.nCreate());

        assertThat(r.status()).isEqualTo(Status.INVALID_OBJECT_INSTANCE);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(lantir.mpps.all()).isEmpty();
        assertThat(lantir.mpps.events()).isEmpty();
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.SCHEDULED);
    }
}
