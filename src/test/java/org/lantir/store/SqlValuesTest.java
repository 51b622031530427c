package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The store's text forms read back exactly as java.time's own parsers read them. */
class SqlValuesTest {

    @Test
    void writtenDatesTimesAndInstantsReadBackAsTheGeneralParsersReadThem() {
        Random random = new Random(2);
        for (int i = 0; i < 5_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 700_000);
            LocalTime time = LocalTime.ofNanoOfDay(
                    Math.floorMod(random.nextLong(), 86_400_000_000_000L));
            Instant instant = Instant.ofEpochSecond(random.nextInt(),
                    random.nextInt(1_000_000_000));

            String dateText = SqlValues.date(date);
            String timeText = SqlValues.time(random.nextBoolean() ? time : time.withNano(0));
            String instantText = SqlValues.instant(instant);

            assertThat(SqlValues.date(dateText)).isEqualTo(LocalDate.parse(dateText));
            assertThat(SqlValues.time(timeText)).isEqualTo(LocalTime.parse(timeText));
            assertThat(SqlValues.instant(instantText)).isEqualTo(Instant.parse(instantText))
                    .isEqualTo(instant);
        }
    }

    @Test
    void otherFormsTheGeneralParsersTakeAreStillRead() {
        assertThat(SqlValues.time("09:30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(SqlValues.time("09:30:15.5")).isEqualTo(LocalTime.of(9, 30, 15, 500_000_000));
        assertThat(SqlValues.instant("2025-02-12T08:00:00Z"))
                .isEqualTo(Instant.parse("2025-02-12T08:00:00Z"));
        assertThat(SqlValues.date("+12025-02-12")).isEqualTo(LocalDate.of(12025, 2, 12));
    }

    @Test
    void impossibleValuesAreStillRefused() {
        assertThatThrownBy(() -> SqlValues.date("2025-02-30"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> SqlValues.time("25:00:00"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> SqlValues.time("12:00:00.000000Z"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> SqlValues.instant("2025-13-01T00:00:00.000000000Z"))
                .isInstanceOf(DateTimeException.class);
    }
}
