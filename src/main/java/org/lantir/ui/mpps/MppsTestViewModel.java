package org.lantir.ui.mpps;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.dicom.data.UID;
import org.lantir.scu.ModalitySimulator;
import org.lantir.scu.ModalitySimulator.FinalStatus;
import org.lantir.scu.ModalitySimulator.MppsResult;
import org.lantir.scu.MppsStep;
import org.lantir.scu.ScuTarget;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MPPS test dialog's state for one worklist row: it plays the scanner that starts the
 * row's step (N-CREATE, IN PROGRESS) and then completes or discontinues it (N-SET), as PS3.4
 * F.7.2 lets a modality do. Create is offered until a step has been started; then only the
 * final N-SET is, until one has been taken. Every answer is shown in words.
 */
public final class MppsTestViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MppsTestViewModel.class);

    /** Where the step is. */
    public enum Phase { NOT_STARTED, IN_PROGRESS, FINISHED }

    private final ModalitySimulator simulator;
    private final UiThreads threads;
    private final WorklistItem row;
    private final TargetFields target;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(
            Phase.NOT_STARTED);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper sopInstanceUid = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(
            "Nothing sent yet.");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(
            Outcome.NONE);
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<String> historyView =
            FXCollections.unmodifiableObservableList(history);
    private final BooleanBinding canCreate;
    private final BooleanBinding canSet;

    public MppsTestViewModel(ModalitySimulator simulator, UiThreads threads, WorklistItem row,
            TargetFields target) {
        this.simulator = Objects.requireNonNull(simulator);
        this.threads = Objects.requireNonNull(threads);
        this.row = Objects.requireNonNull(row);
        this.target = Objects.requireNonNull(target);
        this.canCreate = busy.not().and(phase.isEqualTo(Phase.NOT_STARTED));
        this.canSet = busy.not().and(phase.isEqualTo(Phase.IN_PROGRESS));
    }

    public WorklistItem row() {
        return row;
    }

    public TargetFields target() {
        return target;
    }

    /**
     * A warning when the row is past SCHEDULED as the dialog opens: a scanner that starts it
     * again sends a new step for it, and the server decides what that does to the row.
     * Empty for a row still scheduled.
     */
    public String rowWarning() {
        ProcedureStepStatus status = row.status();
        if (status == null || status == ProcedureStepStatus.SCHEDULED) {
            return "";
        }
        return "This row is " + status.name().replace('_', ' ') + " already: N-CREATE "
                + "starts another step for it.";
    }

    /** Sends the N-CREATE that starts the row's step, under a new SOP Instance UID. */
    public void create() {
        String uid = UID.create(UID.UUID_ROOT);
        MppsStep step = MppsStep.of(row);
        send("N-CREATE IN PROGRESS", to -> simulator.createMpps(to, uid, step),
                Phase.IN_PROGRESS);
    }

    /** Sends the N-SET that ends the started step with {@code status}. */
    public void finish(FinalStatus status) {
        String uid = sopInstanceUid.get();
        send("N-SET " + status, to -> simulator.setMpps(to, uid, status), Phase.FINISHED);
    }

    private void send(String request, Function<ScuTarget, MppsResult> call, Phase next) {
        ScuTarget to;
        try {
            to = target.target();
        } catch (IllegalArgumentException e) {
            show(Outcome.FAILED, e.getMessage());
            return;
        }
        busy.set(true);
        show(Outcome.WAITING, request + ": sending to " + to + "\u2026");
        threads.background().execute(() -> {
            try {
                MppsResult answer = call.apply(to);
                threads.fx().execute(() -> answered(request, answer, next));
            } catch (RuntimeException e) {
                LOG.error("MPPS test {} to {} failed", request, to, e);
                threads.fx().execute(() -> {
                    busy.set(false);
                    show(Outcome.FAILED, request + ": " + e.getMessage());
                });
            }
        });
    }

    private void answered(String request, MppsResult answer, Phase next) {
        busy.set(false);
        if (answer.failure() != null) {
            show(Outcome.FAILED, request + ": " + answer.failure().describe(answer.target()));
            return;
        }
        boolean performed = answer.reply().isPerformed();
        show(performed ? Outcome.DONE : Outcome.FAILED,
                request + ": " + answer.reply().describe());
        if (performed) {
            sopInstanceUid.set(answer.sopInstanceUid());
            phase.set(next);
        }
    }

    private void show(Outcome how, String words) {
        outcome.set(how);
        result.set(words);
        if (how != Outcome.WAITING) {
            history.add(words);
        }
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while no step was started and nothing is being sent. */
    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** True while the started step waits for its final N-SET and nothing is being sent. */
    public BooleanBinding canSetProperty() {
        return canSet;
    }

    /** The started step's SOP Instance UID; empty before. */
    public ReadOnlyStringProperty sopInstanceUidProperty() {
        return sopInstanceUid.getReadOnlyProperty();
    }

    /** The last answer in words, e.g. {@code "N-SET COMPLETED: 0x0000 Success"}. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Every answer so far, oldest first. */
    public ObservableList<String> history() {
        return historyView;
    }
}
