package org.lantir.sync.folder;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.sync.SourceException;

/**
 * Reads a CSV file, a DICOM worklist file, or every such file of a folder once, as
 * {@code lantir import} does: {@code .csv} files as a {@code csv_folder} source reads them,
 * {@code .wl} files as a {@code wl_folder} source does (names compared without case), other
 * files counted and left alone.
 */
public final class FolderImport {

    private static final String CSV = ".csv";
    private static final String WL = ".wl";

    private FolderImport() {
    }

    /**
     * How the files are read; the same settings as the folder sources' {@code config}.
     *
     * @param encoding the CSV files' encoding
     * @param delimiter the CSV field separator
     * @param modality Modality of rows that name none, or null
     * @param stationAeTitle Scheduled Station AE Title of rows that name none, or null
     * @param defaultCharacterSet the character set of worklist files that declare none
     */
    public record Options(Charset encoding, char delimiter, String modality,
            String stationAeTitle, SpecificCharacterSet defaultCharacterSet) {

        public Options {
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(defaultCharacterSet, "defaultCharacterSet");
            modality = modality == null ? null : modality.strip().toUpperCase(Locale.ROOT);
        }

        /** UTF-8, comma, nothing filled in, the default repertoire. */
        public static Options defaults() {
            return new Options(StandardCharsets.UTF_8, ',', null, null,
                    SpecificCharacterSet.DEFAULT);
        }
    }

    /** Whether a file name is one {@code lantir import} reads. */
    public static boolean isImportable(String fileName) {
        return isCsv(fileName) || isWorklist(fileName);
    }

    /**
     * Reads {@code target} once.
     *
     * @throws SourceException when it does not exist, is a file of another kind, or cannot
     *         be read
     */
    public static FolderContents read(Path target, Options options) throws SourceException {
        String owner = "Import of " + target;
        CsvFiles csv = new CsvFiles(new CsvSettings(options.encoding(), options.delimiter(),
                options.modality(), options.stationAeTitle(), null,
                CsvSettings.DEFAULT_PROTOCOL_SCHEME));
        WorklistFiles worklist = new WorklistFiles(new WorklistFileSettings(
                options.defaultCharacterSet(), options.modality(), options.stationAeTitle()));
        if (Files.isDirectory(target)) {
            FolderContents read = FolderContents.of(List.of(
                    catalog(owner, target, FolderImport::isCsv, csv).scan(),
                    catalog(owner, target, FolderImport::isWorklist, worklist).scan()));
            return withOthers(read, others(target));
        }
        if (!Files.isRegularFile(target)) {
            throw new SourceException("No such file or folder: " + target, false);
        }
        String name = target.getFileName().toString();
        Path folder = target.toAbsolutePath().getParent();
        FileFormat format = isCsv(name) ? csv : isWorklist(name) ? worklist : null;
        if (format == null) {
            throw new SourceException(target + " is neither a .csv nor a .wl file", false);
        }
        return FolderContents.of(List.of(catalog(owner, folder, name::equals, format)
                .scan()));
    }

    private static FolderCatalog catalog(String owner, Path folder, Predicate<String> names,
            FileFormat format) {
        return new FolderCatalog(owner, folder, names, format, Duration.ZERO,
                Clock.systemUTC());
    }

    /** How many files of the folder are not read: neither .csv nor .wl, or hidden. */
    private static int others(Path folder) throws SourceException {
        int others = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && (name.startsWith(".")
                        || !isImportable(name))) {
                    others++;
                }
            }
        } catch (IOException e) {
            throw new SourceException("The folder " + folder + " cannot be read", false, e);
        }
        return others;
    }

    private static FolderContents withOthers(FolderContents read, int others) {
        if (others == 0) {
            return read;
        }
        List<String> notes = new ArrayList<>(read.notes());
        notes.add(others + " other file(s) in the folder left alone (only .csv and .wl files "
                + "are read)");
        return new FolderContents(read.rows(), read.skippedKeys(), read.skipReasons(), notes,
                read.files());
    }

    private static boolean isCsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(CSV);
    }

    private static boolean isWorklist(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(WL);
    }
}
