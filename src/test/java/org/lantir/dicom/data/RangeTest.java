package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void boundsAreInclusiveAndNullBoundsOpen() {
        Range<Integer> closed = new Range<>(1, 3);

        assertThat(closed.contains(1)).isTrue();
        assertThat(closed.contains(3)).isTrue();
        assertThat(closed.contains(4)).isFalse();
        assertThat(new Range<>(null, 3).contains(-100)).isTrue();
        assertThat(new Range<>(1, null).contains(100)).isTrue();
        assertThat(Range.<Integer>all().contains(0)).isTrue();
        assertThat(closed.contains(null)).isFalse();
    }

    @Test
    void overlapsWhenTheyShareAValue() {
        assertThat(new Range<>(1, 3).overlaps(new Range<>(3, 5))).isTrue();
        assertThat(new Range<>(1, 3).overlaps(new Range<>(4, 5))).isFalse();
        assertThat(new Range<>(null, 3).overlaps(new Range<>(2, null))).isTrue();
    }

    @Test
    void startAfterEndIsRejected() {
        assertThatThrownBy(() -> new Range<>(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Range<>(2, 2).isSingleValue()).isTrue();
    }
}
