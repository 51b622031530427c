package org.lantir.sync.calpendo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data behind {@link CalpendoEmulator}: the shared fixture's bookings (details, list
 * entries, operators), which tests may change while the server runs: a booking cancelled,
 * moved, deleted, added. Changes keep both time forms consistent, as Calpendo's would: the
 * wall-clock {@code formattedName} and the UTC {@code properties.dateRange}.
 *
 * <p>A "ghost" is listed but answers 404 on its details (the fixture's 48218: deleted between
 * the list call and the detail call). The emulator evaluates queries against it with the
 * resource and times its list entry implies.
 */
public final class CalpendoBookings {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "/fixtures/calpendo/";
    private static final DateTimeFormatter WALL_CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S");
    private static final DateTimeFormatter UTC_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'");

    private final ZoneId zone;
    private final Map<Long, ObjectNode> details = new TreeMap<>();
    private final Map<Long, ObjectNode> ghosts = new TreeMap<>();
    private final Map<Long, JsonNode> operators = new TreeMap<>();

    private CalpendoBookings(ZoneId zone) {
        this.zone = zone;
    }

    /** The fixture: 48211-48217 with details, 48218 listed only. */
    public static CalpendoBookings fixture() {
        CalpendoBookings bookings = new CalpendoBookings(CalpendoEmulator.ZONE);
        for (long id = 48211; id <= 48217; id++) {
            bookings.details.put(id, (ObjectNode) read("booking-" + id + ".json"));
            JsonNode operator = readIfPresent("operator-" + id + ".json");
            if (operator != null) {
                bookings.operators.put(id, operator);
            }
        }
        for (JsonNode listed : read("bookings-list.json").get("biskits")) {
            long id = listed.get("id").asLong();
            if (!bookings.details.containsKey(id)) {
                bookings.ghosts.put(id, ghost((ObjectNode) listed.deepCopy(), "3T Diagnostic",
                        bookings.zone));
            }
        }
        return bookings;
    }

    ZoneId zone() {
        return zone;
    }

    /** Every booking the list may name (with details or ghosts), by id. */
    synchronized Map<Long, ObjectNode> listable() {
        Map<Long, ObjectNode> all = new TreeMap<>(ghosts);
        all.putAll(details);
        return all;
    }

    /** A booking's details, or null (deleted, or a ghost). */
    synchronized ObjectNode detail(long id) {
        ObjectNode detail = details.get(id);
        return detail == null ? null : detail.deepCopy();
    }

    /** The operator fixture of a booking, or null. */
    synchronized JsonNode operatorAnswer(long id) {
        return operators.get(id);
    }

    /** How a booking appears in a list answer: its top-level attributes only. */
    synchronized ObjectNode listEntry(long id) {
        ObjectNode source = details.containsKey(id) ? details.get(id) : ghosts.get(id);
        ObjectNode entry = source.deepCopy();
        entry.remove("properties");
        entry.remove("_emulator");
        return entry;
    }

    // ---- Changes, as a booker or an administrator would make them ----

    /** Sets the status at both places a layout may hold it. */
    public synchronized void setStatus(long id, String status) {
        ObjectNode booking = existing(id);
        if (booking.has("status")) {
            booking.put("status", status);
        }
        ObjectNode properties = (ObjectNode) booking.get("properties");
        properties.put("status", status);
        properties.put("cancelled", "Cancelled".equals(status));
    }

    public synchronized void setTitle(long id, String title) {
        ObjectNode booking = existing(id);
        if (booking.has("title")) {
            booking.put("title", title);
        }
        ((ObjectNode) booking.get("properties")).put("title", title);
    }

    /** Moves a booking to another local start and finish (the site's wall clock). */
    public synchronized void move(long id, LocalDateTime start, LocalDateTime finish) {
        ObjectNode booking = existing(id);
        if (booking.has("formattedName")) {
            booking.put("formattedName", "[" + start.format(WALL_CLOCK) + ", "
                    + finish.format(WALL_CLOCK) + "]");
        }
        ObjectNode range = (ObjectNode) booking.get("properties").get("dateRange");
        range.put("start", utc(start));
        range.put("finish", utc(finish));
    }

