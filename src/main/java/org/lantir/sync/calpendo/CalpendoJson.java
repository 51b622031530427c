package org.lantir.sync.calpendo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the query and REST APIs' JSON answers (reference notes §4, §5, §7). Answers are read
 * into trees, with a limit on their length so that a runaway answer fails instead of filling
 * the heap. Nothing here quotes a body: booking titles carry names.
 */
final class CalpendoJson {

    /** A list of every booking of a year on a busy site is a few megabytes. */
    static final long MAX_LIST_CHARS = 64L * 1024 * 1024;
    static final long MAX_DETAIL_CHARS = 4L * 1024 * 1024;
    /** What Calpendo shows for a property the account may not see (reference notes §7). */
    static final String HIDDEN = "<Hidden>";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CalpendoJson() {
    }

    /** A booking as the list names it: enough to fetch its details. */
    record Listed(long id, String type) {
    }

    /** The body is JSON, but not of the shape the API promises. */
    static final class ShapeException extends IOException {
        private static final long serialVersionUID = 1L;

        ShapeException(String message) {
            super(message);
        }
    }

    /** The body does not even start as JSON (an HTML login page, XML). */
    static final class NotJsonException extends IOException {
        private static final long serialVersionUID = 1L;

        NotJsonException(Throwable cause) {
            super("not JSON", cause);
        }
    }

    /**
     * Reads a whole JSON answer of at most {@code maxChars} characters.
     *
     * @throws NotJsonException when the first token is not JSON
     * @throws JsonParseException when JSON breaks further on (its location tells where)
     * @throws com.fasterxml.jackson.core.exc.StreamConstraintsException when the answer is
     *         longer than {@code maxChars}
     */
    static JsonNode read(InputStream body, long maxChars) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxChars).build())
                // The HTTP client owns the stream and must see whether it ended cleanly.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonParseException e) {
                throw new NotJsonException(e);
            }
            if (first == null) {
                throw new ShapeException("an empty body");
            }
            JsonNode tree = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new ShapeException("more than one JSON value");
            }
            return tree;
        }
    }

    /** The bookings of a list answer, {@code {"biskits": [{"id": 1, ...}, ...]}}. */
    static List<Listed> listed(JsonNode answer) throws ShapeException {
        List<Listed> bookings = new ArrayList<>();
        for (JsonNode biskit : biskits(answer)) {
            long id = id(biskit);
            bookings.add(new Listed(id, text(biskit.get("biskitType"))));
        }
        return bookings;
    }

    /** A detail answer: one object with an id. */
    static JsonNode detail(JsonNode answer, long expectedId) throws ShapeException {
        if (answer == null || !answer.isObject()) {
            throw new ShapeException("a detail answer that is not a JSON object");
        }
        long id = id(answer);
        if (id != expectedId) {
            throw new ShapeException("the details of booking " + id + " when asked for "
                    + "booking " + expectedId);
        }
        return answer;
    }

    /**
     * The operator's name in an answer to {@code .../id/eq/<id>?paths=Operator.name}. Both
     * layouts pylantir met are read: {@code properties.Operator} (an object with a name, or
     * text) and a top-level {@code "Operator.name"} (an object with a formatted name, or
     * text). No biskit, a null, an empty name and {@code <Hidden>} are no operator.
     */
    static Optional<String> operator(JsonNode answer, String property) throws ShapeException {
        List<JsonNode> biskits = biskits(answer);
        if (biskits.isEmpty()) {
            return Optional.empty();
        }
        JsonNode biskit = biskits.get(0);
        JsonNode properties = biskit.get("properties");
        JsonNode value = properties != null && properties.has(property)
                ? properties.get(property) : biskit.get(property + ".name");
        String name = value != null && value.isObject() ? first(value, "name", "formattedName")
                : text(value);
        return name == null || name.isBlank() || HIDDEN.equals(name.trim()) ? Optional.empty()
                : Optional.of(name.trim());
    }

    private static List<JsonNode> biskits(JsonNode answer) throws ShapeException {
        JsonNode list = answer == null ? null : answer.get("biskits");
        if (list == null || !list.isArray()) {
            throw new ShapeException("JSON without the 'biskits' list");
        }
        List<JsonNode> biskits = new ArrayList<>(list.size());
        for (JsonNode biskit : list) {
            if (!biskit.isObject()) {
                throw new ShapeException("a 'biskits' list holding something other than "
                        + "objects");
            }
            biskits.add(biskit);
        }
        return biskits;
    }

    private static long id(JsonNode biskit) throws ShapeException {
        JsonNode id = biskit.get("id");
        if (id != null && id.canConvertToExactIntegral() && id.canConvertToLong()) {
            return id.longValue();
        }
        if (id != null && id.isTextual() && id.asText().matches("\\d{1,18}")) {
            return Long.parseLong(id.asText());
        }
        throw new ShapeException("a booking without a numeric id");
    }

    private static String first(JsonNode object, String... keys) {
        for (String key : keys) {
            String text = text(object.get(key));
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** A scalar's text; null for null, missing, objects and lists. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
