package org.lantir.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The command line's tables: the first row holds the headings; each column is as wide as its
 * widest cell, two spaces apart, and a line's trailing blanks are dropped.
 */
final class TextTable {

    private TextTable() {
    }

    /** Prints {@code rows} with every column left-aligned. */
    static void print(List<String[]> rows, PrintWriter out) {
        print(rows, out, column -> false);
    }

    /** Prints {@code rows}, right-aligning the columns {@code rightAligned} accepts. */
    static void print(List<String[]> rows, PrintWriter out, IntPredicate rightAligned) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }

        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%" + (rightAligned.test(i) ? "" : "-")
                        + widths[i] + "s", row[i]));
                line.append(i < row.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
