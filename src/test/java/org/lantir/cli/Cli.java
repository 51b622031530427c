package org.lantir.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** Runs {@code lantir} in-process, its standard output and error captured. */
final class Cli {

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LantirCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args);
        return new Run(Arrays.asList(args).toString(), code, out.toString(), err.toString());
    }

    /**
     * One run of the command line.
     *
     * @param args the command line, for messages
     * @param exitCode what {@code lantir} would exit with
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    record Run(String args, int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "lantir " + args + " -> " + exitCode + "\n--- out:\n" + out + "--- err:\n"
                    + err;
        }
    }
}
