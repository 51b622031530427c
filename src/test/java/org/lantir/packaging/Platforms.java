package org.lantir.packaging;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What differs between Linux, Windows and macOS installers. */
final class Platforms {

    /**
     * Windows Installer recognises an upgrade of the same product by this code; it must never
     * change, or a new version installs beside the old one instead of replacing it.
     */
    static final String WINDOWS_UPGRADE_UUID = "4c1f7d2e-5b0a-4e8f-9d63-2a7f1c9e0b54";

    static final String MAC_BUNDLE_ID = "org.lantir.Lantir";

    private static final Pattern NUMERIC_VERSION = Pattern.compile("^(\\d+)(\\.\\d+){0,2}");

    private Platforms() {
    }

    static boolean isLinux() {
        return os().startsWith("linux");
    }

    static boolean isWindows() {
        return os().startsWith("windows");
    }

    static boolean isMac() {
        return os().startsWith("mac");
    }

    private static String os() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }

    /** The installer types built when none are asked for. */
    static List<String> defaultTypes() {
        if (isWindows()) {
            return List.of("msi");
        }
        if (isMac()) {
            return List.of("dmg");
        }
        return List.of("deb");
    }

    /** Where an app image's runtime keeps native libraries (jpackage's layout). */
    static String runtimeLibraryFolder() {
        if (isWindows()) {
            return "runtime/bin";
        }
        if (isMac()) {
            return "Contents/runtime/Contents/Home/lib";
        }
        return "lib/runtime/lib";
    }

    static boolean isNativeLibrary(String fileName) {
        return fileName.endsWith(".so") || fileName.endsWith(".dll")
                || fileName.endsWith(".dylib");
    }

    /** The icon file jpackage takes on this platform (see {@link IconFiles}). */
    static String iconFile() {
        if (isWindows()) {
            return IconFiles.WINDOWS_ICON;
        }
        if (isMac()) {
            return IconFiles.MAC_ICON;
        }
        return IconFiles.LAUNCHER_ICON;
    }

    /**
     * Whether a JavaFX jar carries this platform's natives: {@code javafx-base-21.0.11-linux.jar}
     * (also {@code -linux-aarch64}, {@code -win}, {@code -mac}, {@code -mac-aarch64}), not the
     * classifier-less {@code javafx-base-21.0.11.jar}.
     */
    static boolean isPlatformJar(String fileName) {
        return fileName.matches("javafx-[a-z]+-[0-9][0-9.]*-(linux|win|mac)(-[a-z0-9]+)?\\.jar");
    }

    /**
     * The version installers carry: numeric, as Windows Installer and the package managers
     * want ({@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0}).
     */
    static String packageVersion(String projectVersion) {
        Matcher m = NUMERIC_VERSION.matcher(projectVersion);
        if (!m.find()) {
            throw new IllegalArgumentException("no numeric version in " + projectVersion);
        }
        return m.group();
    }

    /** What is missing to build an installer of this type here, or null. */
    static String missingTools(String type) {
        List<String> missing = new ArrayList<>();
        switch (type) {
            case "deb" -> {
                requireLinux(type);
                addIfMissing(missing, "fakeroot", "dpkg-deb", "objdump");
                if (!missing.isEmpty()) {
                    return "missing " + String.join(", ", missing)
                            + " (apt-get install fakeroot binutils)";
                }
            }
            case "rpm" -> {
                requireLinux(type);
                addIfMissing(missing, "rpmbuild");
                if (!missing.isEmpty()) {
                    return "missing rpmbuild (Debian/Ubuntu: apt-get install rpm; "
                            + "Fedora/RHEL: dnf install rpm-build)";
                }
            }
            case "msi", "exe" -> {
                addIfMissing(missing, "candle.exe", "light.exe");
                if (!missing.isEmpty()) {
                    return "WiX Toolset 3 (candle.exe, light.exe) is not on PATH";
                }
            }
            case "dmg", "pkg" -> {
                if (!isMac()) {
                    return "a ." + type + " is built on macOS only";
                }
            }
            default -> throw new IllegalArgumentException("unknown installer type: " + type);
        }
        return null;
    }

    private static void requireLinux(String type) {
        if (!isLinux()) {
            throw new IllegalArgumentException("a ." + type + " is built on Linux only");
        }
    }

    private static void addIfMissing(List<String> missing, String... tools) {
        for (String tool : tools) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** jpackage arguments of the app image that differ by platform. */
    static List<String> appImageArguments(Path packaging) {
        if (isWindows()) {
            return List.of("--add-launcher", "lantir-cli="
                    + packaging.resolve("windows").resolve("lantir-cli.properties"));
        }
        if (isMac()) {
            return List.of("--mac-package-identifier", MAC_BUNDLE_ID);
        }
        return List.of();
    }

    /**
     * The address the .deb names its maintainer by ("Maintainer: Lantir &lt;address&gt;"):
     * {@code -Dinstaller.maintainer=it@your-site.example} for a package a site hands out;
     * without it, a local build names {@code lantir@localhost}, which reaches nobody.
     */
    static String debMaintainer() {
        String address = System.getProperty("installer.maintainer", "").strip();
        return address.isEmpty() ? "lantir@localhost" : address;
    }

    /** jpackage arguments of one installer type (desktop integration, upgrades). */
    static List<String> installerArguments(String type, Path packaging, Path icons) {
        String association = packaging.resolve("file-association.properties").toString();
        return switch (type) {
            case "deb" -> List.of("--linux-package-name", InstallerBuild.PACKAGE_NAME,
                    "--linux-deb-maintainer", debMaintainer(),
                    "--linux-app-category", "science",
                    "--linux-menu-group", "Science;MedicalSoftware;",
                    "--linux-shortcut",
                    "--file-associations", association);
            case "rpm" -> List.of("--linux-package-name", InstallerBuild.PACKAGE_NAME,
                    "--linux-rpm-license-type", "Proprietary",
                    "--linux-menu-group", "Science;MedicalSoftware;",
                    "--linux-shortcut",
                    "--file-associations", association);
            case "msi", "exe" -> List.of("--win-upgrade-uuid", WINDOWS_UPGRADE_UUID,
                    "--win-menu", "--win-menu-group", "Lantir",
                    "--win-shortcut", "--win-dir-chooser",
                    "--file-associations", association);
            case "dmg", "pkg" -> List.of("--mac-package-name", InstallerBuild.APP_NAME,
                    "--file-associations", association);
            default -> throw new IllegalArgumentException("unknown installer type: " + type);
        };
    }
}
