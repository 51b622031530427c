package org.lantir.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the dcmtk command line tools (dump2dcm, dcmdump, findscu, echoscu, ...) for
 * interoperability tests. A missing tool skips the test, except under {@code CI=true} where it
 * fails it (the CI image installs dcmtk; a silently skipped peer would hide a broken setup).
 *
 * <p>Output goes to files, not pipes, so a chatty tool cannot block; every run has a timeout
 * after which the process is killed and the test fails.
 */
public final class Dcmtk {

    /** Long enough for any dcmtk tool on a loaded 2-core machine; guards hangs only. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> FALLBACK_DIRS = List.of("/usr/bin", "/usr/local/bin");
    private static final int PREAMBLE = 128;

    private Dcmtk() {
    }

    /** Whether the tests run in CI ({@code CI=true}), where a missing peer is a failure. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The executable of a tool, looked up on PATH and then in /usr/bin and /usr/local/bin. */
    public static Optional<Path> find(String tool) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(Arrays.asList(path.split(File.pathSeparator)));
        }
        dirs.addAll(FALLBACK_DIRS);
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The executable of a tool. When it is missing: under {@code CI=true} the test fails,
     * otherwise it is skipped (JUnit assumption).
     */
    public static Path require(String tool) {
        Optional<Path> found = find(tool);
        if (found.isEmpty()) {
            String message = "dcmtk tool '" + tool + "' not found on PATH (apt-get install dcmtk)";
            if (isCi()) {
                fail(message + "; CI=true requires it");
            }
            assumeTrue(false, message);
        }
        return found.get();
    }

    /** Runs a tool with the default timeout. */
    public static Result run(String tool, String... args) throws IOException {
        return run(DEFAULT_TIMEOUT, tool, args);
    }

    /**
     * Runs a tool to completion and captures its exit code and output.
     *
     * @throws AssertionError (test failure) when it does not end within {@code timeout}
     */
    public static Result run(Duration timeout, String tool, String... args) throws IOException {
        Path out = Files.createTempFile("dcmtk-" + tool, ".out");
        Path err = Files.createTempFile("dcmtk-" + tool, ".err");
        try {
            Process process = start(out, err, tool, args);
            if (!waitFor(process, timeout)) {
                process.destroyForcibly();
                fail(tool + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), text(out), text(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Starts a long-running tool (a test SCP such as wlmscpfs), its output appended to the
     * two files. The caller stops it ({@link Process#destroy()}) when done.
     */
    public static Process start(Path stdout, Path stderr, String tool, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(require(tool).toString());
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /**
     * A tool's output as UTF-8, malformed bytes replaced: verbose tools echo data sets
     * byte for byte, e.g. a Latin-1 Patient's Name.
     */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for dcmtk", e);
        }
    }

    /**
     * Converts a dcmtk text dump to the bytes of a bare data set (no preamble, no meta
     * header) with {@code dump2dcm -F}; {@code options} add e.g. {@code +ti} / {@code +te}
     * (transfer syntax), {@code -e} (undefined lengths), {@code +l 20000} (long lines).
     */
    public static byte[] dump2dcm(Path dump, String... options) throws IOException {
        Path dataset = Files.createTempFile("dump2dcm", ".dcm");
        try {
            List<String> args = new ArrayList<>(List.of("-F"));
            args.addAll(Arrays.asList(options));
            args.add(dump.toString());
            args.add(dataset.toString());
            run("dump2dcm", args.toArray(new String[0])).requireSuccess("dump2dcm " + dump);
            return Files.readAllBytes(dataset);
        } finally {
            Files.deleteIfExists(dataset);
        }
    }

    /**
     * The data set of a DICOM file (PS3.10 §7.1): skips the 128-byte preamble, "DICM" and the
     * group 0002 meta information, whose length its first element (0002,0000) gives.
     *
     * @throws IllegalArgumentException when the bytes are not such a file
     */
    public static byte[] datasetOfFile(byte[] file) {
        int magic = PREAMBLE;
        boolean dicm = file.length >= magic + 16
                && new String(file, magic, 4, StandardCharsets.US_ASCII).equals("DICM");
        boolean groupLength = dicm && file[magic + 4] == 0x02 && file[magic + 5] == 0
                && file[magic + 6] == 0 && file[magic + 7] == 0;
        if (!groupLength) {
            throw new IllegalArgumentException("Not a DICOM file with a meta group length");
        }
        int valueAt = magic + 12;
        long metaLength = (file[valueAt] & 0xFFL) | (file[valueAt + 1] & 0xFFL) << 8
                | (file[valueAt + 2] & 0xFFL) << 16 | (file[valueAt + 3] & 0xFFL) << 24;
        int start = Math.toIntExact(valueAt + 4 + metaLength);
        return Arrays.copyOfRange(file, start, file.length);
    }

    /**
     * The exit code and output of a finished tool.
     *
     * @param exitCode the process exit code
     * @param stdout standard output, as UTF-8
     * @param stderr standard error, as UTF-8
     */
    public record Result(int exitCode, String stdout, String stderr) {

        /**
         * Fails the test unless the tool exited with 0 and wrote no dcmtk error line
         * ("E: ..."; dump2dcm, for one, reports some errors with exit code 0).
         */
        public Result requireSuccess(String what) {
            boolean errorLine = stderr.lines().anyMatch(line -> line.startsWith("E:"));
            if (exitCode != 0 || errorLine) {
                fail(what + " failed with exit code " + exitCode + ":\n" + stderr + stdout);
            }
            return this;
        }
    }
}
