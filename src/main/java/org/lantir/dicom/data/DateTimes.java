package org.lantir.dicom.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict parsing and formatting of DA, TM and DT values (PS3.5 Table 6.2-1) and of their range
 * forms for matching ({@code d1-d2}, {@code -d}, {@code d-}; PS3.4 C.2.2.2.5).
 *
 * <p>A value denotes an interval as wide as its precision: TM {@code 1030} is 10:30:00 to
 * 10:30:59.999999999, DT {@code 2025} is the whole year. Range bounds use that interval (the
 * lower bound its start, the upper bound its end), and a value given alone is the range of its
 * interval. Malformed values raise a {@link DicomFormatException} whose message says what is
 * wrong without repeating the value (it may be a birth date).
 */
public final class DateTimes {

    private static final LocalTime END_OF_DAY = LocalTime.MAX;
    private static final int MAX_FRACTION_DIGITS = 6;

    private DateTimes() {
    }

    /** Parses a DA value {@code YYYYMMDD}; trailing padding spaces are allowed. */
    public static LocalDate parseDA(String value) throws DicomFormatException {
        String text = unpadded(value, "DA");
        requireDigits(text, "DA", "YYYYMMDD");
        if (text.length() != 8) {
            throw invalid("DA", "YYYYMMDD", "it has " + text.length() + " characters");
        }
        try {
            return LocalDate.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
        } catch (DateTimeException e) {
            throw invalid("DA", "YYYYMMDD", "it is not a calendar date");
        }
    }

    /** Parses a TM value {@code HH[MM[SS[.F{1,6}]]]} to the first instant it denotes. */
    public static LocalTime parseTM(String value) throws DicomFormatException {
        return tmInterval(value).lower();
    }

    /**
     * Parses a DT value {@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]} to the first instant
     * it denotes, as local time of {@code zone} (a value with an offset is converted, one
     * without is taken as local already, PS3.5 Table 6.2-1).
     */
    public static LocalDateTime parseDT(String value, ZoneId zone) throws DicomFormatException {
        return dtInterval(unpadded(value, "DT"), zone).lower();
    }

    /** Whether a value is a valid DA. */
    public static boolean isValidDA(String value) {
        try {
            parseDA(value);
            return true;
        } catch (DicomFormatException e) {
            return false;
        }
    }

    /** Whether a value is a valid TM. */
    public static boolean isValidTM(String value) {
        try {
            parseTM(value);
            return true;
        } catch (DicomFormatException e) {
            return false;
        }
    }

    /** Whether a value is a valid DT. */
    public static boolean isValidDT(String value) {
        try {
            parseDT(value, ZoneOffset.UTC);
            return true;
        } catch (DicomFormatException e) {
            return false;
        }
    }

    /**
     * Parses a DA key for range matching: {@code d}, {@code d1-d2}, {@code -d} or {@code d-}.
     *
     * @throws DicomFormatException for a malformed date, a lone "-", or a start after the end
     */
    public static Range<LocalDate> parseDARange(String value) throws DicomFormatException {
        String[] ends = splitRange(unpadded(value, "DA"), "DA");
        if (ends.length == 1) {
            LocalDate date = parseDA(ends[0]);
            return new Range<>(date, date);
        }
        LocalDate lower = ends[0].isEmpty() ? null : parseDA(ends[0]);
        LocalDate upper = ends[1].isEmpty() ? null : parseDA(ends[1]);
        return ordered(lower, upper, "DA");
    }

    /**
     * Parses a TM key for range matching: {@code t}, {@code t1-t2}, {@code -t} or {@code t-},
     * each end covering its precision.
     *
     * @throws DicomFormatException for a malformed time, a lone "-", or a start after the end
     *         (a range over midnight needs the date too: combine DA and TM keys)
     */
    public static Range<LocalTime> parseTMRange(String value) throws DicomFormatException {
        String[] ends = splitRange(unpadded(value, "TM"), "TM");
        if (ends.length == 1) {
            return tmInterval(ends[0]);
        }
        LocalTime lower = ends[0].isEmpty() ? null : tmInterval(ends[0]).lower();
        LocalTime upper = ends[1].isEmpty() ? null : tmInterval(ends[1]).upper();
        return ordered(lower, upper, "TM");
    }

