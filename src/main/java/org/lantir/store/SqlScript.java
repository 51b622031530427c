package org.lantir.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into its statements. Each statement ends with a {@code ;} at the
 * end of a line; lines starting with {@code --} are comments. Shared by the worklist store's
 * and the users database's migrations.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code script}, in order; a last one without ';' is kept too. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }

            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }

        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
