package org.lantir.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * Reads and writes the configuration file: the Python tool's JSON (its {@code data_sources}
 * format and its legacy flat format) plus Lantir's {@code lantir} section.
 *
 * <p>Reading checks every value it uses and fails with a {@link ConfigException} naming the
 * file, the JSON path and what was expected; unknown keys are reported with a WARN line and
 * kept, so that saving the file does not drop them. Writing replaces the file atomically and
 * keeps its permissions (the file may hold a REDCap token).
 */
public final class ConfigLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigLoader() {
    }

    /** Reads a file; relative paths inside it resolve against its folder. */
    public static LantirConfig load(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        return parse(read(absolute), absolute, absolute.getParent());
    }

    /**
     * Reads JSON text that did not come from a file ({@code file} may be null: it only names
     * the origin in messages); relative paths resolve against {@code baseDir}.
     */
    public static LantirConfig parse(String json, Path file, Path baseDir)
            throws ConfigException {
        return parse(json, file, baseDir, ConfigNode.LOG_WARNINGS);
    }

    /**
     * As {@link #parse(String, Path, Path)}, with warnings (unknown keys, the legacy format)
     * handed to {@code warnings} instead of the log: an editor shows them while a person
     * types, without a WARN line per keystroke.
     */
    public static LantirConfig parse(String json, Path file, Path baseDir,
            Consumer<String> warnings) throws ConfigException {
        return parseTree(tree(json, file), file, baseDir, warnings);
    }

    static LantirConfig parseTree(JsonNode root, Path file, Path baseDir,
            Consumer<String> warnings) throws ConfigException {
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(file, "", "the file is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            throw new ConfigException(file, "", "expected a JSON object at the top level");
        }
        return ConfigParser.parse(new ConfigNode(file, "", root, warnings), baseDir);
    }

    /** The file's JSON text for a configuration (4-space indented, as the Python tool's). */
    public static String toJson(LantirConfig config) {
        return write(ConfigWriter.toJson(config));
    }

    /** JSON text as the file holds it (4-space indented, as the Python tool's). */
    public static String write(JsonNode tree) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("configuration could not be written as JSON", e);
        }
    }

    /** Writes the file through a temporary file in the same folder, then moves it in place. */
    public static void save(LantirConfig config, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            copyPermissions(target, temp);
            Files.writeString(temp, write(layoutOf(config, target)), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The configuration's JSON shaped like the file it replaces ({@link ConfigLayout}); all of
     * it when there is no such file or it is not a JSON object (a broken file is replaced).
     */
    private static JsonNode layoutOf(LantirConfig config, Path target) {
        ObjectNode written = ConfigWriter.toJson(config);
        if (!Files.exists(target)) {
            return written;
        }
        try {
            JsonNode previous = MAPPER.readTree(Files.readString(target, StandardCharsets.UTF_8));
            if (previous instanceof ObjectNode before) {
                return ConfigLayout.follow(written, before,
                        ConfigWriter.toJson(LantirConfig.defaults()));
            }
        } catch (IOException e) {
            // Unreadable or not JSON: it is replaced whole, as the editor was told to.
        }
        return written;
    }

    private static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "", "the file does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file, "", "the file may not be read (access denied)");
        } catch (IOException e) {
            throw new ConfigException(file, "", "the file could not be read: " + e, e);
        }
    }

    static JsonNode tree(String json, Path file) throws ConfigException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            throw new ConfigException(file, "", "not valid JSON" + where + ": "
                    + withoutQuotedText(e.getOriginalMessage()));
        }
    }

    /** Drops quoted excerpts from a parser message: they could echo a token's text. */
    static String withoutQuotedText(String message) {
        String firstLine = message == null ? "" : message.split("\n", 2)[0];
        // Jackson names a start marker with its parser settings ("[Source: REDACTED
        // (`StreamReadFeature...` disabled); line: 1, column: 73]"): the place is enough.
        firstLine = firstLine.replaceAll(
                "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        return firstLine.replaceAll("'[^']{4,}'", "'…'").replaceAll("\"[^\"]{4,}\"", "\"…\"");
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (Files.exists(from)) {
            view.setPermissions(Files.getPosixFilePermissions(from));
        } else {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }
}
