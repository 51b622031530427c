package org.lantir.sync.calpendo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The query API's expression language as the reference notes §3 read the vendor's grammar:
 * prefix notation in path segments; {@code AND}, {@code OR}, {@code NAND}, {@code NOR} take
 * every following expression as an operand until {@code CLOSE} or the end (trailing
 * {@code CLOSE}s may be left out); a condition is {@code path/RELATION/value}; keywords and
 * relations in any case. Date paths compare as instants, the values read as the site's wall
 * clock ({@code yyyyMMdd}, {@code yyyyMMdd-HHmm[ss]}, {@code yyyyMMdd'T'HHmm[ss]});
 * {@code __NULL__} is null. A malformed expression is an {@link IllegalArgumentException}
 * (the emulator answers 400).
 */
final class QueryLanguage {

    private static final Set<String> BOOLEAN_OPERATORS = Set.of("AND", "OR", "NAND", "NOR");
    private static final String CLOSE = "CLOSE";
    private static final String NULL = "__NULL__";
    private static final Set<String> DATE_TIME_PATHS = Set.of("dateRange.start",
            "dateRange.finish", "created", "modified", "updated");
    private static final DateTimeFormatter[] VALUE_FORMATS = {
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"),
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"),
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"),
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm"),
    };

    private QueryLanguage() {
    }

    /** A parsed expression, true or false for one booking. */
    interface Expression {
        boolean test(Lookup booking);
    }

    /** A booking's value at a path, or null. */
    @FunctionalInterface
    interface Lookup {
        JsonNode value(String path);
    }

    /** Parses the percent-decoded path segments after the type. */
    static Expression parse(List<String> segments, ZoneId zone) {
        Deque<String> tokens = new ArrayDeque<>(segments);
        Expression expression = expression(tokens, zone);
        if (!tokens.isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + tokens.peek() + "' after a "
                    + "complete expression");
        }
        return expression;
    }

    private static Expression expression(Deque<String> tokens, ZoneId zone) {
        String first = tokens.poll();
        if (first == null || first.equalsIgnoreCase(CLOSE)) {
            throw new IllegalArgumentException("an expression is missing");
        }
        String keyword = first.toUpperCase(Locale.ROOT);
        if (BOOLEAN_OPERATORS.contains(keyword)) {
            List<Expression> operands = new ArrayList<>();
            while (!tokens.isEmpty() && !tokens.peek().equalsIgnoreCase(CLOSE)) {
                operands.add(expression(tokens, zone));
            }
            if (!tokens.isEmpty()) {
                tokens.poll();
            }
            if (operands.isEmpty()) {
                throw new IllegalArgumentException(keyword + " without operands");
            }
            return combine(keyword, operands);
        }
        String relation = tokens.poll();
        String value = tokens.poll();
        if (relation == null || value == null) {
            throw new IllegalArgumentException("condition on " + first + " is incomplete");
        }
        return condition(first, relation.toUpperCase(Locale.ROOT), value, zone);
    }

    private static Expression combine(String keyword, List<Expression> operands) {
        switch (keyword) {
            case "AND":
                return b -> operands.stream().allMatch(e -> e.test(b));
            case "OR":
                return b -> operands.stream().anyMatch(e -> e.test(b));
            case "NAND":
                return b -> !operands.stream().allMatch(e -> e.test(b));
            default:
                return b -> operands.stream().noneMatch(e -> e.test(b));
        }
    }

    private static Expression condition(String path, String relation, String value,
            ZoneId zone) {
        BiFunction<JsonNode, String, Boolean> rule = rule(relation, path, zone);
        // dateRange.start.date: the local date of the date-time at dateRange.start.
        String lookup = isDatePath(path) ? path.substring(0, path.length() - 5) : path;
        return booking -> rule.apply(booking.value(lookup), value);
    }

    private static BiFunction<JsonNode, String, Boolean> rule(String relation, String path,
            ZoneId zone) {
        switch (relation) {
            case "EQ":
                return (actual, value) -> compare(actual, value, path, zone) == 0;
            case "NE":
                return (actual, value) -> compare(actual, value, path, zone) != 0;
            case "LT":
                return (actual, value) -> ordered(actual, value, path, zone, c -> c < 0);
            case "LE":
                return (actual, value) -> ordered(actual, value, path, zone, c -> c <= 0);
            case "GT":
                return (actual, value) -> ordered(actual, value, path, zone, c -> c > 0);
            case "GE":
                return (actual, value) -> ordered(actual, value, path, zone, c -> c >= 0);
            case "CONTAINS":
                return (actual, value) -> text(actual).contains(value);
            case "DOES_NOT_CONTAIN":
                return (actual, value) -> !text(actual).contains(value);
            case "STARTS_WITH":
                return (actual, value) -> text(actual).startsWith(value);
            case "DOES_NOT_START_WITH":
                return (actual, value) -> !text(actual).startsWith(value);
            case "ENDS_WITH":
                return (actual, value) -> text(actual).endsWith(value);
            case "DOES_NOT_END_WITH":
                return (actual, value) -> !text(actual).endsWith(value);
            default:
                throw new IllegalArgumentException("relation " + relation
                        + " is not supported by the emulator");
        }
    }

    private static boolean ordered(JsonNode actual, String value, String path, ZoneId zone,
            java.util.function.IntPredicate wanted) {
        if (actual == null || actual.isNull() || NULL.equals(value)) {
            return false;
        }
        return wanted.test(compare(actual, value, path, zone));
    }

    /** Compares as instants, dates, numbers or text, by the path; null sorts first. */
    private static int compare(JsonNode actual, String value, String path, ZoneId zone) {
        boolean actualNull = actual == null || actual.isNull() || actual.isMissingNode();
        if (NULL.equals(value) || actualNull) {
            return actualNull == NULL.equals(value) ? 0 : actualNull ? -1 : 1;
        }
        if (DATE_TIME_PATHS.contains(path)) {
            return instant(actual.asText()).compareTo(valueInstant(value, zone));
        }
        if (isDatePath(path)) {
            LocalDate date = instant(actual.asText()).atZone(zone).toLocalDate();
            return date.compareTo(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE));
        }
        if (actual.isNumber() && value.matches("-?\\d+")) {
            return Long.compare(actual.asLong(), Long.parseLong(value));
        }
        return actual.asText().compareTo(value);
    }

    private static boolean isDatePath(String path) {
        return path.endsWith(".date")
                && DATE_TIME_PATHS.contains(path.substring(0, path.length() - 5));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static Instant valueInstant(String value, ZoneId zone) {
        if (value.matches("\\d{8}")) {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone)
                    .toInstant();
        }
        for (DateTimeFormatter format : VALUE_FORMATS) {
            try {
                return LocalDateTime.parse(value, format).atZone(zone).toInstant();
            } catch (DateTimeParseException next) {
                // Try the next accepted form.
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a date-time value");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
