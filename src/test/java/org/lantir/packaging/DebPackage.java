package org.lantir.packaging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Adds to jpackage's {@code .deb} the files jpackage cannot place outside {@code /opt/lantir}:
 * <ul>
 *   <li>{@code /usr/lib/systemd/system/lantir.service}, the headless service (installed, not
 *       enabled: {@code systemctl enable --now lantir});</li>
 *   <li>{@code /etc/lantir/lantir.json}, the service's configuration, a conffile (an upgrade
 *       keeps the administrator's edits);</li>
 *   <li>{@code /usr/bin/lantir}, a link to the launcher, so {@code lantir start} works from a
 *       shell;</li>
 *   <li>the icon in every hicolor size, and the artwork as the scalable one.</li>
 * </ul>
 * The package is unpacked with {@code dpkg-deb -R}, the files added, and built again with
 * {@code dpkg-deb --root-owner-group -b}, so every file belongs to root without fakeroot.
 */
final class DebPackage {

    static final String UNIT = "usr/lib/systemd/system/lantir.service";
    static final String CONFIG = "etc/lantir/lantir.json";
    static final String COMMAND_LINK = "usr/bin/lantir";
    static final String LAUNCHER = "/opt/lantir/bin/" + InstallerBuild.APP_NAME;

    private final Path deb;
    private final Path linux;
    private final Path icons;
    private final PrintStream log;

    /**
     * @param linux {@code packaging/linux}: the unit and the service's configuration
     * @param icons the rendered icons ({@link IconFiles})
     */
    DebPackage(Path deb, Path linux, Path icons, PrintStream log) {
        this.deb = deb;
        this.linux = linux;
        this.icons = icons;
        this.log = log;
    }

    void addSystemFiles(Path work) throws IOException, InterruptedException {
        InstallerBuild.deleteTree(work);
        run("dpkg-deb", "-R", deb.toString(), work.toString());
        addFile(linux.resolve("lantir.service"), work.resolve(UNIT), "rw-r--r--");
        addFile(linux.resolve("lantir.json"), work.resolve(CONFIG), "rw-r--r--");
        Files.createDirectories(work.resolve(COMMAND_LINK).getParent());
        Files.createSymbolicLink(work.resolve(COMMAND_LINK), Path.of(LAUNCHER));
        Path hicolor = work.resolve("usr/share/icons/hicolor");
        for (int size : IconFiles.LINUX_SIZES) {
            String relative = size + "x" + size + "/apps/" + IconFiles.LAUNCHER_ICON;
            addFile(icons.resolve("hicolor").resolve(relative), hicolor.resolve(relative),
                    "rw-r--r--");
        }
        addFile(linux.resolve("../../icons/lantir.svg").normalize(),
                hicolor.resolve("scalable/apps/lantir.svg"), "rw-r--r--");
        Path control = work.resolve("DEBIAN");
        appendLine(control.resolve("conffiles"), "/" + CONFIG);
        recountInstalledSize(work);
        directoriesReadable(work);
        run("dpkg-deb", "--root-owner-group", "-b", work.toString(), deb.toString());
        log.println("[installer] .deb: added the systemd unit, /" + CONFIG + ", /" + COMMAND_LINK
                + " and the hicolor icons");
    }

    private static void addFile(Path from, Path to, String permissions) throws IOException {
        InstallerBuild.copy(from, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(permissions));
    }

    private static void appendLine(Path file, String line) throws IOException {
        List<String> lines = Files.exists(file)
                ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        lines.add(line);
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * Installed-Size in KiB (Debian Policy 5.6.20), counted again over every file as
     * dpkg-gencontrol does (each file rounded up to whole KiB): jpackage counted only its own.
     */
    private static void recountInstalledSize(Path root) throws IOException {
        long kib = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.startsWith(root.resolve("DEBIAN"))).toList()) {
                if (Files.isSymbolicLink(path)) {
                    kib += 1;
                } else if (Files.isRegularFile(path)) {
                    kib += (Files.size(path) + 1023) / 1024;
                }
            }
        }
        Path control = root.resolve("DEBIAN/control");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(control)) {
            lines.add(line.startsWith("Installed-Size:") ? "Installed-Size: " + kib : line);
        }
        Files.write(control, lines, StandardCharsets.UTF_8);
    }

    /** The folders created here get the usual 0755, whatever this user's umask. */
    private static void directoriesReadable(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path dir : paths.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue());
        }
    }
}
