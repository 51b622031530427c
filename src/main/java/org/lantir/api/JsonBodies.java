package org.lantir.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads request bodies as JSON objects, at most {@code maxBytes} long, and writes answers.
 * A malformed body is answered with where it breaks, never with what it says (it may hold
 * patient data or a password).
 */
final class JsonBodies {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final long maxBytes;

    JsonBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The body as a JSON object; 413 when too long, 400 when not a JSON object. */
    ObjectNode object(Context ctx) {
        byte[] bytes = read(ctx);
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("the request needs a JSON object as its body");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            throw ApiProblem.badRequest("malformed JSON in the request body" + where);
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body could not be read");
        }
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(413, "the request body is larger than " + maxBytes + " bytes",
                null, Map.of());
    }

    /** Writes {@code value} as the JSON answer with {@code status}. */
    static void answer(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json")
                    .result(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }
}
