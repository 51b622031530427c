package org.lantir.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Where the user commands ask their questions. On a terminal, through {@link Console}:
 * passwords are read without echo. Without one (a pipe, a script, a test), each answer is the
 * next line of standard input, the prompts go to standard error so standard output stays the
 * command's result, and nothing can be hidden: give passwords this way only from a file or
 * pipe that no one else can read.
 */
abstract class Terminal {

    /** The console when there is one, else standard input with prompts on {@code prompts}. */
    static Terminal open(PrintWriter prompts) {
        Console console = System.console();
        return console != null ? new OnConsole(console)
                : new OnStreams(System.in, Charset.defaultCharset(), prompts);
    }

    /** The answer, without its line end. */
    abstract String readLine(String prompt) throws NoAnswerException;

    /** The answer, not echoed where the terminal allows; the caller wipes it after use. */
    abstract char[] readPassword(String prompt) throws NoAnswerException;

    /** The input ended before the question was answered. */
    static final class NoAnswerException extends Exception {
        private static final long serialVersionUID = 1L;

        NoAnswerException(String prompt) {
            super("no answer to \"" + prompt.strip() + "\" (input ended)");
        }
    }

    private static final class OnConsole extends Terminal {
        private final Console console;

        OnConsole(Console console) {
            this.console = console;
        }

        @Override
        String readLine(String prompt) throws NoAnswerException {
            String line = console.readLine("%s", prompt);
            if (line == null) {
                throw new NoAnswerException(prompt);
            }
            return line;
        }

        @Override
        char[] readPassword(String prompt) throws NoAnswerException {
            char[] password = console.readPassword("%s", prompt);
            if (password == null) {
                throw new NoAnswerException(prompt);
            }
            return password;
        }
    }

    private static final class OnStreams extends Terminal {
        private final BufferedReader in;
        private final PrintWriter prompts;

        OnStreams(InputStream in, Charset charset, PrintWriter prompts) {
            this.in = new BufferedReader(new InputStreamReader(in, charset));
            this.prompts = prompts;
        }

        @Override
        String readLine(String prompt) throws NoAnswerException {
            prompts.print(prompt);
            prompts.flush();
            try {
                String line = in.readLine();
                // Nothing echoes the answer here: end the prompt's line for the next one.
                prompts.println();
                if (line == null) {
                    throw new NoAnswerException(prompt);
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read standard input", e);
            }
        }

        @Override
        char[] readPassword(String prompt) throws NoAnswerException {
            return readLine(prompt).toCharArray();
        }
    }
}