    /** Puts a booking on another resource. */
    public synchronized void setResource(long id, String name) {
        ObjectNode resource = (ObjectNode) existing(id).get("properties").get("resource");
        resource.put("name", name);
        resource.put("formattedName", name);
    }

    /** Deletes a booking: no longer listed, 404 on its details. */
    public synchronized void delete(long id) {
        details.remove(id);
        ghosts.remove(id);
        operators.remove(id);
    }

    /** Deletes a booking's details but keeps it in lists, as if deleted between the calls. */
    public synchronized void ghost(long id) {
        ObjectNode booking = existing(id);
        String resource = booking.get("properties").get("resource").get("name").asText();
        ObjectNode entry = listEntry(id);
        if (!entry.has("formattedName")) {
            JsonNode range = booking.get("properties").get("dateRange");
            entry.put("formattedName", "[" + local(range.get("start").asText()) + ", "
                    + local(range.get("finish").asText()) + "]");
        }
        details.remove(id);
        ghosts.put(id, ghost(entry, resource, zone));
    }

    /** A new booking copied from {@code template} under {@code id}, then changed by tests. */
    public synchronized void copy(long template, long id) {
        ObjectNode copy = existing(template).deepCopy();
        copy.put("id", id);
        details.put(id, copy);
        JsonNode operator = operators.get(template);
        if (operator != null) {
            ObjectNode answer = operator.deepCopy();
            answer.get("biskits").forEach(b -> ((ObjectNode) b).put("id", id));
            operators.put(id, answer);
        }
    }

    /** Replaces a booking's details with any JSON (to serve odd shapes). */
    public synchronized void replace(long id, ObjectNode detail) {
        details.put(id, detail);
    }

    private ObjectNode existing(long id) {
        ObjectNode booking = details.get(id);
        if (booking == null) {
            throw new IllegalArgumentException("no booking " + id + " with details");
        }
        return booking;
    }

    private String utc(LocalDateTime local) {
        return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()
                .format(UTC_MINUTES);
    }

    private String local(String utc) {
        return java.time.OffsetDateTime.parse(utc).atZoneSameInstant(zone).toLocalDateTime()
                .format(WALL_CLOCK);
    }

    /**
     * A list entry served for a booking without details, with what the emulator needs to
     * evaluate queries against it kept under {@code _emulator} (never served).
     */
    private static ObjectNode ghost(ObjectNode entry, String resource, ZoneId zone) {
        String formatted = entry.get("formattedName").asText();
        String start = formatted.substring(1, formatted.indexOf(',')).trim();
        LocalDateTime local = LocalDateTime.parse(start, WALL_CLOCK);
        ObjectNode hidden = entry.putObject("_emulator");
        hidden.putObject("resource").put("name", resource);
        hidden.putObject("dateRange").put("start", local.atZone(zone)
                .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().format(UTC_MINUTES));
        return entry;
    }

    /** The value a query path names: under properties (or a ghost's hidden values), then top. */
    synchronized JsonNode valueAt(long id, String path) {
        ObjectNode booking = details.containsKey(id) ? details.get(id) : ghosts.get(id);
        JsonNode under = at(booking.path(details.containsKey(id) ? "properties" : "_emulator"),
                path);
        return under != null && !under.isMissingNode() ? under : at(booking, path);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node;
    }

    static JsonNode read(String name) {
        JsonNode node = readIfPresent(name);
        if (node == null) {
            throw new IllegalStateException("fixture " + name + " missing");
        }
        return node;
    }

    private static JsonNode readIfPresent(String name) {
        try (InputStream in = CalpendoBookings.class.getResourceAsStream(FIXTURE + name)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of every listable booking, in order. */
    synchronized List<Long> ids() {
        return new ArrayList<>(listable().keySet());
    }
}
