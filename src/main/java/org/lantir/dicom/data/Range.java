package org.lantir.dicom.data;

import java.util.Objects;

/**
 * A closed interval for range matching (PS3.4 C.2.2.2.5): both bounds inclusive, a null bound
 * open (the "-d" and "d-" forms). {@link DateTimes} builds ranges whose bounds already cover
 * the precision of the key, so "-1030" as TM ends at 10:30:59.999999999.
 *
 * @param lower the earliest value in the range, or null for no lower bound
 * @param upper the latest value in the range, or null for no upper bound
 */
public record Range<T extends Comparable<? super T>>(T lower, T upper) {

    /**
     * @throws IllegalArgumentException when both bounds are given and lower is after upper
     */
    public Range {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("Range start is after its end");
        }
    }

    /** The range of every value. */
    public static <T extends Comparable<? super T>> Range<T> all() {
        return new Range<>(null, null);
    }

    /** Whether the value lies in the range; a null value never does. */
    public boolean contains(T value) {
        if (value == null) {
            return false;
        }
        boolean aboveLower = lower == null || lower.compareTo(value) <= 0;
        boolean belowUpper = upper == null || value.compareTo(upper) <= 0;
        return aboveLower && belowUpper;
    }

    /** Whether the two ranges share at least one value. */
    public boolean overlaps(Range<T> other) {
        boolean startsBeforeOtherEnds = lower == null || other.upper == null
                || lower.compareTo(other.upper) <= 0;
        boolean endsAfterOtherStarts = upper == null || other.lower == null
                || upper.compareTo(other.lower) >= 0;
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    public boolean hasLower() {
        return lower != null;
    }

    public boolean hasUpper() {
        return upper != null;
    }

    /** Whether the range is one value: both bounds given and equal. */
    public boolean isSingleValue() {
        return lower != null && Objects.equals(lower, upper);
    }
}
