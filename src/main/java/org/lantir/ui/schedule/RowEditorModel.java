package org.lantir.ui.schedule;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItemValidator;
import org.lantir.worklist.WorklistItemValidator.Field;
import org.lantir.worklist.WorklistItemValidator.Problem;
import org.lantir.worklist.WorklistItemValidator.Result;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row editor's state: one text per {@link Field}, checked by
 * {@link WorklistItemValidator} as it is typed. Each field has its message; "required" shows
 * only once a field was touched, so a new form does not open in red, while Save stays
 * disabled until every value is right. Saving adds the row (identifiers minted as
 * {@link WorklistService#add} does) or edits it ({@link WorklistService#edit}).
 */
public final class RowEditorModel {

    private static final Logger LOG = LoggerFactory.getLogger(RowEditorModel.class);

    private final WorklistService worklist;
    private final UiThreads threads;
    private final WorklistItem base;
    private final Consumer<WorklistItem> onSaved;

    private final Map<Field, StringProperty> values = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> messages = new EnumMap<>(Field.class);
    private final Set<Field> touched = EnumSet.noneOf(Field.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveProblem = new ReadOnlyStringWrapper("");
    private Result result;

    /**
     * @param base the stored row being edited, or null for a new row
     * @param start the texts the form opens with
     * @param onSaved told the stored row, on the JavaFX thread
     */
    RowEditorModel(WorklistService worklist, UiThreads threads, WorklistItem base,
            Map<Field, String> start, Consumer<WorklistItem> onSaved) {
        this.worklist = worklist;
        this.threads = threads;
        this.base = base;
        this.onSaved = onSaved;
        for (Field field : Field.values()) {
            values.put(field, new SimpleStringProperty(start.getOrDefault(field, "")));
            messages.put(field, new ReadOnlyStringWrapper(""));
        }
        if (base != null) {
            // A stored row's values are all the person's to see checked at once.
            touched.addAll(EnumSet.allOf(Field.class));
        }
        check();
        for (Field field : Field.values()) {
            values.get(field).addListener((observable, old, now) -> {
                touched.add(field);
                check();
            });
        }
    }

    /** "Add a row" or "Edit row N". */
    public String title() {
        return base == null ? "Add a row" : "Edit row " + base.id();
    }

    public boolean isNew() {
        return base == null;
    }

    /** The text of a field, as typed. */
    public StringProperty valueProperty(Field field) {
        return values.get(field);
    }

    /** What is wrong with a field, or empty. */
    public ReadOnlyStringProperty messageProperty(Field field) {
        return messages.get(field).getReadOnlyProperty();
    }

    /** Whether every value is right, so Save may be pressed. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Which fields keep Save disabled, e.g. "To save, fill in or fix: Patient ID". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the store refused the row, or empty. */
    public ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem.getReadOnlyProperty();
    }

    /** Marks a field as visited (it lost focus), so an empty required field says so. */
    public void touch(Field field) {
        if (touched.add(field)) {
            check();
        }
    }

    private void check() {
        result = WorklistItemValidator.check(currentValues(), base);
        for (Field field : Field.values()) {
            String message = result.problem(field).map(Problem::message).orElse("");
            messages.get(field).set(touched.contains(field) ? message : "");
        }
        valid.set(result.isValid());
        List<String> labels = result.problems().stream().map(p -> p.field().label()).toList();
        summary.set(labels.isEmpty() ? "" : "To save, fill in or fix: "
                + String.join(", ", labels));
    }

    private Map<Field, String> currentValues() {
        Map<Field, String> current = new EnumMap<>(Field.class);
        values.forEach((field, text) -> current.put(field, text.get()));
        return current;
    }

    /**
     * Stores the row when every value is right, then calls {@code close} (and the editor's
     * {@code onSaved}) on the JavaFX thread; otherwise shows every field's message and stores
     * nothing.
     *
     * @return whether the row went to be stored
     */
    public boolean save(Runnable close) {
        if (!result.isValid() || saving.get()) {
            touched.addAll(EnumSet.allOf(Field.class));
            check();
            return false;
        }
        WorklistItem item = result.item();
        saving.set(true);
        saveProblem.set("");
        try {
            threads.background().execute(() -> store(item, close));
        } catch (RejectedExecutionException closing) {
            saving.set(false);
            saveProblem.set("The window is closing; the row was not saved.");
        }
        return true;
    }

    private void store(WorklistItem item, Runnable close) {
        WorklistItem stored;
        try {
            stored = base == null ? worklist.add(item) : worklist.edit(item);
        } catch (RuntimeException e) {
            LOG.warn("Row editor: the row was not saved: {}", e.getMessage());
            threads.fx().execute(() -> {
                saving.set(false);
                saveProblem.set("Not saved: " + e.getMessage());
            });
            return;
        }
        threads.fx().execute(() -> {
            saving.set(false);
            onSaved.accept(stored);
            close.run();
        });
    }
}
