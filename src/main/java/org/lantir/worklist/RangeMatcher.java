package org.lantir.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.Range;

/**
 * Range matching of DA, TM and DT keys (PS3.4 C.2.2.2.5): the stored value lies between the
 * ends, both included; a null end is open ({@code -d} or {@code d-}). A single date or time
 * key is the span its precision covers ({@code 14} is 14:00:00 to 14:59:59.999999999).
 * A stored value that does not parse never matches. Values and ranges are read by the data
 * layer's {@link DateTimes}.
 */
final class RangeMatcher<T extends Comparable<? super T>> implements ValueMatcher {

    /** Reads a stored value as the first instant it denotes. */
    @FunctionalInterface
    interface PointParser<T> {
        T parse(String stored) throws DicomFormatException;
    }

    private final T first;
    private final T last;
    private final boolean range;
    private final PointParser<T> pointOf;
    /** The ends as a {@link Range}; null when they are reversed. */
    private final Range<T> bounds;

    private RangeMatcher(T first, T last, boolean range, PointParser<T> pointOf) {
        this.first = first;
        this.last = last;
        this.range = range;
        this.pointOf = pointOf;
        this.bounds = isReversed() ? null : new Range<>(first, last);
    }

    /** A DA key; a reversed range is malformed. */
    static RangeMatcher<LocalDate> date(String value) throws DicomFormatException {
        Range<LocalDate> days = DateTimes.parseDARange(value);
        return new RangeMatcher<>(days.lower(), days.upper(), isRange(value),
                DateTimes::parseDA);
    }

    /**
     * A TM key. Unlike {@link DateTimes#parseTMRange}, the ends of {@code t1-t2} may be
     * reversed ({@link #isReversed()}): as the time half of a combined date-time range,
     * {@code 1000-0830} over two days is meaningful (C.2.2.2.5.1), and only the parser knows
     * whether the key is combined. {@link Range} cannot hold reversed ends, so each end is
     * read on its own as an open range, which the data layer never refuses as reversed.
     */
    static RangeMatcher<LocalTime> time(String value) throws DicomFormatException {
        try {
            Range<LocalTime> times = DateTimes.parseTMRange(value);
            return new RangeMatcher<>(times.lower(), times.upper(), isRange(value),
                    DateTimes::parseTM);
        } catch (DicomFormatException notOrdered) {
            int dash = value.indexOf('-');
            if (dash <= 0 || dash == value.length() - 1) {
                throw notOrdered;
            }
            LocalTime from = DateTimes.parseTMRange(value.substring(0, dash + 1)).lower();
            LocalTime to = DateTimes.parseTMRange(value.substring(dash)).upper();
            return new RangeMatcher<>(from, to, true, DateTimes::parseTM);
        }
    }

    /**
     * A DT key, its ends in local time of {@code zone}: a UTC offset in the key is applied,
     * a stored value without one is local already (PS3.5 Table 6.2-1).
     */
    static RangeMatcher<LocalDateTime> dateTime(String value, ZoneId zone)
            throws DicomFormatException {
        Range<LocalDateTime> span = DateTimes.parseDTRange(value, zone);
        boolean single = DateTimes.isValidDT(value);
        return new RangeMatcher<>(span.lower(), span.upper(), !single,
                stored -> DateTimes.parseDT(stored, zone));
    }

    /** DA and TM have no '-' but the range separator (PS3.4 C.2.2.2.5). */
    private static boolean isRange(String value) {
        return value.indexOf('-') >= 0;
    }

    /** The lower end, or null when open. */
    T first() {
        return first;
    }

    /** The upper end, or null when open. */
    T last() {
        return last;
    }

    /** Whether both ends are given and the first lies after the last. */
    boolean isReversed() {
        return first != null && last != null && first.compareTo(last) > 0;
    }

    /** Whether the key was written as a range ({@code a-b}, {@code -b}, {@code a-}). */
    boolean isRange() {
        return range;
    }

    @Override
    public boolean matches(String stored) {
        if (bounds == null) {
            return false;
        }
        try {
            return bounds.contains(pointOf.parse(stored));
        } catch (DicomFormatException unparseable) {
            return false;
        }
    }
}
