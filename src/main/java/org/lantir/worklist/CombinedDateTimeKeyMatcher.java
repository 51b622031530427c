package org.lantir.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.Range;

/**
 * Combined date-time range matching of a DA and a TM key that belong together, here Scheduled
 * Procedure Step Start (or End) Date and Time (PS3.4 C.2.2.2.5.1): when both are ranges, date
 * {@code d1-d2} with time {@code t1-t2} means from d1 at t1 to d2 at t2, not t1 to t2 on each
 * day. An open end of the time stands for the start or end of the day
 * ({@link DateTimes#combine}).
 */
final class CombinedDateTimeKeyMatcher implements KeyMatcher {

    private final int dateTag;
    private final int timeTag;
    private final LocalDateTime first;
    private final LocalDateTime last;

    /**
     * @param date a date range that is not reversed
     * @param time a time range, possibly reversed ({@code 1000-0830} over two days)
     */
    CombinedDateTimeKeyMatcher(int dateTag, int timeTag, RangeMatcher<LocalDate> date,
            RangeMatcher<LocalTime> time) {
        this.dateTag = dateTag;
        this.timeTag = timeTag;
        Range<LocalDate> days = new Range<>(date.first(), date.last());
        // Each end of the time on its own, so that reversed ends combine too.
        this.first = DateTimes.combine(days, new Range<>(time.first(), null)).lower();
        this.last = DateTimes.combine(days, new Range<>(null, time.last())).upper();
    }

    /** The DA attribute: SPS Start Date or SPS End Date. */
    int dateTag() {
        return dateTag;
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
            point = DateTimes.parseDA(date.strip()).atTime(DateTimes.parseTM(time.strip()));
        } catch (DicomFormatException unparseable) {
            return false;
        }
        // One day from 10:00 to 08:30 is empty: first after last matches nothing.
        return (first == null || !point.isBefore(first)) && (last == null || !point.isAfter(last));
    }
}
