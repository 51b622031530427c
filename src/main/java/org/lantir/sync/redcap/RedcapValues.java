package org.lantir.sync.redcap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict readers for REDCap's raw text values. A value that does not fit is null: the caller
 * decides whether that skips the row (scheduling fields) or only leaves the value empty.
 */
final class RedcapValues {

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BASIC_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern UID = Pattern.compile("(0|[1-9]\\d*)(\\.(0|[1-9]\\d*))+");
    /** Pounds to kilograms, exact by definition of the international pound. */
    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
    private static final BigDecimal MAX_KG = new BigDecimal("1000");
    private static final Set<String> SEX_CODES = Set.of("M", "F", "O");

    private RedcapValues() {
    }

    /**
     * {@code YYYY-MM-DD} (REDCap's raw date form) or {@code YYYYMMDD}; anything else (such as
     * {@code 12/03/2025}, which could be 12 March or 3 December) is null.
     */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        DateTimeFormatter format = value.length() == 8 ? BASIC_DATE : ISO_DATE;
        try {
            return LocalDate.parse(value, format);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code HH:MM} (REDCap's {@code time} validation) or {@code HH:MM:SS}, 24-hour. */
    static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        var m = TIME.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    /**
     * A full date, or a bare year taken as 1 January of that year: Patient's Birth Date is a
     * DA (PS3.5 Table 6.2-1) and cannot hold a year alone; the Python tool's legacy module
     * wrote {@code <year>0101} too. Anything else is null.
     */
    static LocalDate birthDate(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (YEAR.matcher(value).matches()) {
            return LocalDate.of(Integer.parseInt(value), 1, 1);
        }
        return date(value);
    }

    /** {@code M}, {@code F} or {@code O} (PS3.3 C.7.1.1); anything else is null. */
    static String sex(String text) {
        if (text == null) {
            return null;
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        return SEX_CODES.contains(code) ? code : null;
    }

    /** Kilograms from pounds, two decimals; blank, non-numeric or absurd is null. */
    static BigDecimal kilogramsFromPounds(String text) {
        BigDecimal pounds = positive(text);
        return pounds == null ? null : kilograms(pounds.multiply(KG_PER_LB));
    }

    static BigDecimal kilograms(String text) {
        BigDecimal kg = positive(text);
        return kg == null ? null : kilograms(kg);
    }

    private static BigDecimal kilograms(BigDecimal kg) {
        return kg.compareTo(MAX_KG) > 0 ? null : kg.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal positive(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.signum() > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The part after the last {@code -}: {@code CPIP-1001} → {@code 1001}. */
    static String afterLastDash(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        return value.substring(value.lastIndexOf('-') + 1);
    }

    /** A UID of PS3.5 §9.1 syntax, at most 64 characters, or null. */
    static String uid(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        return value.length() <= 64 && UID.matcher(value).matches() ? value : null;
    }
}
