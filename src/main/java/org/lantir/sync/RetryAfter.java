package org.lantir.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} value (RFC 9110 §10.2.3): a number of seconds, or an HTTP
 * date after which to try again. Sources put the result on their {@link SourceException}, and
 * the scheduler waits at least that long before the next run.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The wait {@code value} asks for, counted from {@code now}; null when the value is
     * missing or neither form. A date in the past asks for no wait.
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "; it asks to wait 120 s", for a failure's reason; empty when it asks for nothing. */
    public static String words(Duration wait) {
        return wait == null ? "" : "; it asks to wait " + wait.toSeconds() + " s";
    }
}
