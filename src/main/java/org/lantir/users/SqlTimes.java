package org.lantir.users;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Times in the users table as the Python tool writes them (SQLAlchemy's SQLite DATETIME):
 * naive UTC text {@code YYYY-MM-DD HH:MM:SS.ffffff}. Read leniently (no fraction, a 'T').
 */
final class SqlTimes {

    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private SqlTimes() {
    }

    static String format(Instant instant) {
        return instant == null ? null
                : WRITE.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
    }

    /** The instant, or null for null or text that is not such a time. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), READ).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
