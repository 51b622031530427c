package org.lantir.sync.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedcapValuesTest {

    @Test
    void readsIsoAndBasicDates() {
        assertThat(RedcapValues.date("2025-03-10")).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(RedcapValues.date(" 20250310 ")).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/03/2025", "03-12-2025", "2025-02-30", "2025-3-1", "2025/03/10",
        "20251301", "tomorrow", ""})
    void refusesDatesItCannotReadForSure(String text) {
        assertThat(RedcapValues.date(text)).isNull();
    }

    @Test
    void readsTwentyFourHourTimes() {
        assertThat(RedcapValues.time("09:30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(RedcapValues.time("9:30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(RedcapValues.time("13:45:10")).isEqualTo(LocalTime.of(13, 45, 10));
        assertThat(RedcapValues.time("24:00")).isNull();
        assertThat(RedcapValues.time("9.30")).isNull();
        assertThat(RedcapValues.time("9:30 PM")).isNull();
    }

    @Test
    void bareBirthYearIsTheFirstOfJanuary() {
        assertThat(RedcapValues.birthDate("2014")).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(RedcapValues.birthDate("2014-06-02")).isEqualTo(LocalDate.of(2014, 6, 2));
        assertThat(RedcapValues.birthDate("14")).isNull();
    }

    @Test
    void poundsBecomeKilogramsWithTwoDecimalsAndBlankStaysEmpty() {
        assertThat(RedcapValues.kilogramsFromPounds("71.2")).isEqualTo(new BigDecimal("32.30"));
        assertThat(RedcapValues.kilogramsFromPounds("89.5")).isEqualTo(new BigDecimal("40.60"));
        assertThat(RedcapValues.kilogramsFromPounds("")).isNull();
        assertThat(RedcapValues.kilogramsFromPounds("heavy")).isNull();
        assertThat(RedcapValues.kilogramsFromPounds("-3")).isNull();
        assertThat(RedcapValues.kilograms("40")).isEqualTo(new BigDecimal("40.00"));
    }

    @Test
    void sexCodesAndIdParts() {
        assertThat(RedcapValues.sex(" f ")).isEqualTo("F");
        assertThat(RedcapValues.sex("Female")).isNull();
        assertThat(RedcapValues.afterLastDash("CPIP-1001")).isEqualTo("1001");
        assertThat(RedcapValues.afterLastDash("1005")).isEqualTo("1005");
        assertThat(RedcapValues.uid("2.25.123")).isEqualTo("2.25.123");
        assertThat(RedcapValues.uid("2.25.0123")).isNull();
    }
}
