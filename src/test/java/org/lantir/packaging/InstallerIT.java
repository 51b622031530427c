package org.lantir.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;
import org.lantir.testsupport.Dcmtk;

/**
 * The installers as a user gets them, run by {@code ./mvnw -B verify -Pinstaller} after the
 * build ({@link InstallerBuild}) made them in {@code target/dist}: the app image's launcher
 * answers {@code --version}, serves C-ECHO from dcmtk's echoscu in {@code start} mode and stops
 * cleanly on SIGTERM, writing nothing into the installation; the {@code .deb} holds the
 * launcher, desktop entry, icons, dependencies and systemd unit.
 *
 * <p>Where the build skipped an installer for a missing tool, its tests are skipped too,
 * except under {@code CI=true}, where they fail.
 */
class InstallerIT {

    private static final Path DIST = Path.of(System.getProperty("lantir.dist.dir", "target/dist"));
    private static final Path PROJECT =
            Path.of(System.getProperty("lantir.project.dir", ".")).toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LISTENING =
            Pattern.compile("Lantir is listening on \\S+:(\\d+) as (\\S+);");
    private static final String AE_TITLE = "LANTIR_IT";

    @TempDir
    Path dir;

    @Test
    void theLauncherPrintsTheVersion() throws Exception {
        Run run = run(launcher(), dir, "--version");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("Lantir " + projectVersion());
    }

    @Test
    void theRuntimeIsTrimmedToTheListedModules() throws IOException {
        Path release = appImage().resolve("lib/runtime/release");
        String modules = Files.readAllLines(release).stream()
                .filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();

        for (String module : Modules.read(PROJECT.resolve("packaging/jlink-modules.txt"))) {
            assertThat(modules).contains(module);
        }
        assertThat(modules).contains("javafx.graphics").doesNotContain("jdk.compiler")
                .doesNotContain("java.compiler").doesNotContain("jdk.jshell");
        assertThat(appImage().resolve("lib/runtime/bin/java")).doesNotExist();
    }

    @Test
    void javaFxsNativeLibrariesLoadFromTheRuntime() {
        assumeTrue(Platforms.isLinux(), "the Linux image's layout");

        assertThat(appImage().resolve("lib/runtime/lib/libglassgtk3.so")).isRegularFile();
        assertThat(appImage().resolve("lib/runtime/lib/libprism_sw.so")).isRegularFile();
    }

