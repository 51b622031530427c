package org.lantir.ui.mpps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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

    /** A worklist row in one line, e.g. for choosing it. */
    static String rowLine(WorklistItem row) {
        String procedure = row.requestedProcedureDescription() != null
                ? row.requestedProcedureDescription() : nullToEmpty(row.spsDescription());
        return String.join("  \u00b7  ", time(row.scheduledStartTime()),
                MppsEventsViewModel.patientOf(row), procedure,
                nullToEmpty(row.modality()) + " " + nullToEmpty(row.scheduledStationAeTitle()),
                row.status() == null ? "" : row.status().name().replace('_', ' '));
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
