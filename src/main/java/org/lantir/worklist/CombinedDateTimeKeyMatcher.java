package org.lantir.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.lantir.dicom.data.Dataset;

/**
 * Combined date-time range matching of a DA and a TM key that belong together, here Scheduled
 * Procedure Step Start Date and Time (PS3.4 C.2.2.2.5.1): when both are ranges, date
 * {@code d1-d2} with time {@code t1-t2} means from d1 at t1 to d2 at t2, not t1 to t2 on each
 * day. An open end of the time stands for the start or end of the day.
 */
final class CombinedDateTimeKeyMatcher implements KeyMatcher {

    private final int dateTag;
    private final int timeTag;
    private final LocalDateTime first;
    private final LocalDateTime last;

    CombinedDateTimeKeyMatcher(int dateTag, int timeTag, RangeMatcher<LocalDate> date,
            RangeMatcher<LocalTime> time) {
        this.dateTag = dateTag;
        this.timeTag = timeTag;
        this.first = date.first() == null ? null : LocalDateTime.of(date.first(),
                time.first() == null ? LocalTime.MIN : time.first());
        this.last = date.last() == null ? null : LocalDateTime.of(date.last(),
                time.last() == null ? LocalTime.MAX : time.last());
    }

    /** First day of the range, or null when open. */
    LocalDate firstDate() {
        return first == null ? null : first.toLocalDate();
    }

    /** Last day of the range, or null when open. */
    LocalDate lastDate() {
        return last == null ? null : last.toLocalDate();
    }

    @Override
    public boolean matches(Dataset level) {
        String date = level.getText(dateTag);
        String time = level.getText(timeTag);
        if (date == null || date.isBlank() || time == null || time.isBlank()) {
            return false;
        }
        LocalDateTime point;
        try {
            point = LocalDateTime.of(TemporalValues.parseDate(date.strip()),
                    TemporalValues.parseTime(time.strip()).first());
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        return (first == null || !point.isBefore(first)) && (last == null || !point.isAfter(last));
    }
}
