package org.lantir.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The module list of the trimmed runtime: {@code packaging/jlink-modules.txt}. */
final class Modules {

    private Modules() {
    }

    /** One module per line; {@code #} starts a comment. */
    static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
