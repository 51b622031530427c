package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.scu.DicomModalitySimulator;
import org.lantir.scu.ModalitySimulator;
import org.lantir.scu.ModalitySimulator.EchoResult;
import org.lantir.scu.ModalitySimulator.Failure;
import org.lantir.scu.ModalitySimulator.FinalStatus;
import org.lantir.scu.ModalitySimulator.MppsResult;
import org.lantir.scu.ModalitySimulator.QueryResult;
import org.lantir.scu.MppsStep;
import org.lantir.scu.ScuTarget;
import org.lantir.scu.WorklistAnswer;
import org.lantir.scu.WorklistKeys;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * The modality simulator the CLI's test commands and the console's test dialogs share,
 * against a running Lantir: C-ECHO, the worklist a scanner sees, an MPPS step from N-CREATE to
 * COMPLETED with the row following it, and every failure as a value in words.
 */
@Timeout(60)
class ModalitySimulatorTest {

    @TempDir
    Path dir;
    private RunningLantir lantir;
    private final ModalitySimulator simulator = new DicomModalitySimulator();

    @AfterEach
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
    }

    private ScuTarget target(String callingAe) {
        return new ScuTarget(RunningLantir.HOST, lantir.port(), RunningLantir.AE_TITLE,
                callingAe);
    }

    /** W1 of the case log, scheduled today so that a query for today finds it. */
    private WorklistItem today(WorklistItem row) {
        return lantir.add(row.toBuilder().scheduledStartDate(LocalDate.now()).build()).get(0);
    }

    @Test
    void echoIsAnsweredWithSuccessInWords() throws Exception {
        lantir = RunningLantir.in(dir).start();

        EchoResult echo = simulator.echo(target("MRI_3T"));

        assertThat(echo.failure()).isNull();
        assertThat(echo.echo().describe()).isEqualTo("0x0000 Success");
    }

    @Test
    void queryReturnsWhatTheScannerWouldSeeForADayAndModality() throws Exception {
        lantir = RunningLantir.in(dir).start();
        today(WorklistRows.w1());
        today(WorklistRows.row("ROE^ANN", "1010", "CT", "CT_1", "20250212", "080000"));

        QueryResult mr = simulator.query(target("MRI_3T"), WorklistKeys.on(LocalDate.now(),
                "MR"));
        QueryResult yesterday = simulator.query(target("MRI_3T"),
                WorklistKeys.on(LocalDate.now().minusDays(1), null));

        assertThat(mr.failure()).isNull();
        assertThat(mr.echo().isSuccess()).isTrue();
        assertThat(mr.find().describe()).isEqualTo("0x0000 Success");
        assertThat(mr.answers()).extracting(WorklistAnswer::patientName,
                WorklistAnswer::patientId, WorklistAnswer::scheduledTime,
                WorklistAnswer::requestedProcedureDescription)
                .containsExactly(tuple("DOE^JANE", "1001",
                        "090000", "BRAIN MRI RESEARCH"));
        assertThat(yesterday.answers()).isEmpty();
        assertThat(yesterday.find().isSuccess()).isTrue();
    }

    @Test
    void anMppsStepFromTheRowStartsItThenCompletesIt() throws Exception {
        lantir = RunningLantir.in(dir).start();
        WorklistItem row = today(WorklistRows.w1());

        MppsResult created = simulator.createMpps(target("MRI_3T"), null, MppsStep.of(row));
        ProcedureStepStatus started = lantir.worklist().get(row.id()).orElseThrow().status();
        MppsResult completed = simulator.setMpps(target("MRI_3T"), created.sopInstanceUid(),
                FinalStatus.COMPLETED);

        assertThat(created.reply().describe()).isEqualTo("0x0000 Success");
        assertThat(created.sopInstanceUid()).startsWith("2.");
        assertThat(started).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(completed.reply().isSuccess()).isTrue();
        assertThat(lantir.worklist().get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.COMPLETED);
        MppsInstance stored = lantir.worklist().findMpps(created.sopInstanceUid())
                .orElseThrow();
        assertThat(stored.worklistItemId()).isEqualTo(row.id());
        assertThat(stored.matchedBy()).as("found by SPS ID and Requested Procedure ID")
                .isEqualTo("scheduled-step");
        assertThat(stored.callingAeTitle()).isEqualTo("MRI_3T");
    }

    @Test
    void theNCreateCarriesThePatientAndTheScheduledStepOfTheRow() throws Exception {
        lantir = RunningLantir.in(dir).start();
        WorklistItem row = today(WorklistRows.w1());

        MppsResult created = simulator.createMpps(target("MRI_3T"), null, MppsStep.of(row));

        MppsInstance stored = lantir.worklist().findMpps(created.sopInstanceUid())
                .orElseThrow();
        Dataset attrs = DicomReader.read(stored.attributes(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dataset step = attrs.getItem(Tag.ScheduledStepAttributesSequence);
        assertThat(attrs.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(attrs.getString(Tag.PatientID)).isEqualTo("1001");
        assertThat(attrs.getString(Tag.Modality)).isEqualTo("MR");
        assertThat(attrs.getString(Tag.PerformedStationAETitle)).isEqualTo("MRI_3T");
        assertThat(step.getString(Tag.StudyInstanceUID)).isEqualTo(row.studyInstanceUid());
        assertThat(step.getString(Tag.ScheduledProcedureStepID)).isEqualTo("SPS1001");
        assertThat(step.getString(Tag.RequestedProcedureID)).isEqualTo("RP1001");
        assertThat(step.getString(Tag.AccessionNumber)).isEqualTo("A1001");
        assertThat(step.getItem(Tag.ScheduledProtocolCodeSequence).getString(Tag.CodeValue))
                .isEqualTo("BRAIN_MRI_3T");
    }

    @Test
    void aNameOutsideTheDefaultRepertoireTravelsWithItsCharacterSet() throws Exception {
        lantir = RunningLantir.in(dir).start();
        WorklistItem row = today(WorklistRows.w1().toBuilder().patientName("MÜLLER^Zoë")
                .build());

        MppsResult created = simulator.createMpps(target("MRI_3T"), null, MppsStep.of(row));

        assertThat(created.reply().describe()).isEqualTo("0x0000 Success");
        MppsInstance stored = lantir.worklist().findMpps(created.sopInstanceUid())
                .orElseThrow();
        Dataset attrs = DicomReader.read(stored.attributes(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(attrs.getString(Tag.PatientName)).isEqualTo("MÜLLER^Zoë");
    }

    @Test
    void aSecondNSetOnAFinishedStepIsAProcessingFailureInWords() throws Exception {
        lantir = RunningLantir.in(dir).start();
        WorklistItem row = today(WorklistRows.w1());
        MppsResult created = simulator.createMpps(target("MRI_3T"), null, MppsStep.of(row));
        simulator.setMpps(target("MRI_3T"), created.sopInstanceUid(), FinalStatus.DISCONTINUED);

        MppsResult again = simulator.setMpps(target("MRI_3T"), created.sopInstanceUid(),
                FinalStatus.COMPLETED);

        assertThat(again.failure()).isNull();
        assertThat(again.reply().isPerformed()).isFalse();
        assertThat(again.reply().describe()).startsWith("0x0110 Processing failure: ")
                .contains("may no longer be updated");
        assertThat(lantir.worklist().get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.DISCONTINUED);
    }

    @Test
    void aStudyNoRowHasIsStoredUnmatched() throws Exception {
        lantir = RunningLantir.in(dir).start();

        MppsResult created = simulator.createMpps(target("MRI_3T"), "2.25.4242",
                MppsStep.forStudy("2.25.999", "MR"));

        assertThat(created.reply().isSuccess()).isTrue();
        assertThat(created.sopInstanceUid()).isEqualTo("2.25.4242");
        assertThat(lantir.worklist().findMpps("2.25.4242").orElseThrow().worklistItemId())
                .isNull();
    }

    @Test
    void aCallingAeTheSiteDoesNotAllowIsRefused() throws Exception {
        lantir = RunningLantir.in(dir).allowedAet("MRI_3T").start();

        QueryResult query = simulator.query(target("CT_1"), WorklistKeys.on(LocalDate.now(),
                null));

        assertThat(query.echo()).isNull();
        assertThat(query.find()).isNull();
        assertThat(query.failure().kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(query.failure().describe(query.target()))
                .startsWith("MWL_SCP@127.0.0.1:" + lantir.port() + " refused the association")
                .contains("calling-AE-title-not-recognized");
    }

    @Test
    void aPortWhereNothingListensIsUnreachable() throws Exception {
        // Bound but not listening: connections are refused, and nothing else can listen there.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ScuTarget nowhere = new ScuTarget("127.0.0.1", holder.getLocalPort(), "MWL_SCP",
                    "MRI_3T");

            MppsResult created = simulator.createMpps(nowhere, null,
                    MppsStep.forStudy("2.25.1", "MR"));

            assertThat(created.reply()).isNull();
            assertThat(created.failure().kind()).isEqualTo(Failure.Kind.UNREACHABLE);
            assertThat(created.failure().describe(nowhere))
                    .startsWith("Cannot reach MWL_SCP@127.0.0.1:" + holder.getLocalPort());
        }
    }

    @Test
    void anInvalidAeTitleFailsBeforeAnythingIsSent() {
        ScuTarget bad = new ScuTarget("127.0.0.1", 104, "MWL_SCP", "AN_AE_TITLE_OF_21_CHR");

        assertThatThrownBy(() -> simulator.echo(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AN_AE_TITLE_OF_21_CHR");
    }
}
