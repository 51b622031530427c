package org.lantir.ui.mpps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.net.Status;
import org.lantir.scu.WorklistAnswer;
import org.lantir.scu.WorklistKeys;
import org.lantir.ui.UiThreads;
import org.lantir.ui.mpps.FakeSimulator.Answer;

/** "What would scanner X see?": the echo and the query's answer in words, and the items. */
class WorklistQueryViewModelTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 2, 12);

    private final FakeSimulator simulator = new FakeSimulator();
    private final TargetFields target = new TargetFields("127.0.0.1", "11112", "MWL_SCP");
    private final WorklistQueryViewModel model = new WorklistQueryViewModel(simulator,
            new UiThreads(Runnable::run, QueuedExecutor.direct()), target, TODAY);

    private static WorklistAnswer jane() {
        return new WorklistAnswer("20250212", "090000", "DOE^JANE", "1001", "MR", "MRI_3T",
                "SCHEDULED", "2.25.1", "A1001", "BRAIN MRI RESEARCH", "T1");
    }

    @Test
    void theQueryAsksForTodayAsTheScannerAndListsTheItems() {
        simulator.matches.add(jane());
        target.callingAeTitleProperty().set("MRI_3T");
        model.modalityProperty().set(" MR ");

        model.query();

        assertThat(simulator.keys).containsExactly(new WorklistKeys("MR", "20250212"));
        assertThat(simulator.targets).singleElement()
                .extracting(t -> t.callingAeTitle()).isEqualTo("MRI_3T");
        assertThat(model.echoProperty().get()).isEqualTo("C-ECHO: 0x0000 Success");
        assertThat(model.findProperty().get()).isEqualTo(
                "C-FIND: 1 worklist item, 0x0000 Success");
        assertThat(model.answers()).containsExactly(jane());
        assertThat(model.outcomeProperty().get()).isEqualTo(Outcome.DONE);
    }

    @Test
    void noDateAndNoModalityAskForEverything() {
        model.dateProperty().set(null);

        model.query();

        assertThat(simulator.keys).containsExactly(new WorklistKeys(null, null));
        assertThat(model.findProperty().get()).isEqualTo(
                "C-FIND: 0 worklist items, 0x0000 Success");
    }

    @Test
    void aFailedFindIsShownInWords() {
        simulator.answer(Answer.status(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                "Bad date key"));

        model.query();

        assertThat(model.findProperty().get()).isEqualTo("C-FIND: 0 worklist items, 0xA900 "
                + "Identifier does not match SOP Class: Bad date key");
        assertThat(model.outcomeProperty().get()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aRefusedScannerGetsNothingAndIsToldWhy() {
        simulator.answer(Answer.refused("rejected: calling-AE-title-not-recognized"));

        model.query();

        assertThat(model.echoProperty().get()).isEqualTo("C-ECHO: no answer");
        assertThat(model.findProperty().get()).isEqualTo("MWL_SCP@127.0.0.1:11112 refused the "
                + "association: rejected: calling-AE-title-not-recognized");
        assertThat(model.answers()).isEmpty();
        assertThat(model.outcomeProperty().get()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void echoAloneSendsNoQuery() {
        model.echo();

        assertThat(simulator.sent).containsExactly("C-ECHO");
        assertThat(model.echoProperty().get()).isEqualTo("C-ECHO: 0x0000 Success");
        assertThat(model.findProperty().get()).isEqualTo("C-FIND: not sent");
    }

    @Test
    void aCallingAeTitleTooLongIsNamed() {
        target.callingAeTitleProperty().set("A_SCANNER_TITLE_TOO_LONG");

        model.query();

        assertThat(model.echoProperty().get()).startsWith("Calling AE title:");
        assertThat(simulator.sent).isEmpty();
    }
}
