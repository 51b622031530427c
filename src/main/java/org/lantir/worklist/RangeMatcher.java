package org.lantir.worklist;

import java.util.function.Function;

/**
 * Range matching of DA, TM and DT keys (PS3.4 C.2.2.2.5): the stored value lies between the
 * ends, both included; a null end is open ({@code -d} or {@code d-}). A single date or time
 * key is the span its precision covers ({@code 14} is 14:00:00 to 14:59:59.999999999).
 * A stored value that does not parse never matches.
 */
final class RangeMatcher<T extends Comparable<? super T>> implements ValueMatcher {

    private final T first;
    private final T last;
    private final boolean range;
    private final Function<String, T> pointOf;

    RangeMatcher(T first, T last, boolean range, Function<String, T> pointOf) {
        this.first = first;
        this.last = last;
        this.range = range;
        this.pointOf = pointOf;
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
        T point;
        try {
            point = pointOf.apply(stored);
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        return (first == null || first.compareTo(point) <= 0)
                && (last == null || point.compareTo(last) <= 0);
    }
}
