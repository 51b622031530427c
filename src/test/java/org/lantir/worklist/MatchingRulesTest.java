package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;

/** The small matching rules one by one (PS3.4 C.2.2.2, PS3.5 §6.2). */
class MatchingRulesTest {

    @ParameterizedTest
    @CsvSource({"DOE^J*, DOE^JANE, true", "DOE^J*, DOE, false", "*, '', true",
        "D?E, DOE, true", "D?E, DOOE, false", "a.b*, a.bc, true", "a.b*, axbc, false",
        "*(x)*, a(x)b, true", "a*b*c, aXbYbc, true", "a*b*c, aXbYbcd, false",
        "**, '', true", "*a*, '', false", "?, \uD83D\uDE00, true", "??, \uD83D\uDE00, false",
        "*ab, aab, true", "a?*b, ab, false"})
    void wildcardsAreTheOnlySpecialCharacters(String key, String stored, boolean matches) {
        assertThat(new WildcardMatcher(key, false).matches(stored)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"DOE^JANE, DOE^JANE^^, true", "DOE^JANE, DOE^JANET, false",
        "YAMADA^TAROU, Yamada^Tarou=山田^太郎, true", "山田^太郎, Yamada^Tarou=山田^太郎, true",
        "DOE^JANE, DOE^JANE^A^B^C^D, false", "DOE^JANE^A^B^C^D, DOE^JANE^A^B^C^D, true"})
    void personNamesIgnoreEmptyTrailingComponentsAndMatchEachGroup(String key, String stored,
            boolean matches) {
        ValueMatcher m = new PersonNameMatcher(new SingleValueMatcher(key, true), false);

        assertThat(m.matches(stored)).isEqualTo(matches);
    }

    @Test
    void personNameKeyWithMoreThanFiveComponentsIsRefusedNamingTheKey() {
        Dataset q = new Dataset();
        q.setString(Tag.PatientName, "DOE^JANE^A^B^C^D");

        assertThatThrownBy(() -> new MwlQueryParser(true).parse(q))
                .isInstanceOfSatisfying(MwlQueryException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
                    assertThat(e.offendingElement()).isEqualTo(Tag.PatientName);
                    assertThat(e.getMessage()).doesNotContain("DOE");
                });
    }

    @Test
    void timeKeyCoversItsPrecision() throws Exception {
        RangeMatcher<LocalTime> hour = RangeMatcher.time("14");
        RangeMatcher<LocalTime> fraction = RangeMatcher.time("143000.5");

        assertThat(hour.first()).isEqualTo(LocalTime.of(14, 0));
        assertThat(hour.last()).isEqualTo(LocalTime.of(14, 59, 59, 999_999_999));
        assertThat(hour.isRange()).isFalse();
        assertThat(fraction.last()).isEqualTo(LocalTime.of(14, 30, 0, 599_999_999));
    }

    @Test
    void reversedTimeKeyIsKeptForTheParserToJudge() throws Exception {
        RangeMatcher<LocalTime> overnight = RangeMatcher.time("1000-0830");

        assertThat(overnight.isReversed()).isTrue();
        assertThat(overnight.first()).isEqualTo(LocalTime.of(10, 0));
        assertThat(overnight.last()).isEqualTo(LocalTime.of(8, 30, 59, 999_999_999));
        assertThat(overnight.matches("090000")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "10-09-08", "1000-08:30", "-0830-", "25-10", "10-2"})
    void malformedTimeKeysAreRefusedReversedOrNot(String key) {
        assertThatThrownBy(() -> RangeMatcher.time(key))
                .isInstanceOf(DicomFormatException.class);
    }

    @Test
    void dateTimeRangeMayCarryOffsets() throws Exception {
        RangeMatcher<LocalDateTime> range =
                RangeMatcher.dateTime("20250212-0700-20250213", ZoneOffset.UTC);

        assertThat(range.first()).isEqualTo(LocalDateTime.of(2025, 2, 12, 7, 0));
        assertThat(range.matches("20250212103000")).isTrue();
        assertThat(range.matches("20250214")).isFalse();
    }

    @Test
    void datesAreStrict() throws Exception {
        assertThat(RangeMatcher.date("20240229").matches("20240229")).isTrue();
        assertThat(RangeMatcher.date("20240229").matches("2024-02-29")).isFalse();
        assertThatThrownBy(() -> RangeMatcher.date("20250229"))
                .isInstanceOf(DicomFormatException.class);
        assertThatThrownBy(() -> RangeMatcher.date("2025-02-12"))
                .isInstanceOf(DicomFormatException.class);
        assertThatThrownBy(() -> RangeMatcher.date("20250213-20250212"))
                .isInstanceOf(DicomFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"69.85, 69.85", "70.00, 70", "0.000, 0", "1E+2, 100",
        "123456789.123456789, 123456789.123457", "-0.5, -0.5"})
    void decimalStringsFitSixteenCharacters(String value, String ds) {
        assertThat(DecimalStrings.format(new BigDecimal(value))).isEqualTo(ds)
                .hasSizeLessThanOrEqualTo(16);
    }
}
