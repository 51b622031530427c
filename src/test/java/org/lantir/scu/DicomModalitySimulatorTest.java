package org.lantir.scu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.DicomClient;
import org.lantir.scu.ModalitySimulator.FinalStatus;

/** The data sets the simulator sends, checked against PS3.4 Table F.7.2-1 and Table K.6-1. */
class DicomModalitySimulatorTest {

    private final DicomModalitySimulator simulator = new DicomModalitySimulator(
            new DicomClient(), Clock.fixed(Instant.parse("2025-02-12T09:05:30Z"), ZoneOffset.UTC));

    /** N-CREATE Type 1 (with a value) and Type 2 (present) attributes of Table F.7.2-1. */
    private static final List<Integer> TYPE_1 = List.of(Tag.Modality,
            Tag.PerformedStationAETitle, Tag.PerformedProcedureStepStartDate,
            Tag.PerformedProcedureStepStartTime, Tag.PerformedProcedureStepStatus,
            Tag.PerformedProcedureStepID, Tag.ScheduledStepAttributesSequence);
    private static final List<Integer> TYPE_2 = List.of(Tag.ReferencedPatientSequence,
            Tag.ProcedureCodeSequence, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate,
            Tag.PatientSex, Tag.StudyID, Tag.PerformedStationName, Tag.PerformedLocation,
            Tag.PerformedProcedureStepEndDate, Tag.PerformedProcedureStepEndTime,
            Tag.PerformedProcedureStepDescription, Tag.PerformedProcedureTypeDescription,
            Tag.PerformedProtocolCodeSequence, Tag.PerformedSeriesSequence);
    private static final List<Integer> STEP_TYPE_2 = List.of(Tag.ReferencedStudySequence,
            Tag.AccessionNumber, Tag.RequestedProcedureID, Tag.RequestedProcedureDescription,
            Tag.ScheduledProcedureStepID, Tag.ScheduledProcedureStepDescription,
            Tag.ScheduledProtocolCodeSequence);

    @Test
    void theCommandLinesStudyOnlyStepHasEveryRequiredAttribute() {
        Dataset ds = simulator.inProgress(MppsStep.forStudy("2.25.7", "CT"), "LANTIR_TEST");

        assertThat(TYPE_1).allSatisfy(tag -> assertThat(ds.hasValue(tag)).as("%08X", tag)
                .isTrue());
        assertThat(TYPE_2).allSatisfy(tag -> assertThat(ds.contains(tag)).as("%08X", tag)
                .isTrue());
        Dataset step = ds.getItem(Tag.ScheduledStepAttributesSequence);
        assertThat(step.getString(Tag.StudyInstanceUID)).isEqualTo("2.25.7");
        assertThat(STEP_TYPE_2).allSatisfy(tag -> assertThat(step.contains(tag))
                .as("%08X", tag).isTrue());
        assertThat(ds.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(ds.getString(Tag.PerformedProcedureStepStatus)).isEqualTo("IN PROGRESS");
        assertThat(ds.getString(Tag.PerformedProcedureStepStartDate)).isEqualTo("20250212");
        assertThat(ds.getString(Tag.PerformedProcedureStepStartTime)).isEqualTo("090530");
        assertThat(ds.hasValue(Tag.PatientName)).isFalse();
    }

    @Test
    void theFinalNSetHasStatusEndDateAndTimeAndOneSeries() {
        Dataset ds = simulator.finished(FinalStatus.DISCONTINUED);

        assertThat(ds.getString(Tag.PerformedProcedureStepStatus)).isEqualTo("DISCONTINUED");
        assertThat(ds.getString(Tag.PerformedProcedureStepEndDate)).isEqualTo("20250212");
        assertThat(ds.getString(Tag.PerformedProcedureStepEndTime)).isEqualTo("090530");
        assertThat(ds.getSequence(Tag.PerformedSeriesSequence)).hasSize(1);
        assertThat(ds.getItem(Tag.PerformedSeriesSequence).getString(Tag.SeriesInstanceUID))
                .startsWith("2.25.");
    }

    @Test
    void theWorklistQueryTakesDatesWithOrWithoutDashes() {
        assertThat(new WorklistKeys(null, "2025-03-10").dateKey()).isEqualTo("20250310");
        assertThat(new WorklistKeys(null, "2025-03-10-2025-03-11").dateKey())
                .isEqualTo("20250310-20250311");
        assertThat(new WorklistKeys(null, null).dateKey()).isEmpty();
        Dataset sps = new WorklistKeys("MR", "20250310").identifier()
                .getItem(Tag.ScheduledProcedureStepSequence);
        assertThat(sps.getString(Tag.Modality)).isEqualTo("MR");
        assertThat(sps.getString(Tag.ScheduledProcedureStepStartDate)).isEqualTo("20250310");
    }
}
