package org.lantir.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Shapes a configuration about to be saved like the file it replaces, so that a save from the
 * desktop changes only what was changed: keys keep the file's order (a {@code _comment} key
 * stays beside the key it describes), and a key the file left out is still left out while it
 * holds its default. New keys and changed values follow in the order Lantir writes them.
 */
final class ConfigLayout {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConfigLayout() {
    }

    /**
     * {@code written} in the layout of {@code previous}.
     *
     * @param defaults what Lantir writes for a configuration of defaults, or null where there
     *     are none to compare with (inside lists)
     */
    static ObjectNode follow(ObjectNode written, ObjectNode previous, JsonNode defaults) {
        ObjectNode shaped = F.objectNode();
        Iterator<String> previousKeys = previous.fieldNames();
        while (previousKeys.hasNext()) {
            String key = previousKeys.next();
            JsonNode value = written.get(key);
            if (value != null) {
                shaped.set(key, followValue(value, previous.get(key), child(defaults, key)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!previous.has(field.getKey())) {
                addNew(shaped, field.getKey(), field.getValue(), child(defaults, field.getKey()));
            }
        }
        return shaped;
    }

    private static JsonNode followValue(JsonNode value, JsonNode previous, JsonNode defaults) {
        if (value instanceof ObjectNode object && previous instanceof ObjectNode before) {
            return follow(object, before, defaults);
        }
        if (value instanceof ArrayNode list && previous instanceof ArrayNode before) {
            // A list's items (data sources) are matched by position; their defaults depend
            // on their type, so only their order is kept, nothing left out.
            ArrayNode shaped = F.arrayNode();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                shaped.add(i < before.size() ? followValue(item, before.get(i), null) : item);
            }
            return shaped;
        }
        return value;
    }

    /** A key the file did not have: written unless it only says the default. */
    private static void addNew(ObjectNode shaped, String key, JsonNode value,
            JsonNode defaults) {
        if (defaults == null) {
            shaped.set(key, value);
            return;
        }
        if (value.equals(defaults)) {
            return;
        }
        if (value instanceof ObjectNode object && defaults.isObject()) {
            ObjectNode changed = follow(object, F.objectNode(), defaults);
            if (!changed.isEmpty()) {
                shaped.set(key, changed);
            }
            return;
        }
        shaped.set(key, value);
    }

    private static JsonNode child(JsonNode node, String key) {
        return node == null ? null : node.get(key);
    }
}
