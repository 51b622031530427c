package org.lantir.sync.folder;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import org.lantir.config.ConfigPath;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.sync.SourceException;
import org.lantir.sync.SourceFactory;

/**
 * Builds the folder sources of the configuration, {@code csv_folder} and {@code wl_folder},
 * from their {@code config} keys (checked when the file loads, see
 * {@code org.lantir.config.FolderKeys}):
 *
 * <pre>
 * path                    the folder (absolute, or ~/...); required
 * glob                    which files ("*.csv" / "*.wl"); names starting with "." never
 * settle_seconds          a file changed less than this ago is read at a later run (2)
 * modality, station_ae_title  for rows that name none
 * csv_folder: encoding ("UTF-8"), delimiter (","; "tab" for a tab), station_name,
 *             protocol_coding_scheme ("99LANTIR")
 * wl_folder:  default_character_set (for files that declare none; e.g. "ISO_IR 100")
 * </pre>
 */
public final class FolderSources {

    /** Builds {@code csv_folder} sources for {@link org.lantir.sync.ConfiguredSources}. */
    public static final SourceFactory CSV = (config, source, env) ->
            csv(source, Clock.systemUTC());
    /** Builds {@code wl_folder} sources for {@link org.lantir.sync.ConfiguredSources}. */
    public static final SourceFactory WORKLIST = (config, source, env) ->
            worklist(source, Clock.systemUTC());

    static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);

    private FolderSources() {
    }

    static FolderSource csv(DataSourceConfig source, Clock clock) throws SourceException {
        String label = "CSV folder source '" + source.name() + "'";
        CsvFiles format = new CsvFiles(csvSettings(label, source));
        return new FolderSource(source.name(), label, catalog(label, source, format, clock));
    }

    static FolderSource worklist(DataSourceConfig source, Clock clock) throws SourceException {
        String label = "DICOM worklist folder source '" + source.name() + "'";
        WorklistFiles format = new WorklistFiles(worklistSettings(label, source));
        return new FolderSource(source.name(), label, catalog(label, source, format, clock));
    }

    private static FolderCatalog catalog(String label, DataSourceConfig source,
            FileFormat format, Clock clock) throws SourceException {
        String path = source.setting("path");
        if (path == null) {
            throw new SourceException(label + ": no folder; set config.path", false);
        }
        Path folder = ConfigPath.resolve(path, Path.of("").toAbsolutePath()).path();
        String glob = source.setting("glob");
        Predicate<String> names = matcher(label, glob == null ? format.defaultGlob() : glob);
        Duration settle = source.settings().get("settle_seconds") instanceof Number n
                ? Duration.ofSeconds(n.longValue()) : DEFAULT_SETTLE;
        return new FolderCatalog(label, folder, names, format, settle, clock);
    }

    static CsvSettings csvSettings(String label, DataSourceConfig source)
            throws SourceException {
        return new CsvSettings(charset(label, source.setting("encoding")),
                delimiter(label, source.settings().get("delimiter")),
                upper(source.setting("modality")), source.setting("station_ae_title"),
                source.setting("station_name"),
                orElse(source.setting("protocol_coding_scheme"),
                        CsvSettings.DEFAULT_PROTOCOL_SCHEME));
    }

    static WorklistFileSettings worklistSettings(String label, DataSourceConfig source)
            throws SourceException {
        return new WorklistFileSettings(characterSet(label,
                source.setting("default_character_set")), upper(source.setting("modality")),
                source.setting("station_ae_title"));
    }

    /** A glob over file names ({@code *.csv}, {@code bookings-*.{csv,txt}}). */
    static Predicate<String> matcher(String label, String glob) throws SourceException {
        try {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return name -> matcher.matches(Path.of(name));
        } catch (IllegalArgumentException e) {
            throw new SourceException(label + ": config.glob is not a file name pattern such "
                    + "as *.csv", false);
        }
    }

    static Charset charset(String label, String name) throws SourceException {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new SourceException(label + ": config.encoding names no encoding Java "
                    + "knows; e.g. UTF-8, windows-1252, ISO-8859-1", false);
        }
    }

    /** One character; {@code "tab"} or a tab for a tab. */
    static char delimiter(String label, Object value) throws SourceException {
        if (value == null) {
            return ',';
        }
        String text = String.valueOf(value);
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1 || "\"\r\n".indexOf(text.charAt(0)) >= 0) {
            throw new SourceException(label + ": config.delimiter is one character (not a "
                    + "quote or a line break), e.g. \",\" or \";\" or \"tab\"", false);
        }
        return text.charAt(0);
    }

    static SpecificCharacterSet characterSet(String label, String term)
            throws SourceException {
        if (term == null) {
            return SpecificCharacterSet.DEFAULT;
        }
        try {
            return SpecificCharacterSet.of(term.split("\\\\"));
        } catch (IllegalArgumentException e) {
            throw new SourceException(label + ": config.default_character_set is not a "
                    + "Specific Character Set Lantir reads, e.g. \"ISO_IR 100\" or "
                    + "\"ISO_IR 192\"", false);
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