    /**
     * {@code Lantir start} from the app image with a configuration in a temporary folder: it
     * listens on a free loopback port, answers echoscu's C-ECHO, ends with 143 on SIGTERM
     * after closing its database cleanly, and writes nothing into the installation.
     */
    @Test
    void startServesCEchoAndStopsCleanlyOnSigterm() throws Exception {
        Path echoscu = Dcmtk.require("echoscu");
        Path launcher = launcher();
        Path database = dir.resolve("worklist.db");
        Path config = Files.writeString(dir.resolve("lantir.json"), """
                {"db_path": "%s",
                 "lantir": {"server": {"ae_title": "%s", "bind_address": "127.0.0.1",
                                       "port": 0}}}
                """.formatted(database.toString().replace("\\", "\\\\"), AE_TITLE));
        Set<String> installedBefore = files(appImage());

        Process lantir = start(dir, launcher.toString(), "start", "--config", config.toString());
        try {
            int port = awaitListening(lantir);
            Run echo = run(echoscu, dir, "-aet", "IT_SCU", "-aec", AE_TITLE, "127.0.0.1",
                    String.valueOf(port));
            assertThat(echo.code).as("echoscu: " + echo).isZero();
        } finally {
            lantir.destroy();
        }
        assertThat(lantir.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("stopped on SIGTERM").isTrue();

        assertThat(lantir.exitValue()).as(output()).isEqualTo(143);
        assertConsistent(database);
        assertThat(files(appImage())).as("files in the installation")
                .isEqualTo(installedBefore);
        Run query = run(launcher, dir, "query-db", "--config", config.toString());
        assertThat(query.code).as(query.toString()).isZero();
    }

    /**
     * {@code Lantir} without a command opens the console: JavaFX from the trimmed runtime, on
     * the module path, with GTK. Needs an X server, so it runs only where Xvfb and xdotool
     * are installed (also in CI, which does not install them: a desktop check is a bonus).
     */
    @Test
    void withoutACommandItOpensTheConsoleWindow() throws Exception {
        assumeTrue(Platforms.isLinux() && Platforms.onPath("Xvfb") && Platforms.onPath("xdotool"),
                "needs Xvfb and xdotool (apt-get install xvfb xdotool)");
        Path config = Files.writeString(dir.resolve("lantir.json"), """
                {"db_path": "%s",
                 "lantir": {"server": {"ae_title": "%s", "bind_address": "127.0.0.1",
                                       "port": 0}}}
                """.formatted(dir.resolve("worklist.db"), AE_TITLE));
        Path displayFile = dir.resolve("display");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0",
                "1280x800x24", "-nolisten", "tcp").redirectOutput(displayFile.toFile())
                .redirectError(dir.resolve("xvfb.err").toFile()).start();
        try {
            String display = ":" + awaitText(displayFile).trim();
            ProcessBuilder console = builder(dir, dir,
                    List.of(launcher().toString(), "--config", config.toString()))
                    .redirectOutput(dir.resolve("lantir.out").toFile())
                    .redirectError(dir.resolve("lantir.err").toFile());
            console.environment().put("DISPLAY", display);
            Path logFile = dir.resolve("data/lantir/logs/lantir.log");
            Process lantir = console.start();
            try {
                awaitWindow(display, lantir);
                awaitLogLine(logFile, "Opened worklist database", lantir);
            } finally {
                lantir.destroy();
            }
            assertThat(lantir.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("closed on SIGTERM").isTrue();
        } finally {
            xvfb.destroy();
            xvfb.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void awaitWindow(String display, Process lantir) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessBuilder search = new ProcessBuilder("xdotool", "search", "--name", "^Lantir$");
            search.environment().put("DISPLAY", display);
            Process found = search.redirectErrorStream(true).start();
            String windows = new String(found.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim();
            if (found.waitFor() == 0 && !windows.isEmpty()) {
                return;
            }
            if (!lantir.isAlive()) {
                fail("Lantir ended with " + lantir.exitValue() + ":\n" + output());
            }
            Thread.sleep(500);
        }
        fail("no window named Lantir within " + TIMEOUT + ":\n" + output());
    }

    /** The console's log file in the data folder gets the line (the window may come first). */
    private void awaitLogLine(Path logFile, String text, Process lantir) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(logFile) && Files.readString(logFile).contains(text)) {
                return;
            }
            if (!lantir.isAlive()) {
                fail("Lantir ended with " + lantir.exitValue() + ":\n" + output());
            }
            Thread.sleep(200);
        }
        fail("no '" + text + "' in " + logFile + " within " + TIMEOUT + ":\n" + output());
    }

    private static String awaitText(Path file) throws Exception {
        for (int i = 0; i < 300; i++) {
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (text.endsWith("\n")) {
                return text;
            }
            Thread.sleep(100);
        }
        return fail("Xvfb did not say its display number");
    }

    /** The {@code .deb} unpacked with dpkg-deb, as dpkg would install it. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DebPackageContents {

        private Path root;
        private Path control;

        @BeforeAll
        void unpack(@TempDir Path unpacked) throws Exception {
            Path deb = deb();
            root = unpacked.resolve("root");
            control = unpacked.resolve("DEBIAN");
            Path dpkgDeb = Path.of("dpkg-deb");
            assertThat(runIn(unpacked, dpkgDeb, unpacked, "-x", deb.toString(), root.toString())
                    .code).isZero();
            assertThat(runIn(unpacked, dpkgDeb, unpacked, "-e", deb.toString(),
                    control.toString()).code).isZero();
        }

        @Test
        void itsLauncherRuns() throws Exception {
            Path launcher = root.resolve("opt/lantir/bin/Lantir");
            assertThat(launcher).isExecutable();

            Run run = run(launcher, dir, "--version");

            assertThat(run.code).as(run.toString()).isZero();
            assertThat(run.out).contains("Lantir " + projectVersion());
            assertThat(Files.readSymbolicLink(root.resolve("usr/bin/lantir")))
                    .isEqualTo(Path.of("/opt/lantir/bin/Lantir"));
        }

        @Test
        void itDependsOnTheNativeLibrariesJavaFxLoads() throws IOException {
            String depends = field(Files.readString(control.resolve("control")), "Depends");

            assertThat(Arrays.stream(depends.split(",\\s*")).toList()).contains(
                    "libgtk-3-0 | libgtk-3-0t64", "libglib2.0-0 | libglib2.0-0t64",
                    "libpango-1.0-0", "libfreetype6", "libfontconfig1", "libx11-6", "libxtst6",
                    "libxxf86vm1", "libgl1", "xdg-utils", "adduser");
        }

        @Test
        void itNamesItsMaintainerAndDoesNotProvideItself() throws IOException {
            String text = Files.readString(control.resolve("control"));

            assertThat(field(text, "Maintainer")).isEqualTo("Lantir <"
                    + Platforms.debMaintainer() + ">");
            assertThat(text).doesNotContain("Provides:");
        }

        @Test
        void itHasAMenuEntryThatOpensLantirFiles() throws IOException {
            String entry = Files.readString(root.resolve("opt/lantir/lib/lantir-Lantir.desktop"));
            String mime = Files.readString(
                    root.resolve("opt/lantir/lib/lantir-Lantir-MimeInfo.xml"));

            assertThat(entry).contains("Name=Lantir\n", "Exec=/opt/lantir/bin/Lantir %f\n",
                    "Icon=lantir\n", "Categories=Science;MedicalSoftware;\n",
                    "MimeType=application/x-lantir-config");
            assertThat(mime).contains("type=\"application/x-lantir-config\"",
                    "pattern=\"*.lantir\"");
            assertThat(Files.readString(control.resolve("postinst")))
                    .contains("xdg-desktop-menu install /opt/lantir/lib/lantir-Lantir.desktop")
                    .contains("xdg-mime install");
        }

        @Test
        void itHasTheIconInEveryHicolorSize() throws IOException {
            Path hicolor = root.resolve("usr/share/icons/hicolor");
            for (int size : IconFiles.LINUX_SIZES) {
                BufferedImage png = ImageIO.read(
                        hicolor.resolve(size + "x" + size + "/apps/lantir.png").toFile());
                assertThat(png.getWidth()).as("%dx%d", size, size).isEqualTo(size);
                assertThat(png.getHeight()).isEqualTo(size);
            }
            assertThat(hicolor.resolve("scalable/apps/lantir.svg"))
                    .hasSameBinaryContentAs(PROJECT.resolve("icons/lantir.svg"));
        }

        @Test
        void itInstallsTheServiceWithoutEnablingIt() throws Exception {
            String unit = Files.readString(root.resolve(DebPackage.UNIT));

            assertThat(unit).contains(
                    "ExecStart=/opt/lantir/bin/Lantir start --config /etc/lantir/lantir.json\n",
                    "User=lantir\n", "Restart=on-failure\n", "RestartPreventExitStatus=2 3\n",
                    "StandardError=journal\n",
                    "SuccessExitStatus=143\n", "NoNewPrivileges=yes\n", "ProtectSystem=strict\n",
                    "WantedBy=multi-user.target\n");
            List<String> commands = new ArrayList<>();
            for (String script : List.of("preinst", "postinst")) {
                Files.readAllLines(control.resolve(script)).stream()
                        .filter(line -> !line.trim().startsWith("#")).forEach(commands::add);
            }
            assertThat(commands).noneMatch(line -> line.contains("systemctl enable"))
                    .noneMatch(line -> line.contains("systemctl start"));
        }

        @Test
        void itsMaintainerScriptsAreValidShell() throws Exception {
            for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
                Path file = control.resolve(script);
                assertThat(file).isExecutable();

                Run check = runIn(control.getParent(), Path.of("sh"), control, "-n",
                        file.toString());

                assertThat(check.code).as(script + ": " + check).isZero();
                assertThat(Files.readString(file)).as(script)
                        .doesNotContain("APPLICATION_").doesNotContain("DESKTOP_COMMANDS_");
            }
        }

        @Test
        void itsServiceConfigurationIsAConffileThatLantirReads() throws Exception {
            Path config = root.resolve(DebPackage.CONFIG);

            assertThat(Files.readAllLines(control.resolve("conffiles")))
                    .contains("/etc/lantir/lantir.json");
            LantirConfig loaded = ConfigLoader.load(config);
            ServerSettings server = loaded.lantir().server();
            assertThat(loaded.dbPath().path()).isEqualTo(Path.of("/var/lib/lantir/worklist.db"));
            assertThat(server.bindAddress()).isEqualTo("127.0.0.1");
            assertThat(server.aeTitle()).isEqualTo("MWL_SERVER");
        }

        @Test
        void itsInstalledSizeCountsEveryFile() throws Exception {
            long kib = Long.parseLong(
                    field(Files.readString(control.resolve("control")), "Installed-Size"));
            long bytes;
            try (Stream<Path> files = Files.walk(root)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(InstallerIT::size).sum();
            }

            assertThat(kib * 1024).isGreaterThanOrEqualTo(bytes);
        }
    }

    // --- the built installers -------------------------------------------------------------

    private static Path appImage() {
        Path image = DIST.resolve(InstallerBuild.APP_NAME);
        requireBuilt(Files.isDirectory(image), "no app image in " + DIST);
        return image;
    }

    private static Path launcher() {
        Path launcher = appImage().resolve("bin")
                .resolve(Platforms.isWindows() ? "Lantir.exe" : "Lantir");
        assertThat(launcher).isExecutable();
        return launcher;
    }

    private static Path deb() throws IOException {
        assumeTrue(Platforms.isLinux(), "a .deb is built on Linux only");
        boolean built;
        try (Stream<Path> files = Files.list(DIST)) {
            built = files.anyMatch(f -> f.toString().endsWith(".deb"));
        }
        requireBuilt(built, "no .deb in " + DIST);
        return InstallerBuild.findOne(DIST, ".deb");
    }

    /** Skips a test whose installer the build skipped (see its [installer] message). */
    private static void requireBuilt(boolean built, String message) {
        if (!built) {
            String why = message + " (the installer build skipped it: see its [installer] "
                    + "lines)";
            if (Dcmtk.isCi()) {
                fail(why + "; CI=true requires it");
            }
            assumeTrue(false, why);
        }
    }

    /** The project's version, which {@code --version} prints (failsafe passes it). */
    private static String projectVersion() {
        String version = System.getProperty("lantir.project.version");
        assertThat(version).as("system property lantir.project.version").isNotBlank();
        return version;
    }

    // --- processes ------------------------------------------------------------------------

    /** Output of a finished process. */
    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }

    private Run run(Path executable, Path workDir, String... args) throws Exception {
        return runIn(dir, executable, workDir, args);
    }

    /** Runs a command to its end; {@code home} holds its output and is its home folder. */
    private static Run runIn(Path home, Path executable, Path workDir, String... args)
            throws Exception {
        Path out = Files.createTempFile(home, "run", ".out");
        Path err = Files.createTempFile(home, "run", ".err");
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(Arrays.asList(args));
        Process process = builder(home, workDir, command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process start(Path workDir, String... command) throws IOException {
        return builder(dir, workDir, List.of(command))
                .redirectOutput(dir.resolve("lantir.out").toFile())
                .redirectError(dir.resolve("lantir.err").toFile()).start();
    }

    /**
     * A headless process whose home and XDG folders are in the test folder, so the user's
     * own Lantir data is never touched.
     */
    private static ProcessBuilder builder(Path home, Path workDir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(
                        Platforms.isWindows() ? "NUL" : "/dev/null")));
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return builder;
    }

    private int awaitListening(Process lantir) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(dir.resolve("lantir.out")));
            if (m.find()) {
                assertThat(m.group(2)).isEqualTo(AE_TITLE);
                return Integer.parseInt(m.group(1));
            }
            if (!lantir.isAlive()) {
                fail("Lantir start ended with " + lantir.exitValue() + ":\n" + output());
            }
            Thread.sleep(100);
        }
        lantir.destroyForcibly();
        return fail("Lantir start did not listen within " + TIMEOUT + ":\n" + output());
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("lantir.out"))
                + Files.readString(dir.resolve("lantir.err"));
    }

    // --- checks ---------------------------------------------------------------------------

    /** SQLite's own integrity check passes and the write-ahead log was checkpointed away. */
    private static void assertConsistent(Path database) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = db.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                assertThat(check.next()).isTrue();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
            try (ResultSet tables = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
                assertThat(tables.getInt(1)).as("tables created at start").isPositive();
            }
        }
        Path wal = Path.of(database + "-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("WAL checkpointed").isTrue();
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(f -> root.relativize(f) + (Files.isDirectory(f) ? "/" : ""))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A field of a Debian control file, continuation lines joined. */
    private static String field(String control, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s*(.*(?:\\n[ \\t].*)*)").matcher(control);
        assertThat(m.find()).as(name + " in control").isTrue();
        return m.group(1).replaceAll("\\n[ \\t]+", " ").trim();
    }
}