    /**
     * Parses a DT key for range matching, each end covering its precision and converted to
     * local time of {@code zone}. A "-" may start a UTC offset ({@code &ZZXX}) or separate the
     * ends: a value that reads as one date-time is one; otherwise the "-" that splits it into
     * two valid, ordered ends is the separator, and a value that splits more than one way is
     * refused.
     */
    public static Range<LocalDateTime> parseDTRange(String value, ZoneId zone)
            throws DicomFormatException {
        String text = unpadded(value, "DT");
        DicomFormatException asSingle;
        try {
            return dtInterval(text, zone);
        } catch (DicomFormatException e) {
            asSingle = e;
        }
        List<Range<LocalDateTime>> readings = new ArrayList<>();
        for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
            Range<LocalDateTime> reading = dtRangeSplitAt(text, i, zone);
            if (reading != null) {
                readings.add(reading);
            }
        }
        if (readings.size() == 1) {
            return readings.get(0);
        }
        if (readings.isEmpty()) {
            throw text.indexOf('-') < 0 ? asSingle
                    : invalid("DT", "a date-time or a range of them", "no reading fits");
        }
        throw invalid("DT", "a date-time or a range of them", "it reads more than one way");
    }

    private static Range<LocalDateTime> dtRangeSplitAt(String text, int dash, ZoneId zone) {
        String left = text.substring(0, dash);
        String right = text.substring(dash + 1);
        if (left.isEmpty() && right.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime lower = left.isEmpty() ? null : dtInterval(left, zone).lower();
            LocalDateTime upper = right.isEmpty() ? null : dtInterval(right, zone).upper();
            return lower != null && upper != null && lower.isAfter(upper)
                    ? null : new Range<>(lower, upper);
        } catch (DicomFormatException e) {
            return null;
        }
    }

    /**
     * Combined date and time range matching (PS3.4 C.2.2.2.5): a DA key and a TM key of the
     * same step (e.g. Scheduled Procedure Step Start Date and Time) read as one range from
     * the first date at the first time to the last date at the last time.
     *
     * @param dates the date range (not universal)
     * @param times the time range, or null when the time key is universal
     */
    public static Range<LocalDateTime> combine(Range<LocalDate> dates, Range<LocalTime> times) {
        LocalTime start = times == null || times.lower() == null ? LocalTime.MIN : times.lower();
        LocalTime end = times == null || times.upper() == null ? END_OF_DAY : times.upper();
        LocalDateTime lower = dates.lower() == null ? null : dates.lower().atTime(start);
        LocalDateTime upper = dates.upper() == null ? null : dates.upper().atTime(end);
        return new Range<>(lower, upper);
    }

    /** Formats a date as DA {@code YYYYMMDD}. */
    public static String formatDA(LocalDate date) {
        requireFourDigitYear(date.getYear());
        StringBuilder text = new StringBuilder(8);
        digits(text, date.getYear(), 4);
        digits(text, date.getMonthValue(), 2);
        digits(text, date.getDayOfMonth(), 2);
        return text.toString();
    }

    /** Formats a time as TM {@code HHMMSS}, with {@code .FFFFFF} when it has a fraction. */
    public static String formatTM(LocalTime time) {
        StringBuilder text = new StringBuilder(13);
        digits(text, time.getHour(), 2);
        digits(text, time.getMinute(), 2);
        digits(text, time.getSecond(), 2);
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            digits(text.append('.'), micros, 6);
        }
        return text.toString();
    }

    /**
     * Appends a non-negative number zero-padded to {@code width} digits. Not String.format:
     * every C-FIND answer formats several dates and times, and the Formatter was a sixth of
     * the server's work on a busy worklist (lantir bench).
     */
    private static void digits(StringBuilder text, int value, int width) {
        String plain = Integer.toString(value);
        for (int i = plain.length(); i < width; i++) {
            text.append('0');
        }
        text.append(plain);
    }

    /** Formats a local date-time as DT {@code YYYYMMDDHHMMSS[.FFFFFF]}, without offset. */
    public static String formatDT(LocalDateTime dateTime) {
        return formatDA(dateTime.toLocalDate()) + formatTM(dateTime.toLocalTime());
    }

    /** Formats a date-time as DT with its UTC offset {@code &ZZXX}. */
    public static String formatDT(OffsetDateTime dateTime) {
        int seconds = dateTime.getOffset().getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return formatDT(dateTime.toLocalDateTime()) + (seconds < 0 ? '-' : '+')
                + String.format("%02d%02d", minutes / 60, minutes % 60);
    }

    /** The interval a TM value denotes at its precision. */
    private static Range<LocalTime> tmInterval(String value) throws DicomFormatException {
        String text = unpadded(value, "TM");
        int dot = text.indexOf('.');
        String digits = dot < 0 ? text : text.substring(0, dot);
        requireDigits(digits, "TM", "HH[MM[SS[.F]]]");
        if (digits.length() != 2 && digits.length() != 4 && digits.length() != 6) {
            throw invalid("TM", "HH[MM[SS[.F]]]", "it has " + digits.length() + " digits");
        }
        if (dot >= 0 && digits.length() != 6) {
            throw invalid("TM", "HH[MM[SS[.F]]]", "a fraction needs seconds");
        }
        int fractionDigits = dot < 0 ? 0 : text.length() - dot - 1;
        int nanos = dot < 0 ? 0 : fractionNanos(text.substring(dot + 1), "TM");
        LocalTime lower = time(digits, nanos, "TM");
        if (isLeapSecond(digits, 4)) {
            return new Range<>(lower, lower);
        }
        return new Range<>(lower, lower.plusNanos(widthNanos(digits.length(), fractionDigits)));
    }

    /** The nanoseconds a TM of that many digits and fraction digits spans, less one. */
    private static long widthNanos(int digits, int fractionDigits) {
        if (fractionDigits > 0) {
            return (long) Math.pow(10, 9 - fractionDigits) - 1;
        }
        ChronoUnit unit = digits == 2 ? ChronoUnit.HOURS
                : digits == 4 ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
        return unit.getDuration().toNanos() - 1;
    }

    private static boolean isLeapSecond(String digits, int secondsAt) {
        return digits.length() == secondsAt + 2 && number(digits, secondsAt, secondsAt + 2) == 60;
    }

    private static LocalTime time(String digits, int nanos, String vr)
            throws DicomFormatException {
        int hour = number(digits, 0, 2);
        int minute = digits.length() >= 4 ? number(digits, 2, 4) : 0;
        int second = digits.length() == 6 ? number(digits, 4, 6) : 0;
        if (hour > 23 || minute > 59 || second > 60) {
            throw invalid(vr, "HH[MM[SS[.F]]]", "hour, minute or second out of range");
        }
        if (second == 60) {
            // A leap second (PS3.5 allows SS = 60): the last instant LocalTime can hold.
            return LocalTime.of(hour, minute, 59, 999_999_999);
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    /** The interval a DT value denotes at its precision, in local time of {@code zone}. */
    private static Range<LocalDateTime> dtInterval(String text, ZoneId zone)
            throws DicomFormatException {
        int signAt = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        ZoneOffset offset = null;
        String body = text;
        if (signAt >= 0) {
            offset = offset(text.substring(signAt));
            body = text.substring(0, signAt);
        }
        int dot = body.indexOf('.');
        String digits = dot < 0 ? body : body.substring(0, dot);
        requireDigits(digits, "DT", "YYYY[MM[DD[HH[MM[SS[.F]]]]]][&ZZXX]");
        if (digits.length() < 4 || digits.length() > 14 || digits.length() % 2 != 0) {
            throw invalid("DT", "YYYY[MM[DD[HH[MM[SS[.F]]]]]]", "it has " + digits.length()
                    + " digits");
        }
        if (dot >= 0 && digits.length() != 14) {
            throw invalid("DT", "YYYY[MM[DD[HH[MM[SS[.F]]]]]]", "a fraction needs seconds");
        }
        int nanos = dot < 0 ? 0 : fractionNanos(body.substring(dot + 1), "DT");
        LocalDateTime lower = dateTime(digits, nanos);
        LocalDateTime upper = isLeapSecond(digits, 12) ? lower
                : dtEnd(lower, digits.length(), dot < 0 ? 0 : body.length() - dot - 1);
        return new Range<>(local(lower, offset, zone), local(upper, offset, zone));
    }

    private static LocalDateTime dateTime(String digits, int nanos) throws DicomFormatException {
        int year = number(digits, 0, 4);
        int month = digits.length() >= 6 ? number(digits, 4, 6) : 1;
        int day = digits.length() >= 8 ? number(digits, 6, 8) : 1;
        LocalTime time = digits.length() >= 10
                ? time(digits.substring(8), nanos, "DT") : LocalTime.MIN;
        try {
            return LocalDate.of(year, month, day).atTime(time);
        } catch (DateTimeException e) {
            throw invalid("DT", "YYYY[MM[DD[HH[MM[SS[.F]]]]]]", "it is not a calendar date");
        }
    }

    private static LocalDateTime dtEnd(LocalDateTime lower, int digits, int fractionDigits) {
        if (digits < 10) {
            ChronoUnit unit = digits == 4 ? ChronoUnit.YEARS
                    : digits == 6 ? ChronoUnit.MONTHS : ChronoUnit.DAYS;
            return lower.plus(1, unit).minusNanos(1);
        }
        return lower.plusNanos(widthNanos(digits - 8, fractionDigits));
    }

    private static LocalDateTime local(LocalDateTime dateTime, ZoneOffset offset, ZoneId zone) {
        if (offset == null) {
            return dateTime;
        }
        return dateTime.atOffset(offset).atZoneSameInstant(zone).toLocalDateTime();
    }

    /** A UTC offset {@code &ZZXX}, -1200 to +1400; "-0000" is not allowed (PS3.5 6.2). */
    private static ZoneOffset offset(String text) throws DicomFormatException {
        String digits = text.substring(1);
        if (digits.length() != 4 || !isDigits(digits)) {
            throw invalid("DT", "&ZZXX offset", "the offset is not four digits");
        }
        int hours = number(digits, 0, 2);
        int minutes = number(digits, 2, 4);
        boolean negative = text.charAt(0) == '-';
        int total = (hours * 60 + minutes) * (negative ? -1 : 1);
        if (minutes > 59 || total < -12 * 60 || total > 14 * 60 || (negative && total == 0)) {
            throw invalid("DT", "&ZZXX offset", "the offset is out of range");
        }
        return ZoneOffset.ofTotalSeconds(total * 60);
    }

    private static int fractionNanos(String fraction, String vr) throws DicomFormatException {
        if (fraction.isEmpty() || fraction.length() > MAX_FRACTION_DIGITS || !isDigits(fraction)) {
            throw invalid(vr, "1 to 6 fraction digits", "the fraction is malformed");
        }
        StringBuilder nanos = new StringBuilder(fraction);
        while (nanos.length() < 9) {
            nanos.append('0');
        }
        return Integer.parseInt(nanos.toString());
    }

    /** Splits a range key at its one '-', or returns the single value. */
    private static String[] splitRange(String text, String vr) throws DicomFormatException {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return new String[] {text};
        }
        if (text.indexOf('-', dash + 1) >= 0 || text.length() == 1) {
            throw invalid(vr, "a value or a range of values", "it has a misplaced '-'");
        }
        return new String[] {text.substring(0, dash), text.substring(dash + 1)};
    }

    private static <T extends Comparable<? super T>> Range<T> ordered(T lower, T upper,
            String vr) throws DicomFormatException {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw invalid(vr, "a range whose start is not after its end",
                    "the start is after the end");
        }
        return new Range<>(lower, upper);
    }

    private static String unpadded(String value, String vr) throws DicomFormatException {
        if (value == null || value.isEmpty()) {
            throw invalid(vr, "a value", "it is empty");
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }

    private static void requireDigits(String text, String vr, String form)
            throws DicomFormatException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                String shown = c >= 0x20 && c < 0x7F ? "'" + c + "'" : "a control character";
                throw invalid(vr, form, "unexpected " + shown + " at position " + (i + 1));
            }
        }
        if (text.isEmpty()) {
            throw invalid(vr, form, "it has no digits");
        }
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text.substring(from, to));
    }

    private static void requireFourDigitYear(int year) {
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("Year " + year + " does not fit DA (YYYY)");
        }
    }

    private static DicomFormatException invalid(String vr, String form, String problem) {
        return new DicomFormatException("Invalid " + vr + " value: expected " + form + " but "
                + problem + " (PS3.5 Table 6.2-1, PS3.4 C.2.2.2.5)");
    }
}
