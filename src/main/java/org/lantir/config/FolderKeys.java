package org.lantir.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.worklist.Modalities;

/**
 * The checks the {@code config} of a folder source gets while the file loads: a CSV folder
 * ({@code csv_folder}) or a folder of DICOM worklist files ({@code wl_folder}). The sources
 * ({@code org.lantir.sync.folder.FolderSources}) read the same values when they are built.
 */
final class FolderKeys {

    /** The keys both folder types read. */
    private static final Set<String> COMMON = Set.of("path", "glob", "settle_seconds",
            "modality", "station_ae_title");
    static final Set<String> CSV_KEYS = union(COMMON, Set.of("encoding", "delimiter",
            "station_name", "protocol_coding_scheme"));
    static final Set<String> WL_KEYS = union(COMMON, Set.of("default_character_set"));

    private FolderKeys() {
    }

    static boolean isFolderType(String type) {
        return DataSourceConfig.TYPE_CSV_FOLDER.equals(type)
                || DataSourceConfig.TYPE_WL_FOLDER.equals(type);
    }

    /** A folder source cannot do without its {@code config.path}. */
    static void checkSource(ConfigNode source) throws ConfigException {
        ConfigNode config = source.object("config");
        if (config == null || config.text("path", null) == null) {
            throw source.error("config.path", "expected the folder the files are dropped in, "
                    + "e.g. \"/srv/lantir/bookings\"");
        }
    }

    static void checkCsv(ConfigNode settings) throws ConfigException {
        checkCommon(settings);
        String encoding = settings.text("encoding", null);
        if (encoding != null && !isCharset(encoding.trim())) {
            throw settings.expected("encoding", "an encoding such as UTF-8, windows-1252 or "
                    + "ISO-8859-1");
        }
        String delimiter = settings.text("delimiter", null);
        if (delimiter != null && !delimiter.equalsIgnoreCase("tab")
                && !delimiter.equals("\\t")
                && (delimiter.length() != 1 || "\"\r\n".contains(delimiter))) {
            throw settings.expected("delimiter", "one character that is not a quote or a "
                    + "line break, e.g. \",\", \";\" or \"tab\"");
        }
        shortText(settings, "station_name");
        shortText(settings, "protocol_coding_scheme");
    }

    static void checkWorklist(ConfigNode settings) throws ConfigException {
        checkCommon(settings);
        String charset = settings.text("default_character_set", null);
        if (charset != null) {
            try {
                SpecificCharacterSet.of(charset.trim().split("\\\\"));
            } catch (IllegalArgumentException e) {
                throw settings.expected("default_character_set", "a Specific Character Set "
                        + "Lantir reads, e.g. \"ISO_IR 100\" or \"ISO_IR 192\"");
            }
        }
    }

    private static void checkCommon(ConfigNode settings) throws ConfigException {
        checkPath(settings);
        String glob = settings.text("glob", null);
        if (glob != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                throw settings.expected("glob", "a file name pattern such as *.csv");
            }
        }
        settings.integer("settle_seconds", 0, 3600, 2, "seconds");
        String modality = settings.text("modality", null);
        if (modality != null && !Modalities.isKnown(modality.trim().toUpperCase(Locale.ROOT))) {
            throw settings.expected("modality", "a DICOM modality such as \"MR\"");
        }
        String station = settings.text("station_ae_title", null);
        if (station != null && !ConfigParser.isAeTitle(station.trim())) {
            throw settings.expected("station_ae_title", "an AE title of 1 to 16 characters");
        }
    }

    /**
     * An absolute folder (or {@code ~/...}): relative to what would be unclear, as a service
     * starts in whatever working folder its system gives it.
     */
    private static void checkPath(ConfigNode settings) throws ConfigException {
        String path = settings.text("path", null);
        if (path == null) {
            return;
        }
        try {
            if (!path.isBlank() && Path.of(ConfigPath.expandHome(path.trim())).isAbsolute()) {
                return;
            }
        } catch (InvalidPathException e) {
            // Reported below.
        }
        throw settings.expected("path", "the folder's absolute path, or one under ~/");
    }

    private static void shortText(ConfigNode settings, String key) throws ConfigException {
        String value = settings.text(key, null);
        if (value != null && (value.isBlank() || value.trim().length() > 16)) {
            throw settings.expected(key, "text of 1 to 16 characters");
        }
    }

    private static boolean isCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
