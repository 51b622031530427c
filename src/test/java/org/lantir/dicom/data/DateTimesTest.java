package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DA, TM and DT values (PS3.5 Table 6.2-1) and their ranges (PS3.4 C.2.2.2.5). */
class DateTimesTest {

    private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");

    @Test
    void parsesDa() throws Exception {
        assertThat(DateTimes.parseDA("20250212")).isEqualTo(LocalDate.of(2025, 2, 12));
        assertThat(DateTimes.parseDA("20240229 ")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-12", "20250212,", "2025.02.12", "2025021", "202502120",
        "20250230", "20251301", " 20250212", "", "02-12-2025", "2025021A"})
    void rejectsMalformedDa(String value) {
        assertThatThrownBy(() -> DateTimes.parseDA(value))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("DA");
        assertThat(DateTimes.isValidDA(value)).isFalse();
    }

    @Test
    void malformedValueMessagesDoNotRepeatTheValue() {
        assertThatThrownBy(() -> DateTimes.parseDA("1990-01-01"))
                .hasMessageNotContaining("1990");
    }

    @Test
    void parsesTmAtEveryPrecision() throws Exception {
        assertThat(DateTimes.parseTM("14")).isEqualTo(LocalTime.of(14, 0));
        assertThat(DateTimes.parseTM("1430")).isEqualTo(LocalTime.of(14, 30));
        assertThat(DateTimes.parseTM("143005")).isEqualTo(LocalTime.of(14, 30, 5));
        assertThat(DateTimes.parseTM("143005.5")).isEqualTo(LocalTime.of(14, 30, 5, 500_000_000));
        assertThat(DateTimes.parseTM("143005.000123"))
                .isEqualTo(LocalTime.of(14, 30, 5, 123_000));
        assertThat(DateTimes.parseTM("235960")).isEqualTo(LocalTime.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"14:30", "14:30:05", "1", "143", "14300", "2400", "1460",
        "143061", "1430.5", "143005.", "143005.1234567", "143005,5", "", "-"})
    void rejectsMalformedTm(String value) {
        assertThatThrownBy(() -> DateTimes.parseTM(value))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("TM");
    }

