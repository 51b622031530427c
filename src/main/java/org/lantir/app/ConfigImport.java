package org.lantir.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigLoader;
import org.lantir.config.ConfigStore;
import org.lantir.config.LantirConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Open an existing pylantir config": the chosen file is copied, byte for byte, over Lantir's
 * configuration file in the data folder; the original is never written, so the Python tool
 * keeps using it as it was. The file it replaces is kept as {@code lantir.json.bak}.
 *
 * <p>A copy, rather than a pointer to the original, so that Lantir's later saves (which add
 * its {@code lantir} section) never change a file the Python tool still reads. The one thing
 * a copy would change is what relative paths mean (they resolve against the file's folder):
 * such a file is refused with a message, rather than quietly pointing at another database;
 * {@code lantir --config FILE} uses a file where it is.
 *
 * <p>A pylantir file has no {@code lantir} section. Copying it alone would drop the running
 * Lantir's own settings (its server's bind address, port and AE title, the desktop's
 * settings...) back to the defaults, e.g. from 127.0.0.1 to every interface; so the section of
 * the file it replaces is kept, and the pylantir keys come from the imported file as they are.
 */
public final class ConfigImport {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigImport.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Lantir's own settings; pylantir reads past this key. */
    private static final String LANTIR_SECTION = "lantir";

    private ConfigImport() {
    }

    /**
     * What an import copied.
     *
     * @param config the configuration now in the store's file
     * @param keptLantirSection whether the replaced file's {@code lantir} section was kept,
     *        the imported file having none
     */
    public record Copied(LantirConfig config, boolean keptLantirSection) {
    }

    /**
     * Checks {@code original} and copies it over {@code store}'s file.
     *
     * @return the configuration now in {@code store}'s file
     * @throws ConfigException when the file is no valid configuration, is the file itself, or
     *         names files by paths relative to its own folder
     */
    public static LantirConfig copyIn(Path original, ConfigStore store, Consumer<String> warnings)
            throws ConfigException, IOException {
        return importFile(original, store, warnings).config();
    }

    /**
     * As {@link #copyIn}, and says whether the replaced file's {@code lantir} section was kept
     * (when the imported file has none of its own).
     */
    public static Copied importFile(Path original, ConfigStore store, Consumer<String> warnings)
            throws ConfigException, IOException {
        Path source = original.toAbsolutePath().normalize();
        Path target = store.file();
        if (source.equals(target)) {
            throw new ConfigException(source, "", "this is already Lantir's configuration file");
        }
        LantirConfig where = ConfigLoader.load(source);
        String json = Files.readString(source, StandardCharsets.UTF_8);
        LantirConfig copied = store.parse(json, warnings);
        if (!copied.equals(where)) {
            throw new ConfigException(source, "", "it names files by paths relative to its "
                    + "own folder, which would mean other files in a copy; write those paths "
                    + "in full (or starting with ~), or start Lantir with --config " + source
                    + " to use the file where it is");
        }
        JsonNode kept = lantirSectionToKeep(json, target);
        if (kept != null) {
            ObjectNode merged = (ObjectNode) MAPPER.readTree(json);
            merged.set(LANTIR_SECTION, kept);
            json = ConfigLoader.write(merged);
            copied = store.parse(json, warnings);
        }
        replace(target, json, store.backupFile());
        LOG.info("Copied the configuration {} to {}; the original is unchanged{}", source,
                target, kept == null ? "" : " (Lantir's own settings kept from " + target + ")");
        return new Copied(copied, kept != null);
    }

    /**
     * The current file's {@code lantir} section when the imported text has none; null when it
     * has its own, or there is nothing to keep (no file yet, or one that is not JSON).
     */
    private static JsonNode lantirSectionToKeep(String importedJson, Path target)
            throws IOException {
        if (MAPPER.readTree(importedJson).has(LANTIR_SECTION) || !Files.exists(target)) {
            return null;
        }
        try {
            JsonNode current = MAPPER.readTree(Files.readString(target, StandardCharsets.UTF_8));
            JsonNode section = current == null ? null : current.get(LANTIR_SECTION);
            return section != null && section.isObject() ? section : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException broken) {
            return null;
        }
    }

    private static void replace(Path target, String json, Path backup) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        if (Files.exists(target)) {
            Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path temp = OwnerOnlyTempFile.write(target, json);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
