package org.lantir.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lantir.app.AppPaths;
import org.lantir.app.Lantir;
import org.lantir.app.WorklistImport;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.store.StoreException;
import org.lantir.sync.SourceException;
import org.lantir.sync.folder.FolderContents;
import org.lantir.sync.folder.FolderImport;
import org.lantir.worklist.SyncCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir import <file-or-folder>}: loads CSV files ({@code .csv}, the columns of a
 * {@code csv_folder} source) and DICOM worklist files ({@code .wl}, as dcmtk's wlmscpfs and
 * Orthanc serve them) once into the configured database, without a schedule. The rows are kept
 * under the source {@code import:<name of the file or folder>} (or {@code --source}), so a
 * second import of the same files updates them instead of adding them again.
 *
 * <p>A Lantir serving the same database may keep running: the import writes in batches of
 * rows, one short transaction each, so the server's writes take their turns between them
 * (SQLite in WAL mode), and its next C-FIND sees the rows. An import stopped half-way keeps
 * the batches it committed; running it again finishes it (rows are keyed, nothing doubles).
 *
 * <p>Exit codes: 0 every row loaded; 1 some rows or files were skipped (the others loaded;
 * the reasons are printed); 2 no such file or folder, or a bad option; 3 a bad configuration
 * file; 4 the database cannot be opened or stayed busy.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load .csv and .wl worklist files (a file or a folder) into the "
                + "database once.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Parameters(paramLabel = "FILE_OR_FOLDER",
            description = "A .csv or .wl file, or a folder of them.")
    Path target;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Keep the rows under this source name (default "
                    + "import:<file or folder name>).")
    String source;

    @Option(names = "--remove-missing",
            description = "The files are the source's whole set: its scheduled rows they no "
                    + "longer hold leave the worklist.")
    boolean removeMissing;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of the CSV files (default ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field separator: one character, or tab (default "
                    + "${DEFAULT-VALUE}).")
    String delimiter;

    @Option(names = "--modality", paramLabel = "MODALITY",
            description = "Modality of rows that name none, e.g. MR.")
    String modality;

    @Option(names = "--station", paramLabel = "AETITLE",
            description = "Scheduled Station AE Title of rows that name none.")
    String station;

    @Option(names = "--default-character-set", paramLabel = "TERM",
            description = "Specific Character Set of .wl files that declare none, e.g. "
                    + "\"ISO_IR 100\" (default: ASCII).")
    String defaultCharacterSet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = parent.err();
        FolderImport.Options options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("lantir import: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!Files.exists(target)) {
            err.println("lantir import: no such file or folder: " + target);
            return ExitCodes.USAGE;
        }
        LantirConfig config = parent.loadConfig();
        Path database = Lantir.databaseFile(config,
                AppPaths.dataDirectory().resolve(AppPaths.DATABASE_FILE_NAME));
        String name = source != null && !source.isBlank() ? source.strip()
                : WorklistImport.sourceName(target);
        if (config.dataSource(name).isPresent()) {
            // Its rows would lose their station, or with --remove-missing leave, and the
            // source would not put them back until its own data changed.
            err.println("lantir import: --source " + name + " is a data source of the "
                    + "configuration; an import would change that source's rows behind its "
                    + "back. Choose another name, or drop the files into the source itself");
            return ExitCodes.USAGE;
        }
        WorklistImport.Result result;
        try {
            result = WorklistImport.run(config, database, target, name, removeMissing,
                    options);
        } catch (SourceException e) {
            err.println("lantir import: " + e.getMessage());
            return e.retryable() ? ExitCodes.UNAVAILABLE : ExitCodes.USAGE;
        } catch (StoreException e) {
            err.println("lantir import: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        return report(result, database);
    }

    private FolderImport.Options options() {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding " + encoding + " is no encoding "
                    + "Java knows; e.g. UTF-8, windows-1252, ISO-8859-1");
        }
        char separator;
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            separator = '\t';
        } else if (delimiter.length() == 1 && "\"\r\n".indexOf(delimiter.charAt(0)) < 0) {
            separator = delimiter.charAt(0);
        } else {
            throw new IllegalArgumentException("--delimiter is one character (not a quote), "
                    + "or tab");
        }
        SpecificCharacterSet charsetOfFiles = defaultCharacterSet == null
                ? SpecificCharacterSet.DEFAULT
                : SpecificCharacterSet.of(defaultCharacterSet.split("\\\\"));
        return new FolderImport.Options(charset, separator, modality, station,
                charsetOfFiles);
    }

    private int report(WorklistImport.Result result, Path database) {
        PrintWriter out = parent.out();
        FolderContents contents = result.contents();
        if (contents.files() == 0) {
            out.printf("No .csv or .wl file in %s; nothing imported.%n", target);
            contents.notes().forEach(note -> out.println("  " + note));
            out.flush();
            return ExitCodes.FAILED;
        }
        SyncCounts counts = result.counts();
        out.printf("Imported %d file(s) from %s into %s as source %s:%n", contents.files(),
                target, database, result.source());
        out.printf("%d added, %d updated, %d unchanged, %d removed, %d skipped%n",
                counts.added(), counts.updated(), counts.unchanged(), counts.removed(),
                contents.skippedKeys().size());
        list(out, "Skipped:", List.copyOf(contents.skipReasons().values()));
        list(out, "Notes:", contents.notes());
        out.flush();
        return contents.skippedKeys().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void list(PrintWriter out, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println(heading);
            lines.forEach(line -> out.println("  " + line));
        }
    }
}
