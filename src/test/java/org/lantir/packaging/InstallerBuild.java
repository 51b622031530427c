package org.lantir.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javafx.application.Platform;

/**
 * Builds Lantir's app image and this platform's installer with the JDK's jpackage; run by the
 * Maven profile {@code installer} after {@code target/lantir.jar} and {@code target/lib} exist
 * ({@code ./mvnw -B -Pinstaller package}).
 *
 * <ol>
 *   <li>renders the icons from {@code icons/lantir.svg} ({@link IconFiles});</li>
 *   <li>stages the jars: the application and its libraries as jpackage's input (they run on
 *       the class path, as with {@code java -jar}); JavaFX's platform jars apart, for the
 *       module path, so jlink puts JavaFX into the trimmed runtime;</li>
 *   <li>{@code jpackage --type app-image} into {@code target/dist/Lantir};</li>
 *   <li>the native installer from that image: {@code .deb} on Linux ({@code .rpm} too when
 *       asked), {@code .msi} on Windows, {@code .dmg} on macOS; see {@link DebPackage} for
 *       what the {@code .deb} gets beyond jpackage's.</li>
 * </ol>
 *
 * <p>A tool an installer type needs (fakeroot and binutils for a {@code .deb}, WiX for an
 * {@code .msi}) that is missing skips that type with a message, unless the build must produce
 * it: {@code CI=true} or {@code -Dinstaller.required=true}.
 */
public final class InstallerBuild {

    static final String APP_NAME = "Lantir";
    static final String PACKAGE_NAME = "lantir";
    static final String MAIN_CLASS = "org.lantir.Main";

    /**
     * ControlsFX reaches into JavaFX internals; on the module path (unlike the class path of
     * {@code java -jar}) that needs an explicit export, or some of its controls fail at run time.
     */
    static final List<String> JAVA_OPTIONS =
            List.of("--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED");

    static final String JLINK_OPTIONS = "--strip-debug --no-man-pages --no-header-files "
            + "--strip-native-commands --compress=2";

    /** JavaFX's logger, held so its level sticks (java.util.logging keeps loggers weakly). */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private final Path project;
    private final Path target;
    private final String version;
    private final List<String> types;
    private final boolean required;
    private final PrintStream log = System.out;

    InstallerBuild(Path project, String version, List<String> types, boolean required) {
        this.project = project;
        this.target = project.resolve("target");
        this.version = version;
        this.types = types;
        this.required = required;
    }

    /**
     * Arguments: the project folder, the project version, the installer types ("default" for
     * this platform's), whether a missing tool fails the build ("true") or skips the type.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: InstallerBuild PROJECT_DIR VERSION TYPES|default REQUIRED");
        }
        boolean required = Boolean.parseBoolean(args[3])
                || "true".equalsIgnoreCase(System.getenv("CI"));
        List<String> types = "default".equals(args[2])
                ? Platforms.defaultTypes() : Arrays.asList(args[2].split("[, ]+"));
        int code = new InstallerBuild(Path.of(args[0]).toAbsolutePath(), args[1], types, required)
                .run();
        Platform.exit();
        System.exit(code);
    }

    int run() throws Exception {
        if (!Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"))) {
            return missingTool("app image", "this JDK has no jmods folder, which jlink needs "
                    + "(Debian/Ubuntu: apt-get install openjdk-17-jmods)");
        }
        Path work = target.resolve("installer");
        deleteTree(work);
        Path icons = renderIcons(work.resolve("icons"));
        Path input = stageInput(work.resolve("input"));
        Path javafx = stageJavaFx(work.resolve("javafx"));

        Path dist = target.resolve("dist");
        deleteTree(dist);
        Files.createDirectories(dist);
        jpackage(appImageArguments(input, javafx, icons, dist));
        unpackJavaFxNatives(javafx, dist.resolve(APP_NAME));
        log.println("[installer] app image: " + dist.resolve(APP_NAME));

        for (String type : types) {
            int code = buildInstaller(type, icons, work, dist);
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }

    private int buildInstaller(String type, Path icons, Path work, Path dist) throws Exception {
        String missing = Platforms.missingTools(type);
        if (missing != null) {
            return missingTool("." + type, missing);
        }
        Path resources = Resources.prepare(project.resolve("packaging"), type,
                work.resolve("resources-" + type), icons);
        List<String> arguments = new ArrayList<>(List.of("--type", type,
                "--app-image", dist.resolve(APP_NAME).toString(),
                "--dest", dist.toString(),
                "--resource-dir", resources.toString()));
        arguments.addAll(commonArguments());
        arguments.addAll(Platforms.installerArguments(type, project.resolve("packaging"), icons));
        jpackage(arguments);
        if ("deb".equals(type)) {
            Path deb = findOne(dist, ".deb");
            new DebPackage(deb, project.resolve("packaging").resolve("linux"), icons, log)
                    .addSystemFiles(work.resolve("deb-repack"));
        }
        log.println("[installer] ." + type + ": " + findOne(dist, "." + type));
        return 0;
    }

    private int missingTool(String what, String why) {
        if (required) {
            log.println("[installer] ERROR: cannot build the " + what + ": " + why);
            return 1;
        }
        log.println("[installer] SKIPPED the " + what + ": " + why
                + " (CI=true or -Dinstaller.required=true makes this an error)");
        return 0;
    }

    /** Renders the icons on the JavaFX thread of a headless (Monocle) toolkit. */
    private Path renderIcons(Path dir) throws Exception {
        // JavaFX warns that it runs from the class path here; that is known and fine.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        CompletableFuture<List<Path>> written = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                written.complete(IconFiles.fromArtwork().writeAll(dir));
            } catch (IOException | RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        log.println("[installer] icons: " + written.get().size() + " files in " + dir);
        return dir;
    }