    @Test
    void parsesDtWithAndWithoutOffset() throws Exception {
        assertThat(DateTimes.parseDT("2025", ZoneOffset.UTC))
                .isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));
        assertThat(DateTimes.parseDT("20250212143005.25", ZoneOffset.UTC))
                .isEqualTo(LocalDateTime.of(2025, 2, 12, 14, 30, 5, 250_000_000));
        // 14:30 UTC is 07:30 in Edmonton in February (UTC-7).
        assertThat(DateTimes.parseDT("202502121430+0000", EDMONTON))
                .isEqualTo(LocalDateTime.of(2025, 2, 12, 7, 30));
        assertThat(DateTimes.parseDT("202502121430-0700", EDMONTON))
                .isEqualTo(LocalDateTime.of(2025, 2, 12, 14, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"202", "20250", "2025021214300", "20250212143005.1234567",
        "202502121430.5", "20250212T1430", "2025-02-12", "20250212-0000", "20250212+1500",
        "20250212+07", "20251301", "2025021224"})
    void rejectsMalformedDt(String value) {
        assertThatThrownBy(() -> DateTimes.parseDT(value, ZoneOffset.UTC))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("DT");
    }

    @Test
    void daRangesHaveInclusiveAndOpenEnds() throws Exception {
        LocalDate d12 = LocalDate.of(2025, 2, 12);
        LocalDate d13 = LocalDate.of(2025, 2, 13);

        assertThat(DateTimes.parseDARange("20250212-20250213")).isEqualTo(new Range<>(d12, d13));
        assertThat(DateTimes.parseDARange("-20250212")).isEqualTo(new Range<>(null, d12));
        assertThat(DateTimes.parseDARange("20250213-")).isEqualTo(new Range<>(d13, null));
        assertThat(DateTimes.parseDARange("20250212")).isEqualTo(new Range<>(d12, d12));
        assertThat(DateTimes.parseDARange("20250212-20250213").contains(d13)).isTrue();
        assertThat(DateTimes.parseDARange("-20250212").contains(d13)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "20250213-20250212", "20250212--20250213", "2025-02-12",
        "20250212,", "20250212-2025", "20250212\\20250213"})
    void rejectsMalformedDaRanges(String value) {
        assertThatThrownBy(() -> DateTimes.parseDARange(value))
                .isInstanceOf(DicomFormatException.class);
    }

    @Test
    void tmRangeEndsCoverTheirPrecision() throws Exception {
        Range<LocalTime> range = DateTimes.parseTMRange("0900-1030");

        assertThat(range.lower()).isEqualTo(LocalTime.of(9, 0));
        assertThat(range.upper()).isEqualTo(LocalTime.of(10, 30, 59, 999_999_999));
        assertThat(range.contains(LocalTime.of(10, 30, 59, 999_999_000))).isTrue();
        assertThat(range.contains(LocalTime.of(10, 31))).isFalse();
        assertThat(DateTimes.parseTMRange("-10").upper())
                .isEqualTo(LocalTime.of(10, 59, 59, 999_999_999));
        assertThat(DateTimes.parseTMRange("103000.5-").lower())
                .isEqualTo(LocalTime.of(10, 30, 0, 500_000_000));
        assertThat(DateTimes.parseTMRange("23").upper()).isEqualTo(LocalTime.MAX);
        assertThat(DateTimes.parseTMRange("103000.5").upper())
                .isEqualTo(LocalTime.of(10, 30, 0, 599_999_999));
    }

    @Test
    void tmRangeOverMidnightIsRejected() {
        assertThatThrownBy(() -> DateTimes.parseTMRange("2300-0100"))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("after the end");
    }

    @Test
    void dtRangeEndsCoverTheirPrecision() throws Exception {
        Range<LocalDateTime> year = DateTimes.parseDTRange("2025", ZoneOffset.UTC);

        assertThat(year.lower()).isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));
        assertThat(year.upper()).isEqualTo(LocalDateTime.of(2025, 12, 31, 23, 59, 59, 999_999_999));
        Range<LocalDateTime> months = DateTimes.parseDTRange("202501-202502", ZoneOffset.UTC);
        assertThat(months.upper())
                .isEqualTo(LocalDateTime.of(2025, 2, 28, 23, 59, 59, 999_999_999));
        assertThat(DateTimes.parseDTRange("20250212-", ZoneOffset.UTC).upper()).isNull();
        assertThat(DateTimes.parseDTRange("-2024", ZoneOffset.UTC).lower()).isNull();
    }

    @Test
    void dtRangeTellsOffsetsFromTheRangeSeparator() throws Exception {
        // "-0700" after a full date-time is an offset; the '-' between them is the separator.
        Range<LocalDateTime> range = DateTimes.parseDTRange(
                "202502120900-0700-202502121000-0700", EDMONTON);

        assertThat(range.lower()).isEqualTo(LocalDateTime.of(2025, 2, 12, 9, 0));
        assertThat(range.upper()).isEqualTo(LocalDateTime.of(2025, 2, 12, 10, 0, 59, 999_999_999));
        assertThat(DateTimes.parseDTRange("2024-2025", ZoneOffset.UTC).upper().getYear())
                .isEqualTo(2025);
        Range<LocalDateTime> single = DateTimes.parseDTRange("20250212-0700", EDMONTON);
        assertThat(single.lower()).isEqualTo(LocalDateTime.of(2025, 2, 12, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "2026-2025", "2025--2026", "2025-02-12", "20250212,"})
    void rejectsMalformedDtRanges(String value) {
        assertThatThrownBy(() -> DateTimes.parseDTRange(value, ZoneOffset.UTC))
                .isInstanceOf(DicomFormatException.class);
    }

    @Test
    void combinedDateAndTimeRangeRunsFromFirstDateAndTimeToLastDateAndTime() throws Exception {
        Range<LocalDateTime> range = DateTimes.combine(
                DateTimes.parseDARange("20250212-20250213"), DateTimes.parseTMRange("0800-1700"));

        assertThat(range.lower()).isEqualTo(LocalDateTime.of(2025, 2, 12, 8, 0));
        assertThat(range.upper()).isEqualTo(LocalDateTime.of(2025, 2, 13, 17, 0, 59, 999_999_999));
        // 2025-02-12 at 18:00 is inside: combined matching is not two separate ranges.
        assertThat(range.contains(LocalDateTime.of(2025, 2, 12, 18, 0))).isTrue();
        Range<LocalDateTime> allDay = DateTimes.combine(DateTimes.parseDARange("20250212"), null);
        assertThat(allDay.upper())
                .isEqualTo(LocalDateTime.of(2025, 2, 12, 23, 59, 59, 999_999_999));
    }

    @Test
    void formatsDaTmAndDt() {
        assertThat(DateTimes.formatDA(LocalDate.of(2025, 2, 12))).isEqualTo("20250212");
        assertThat(DateTimes.formatTM(LocalTime.of(9, 5))).isEqualTo("090500");
        assertThat(DateTimes.formatTM(LocalTime.of(9, 5, 7, 123_456_789)))
                .isEqualTo("090507.123456");
        assertThat(DateTimes.formatDT(LocalDateTime.of(2025, 2, 12, 14, 30)))
                .isEqualTo("20250212143000");
        assertThat(DateTimes.formatDT(OffsetDateTime.of(2025, 2, 12, 14, 30, 0, 0,
                ZoneOffset.ofHours(-7)))).isEqualTo("20250212143000-0700");
        assertThat(DateTimes.formatDT(OffsetDateTime.of(2025, 2, 12, 14, 30, 0, 0,
                ZoneOffset.UTC))).isEqualTo("20250212143000+0000");
    }

    @Test
    void formatsPadEveryFieldWithZeros() {
        assertThat(DateTimes.formatDA(LocalDate.of(5, 1, 9))).isEqualTo("00050109");
        assertThat(DateTimes.formatTM(LocalTime.of(0, 0))).isEqualTo("000000");
        assertThat(DateTimes.formatTM(LocalTime.of(7, 8, 9, 1_000))).isEqualTo("070809.000001");
        assertThat(DateTimes.formatTM(LocalTime.of(7, 8, 9, 999))).isEqualTo("070809");
    }

    @Test
    void formattedValuesParseBack() throws Exception {
        LocalTime time = LocalTime.of(23, 59, 1, 999_999_000);
        LocalDateTime dateTime = LocalDateTime.of(1999, 12, 31, 23, 59, 59);

        assertThat(DateTimes.parseTM(DateTimes.formatTM(time))).isEqualTo(time);
        assertThat(DateTimes.parseDT(DateTimes.formatDT(dateTime), ZoneOffset.UTC))
                .isEqualTo(dateTime);
    }
}
