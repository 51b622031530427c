package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small matching rules one by one (PS3.4 C.2.2.2, PS3.5 §6.2). */
class MatchingRulesTest {

    @ParameterizedTest
    @CsvSource({"DOE^J*, DOE^JANE, true", "DOE^J*, DOE, false", "*, '', true",
        "D?E, DOE, true", "D?E, DOOE, false", "a.b*, a.bc, true", "a.b*, axbc, false",
        "*(x)*, a(x)b, true"})
    void wildcardsAreTheOnlySpecialCharacters(String key, String stored, boolean matches) {
        assertThat(new WildcardMatcher(key, false).matches(stored)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"DOE^JANE, DOE^JANE^^, true", "DOE^JANE, DOE^JANET, false",
        "YAMADA^TAROU, Yamada^Tarou=山田^太郎, true", "山田^太郎, Yamada^Tarou=山田^太郎, true"})
    void personNamesIgnoreEmptyTrailingComponentsAndMatchEachGroup(String key, String stored,
            boolean matches) {
        String normal = PersonNameMatcher.normalizeKey(key);
        ValueMatcher m = new PersonNameMatcher(new SingleValueMatcher(normal, true), false);

        assertThat(m.matches(stored)).isEqualTo(matches);
    }

    @Test
    void timeSpanCoversItsPrecision() {
        TemporalValues.Span<LocalTime> hour = TemporalValues.parseTime("14");
        TemporalValues.Span<LocalTime> fraction = TemporalValues.parseTime("143000.5");

        assertThat(hour.first()).isEqualTo(LocalTime.of(14, 0));
        assertThat(hour.last()).isEqualTo(LocalTime.of(14, 59, 59, 999_999_999));
        assertThat(fraction.last()).isEqualTo(LocalTime.of(14, 30, 0, 599_999_999));
    }

    @Test
    void dateTimeRangeMayCarryOffsets() {
        RangeMatcher<java.time.LocalDateTime> range =
                TemporalRanges.dateTime("20250212-0700-20250213");

        assertThat(range.matches("20250212103000")).isTrue();
        assertThat(range.matches("20250214")).isFalse();
    }

    @Test
    void datesAreStrict() {
        assertThat(TemporalValues.parseDate("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> TemporalValues.parseDate("20250229"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemporalValues.parseDate("2025-02-12"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"69.85, 69.85", "70.00, 70", "0.000, 0", "1E+2, 100",
        "123456789.123456789, 123456789.123457", "-0.5, -0.5"})
    void decimalStringsFitSixteenCharacters(String value, String ds) {
        assertThat(DecimalStrings.format(new BigDecimal(value))).isEqualTo(ds)
                .hasSizeLessThanOrEqualTo(16);
    }
}
