package org.lantir.ui.log;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.lantir.app.RecentLog;
import org.slf4j.event.Level;

/**
 * The Log screen's state: the application's recent log lines, oldest first, filtered by a
 * minimum level. {@link #refresh()} takes the lines logged since the last call from the
 * {@link RecentLog} (in memory, cheap; the view calls it a few times a second on the JavaFX
 * thread). At most {@code capacity} lines are kept; older ones leave from the top.
 */
public final class LogViewModel {

    /** The levels the filter offers, most severe first; DEBUG shows every line kept. */
    public static final List<Level> LEVELS = List.of(Level.ERROR, Level.WARN, Level.INFO,
            Level.DEBUG);

    private final RecentLog log;
    private final int capacity;
    private final Level recordedLevel;
    private final ObservableList<RecentLog.Line> kept = FXCollections.observableArrayList();
    private final FilteredList<RecentLog.Line> shown = new FilteredList<>(kept);
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.INFO);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private long next;

    /**
     * @param recordedLevel the most detailed level the logging configuration lets through
     *        (INFO by default), to tell why finer lines never show; null when unknown
     */
    public LogViewModel(RecentLog log, Level recordedLevel) {
        this.log = log;
        this.capacity = log.capacity();
        this.recordedLevel = recordedLevel;
        level.addListener((o, was, now) -> levelChanged(now));
        levelChanged(level.get());
        summary.bind(Bindings.createStringBinding(this::summaryText, shown, kept));
        refresh();
    }

    /** Takes the lines logged since the last refresh; on the JavaFX thread. */
    public void refresh() {
        RecentLog.Batch batch = log.linesFrom(next);
        next = batch.next();
        List<RecentLog.Line> lines = batch.lines();
        if (lines.isEmpty()) {
            return;
        }
        int excess = kept.size() + lines.size() - capacity;
        if (excess > 0) {
            kept.remove(0, Math.min(excess, kept.size()));
        }
        int from = Math.max(0, lines.size() - capacity);
        kept.addAll(lines.subList(from, lines.size()));
    }

    /** Empties the screen; later lines still come. The application's log is untouched. */
    public void clear() {
        kept.clear();
    }

    private void levelChanged(Level minimum) {
        Level chosen = minimum == null ? Level.INFO : minimum;
        shown.setPredicate(line -> chosen == Level.DEBUG
                || line.level().toInt() >= chosen.toInt());
        if (recordedLevel != null && chosen.toInt() < recordedLevel.toInt()) {
            note.set("The log records " + recordedLevel + " and above, so no " + chosen
                    + " line shows. Patient data appears only in DEBUG lines; run Lantir "
                    + "with LANTIR_LOG_LEVEL=DEBUG only while investigating a problem.");
        } else {
            note.set("");
        }
    }

    private String summaryText() {
        return shown.size() + " of " + kept.size() + " lines shown (the last " + capacity
                + " are kept)";
    }

    /** The lines passing the level filter, oldest first. */
    public ObservableList<RecentLog.Line> lines() {
        return shown;
    }

    /** The minimum level shown; INFO at first. */
    public ObjectProperty<Level> levelProperty() {
        return level;
    }

    /**
     * Whether the view keeps the newest line in sight: true until the user scrolls up, true
     * again when they scroll back to the bottom or ask for it.
     */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** Why the chosen level shows nothing more, when the configuration keeps it out. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
