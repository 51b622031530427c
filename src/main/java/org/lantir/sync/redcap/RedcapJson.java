package org.lantir.sync.redcap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads REDCap's JSON answers as a stream: a list of flat objects becomes a list of maps of
 * strings (REDCap sends every value as a string, except {@code redcap_repeat_instance}, a
 * number on instance rows), without holding the body text. An object with an {@code error}
 * key is REDCap's error shape.
 */
final class RedcapJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The HTTP client owns the body stream: the parser must not close it. */
    private static final JsonFactory FACTORY = MAPPER.getFactory().copy()
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private RedcapJson() {
    }

    /** The answer's shape problem, reported by {@link #readRows}. */
    static final class ShapeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String errorText;

        ShapeException(String message, String errorText) {
            super(message);
            this.errorText = errorText;
        }

        /** REDCap's own {@code error} text, or null when the body had another shape. */
        String errorText() {
            return errorText;
        }
    }

    /** The body does not even start as JSON (an HTML page, "ERROR: ..." text). */
    static final class NotJsonException extends IOException {
        private static final long serialVersionUID = 1L;

        NotJsonException(Throwable cause) {
            super("not JSON", cause);
        }
    }

    /**
     * Reads a JSON list of flat objects.
     *
     * @throws ShapeException when the body is JSON of another shape
     * @throws NotJsonException when the body does not start as JSON
     * @throws JsonParseException when JSON breaks further on (the location tells where)
     */
    static List<Map<String, String>> readRows(InputStream body) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = firstToken(parser);
            if (first == JsonToken.START_OBJECT) {
                JsonNode object = MAPPER.readTree(parser);
                JsonNode error = object.get("error");
                throw new ShapeException("a JSON object where a list was expected",
                        error == null ? null : error.asText());
            }
            if (first != JsonToken.START_ARRAY) {
                throw new ShapeException("no JSON list (found " + first + ")", null);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                rows.add(readRow(parser));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new ShapeException("a list holding something other than objects", null);
            }
            return rows;
        }
    }

    private static JsonToken firstToken(JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonParseException e) {
            throw new NotJsonException(e);
        }
    }

    private static Map<String, String> readRow(JsonParser parser) throws IOException {
        Map<String, String> row = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isStructStart()) {
                parser.skipChildren();
            } else {
                row.put(name, value == JsonToken.VALUE_NULL ? "" : parser.getText());
            }
        }
        return row;
    }

    /** REDCap's {@code {"error": "..."}} text in an error body, or null. */
    static String errorText(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node != null && node.isObject() && node.has("error")) {
                return node.get("error").asText();
            }
        } catch (IOException notJson) {
            return null;
        }
        return null;
    }
}
