package org.lantir.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON trees and plain immutable Java values (maps keeping key order, lists,
 * strings, numbers, booleans, null), for the parts of the file whose shape belongs to a data
 * source rather than to the configuration model.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toJava(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            map.put(field.getKey(), toJava(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** A deep, immutable, order-keeping copy of a map built from JSON-like values. */
    static Map<String, Object> copyOf(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return toMap(toJson(map));
    }

    static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = f.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = f.arrayNode();
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        return scalar(f, value);
    }

    private static JsonNode scalar(JsonNodeFactory f, Object value) {
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return f.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof BigInteger big) {
            return f.numberNode(big);
        }
        if (value instanceof BigDecimal dec) {
            return f.numberNode(dec);
        }
        if (value instanceof Number n) {
            return f.numberNode(n.doubleValue());
        }
        return f.textNode(String.valueOf(value));
    }
}
