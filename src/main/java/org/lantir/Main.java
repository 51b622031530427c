package org.lantir;

/** Entry point of {@code lantir.jar}: hands the command line to the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(org.lantir.cli.LantirCommand.run(args));
    }
}
