package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.TestLantir;

/**
 * Correlation of an N-CREATE with a worklist row: Scheduled Step Attributes first, then a
 * top-level Study Instance UID, then Patient ID and date only when one row fits; never a row
 * of another patient; an MPPS that fits nothing is stored unmatched.
 */
class MppsCorrelationTest {

    private final TestLantir lantir = new TestLantir();
    private WorklistItem sub001;

    @BeforeEach
    void rows() {
        sub001 = lantir.store(MppsMessages.sub001()).get(0);
    }

    private MppsInstance create(Dataset attrs) throws Exception {
        return lantir.service().createMpps(null, attrs, "MRI_3T");
    }

    private static Dataset withStep(Dataset step) {
        Dataset attrs = MppsMessages.nCreate();
        attrs.newSequence(Tag.ScheduledStepAttributesSequence).add(step);
        return attrs;
    }

    @Test
    void scheduledStepIdsFindTheRow() throws Exception {
        MppsInstance mpps = create(MppsMessages.nCreate());

        assertThat(mpps.worklistItemId()).isEqualTo(sub001.id());
        assertThat(mpps.matchedBy()).isEqualTo("scheduled-step");
    }

    @Test
    void studyUidInTheScheduledStepFindsTheRowWithoutIds() throws Exception {
        Dataset step = new Dataset();
        step.setString(Tag.StudyInstanceUID, MppsMessages.STUDY_UID);

        assertThat(create(withStep(step)).worklistItemId()).isEqualTo(sub001.id());
    }

    @Test
    void accessionNumberFindsTheRowWhenUidIsUnknown() throws Exception {
        Dataset step = new Dataset();
        step.setString(Tag.StudyInstanceUID, "2.25.5");
        step.setString(Tag.AccessionNumber, "SUB001S1");

        assertThat(create(withStep(step)).worklistItemId()).isEqualTo(sub001.id());
    }

    @Test
    void topLevelStudyUidFindsTheRowAsThePythonToolsClientSendsIt() throws Exception {
        Dataset step = new Dataset();
        step.setString(Tag.StudyInstanceUID, "2.25.5");
        Dataset attrs = withStep(step);
        attrs.setString(Tag.StudyInstanceUID, MppsMessages.STUDY_UID);

        MppsInstance mpps = create(attrs);

        assertThat(mpps.worklistItemId()).isEqualTo(sub001.id());
        assertThat(mpps.matchedBy()).isEqualTo("study-uid");
    }

    @Test
    void patientAndDateFindTheRowOnlyWhenItIsTheOnlyOne() throws Exception {
        Dataset step = new Dataset();
        step.setString(Tag.StudyInstanceUID, "2.25.5");

        MppsInstance first = create(withStep(step));

        assertThat(first.worklistItemId()).isEqualTo(sub001.id());
        assertThat(first.matchedBy()).isEqualTo("patient-date");

        lantir.store(MppsMessages.sub001().toBuilder().spsId("SPS-SUB001-2")
                .studyInstanceUid("2.25.6").accessionNumber("SUB001S2").build());
        MppsInstance second = create(withStep(step));

        assertThat(second.worklistItemId()).isNull();
    }

    @Test
    void rowOfAnotherPatientIsNeverTaken() throws Exception {
        Dataset attrs = MppsMessages.nCreate();
        attrs.setString(Tag.PatientID, "SUB999");

        MppsInstance mpps = create(attrs);

        assertThat(mpps.worklistItemId()).isNull();
        assertThat(lantir.worklist.findById(sub001.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.SCHEDULED);
        assertThat(lantir.mpps.events()).singleElement().satisfies(e ->
                assertThat(e.message()).contains("matches no worklist row"));
    }

    @Test
    void unmatchedMppsIsStoredAndCanBeCompleted() throws Exception {
        Dataset step = new Dataset();
        step.setString(Tag.StudyInstanceUID, "2.25.5");
        Dataset attrs = withStep(step);
        attrs.setString(Tag.PatientID, "SUB777");

        MppsInstance mpps = create(attrs);
        MppsInstance done = lantir.service().setMpps(mpps.sopInstanceUid(),
                MppsMessages.nSetCompleted(), "MRI_3T");

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.worklistItemId()).isNull();
        assertThat(lantir.worklist.findById(sub001.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.SCHEDULED);
    }
}
