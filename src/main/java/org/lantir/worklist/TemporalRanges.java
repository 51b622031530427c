package org.lantir.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.Function;
import org.lantir.worklist.TemporalValues.Span;

/**
 * Builds the {@link RangeMatcher} of a DA, TM or DT key value (PS3.4 C.2.2.2.5): a single
 * value, {@code a-b} (both included), {@code -b} or {@code a-}. Anything else throws
 * IllegalArgumentException: a lone {@code -}, a date in another notation. Whether a > b is
 * acceptable is for the caller to say ({@link RangeMatcher#isReversed()}).
 */
final class TemporalRanges {

    private TemporalRanges() {
    }

    static RangeMatcher<LocalDate> date(String value) {
        return build(value, TemporalRanges::daySpan, TemporalValues::parseDate, false);
    }

    static RangeMatcher<LocalTime> time(String value) {
        return build(value, TemporalValues::parseTime, s -> TemporalValues.parseTime(s).first(),
                false);
    }

    static RangeMatcher<LocalDateTime> dateTime(String value) {
        return build(value, TemporalValues::parseDateTime,
                s -> TemporalValues.parseDateTime(s).first(), true);
    }

    private static Span<LocalDate> daySpan(String value) {
        LocalDate day = TemporalValues.parseDate(value);
        return new Span<>(day, day);
    }

    /**
     * @param offsetsAllowed whether {@code -} may also begin a UTC offset (DT), so that each
     *        hyphen is tried as the range separator in turn
     */
    private static <T extends Comparable<? super T>> RangeMatcher<T> build(String value,
            Function<String, Span<T>> spanOf, Function<String, T> pointOf,
            boolean offsetsAllowed) {
        if (value.indexOf('-') < 0 || (offsetsAllowed && parses(value, spanOf))) {
            Span<T> span = spanOf.apply(value);
            return new RangeMatcher<>(span.first(), span.last(), false, pointOf);
        }
        if (!offsetsAllowed && value.indexOf('-') != value.lastIndexOf('-')) {
            throw new IllegalArgumentException("more than one range separator");
        }
        IllegalArgumentException failure = new IllegalArgumentException("not a range");
        for (int i = value.indexOf('-'); i >= 0; i = value.indexOf('-', i + 1)) {
            try {
                return range(value.substring(0, i), value.substring(i + 1), spanOf, pointOf);
            } catch (IllegalArgumentException notHere) {
                failure = notHere;
            }
        }
        throw failure;
    }

    private static <T extends Comparable<? super T>> RangeMatcher<T> range(String left,
            String right, Function<String, Span<T>> spanOf, Function<String, T> pointOf) {
        if (left.isEmpty() && right.isEmpty()) {
            throw new IllegalArgumentException("a range needs at least one end");
        }
        T first = left.isEmpty() ? null : spanOf.apply(left).first();
        T last = right.isEmpty() ? null : spanOf.apply(right).last();
        // A reversed range is refused by the parser unless it is the time half of a combined
        // date-time range, where 1000-0830 over two days is meaningful (C.2.2.2.5.1).
        return new RangeMatcher<>(first, last, true, pointOf);
    }

    private static <T extends Comparable<? super T>> boolean parses(String value,
            Function<String, Span<T>> spanOf) {
        try {
            spanOf.apply(value);
            return true;
        } catch (IllegalArgumentException no) {
            return false;
        }
    }
}
