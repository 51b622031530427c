package org.lantir.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Credentials in the configuration (a REDCap token, a Calpendo password, a JWT secret):
 * recognised by their key wherever they sit, hidden when the file's JSON is shown to a person,
 * and given back when the JSON that person edited is read again.
 */
public final class ConfigSecrets {

    /** What a person sees instead of a credential. */
    public static final String MASK = "\u2022".repeat(8);

    private ConfigSecrets() {
    }

    /**
     * Whether a key holds a credential: its name says token, password or secret. Names of
     * environment variables ({@code api_token_env}) are not credentials.
     */
    public static boolean isSecretKey(String key) {
        return ConfigNode.isSecretKey(key) && !key.toLowerCase(Locale.ROOT).endsWith("_env");
    }

    /** The file's JSON for {@code config}, every credential replaced by {@link #MASK}. */
    public static String maskedJson(LantirConfig config) {
        ObjectNode tree = ConfigWriter.toJson(config);
        mask(tree);
        return ConfigLoader.write(tree);
    }

    /**
     * Reads JSON that was shown with {@link #maskedJson} and then edited: each {@link #MASK}
     * gets back the credential the same place held in {@code previous} (sources are matched by
     * name, else by position). A mask with nothing to stand for is an error naming its path.
     */
    public static LantirConfig parseMasked(String json, LantirConfig previous, Path file,
            Path baseDir, Consumer<String> warnings) throws ConfigException {
        JsonNode edited = ConfigLoader.tree(json, file);
        if (edited instanceof ObjectNode object) {
            unmask(object, ConfigWriter.toJson(previous), "", file);
        }
        return ConfigLoader.parseTree(edited, file, baseDir, warnings);
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (isSecretKey(field.getKey()) && isCredential(field.getValue())) {
                    field.setValue(object.textNode(MASK));
                } else {
                    mask(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(ConfigSecrets::mask);
        }
    }

    private static boolean isCredential(JsonNode value) {
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty();
    }

    private static void unmask(ObjectNode edited, JsonNode previous, String path, Path file)
            throws ConfigException {
        for (var field : edited.properties()) {
            String name = field.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            JsonNode before = previous == null ? null : previous.get(name);
            JsonNode value = field.getValue();
            if (isSecretKey(name) && value.isTextual() && MASK.equals(value.asText())) {
                if (before == null || !isCredential(before)) {
                    throw new ConfigException(file, at, "the hidden value stands for no "
                            + "credential here; type the credential itself");
                }
                field.setValue(before);
            } else if (value instanceof ObjectNode object) {
                unmask(object, before, at, file);
            } else if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof ObjectNode element) {
                        unmask(element, counterpart(before, element, i), at + "[" + i + "]",
                                file);
                    }
                }
            }
        }
    }

    /** The element of the previous list with the same {@code name}, else the same position. */
    private static JsonNode counterpart(JsonNode previousList, ObjectNode element, int index) {
        if (previousList == null || !previousList.isArray()) {
            return null;
        }
        JsonNode name = element.get("name");
        if (name != null && name.isTextual()) {
            for (JsonNode candidate : previousList) {
                if (name.equals(candidate.get("name"))) {
                    return candidate;
                }
            }
        }
        return previousList.get(index);
    }
}
