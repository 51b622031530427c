package org.lantir.ui.mpps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantir.dicom.net.Status;
import org.lantir.scu.ModalitySimulator.FinalStatus;
import org.lantir.testing.WorklistRows;
import org.lantir.ui.UiThreads;
import org.lantir.ui.mpps.FakeSimulator.Answer;
import org.lantir.ui.mpps.MppsTestViewModel.Phase;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * The MPPS test's flow: create is offered first; after a successful N-CREATE only the final
 * N-SET is; after that nothing. Every answer reads in words, and a refused step can be sent
 * again.
 */
class MppsTestViewModelTest {

    private final FakeSimulator simulator = new FakeSimulator();
    private final QueuedExecutor background = QueuedExecutor.direct();
    private final WorklistItem row = WorklistRows.w1().toBuilder().id(12L).build();
    private final TargetFields target = new TargetFields("127.0.0.1", "11112", "MWL_SCP");

    private MppsTestViewModel model() {
        return new MppsTestViewModel(simulator, new UiThreads(Runnable::run, background), row,
                target);
    }

    @Test
    void createIsOfferedFirstThenOnlyTheFinalNSet() {
        MppsTestViewModel model = model();
        assertThat(model.canCreateProperty().get()).isTrue();
        assertThat(model.canSetProperty().get()).isFalse();

        model.create();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.IN_PROGRESS);
        assertThat(model.canCreateProperty().get()).isFalse();
        assertThat(model.canSetProperty().get()).isTrue();
        assertThat(model.resultProperty().get()).isEqualTo(
                "N-CREATE IN PROGRESS: 0x0000 Success");
        assertThat(model.outcomeProperty().get()).isEqualTo(Outcome.DONE);
        assertThat(model.sopInstanceUidProperty().get()).startsWith("2.25.");
        assertThat(simulator.sent).containsExactly("N-CREATE "
                + model.sopInstanceUidProperty().get());
    }

    @Test
    void theNCreateNamesTheRowsScheduledStepAndPatient() {
        model().create();

        assertThat(simulator.steps).singleElement().satisfies(step -> {
            assertThat(step.studyInstanceUid()).isEqualTo(row.studyInstanceUid());
            assertThat(step.spsId()).isEqualTo("SPS1001");
            assertThat(step.requestedProcedureId()).isEqualTo("RP1001");
            assertThat(step.accessionNumber()).isEqualTo("A1001");
            assertThat(step.patientId()).isEqualTo("1001");
            assertThat(step.modality()).isEqualTo("MR");
        });
        assertThat(simulator.targets).singleElement().hasToString("MWL_SCP@127.0.0.1:11112")
                .extracting(t -> t.callingAeTitle()).isEqualTo("LANTIR_TEST");
    }

    @Test
    void completedEndsTheTest() {
        MppsTestViewModel model = model();
        model.create();
        String uid = model.sopInstanceUidProperty().get();

        model.finish(FinalStatus.COMPLETED);

        assertThat(simulator.sent).last().isEqualTo("N-SET COMPLETED " + uid);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.FINISHED);
        assertThat(model.canCreateProperty().get()).isFalse();
        assertThat(model.canSetProperty().get()).isFalse();
        assertThat(model.history()).containsExactly("N-CREATE IN PROGRESS: 0x0000 Success",
                "N-SET COMPLETED: 0x0000 Success");
    }

    @Test
    void aRefusedNCreateIsShownInWordsAndCreateStaysOffered() {
        simulator.answer(Answer.status(Status.OUT_OF_RESOURCES, null));
        MppsTestViewModel model = model();

        model.create();

        assertThat(model.resultProperty().get()).isEqualTo(
                "N-CREATE IN PROGRESS: 0xA700 Out of resources");
        assertThat(model.outcomeProperty().get()).isEqualTo(Outcome.FAILED);
        assertThat(model.canCreateProperty().get()).isTrue();
        assertThat(model.canSetProperty().get()).isFalse();
        assertThat(model.sopInstanceUidProperty().get()).isEmpty();
    }

    @Test
    void aFailedNSetShowsStatusAndCommentAndMayBeSentAgain() {
        simulator.answer(Answer.status(0, null)).answer(Answer.status(
                Status.PROCESSING_FAILURE, "Step is DISCONTINUED and may no longer be updated"));
        MppsTestViewModel model = model();
        model.create();

        model.finish(FinalStatus.COMPLETED);

        assertThat(model.resultProperty().get()).isEqualTo("N-SET COMPLETED: 0x0110 "
                + "Processing failure: Step is DISCONTINUED and may no longer be updated");
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.IN_PROGRESS);
        assertThat(model.canSetProperty().get()).isTrue();
    }

    @Test
    void aRefusedAssociationSaysWhoRefusedAndWhy() {
        simulator.answer(Answer.refused("rejected: calling-AE-title-not-recognized"));
        MppsTestViewModel model = model();

        model.create();

        assertThat(model.resultProperty().get()).isEqualTo("N-CREATE IN PROGRESS: "
                + "MWL_SCP@127.0.0.1:11112 refused the association: rejected: "
                + "calling-AE-title-not-recognized");
        assertThat(model.canCreateProperty().get()).isTrue();
    }

    @Test
    void aWrongFieldIsNamedAndNothingIsSent() {
        MppsTestViewModel model = model();
        target.portProperty().set("eleven");

        model.create();

        assertThat(model.resultProperty().get()).startsWith("Port: 'eleven'");
        assertThat(model.outcomeProperty().get()).isEqualTo(Outcome.FAILED);
        assertThat(simulator.sent).isEmpty();
        assertThat(model.canCreateProperty().get()).isTrue();
    }

    @Test
    void nothingIsOfferedWhileARequestIsOnItsWay() {
        QueuedExecutor slow = QueuedExecutor.queued();
        MppsTestViewModel model = new MppsTestViewModel(simulator,
                new UiThreads(Runnable::run, slow), row, target);

        model.create();

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.canCreateProperty().get()).isFalse();
        assertThat(model.canSetProperty().get()).isFalse();
        assertThat(model.outcomeProperty().get()).isEqualTo(Outcome.WAITING);
        assertThat(model.resultProperty().get()).isEqualTo(
                "N-CREATE IN PROGRESS: sending to MWL_SCP@127.0.0.1:11112\u2026");
        assertThat(simulator.sent).as("the network call waits for the background").isEmpty();

        slow.runAll();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.canSetProperty().get()).isTrue();
    }

    @Test
    void aRowPastScheduledIsPointedOut() {
        assertThat(model().rowWarning()).isEmpty();

        MppsTestViewModel done = new MppsTestViewModel(simulator,
                new UiThreads(Runnable::run, background), row.toBuilder()
                .status(ProcedureStepStatus.COMPLETED).build(), target);

        assertThat(done.rowWarning()).isEqualTo(
                "This row is COMPLETED already: N-CREATE starts another step for it.");
    }
}