    /** The application jar and its libraries, JavaFX's left out (they go to the module path). */
    private Path stageInput(Path input) throws IOException {
        Files.createDirectories(input.resolve("lib"));
        Files.copy(target.resolve("lantir.jar"), input.resolve("lantir.jar"));
        for (Path jar : jars(target.resolve("lib"))) {
            if (!isJavaFx(jar)) {
                Files.copy(jar, input.resolve("lib").resolve(jar.getFileName()));
            }
        }
        return input;
    }

    /**
     * JavaFX's platform jars (the classifier the org.openjfx parent chose for this machine,
     * e.g. {@code javafx-graphics-21.0.11-linux.jar}); the classifier-less ones are empty
     * shells that only point at them.
     */
    private Path stageJavaFx(Path dir) throws IOException {
        Files.createDirectories(dir);
        int copied = 0;
        for (Path jar : jars(target.resolve("lib"))) {
            if (isJavaFx(jar) && Platforms.isPlatformJar(jar.getFileName().toString())) {
                Files.copy(jar, dir.resolve(jar.getFileName()));
                copied++;
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("no JavaFX platform jar in " + target.resolve("lib"));
        }
        return dir;
    }

    /**
     * JavaFX's native libraries into the runtime's library folder. jlink keeps them only as
     * resources of the JavaFX modules, from which JavaFX would copy them into the user's
     * {@code ~/.openjfx/cache} at the first start; beside the runtime's own libraries, where
     * JavaFX looks first, they load in place and nothing is written.
     */
    private void unpackJavaFxNatives(Path javafx, Path image) throws IOException {
        Path libraries = image.resolve(Platforms.runtimeLibraryFolder());
        int unpacked = 0;
        for (Path jar : jars(javafx)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (!name.contains("/") && Platforms.isNativeLibrary(name)) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, libraries.resolve(name));
                        }
                        unpacked++;
                    }
                }
            }
        }
        log.println("[installer] " + unpacked + " JavaFX native libraries in " + libraries);
    }

    private static boolean isJavaFx(Path jar) {
        return jar.getFileName().toString().startsWith("javafx-");
    }

    private List<String> appImageArguments(Path input, Path javafx, Path icons, Path dist)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--type", "app-image",
                "--dest", dist.toString(),
                "--input", input.toString(),
                "--main-jar", "lantir.jar",
                "--main-class", MAIN_CLASS,
                "--module-path", javafx.toString(),
                "--add-modules", String.join(",", Modules.read(
                        project.resolve("packaging").resolve("jlink-modules.txt"))),
                "--jlink-options", JLINK_OPTIONS,
                "--icon", icons.resolve(Platforms.iconFile()).toString()));
        for (String option : JAVA_OPTIONS) {
            arguments.add("--java-options");
            arguments.add(option);
        }
        arguments.addAll(Platforms.appImageArguments(project.resolve("packaging")));
        arguments.addAll(commonArguments());
        return arguments;
    }

    private List<String> commonArguments() {
        return List.of("--name", APP_NAME,
                "--app-version", Platforms.packageVersion(version),
                "--vendor", "Lantir",
                "--description", "Modality Worklist and MPPS server for research scanners",
                "--copyright", "Lantir contributors");
    }

    private void jpackage(List<String> arguments) {
        ToolProvider jpackage = ToolProvider.findFirst("jpackage").orElseThrow(
                () -> new IllegalStateException("this JDK has no jpackage (it came in JDK 16)"));
        log.println("[installer] jpackage " + String.join(" ", arguments));
        int code = jpackage.run(System.out, System.err, arguments.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("jpackage failed with exit code " + code);
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static Path findOne(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString()
                    .toLowerCase(Locale.ROOT).endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one *" + suffix + " in " + dir
                        + ", found " + found);
            }
            return found.get(0);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
