package org.lantir.ui.schedule;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.lantir.worklist.WorklistItemValidator;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The details of one worklist row: every stored value under a readable label with its DICOM
 * attribute, and its MPPS history (the instances matched to it, oldest first), which is read
 * in the background.
 */
public final class RowDetailsModel {

    private static final Logger LOG = LoggerFactory.getLogger(RowDetailsModel.class);
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final String NONE = "—";

    /** One labelled value; {@code attribute} names the DICOM attribute, or is empty. */
    public record Entry(String label, String attribute, String value) {
    }

    /**
     * One MPPS instance as the history lists it: when its N-CREATE came, who sent it, its
     * UID, its status now and when that was last set.
     */
    public record HistoryLine(String time, String callingAeTitle, String sopInstanceUid,
            String status, String updated) {
    }

    private final WorklistService worklist;
    private final UiThreads threads;
    private final WorklistItem item;
    private final ZoneId zone;
    private final ObservableList<HistoryLine> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper historyState = new ReadOnlyStringWrapper("");

    RowDetailsModel(WorklistService worklist, UiThreads threads, WorklistItem item,
            Clock clock) {
        this.worklist = worklist;
        this.threads = threads;
        this.item = item;
        this.zone = clock.getZone();
    }

    public WorklistItem item() {
        return item;
    }

    /** E.g. "DOE, Jane: 09:00 MR". */
    public String title() {
        String name = PersonNames.readable(item.patientName());
        return (name.isEmpty() ? "Row " + item.id() : name) + ": "
                + WorklistItemValidator.time(item.scheduledStartTime()) + " "
                + (item.modality() == null ? "" : item.modality());
    }

    /** Every stored value of the row, in the order of PS3.4 Table K.6-1's modules. */
    public List<Entry> entries() {
        List<Entry> e = new ArrayList<>();
        String name = item.patientName();
        String readable = PersonNames.readable(name);
        e.add(new Entry("Patient name", "(0010,0010)", readable.isEmpty() ? NONE
                : readable.equals(name) ? name : readable + "   [" + name + "]"));
        e.add(new Entry("Patient ID", "(0010,0020)", text(item.patientId())));
        e.add(new Entry("Issuer of patient ID", "(0010,0021)",
                text(item.issuerOfPatientId())));
        e.add(new Entry("Birth date", "(0010,0030)", date(item.patientBirthDate())));
        e.add(new Entry("Sex", "(0010,0040)", text(item.patientSex())));
        e.add(new Entry("Weight (kg)", "(0010,1030)", number(item.patientWeightKg())));
        e.add(new Entry("Size (m)", "(0010,1020)", number(item.patientSizeM())));
        e.add(new Entry("Patient comments", "(0010,4000)", text(item.patientComments())));
        e.add(new Entry("Accession number", "(0008,0050)", text(item.accessionNumber())));
        e.add(new Entry("Referring physician", "(0008,0090)",
                text(PersonNames.readable(item.referringPhysicianName()))));
        e.add(new Entry("Requested procedure ID", "(0040,1001)",
                text(item.requestedProcedureId())));
        e.add(new Entry("Requested procedure", "(0032,1060)",
                text(item.requestedProcedureDescription())));
        e.add(new Entry("Requested procedure code", "(0032,1064)",
                code(item.requestedProcedureCode())));
        e.add(new Entry("Requested procedure comments", "(0040,1400)",
                text(item.requestedProcedureComments())));
        e.add(new Entry("Study Instance UID", "(0020,000D)", text(item.studyInstanceUid())));
        e.add(new Entry("Step ID", "(0040,0009)", text(item.spsId())));
        e.add(new Entry("Modality", "(0008,0060)", text(item.modality())));
        e.add(new Entry("Station AE title", "(0040,0001)",
                text(item.scheduledStationAeTitle())));
        e.add(new Entry("Station name", "(0040,0010)", text(item.scheduledStationName())));
        e.add(new Entry("Scheduled date", "(0040,0002)", date(item.scheduledStartDate())));
        e.add(new Entry("Scheduled time", "(0040,0003)",
                text(WorklistItemValidator.time(item.scheduledStartTime()))));
        e.add(new Entry("Scheduled end date", "(0040,0004)", date(item.scheduledEndDate())));
        e.add(new Entry("Scheduled end time", "(0040,0005)",
                text(WorklistItemValidator.time(item.scheduledEndTime()))));
        e.add(new Entry("Step description", "(0040,0007)", text(item.spsDescription())));
        e.add(new Entry("Protocol code", "(0040,0008)", code(item.protocolCode())));
        e.add(new Entry("Performing physician", "(0040,0006)",
                text(PersonNames.readable(item.performingPhysicianName()))));
        e.add(new Entry("Step comments", "(0040,0400)", text(item.spsComments())));
        e.add(new Entry("Status", "(0040,0020)", ScheduleRow.statusWord(item.status())
                + " (" + item.status().dicomTerm() + " on the worklist)"));
        e.add(new Entry("Source", "", item.dataSource() == null ? "manual (made by hand)"
                : item.dataSource() + " (read-only here)"));
        e.add(new Entry("Source key", "", text(item.sourceKey())));
        e.add(new Entry("Row id", "", String.valueOf(item.id())));
        e.add(new Entry("Created", "", instant(item.createdAt())));
        e.add(new Entry("Updated", "", instant(item.updatedAt())));
        return e;
    }

    /** The MPPS instances matched to the row, oldest first, once {@link #load} read them. */
    public ObservableList<HistoryLine> history() {
        return history;
    }

    /** "Reading…", "No modality has reported on this row.", a problem, or empty. */
    public ReadOnlyStringProperty historyStateProperty() {
        return historyState.getReadOnlyProperty();
    }

    /** Reads the MPPS history in the background. */
    public void load() {
        historyState.set("Reading the MPPS history…");
        long id = item.id();
        try {
            threads.background().execute(() -> {
                try {
                    List<HistoryLine> lines = worklist.mppsFor(id).stream()
                            .map(this::line).toList();
                    threads.fx().execute(() -> {
                        history.setAll(lines);
                        historyState.set(lines.isEmpty()
                                ? "No modality has reported on this row (no MPPS)." : "");
                    });
                } catch (RuntimeException e) {
                    LOG.warn("MPPS history of row {} not read: {}", id, e.getMessage());
                    threads.fx().execute(() -> historyState.set(
                            "The MPPS history could not be read: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException closing) {
            historyState.set("");
        }
    }

    private HistoryLine line(MppsInstance mpps) {
        return new HistoryLine(instant(mpps.createdAt()), text(mpps.callingAeTitle()),
                mpps.sopInstanceUid(), text(mpps.status()), instant(mpps.updatedAt()));
    }

    private String instant(Instant instant) {
        return instant == null ? NONE : LOCAL_TIME.format(instant.atZone(zone));
    }

    private static String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    private static String number(BigDecimal value) {
        return value == null ? NONE : value.stripTrailingZeros().toPlainString();
    }

    private static String code(CodedEntry code) {
        if (code == null) {
            return NONE;
        }
        return text(code.value()) + " (" + text(code.schemeDesignator()) + ") "
                + text(code.meaning());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
