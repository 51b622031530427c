package org.lantir.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * The text forms in which the store keeps real values, chosen so that SQLite's text order is
 * the order of the values: dates {@code YYYY-MM-DD}, times {@code HH:MM:SS} or
 * {@code HH:MM:SS.ffffff}, instants {@code YYYY-MM-DDTHH:MM:SS.fffffffffZ} (UTC, fixed
 * width), decimals in plain notation.
 */
final class SqlValues {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static final DateTimeFormatter TIME_WITH_FRACTION =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private SqlValues() {
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        if (isDate(text, 0) && text.length() == 10) {
            try {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (DateTimeException outOfRange) {
                // LocalDate.parse below says what is wrong, as it always did.
            }
        }
        return LocalDate.parse(text);
    }

    /** Microseconds are kept, as in DICOM TM (PS3.5 Table 6.2-1); finer parts are dropped. */
    static String time(LocalTime time) {
        if (time == null) {
            return null;
        }
        LocalTime micros = time.truncatedTo(ChronoUnit.MICROS);
        return micros.getNano() == 0
                ? TIME.format(micros) : TIME_WITH_FRACTION.format(micros);
    }

    static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        boolean fraction = text.length() == 15 && isFraction(text, 8, 6);
        if (isTime(text, 0) && (text.length() == 8 || fraction)) {
            try {
                return LocalTime.of(digits(text, 0, 2), digits(text, 3, 5), digits(text, 6, 8),
                        text.length() == 8 ? 0 : digits(text, 9, 15) * 1000);
            } catch (DateTimeException outOfRange) {
                // LocalTime.parse below says what is wrong.
            }
        }
        return LocalTime.parse(text);
    }

    static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() == 30 && isDate(text, 0) && text.charAt(10) == 'T'
                && isTime(text, 11) && isFraction(text, 19, 9) && text.charAt(29) == 'Z') {
            try {
                LocalDate day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7),
                        digits(text, 8, 10));
                LocalTime time = LocalTime.of(digits(text, 11, 13), digits(text, 14, 16),
                        digits(text, 17, 19), digits(text, 20, 29));
                return day.atTime(time).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException outOfRange) {
                // Instant.parse below says what is wrong.
            }
        }
        return Instant.parse(text);
    }

    // The forms this class writes are read digit by digit: the general java.time parsers
    // build a map of fields for every value, and a row holds four such values (a C-FIND
    // reads every candidate row). Anything else still goes through the general parsers.

    /** {@code YYYY-MM-DD} at {@code from}. */
    private static boolean isDate(String text, int from) {
        return text.length() >= from + 10 && areDigits(text, from, from + 4)
                && text.charAt(from + 4) == '-' && areDigits(text, from + 5, from + 7)
                && text.charAt(from + 7) == '-' && areDigits(text, from + 8, from + 10);
    }

    /** {@code HH:MM:SS} at {@code from}. */
    private static boolean isTime(String text, int from) {
        return text.length() >= from + 8 && areDigits(text, from, from + 2)
                && text.charAt(from + 2) == ':' && areDigits(text, from + 3, from + 5)
                && text.charAt(from + 5) == ':' && areDigits(text, from + 6, from + 8);
    }

    /** {@code .} and {@code count} digits at {@code from}. */
    private static boolean isFraction(String text, int from, int count) {
        return text.length() >= from + 1 + count && text.charAt(from) == '.'
                && areDigits(text, from + 1, from + 1 + count);
    }

    private static boolean areDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    static void setText(PreparedStatement statement, int index, String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    /** The rowid of this connection's last INSERT (the write connection is used by one thread). */
    static long lastInsertRowId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT last_insert_rowid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
