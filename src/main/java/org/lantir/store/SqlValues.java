package org.lantir.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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
        return text == null ? null : LocalDate.parse(text);
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
        return text == null ? null : LocalTime.parse(text);
    }

    static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
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
