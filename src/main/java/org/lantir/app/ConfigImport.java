package org.lantir.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
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
 */
public final class ConfigImport {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigImport.class);

    private ConfigImport() {
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
        replace(target, json, store.backupFile());
        LOG.info("Copied the configuration {} to {}; the original is unchanged", source,
                target);
        return copied;
    }

    private static void replace(Path target, String json, Path backup) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        if (Files.exists(target)) {
            Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            PosixFileAttributeView view =
                    Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null) {
                // It may hold a REDCap token or a Calpendo password.
                view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
