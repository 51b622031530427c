package org.lantir.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements that make a store file of the newest schema look as an older Lantir left it:
 * the columns later migrations added are dropped and {@code user_version} is set back, so
 * that opening the file runs those migrations for real. Data migrations (version 2's source
 * keys) are left to the tests that need them.
 */
final class OlderSchemas {

    /** The columns version 3 added ({@code V003__worklist_comments.sql}). */
    static final List<String> VERSION_3_COLUMNS = List.of("patient_comments",
            "requested_procedure_comments", "sps_comments");
    /** The column version 4 added ({@code V004__extra_attributes.sql}). */
    static final List<String> VERSION_4_COLUMNS = List.of("extra_attributes");
    /** The columns version 5 added ({@code V005__scheduled_end.sql}). */
    static final List<String> VERSION_5_COLUMNS = List.of("scheduled_end_date",
            "scheduled_end_time");

    private OlderSchemas() {
    }

    /** For {@link PylantirFiles#execute}: back to schema {@code version} (1 to 4). */
    static String[] downgradeTo(int version) {
        if (version < 1 || version >= SchemaMigrator.latestVersion()) {
            throw new IllegalArgumentException("no older schema " + version);
        }
        List<String> statements = new ArrayList<>();
        List<String> dropped = new ArrayList<>(VERSION_5_COLUMNS);
        if (version < 4) {
            dropped.addAll(VERSION_4_COLUMNS);
        }
        if (version < 3) {
            dropped.addAll(VERSION_3_COLUMNS);
        }
        for (String column : dropped) {
            statements.add("ALTER TABLE worklist_item DROP COLUMN " + column);
        }
        statements.add("PRAGMA user_version = " + version);
        return statements.toArray(new String[0]);
    }
}
