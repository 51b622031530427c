package org.lantir.ui.mpps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.StringJoiner;
import javafx.scene.control.Label;
import org.lantir.worklist.WorklistItem;

/** How the MPPS screens write times, statuses and rows. */
final class Texts {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private Texts() {
    }

    /** The time alone for today, with the date for other days, in the clock's zone. */
    static String eventTime(Instant time, Clock clock) {
        if (time == null) {
            return "";
        }
        ZonedDateTime at = time.atZone(clock.getZone());
        return at.toLocalDate().equals(LocalDate.now(clock)) ? CLOCK_TIME.format(at)
                : DAY_AND_TIME.format(at);
    }

    /** DICOM TM text ({@code HHMMSS...}) as {@code HH:MM}; anything else as it is. */
    static String dicomTime(String tm) {
        if (tm == null || tm.length() < 4 || !tm.substring(0, 4).chars().allMatch(
                Character::isDigit)) {
            return tm == null ? "" : tm;
        }
        return tm.substring(0, 2) + ":" + tm.substring(2, 4);
    }

    /** DICOM DA text ({@code YYYYMMDD}) as {@code YYYY-MM-DD}; anything else as it is. */
    static String dicomDate(String da) {
        if (da == null || !da.matches("\\d{8}")) {
            return da == null ? "" : da;
        }
        return da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6);
    }

    static String time(LocalTime time) {
        return time == null ? "" : HOUR_MINUTE.format(time);
    }

    /** A status in words, coloured: the shared status pill classes of lantir.css. */
    static Label statusPill(String text, String status) {
        Label pill = new Label(text);
        pill.getStyleClass().add("status-pill");
        if (status != null && !status.isBlank()) {
            pill.getStyleClass().add("status-" + status.strip().toLowerCase(Locale.ROOT)
                    .replace(' ', '-').replace('_', '-'));
        }
        return pill;
    }

    /** A worklist row in one line, e.g. for choosing it; empty values leave no gap. */
    static String rowLine(WorklistItem row) {
        String procedure = row.requestedProcedureDescription() != null
                ? row.requestedProcedureDescription() : nullToEmpty(row.spsDescription());
        return dotted(time(row.scheduledStartTime()), MppsEventsViewModel.patientOf(row),
                procedure, words(row.modality(), row.scheduledStationAeTitle()),
                row.status() == null ? "" : row.status().name().replace('_', ' '));
    }

    /** The requested procedure and the step's description, once when they are the same. */
    static String procedureLine(WorklistItem row) {
        String requested = nullToEmpty(row.requestedProcedureDescription()).strip();
        String step = nullToEmpty(row.spsDescription()).strip();
        return dotted(requested, step.equals(requested) ? "" : step);
    }

    /** When and where the step is scheduled, e.g. {@code 2025-03-10 09:00 · MR MRI_3T}. */
    static String scheduledLine(WorklistItem row) {
        String date = row.scheduledStartDate() == null ? "" : row.scheduledStartDate().toString();
        return dotted(words(date, time(row.scheduledStartTime())),
                words(row.modality(), row.scheduledStationAeTitle()));
    }

    /**
     * The parts that are not blank, between middle dots: a missing value leaves out its part
     * rather than a lone separator.
     */
    static String dotted(String... parts) {
        return joinPresent("  \u00b7  ", parts);
    }

    /** The parts that are not blank, between spaces. */
    static String words(String... parts) {
        return joinPresent(" ", parts);
    }

    private static String joinPresent(String separator, String... parts) {
        StringJoiner joined = new StringJoiner(separator);
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.add(part.strip());
            }
        }
        return joined.toString();
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
