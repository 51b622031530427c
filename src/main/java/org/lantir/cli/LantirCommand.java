package org.lantir.cli;

/** The {@code lantir} command line (placeholder until the commands land). */
public final class LantirCommand {

    private LantirCommand() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
