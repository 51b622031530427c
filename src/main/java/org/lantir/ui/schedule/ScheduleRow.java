package org.lantir.ui.schedule;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItemValidator;

/**
 * One line of the schedule table: a worklist row that keeps its identity while its values
 * change. A live update sets a new {@link WorklistItem} on the same line, so the table keeps
 * the selection and scroll position; each column reads one of the line's properties. Changed
 * on the JavaFX thread only.
 */
public final class ScheduleRow {

    private final long id;
    private final UnassignedStation unassigned;
    private final ReadOnlyObjectWrapper<WorklistItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper patientName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper patientId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper modality = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper station = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper procedure = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<ProcedureStepStatus> status =
            new ReadOnlyObjectWrapper<>();

    /**
     * @param unassigned the site's policy for rows without a station, to say who sees them
     */
    ScheduleRow(WorklistItem item, UnassignedStation unassigned) {
        this.id = Objects.requireNonNull(item.id(), "a stored row");
        this.unassigned = unassigned;
        update(item);
    }

    /** Shows the row's new values; the same line stays in the table. */
    void update(WorklistItem newItem) {
        if (!Objects.equals(newItem.id(), id)) {
            throw new IllegalArgumentException("Row " + newItem.id() + " is not row " + id);
        }
        time.set(WorklistItemValidator.time(newItem.scheduledStartTime()));
        patientName.set(PersonNames.readable(newItem.patientName()));
        patientId.set(text(newItem.patientId()));
        modality.set(text(newItem.modality()));
        station.set(station(newItem));
        procedure.set(procedure(newItem));
        source.set(newItem.dataSource() == null ? "manual" : newItem.dataSource());
        status.set(newItem.status());
        // Last: the item is what lists watch for updates (their extractor), and a sorted
        // view re-sorts by the column values, which must be the new ones by then.
        item.set(newItem);
    }

    public long id() {
        return id;
    }

    public WorklistItem item() {
        return item.get();
    }

    public ReadOnlyObjectProperty<WorklistItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty patientNameProperty() {
        return patientName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty patientIdProperty() {
        return patientId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modalityProperty() {
        return modality.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stationProperty() {
        return station.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty procedureProperty() {
        return procedure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProcedureStepStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The status as the table's pill says it. */
    static String statusWord(ProcedureStepStatus status) {
        return switch (status) {
            case SCHEDULED -> "Scheduled";
            case IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case DISCONTINUED -> "Discontinued";
        };
    }

    /** The lantir.css class of a status pill. */
    static String statusStyleClass(ProcedureStepStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** AE title, with the station name when there is one; who sees a row without either. */
    private String station(WorklistItem row) {
        String ae = text(row.scheduledStationAeTitle());
        String name = text(row.scheduledStationName());
        if (ae.isEmpty()) {
            String who = unassigned == UnassignedStation.ANY ? "any station"
                    : "no station: not published";
            return name.isEmpty() ? who : name + " (" + who + ")";
        }
        return name.isEmpty() || name.equals(ae) ? ae : ae + " / " + name;
    }

    /** The requested procedure, else the step, as the worklist answers describe it. */
    private static String procedure(WorklistItem row) {
        for (String text : new String[] {row.requestedProcedureDescription(),
            row.spsDescription(), meaning(row.requestedProcedureCode()),
            meaning(row.protocolCode())}) {
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return "";
    }

    private static String meaning(WorklistItem.CodedEntry code) {
        return code == null ? null : code.meaning();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Identifies the line without patient data. */
    @Override
    public String toString() {
        return "ScheduleRow[" + id + "]";
    }
}
