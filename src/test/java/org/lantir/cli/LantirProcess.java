package org.lantir.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code lantir start} as its own process ({@code java -cp <the product's classes and
 * libraries> org.lantir.Main start ...}), the way a site runs it, stopped by SIGTERM as
 * Ctrl+C or a service manager would. Output goes to files, so a chatty server cannot block.
 */
final class LantirProcess implements AutoCloseable {

    /** Guards hangs only: a JVM start on a loaded 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern LISTENING =
            Pattern.compile("Lantir is listening on \\S+:(\\d+) as (\\S+);");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Pattern listening;
    private int port;

    private LantirProcess(Process process, Path stdout, Path stderr, Pattern listening) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.listening = listening;
    }

    /** Starts {@code lantir <args>} and waits until it says it is listening. */
    static LantirProcess start(Path dir, String... args) throws IOException,
            InterruptedException {
        return start(dir, java.util.Map.of(), LISTENING, args);
    }

    /** As {@link #start(Path, String...)}, with {@code env} added to the environment. */
    static LantirProcess start(Path dir, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return start(dir, env, LISTENING, args);
    }

    /** As {@link #start(Path, String...)}, waiting for {@code listening} (group 1: port). */
    static LantirProcess start(Path dir, Pattern listening, String... args)
            throws IOException, InterruptedException {
        return start(dir, java.util.Map.of(), listening, args);
    }

    /**
     * Starts {@code lantir <args>} without {@code LANTIR_ADMIN_PASSWORD} or
     * {@code USERS_DB_PATH} from the test's environment, with {@code env} added, and waits
     * until standard output matches {@code listening}, whose first group is the port.
     */
    static LantirProcess start(Path dir, java.util.Map<String, String> env, Pattern listening,
            String... args)
            throws IOException, InterruptedException {
        Path out = dir.resolve("lantir.out");
        Path err = dir.resolve("lantir.err");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp",
                productClassPath(), "org.lantir.Main"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("LANTIR_ADMIN_PASSWORD");
        builder.environment().remove("USERS_DB_PATH");
        builder.environment().putAll(env);
        LantirProcess lantir = new LantirProcess(builder.start(), out, err, listening);
        lantir.awaitListening();
        return lantir;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path without the test classes: Lantir's classes and libraries. */
    private static String productClassPath() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        String path = Arrays.stream(entries).filter(e -> !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        if (!path.contains("classes")) {
            throw new IllegalStateException("Lantir's classes are not on the class path: "
                    + System.getProperty("java.class.path"));
        }
        return path;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(stdout());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("lantir start ended with " + process.exitValue()
                        + ":\n" + stdout() + stderr());
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("lantir start did not listen within " + START_TIMEOUT + ":\n"
                + stdout() + stderr());
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String stdout() throws IOException {
        return new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8);
    }

    /**
     * Sends SIGTERM (what Ctrl+C's shutdown path also runs) and waits for the process to
     * end; a process that does not end is killed and the test fails.
     *
     * @return the exit code
     */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("lantir did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    /**
     * Kills the process with SIGKILL ({@code kill -9}): no shutdown hook runs, nothing is
     * flushed or closed, as when the machine's OOM killer or a person ends it.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("lantir did not end on SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
