package org.lantir.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration file as the desktop editor uses it: read with its warnings collected,
 * edited JSON read back, and saved with one backup of the previous file beside it
 * ({@code lantir.json.bak}). Saving writes exactly what the command line reads.
 */
public final class ConfigStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);

    private final Path file;

    public ConfigStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** A configuration read from the file, with what the parser read past. */
    public record Loaded(LantirConfig config, List<String> warnings) {

        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    public Path file() {
        return file;
    }

    /** Where the previous file is kept when a new one is saved. */
    public Path backupFile() {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Reads the file; empty when there is none yet.
     *
     * @throws ConfigException when it cannot be read or is not a valid configuration
     */
    public Optional<Loaded> load() throws ConfigException {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConfigException(file, "", "the file could not be read: " + e, e);
        }
        List<String> warnings = new ArrayList<>();
        return Optional.of(new Loaded(parse(json, warnings::add), warnings));
    }

    /** Reads JSON text as if it were this file (relative paths resolve against its folder). */
    public LantirConfig parse(String json, Consumer<String> warnings) throws ConfigException {
        return ConfigLoader.parse(json, file, file.getParent(), warnings);
    }

    /** Reads JSON shown with {@link ConfigSecrets#maskedJson}, credentials given back. */
    public LantirConfig parseMasked(String json, LantirConfig previous,
            Consumer<String> warnings) throws ConfigException {
        return ConfigSecrets.parseMasked(json, previous, file, file.getParent(), warnings);
    }

    /**
     * Copies the current file to {@link #backupFile()} (replacing an older backup), then
     * replaces the file atomically. The backup keeps the file's permissions: it may hold a
     * token.
     */
    public synchronized void save(LantirConfig config) throws IOException {
        boolean existed = Files.exists(file);
        if (existed) {
            backUp();
        }
        ConfigLoader.save(config, file);
        if (existed) {
            LOG.info("Saved the configuration to {}; the previous file is kept as {}", file,
                    backupFile().getFileName());
        } else {
            LOG.info("Saved the configuration to {}", file);
        }
    }

    private void backUp() throws IOException {
        Path backup = backupFile();
        Path temp = Files.createTempFile(file.getParent(), "." + backup.getFileName(), ".tmp");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(temp, backup, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
