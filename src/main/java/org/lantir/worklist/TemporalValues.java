package org.lantir.worklist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of DA, TM and DT values (PS3.5 §6.2, Table 6.2-1) into the span of time each
 * one denotes at its precision: {@code 1430} is 14:30:00 to 14:30:59.999999999.
 *
 * <p>Package-private stand-in until the data layer's own DA/TM/DT parsing lands (TODO(#2):
 * switch to it). The ACR-NEMA forms with {@code .} or {@code :} separators and ISO forms with
 * {@code -} are refused: PS3.5 does not allow them in new data, and a query that uses them
 * must fail rather than match everything (PS3.4 C.2.2.2.5).
 */
final class TemporalValues {

    private static final Pattern DA = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TM =
            Pattern.compile("(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,6}))?)?)?");
    private static final Pattern DT = Pattern.compile("(\\d{4})(?:(\\d{2})(?:(\\d{2})"
            + "(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,6}))?)?)?)?)?)?([+-]\\d{4})?");

    private TemporalValues() {
    }

    /** A closed span [first, last] of a temporal type. */
    record Span<T extends Comparable<? super T>>(T first, T last) {

        boolean contains(T point) {
            return first.compareTo(point) <= 0 && point.compareTo(last) <= 0;
        }
    }

    /** The day a DA value names; throws IllegalArgumentException when it is not YYYYMMDD. */
    static LocalDate parseDate(String value) {
        Matcher m = DA.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a DA value");
        }
        try {
            return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a calendar date", e);
        }
    }

    /** The span of times a TM value covers at its precision. */
    static Span<LocalTime> parseTime(String value) {
        Matcher m = TM.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a TM value");
        }
        try {
            LocalTime first = LocalTime.of(num(m, 1), orZero(m, 2), seconds(m, 3),
                    nanos(m.group(4)));
            return new Span<>(first, first.plusNanos(widthNanos(m, 2, 3, 4) - 1));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time of day", e);
        }
    }

    /**
     * The span of local date-times a DT value covers at its precision. TODO(#2): a UTC offset
     * suffix is accepted but not applied; Lantir holds no DT attribute that could differ.
     */
    static Span<LocalDateTime> parseDateTime(String value) {
        Matcher m = DT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a DT value");
        }
        try {
            LocalDateTime first = LocalDateTime.of(num(m, 1), orOne(m, 2), orOne(m, 3),
                    orZero(m, 4), orZero(m, 5), seconds(m, 6), nanos(m.group(7)));
            return new Span<>(first, lastOfDateTime(m, first));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date-time", e);
        }
    }

    private static LocalDateTime lastOfDateTime(Matcher m, LocalDateTime first) {
        if (m.group(2) == null) {
            return first.plusYears(1).minusNanos(1);
        }
        if (m.group(3) == null) {
            return first.plusMonths(1).minusNanos(1);
        }
        if (m.group(4) == null) {
            return first.plusDays(1).minusNanos(1);
        }
        return first.plusNanos(widthNanos(m, 5, 6, 7) - 1);
    }

    /** The width in nanoseconds of the finest unit given (minute, second, fraction groups). */
    private static long widthNanos(Matcher m, int minuteGroup, int secondGroup,
            int fractionGroup) {
        if (m.group(minuteGroup) == null) {
            return 3_600_000_000_000L;
        }
        if (m.group(secondGroup) == null) {
            return 60_000_000_000L;
        }
        String fraction = m.group(fractionGroup);
        if (fraction == null) {
            return 1_000_000_000L;
        }
        return (long) Math.pow(10, 9 - fraction.length());
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int orZero(Matcher m, int group) {
        return m.group(group) == null ? 0 : num(m, group);
    }

    private static int orOne(Matcher m, int group) {
        return m.group(group) == null ? 1 : num(m, group);
    }

    /** Seconds, with the leap second 60 of PS3.5 held as 59. */
    private static int seconds(Matcher m, int group) {
        return Math.min(orZero(m, group), 59);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        StringBuilder digits = new StringBuilder(fraction);
        while (digits.length() < 9) {
            digits.append('0');
        }
        return Integer.parseInt(digits.toString());
    }
}
