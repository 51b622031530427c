package org.lantir.ui.mpps;

import java.time.LocalDate;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.scu.DimseReply;
import org.lantir.scu.ModalitySimulator;
import org.lantir.scu.ModalitySimulator.EchoResult;
import org.lantir.scu.ModalitySimulator.QueryResult;
import org.lantir.scu.ScuTarget;
import org.lantir.scu.WorklistAnswer;
import org.lantir.scu.WorklistKeys;
import org.lantir.ui.UiThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "What would scanner X see now?": a C-ECHO and the Modality Worklist C-FIND a scanner with
 * the calling AE title sends for one day (and one modality, if given), against the running
 * server or another one. The server answers as it would answer that scanner, so allowed AE
 * titles and stations coerced from the calling AE title show here as they would there.
 */
public final class WorklistQueryViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorklistQueryViewModel.class);

    private final ModalitySimulator simulator;
    private final UiThreads threads;
    private final TargetFields target;
    private final StringProperty modality = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper echo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper find = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(
            Outcome.NONE);
    private final ObservableList<WorklistAnswer> answers = FXCollections.observableArrayList();

    public WorklistQueryViewModel(ModalitySimulator simulator, UiThreads threads,
            TargetFields target, LocalDate today) {
        this.simulator = Objects.requireNonNull(simulator);
        this.threads = Objects.requireNonNull(threads);
        this.target = Objects.requireNonNull(target);
        this.date = new SimpleObjectProperty<>(today);
    }

    /** C-ECHO alone. */
    public void echo() {
        ScuTarget to = checkedTarget();
        if (to == null) {
            return;
        }
        started(to, "C-FIND: not sent");
        threads.background().execute(() -> {
            try {
                EchoResult result = simulator.echo(to);
                threads.fx().execute(() -> echoed(result));
            } catch (RuntimeException e) {
                failed(to, e);
            }
        });
    }

    /** C-ECHO, then the worklist query. */
    public void query() {
        ScuTarget to = checkedTarget();
        if (to == null) {
            return;
        }
        String dayModality = modality.get() == null || modality.get().isBlank() ? null
                : modality.get().strip();
        WorklistKeys keys = date.get() == null ? new WorklistKeys(dayModality, null)
                : WorklistKeys.on(date.get(), dayModality);
        started(to, "C-FIND: sending\u2026");
        threads.background().execute(() -> {
            try {
                QueryResult result = simulator.query(to, keys);
                threads.fx().execute(() -> queried(result));
            } catch (RuntimeException e) {
                failed(to, e);
            }
        });
    }

    private ScuTarget checkedTarget() {
        try {
            return target.target();
        } catch (IllegalArgumentException e) {
            answers.clear();
            echo.set(e.getMessage());
            find.set("");
            outcome.set(Outcome.FAILED);
            return null;
        }
    }

    private void started(ScuTarget to, String findText) {
        busy.set(true);
        outcome.set(Outcome.WAITING);
        answers.clear();
        echo.set("C-ECHO to " + to + ": sending\u2026");
        find.set(findText);
    }

    private void echoed(EchoResult result) {
        busy.set(false);
        if (result.failure() != null) {
            echo.set(result.failure().describe(result.target()));
            outcome.set(Outcome.FAILED);
            return;
        }
        echo.set("C-ECHO: " + result.echo().describe());
        outcome.set(result.echo().isSuccess() ? Outcome.DONE : Outcome.FAILED);
    }

    private void queried(QueryResult result) {
        busy.set(false);
        answers.setAll(result.answers());
        echo.set(result.echo() == null ? "C-ECHO: no answer"
                : "C-ECHO: " + result.echo().describe());
        if (result.failure() != null) {
            find.set(result.failure().describe(result.target()));
            outcome.set(Outcome.FAILED);
            return;
        }
        DimseReply reply = result.find();
        find.set("C-FIND: " + count(result.answers().size()) + ", " + reply.describe());
        outcome.set(result.echo().isSuccess() && reply.isSuccess() ? Outcome.DONE
                : Outcome.FAILED);
    }

    private static String count(int answers) {
        return answers == 1 ? "1 worklist item" : answers + " worklist items";
    }

    private void failed(ScuTarget to, RuntimeException e) {
        LOG.error("Worklist query test to {} failed", to, e);
        threads.fx().execute(() -> {
            busy.set(false);
            echo.set("The test failed: " + e.getMessage());
            outcome.set(Outcome.FAILED);
        });
    }

    public TargetFields target() {
        return target;
    }

    /** Modality key; empty for any. */
    public StringProperty modalityProperty() {
        return modality;
    }

    /** Scheduled Procedure Step Start Date; null for any day. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The C-ECHO's answer in words, or why none came. */
    public ReadOnlyStringProperty echoProperty() {
        return echo.getReadOnlyProperty();
    }

    /** How many items the C-FIND returned and its final status in words, or why none came. */
    public ReadOnlyStringProperty findProperty() {
        return find.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The worklist items the scanner would get, in the server's order. */
    public ObservableList<WorklistAnswer> answers() {
        return answers;
    }
}
