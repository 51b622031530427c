package org.lantir.sync.calpendo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One booking's details as {@code GET /webdav/b/Calpendo.Booking/<id>} gives them, in either
 * layout of the reference notes §5: attributes at the top level beside a {@code properties}
 * object, or only under {@code properties}. {@link #toString()} names the booking by id only:
 * titles carry names.
 *
 * <p>Times are read in the site's zone. The {@code properties.dateRange} ends are preferred:
 * when they carry an offset (the fixtures' {@code 2026-03-06T16:00Z}) they are instants and
 * need no guess. The bracketed wall-clock {@code formattedName} is read otherwise; there a
 * time the clocks repeat when they fall back is taken at its first pass for the start and its
 * second pass for the finish (the longer booking), and a time the clocks skip when they
 * spring forward moves on by the gap, as {@link ZonedDateTime#ofLocal} does (02:30 becomes
 * 03:30 on 2026-03-08 in America/Edmonton). The duration is real elapsed time.
 */
final class Booking {

    /** {@code [2026-03-06 09:00:00.0, 2026-03-06 10:30:00.0]}. */
    private static final Pattern FORMATTED_RANGE = Pattern.compile(
            "\\[\\s*(\\d{4}-\\d{2}-\\d{2}[ T][\\d:.]+)\\s*,\\s*(\\d{4}-\\d{2}-\\d{2}[ T][\\d:.]+)"
                    + "\\s*]");
    private static final String PROPERTIES = "properties";

    private final long id;
    private final JsonNode json;
    private final ZonedDateTime start;
    private final ZonedDateTime finish;

    private Booking(long id, JsonNode json, ZonedDateTime start, ZonedDateTime finish) {
        this.id = id;
        this.json = json;
        this.start = start;
        this.finish = finish;
    }

    /** Its times cannot be read: the booking cannot become a row. */
    static final class UnreadableTimes extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableTimes(String message) {
            super(message);
        }
    }

    /** Reads a detail answer (its id already checked) in the site's {@code zone}. */
    static Booking of(long id, JsonNode json, ZoneId zone) throws UnreadableTimes {
        ZonedDateTime[] range = fromDateRange(json.path(PROPERTIES).path("dateRange"), zone);
        if (range == null) {
            range = fromFormattedName(CalpendoJson.text(json.get("formattedName")), zone);
        }
        if (range == null) {
            throw new UnreadableTimes("neither properties.dateRange nor formattedName holds "
                    + "a readable start and finish");
        }
        if (range[1].isBefore(range[0])) {
            throw new UnreadableTimes("it finishes before it starts");
        }
        return new Booking(id, json, range[0], range[1]);
    }

    long id() {
        return id;
    }

    /** The source key of its row. */
    String key() {
        return Long.toString(id);
    }

    /** The booking sub-type, e.g. {@code MRIScan}, or null. */
    String type() {
        return CalpendoJson.text(json.get("biskitType"));
    }

    String title() {
        return value("title").orElse(null);
    }

    String status() {
        return value("status").orElse(null);
    }

    /** The resource's {@code name} (what queries filter on), else its formatted name. */
    String resourceName() {
        return value("properties.resource.name")
                .or(() -> value("properties.resource.formattedName")).orElse(null);
    }

    ZonedDateTime start() {
        return start;
    }

    ZonedDateTime finish() {
        return finish;
    }

    /** Elapsed minutes from start to finish, whatever the wall clock did meanwhile. */
    long durationMinutes() {
        return Duration.between(start.toInstant(), finish.toInstant()).toMinutes();
    }

    /**
     * The text at a dot path: looked up from the top level, then (unless the path starts
     * there) under {@code properties}, so that {@code title} and {@code project.name} work in
     * both layouts. Numbers give their decimal text; an object its formatted name, else its
     * name; null and missing values give nothing.
     */
    Optional<String> value(String path) {
        Optional<String> top = at(json, path);
        if (top.isPresent() || path.startsWith(PROPERTIES + ".")) {
            return top;
        }
        return at(json.path(PROPERTIES), path);
    }

    private static Optional<String> at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        if (node != null && node.isObject()) {
            node = node.hasNonNull("formattedName") ? node.get("formattedName")
                    : node.get("name");
        }
        String text = CalpendoJson.text(node);
        return text == null ? Optional.empty() : Optional.of(text);
    }

    private static ZonedDateTime[] fromDateRange(JsonNode range, ZoneId zone) {
        String start = CalpendoJson.text(range.get("start"));
        String finish = CalpendoJson.text(range.has("finish") ? range.get("finish")
                : range.get("end"));
        if (start == null || finish == null) {
            return null;
        }
        ZonedDateTime from = time(start, zone, false);
        ZonedDateTime to = time(finish, zone, true);
        return from == null || to == null ? null : new ZonedDateTime[] {from, to};
    }

    private static ZonedDateTime[] fromFormattedName(String text, ZoneId zone) {
        Matcher range = text == null ? null : FORMATTED_RANGE.matcher(text);
        if (range == null || !range.find()) {
            return null;
        }
        ZonedDateTime from = time(range.group(1), zone, false);
        ZonedDateTime to = time(range.group(2), zone, true);
        return from == null || to == null ? null : new ZonedDateTime[] {from, to};
    }

    /**
     * An ISO date-time with an offset (an instant), or a wall-clock one in {@code zone};
     * {@code laterAtOverlap} picks the second pass of a repeated hour.
     */
    private static ZonedDateTime time(String text, ZoneId zone, boolean laterAtOverlap) {
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
        } catch (DateTimeException withoutOffset) {
            try {
                ZonedDateTime local = LocalDateTime.parse(iso).atZone(zone);
                return laterAtOverlap ? local.withLaterOffsetAtOverlap()
                        : local.withEarlierOffsetAtOverlap();
            } catch (DateTimeException unreadable) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return "booking " + id;
    }
}
