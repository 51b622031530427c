package org.lantir.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * jpackage's {@code --resource-dir} of one installer type: the files of
 * {@code packaging/<platform>/<type>/} (they replace jpackage's templates of the same names)
 * and the rendered launcher icon.
 */
final class Resources {

    private Resources() {
    }

    static Path prepare(Path packaging, String type, Path dir, Path icons) throws IOException {
        Files.createDirectories(dir);
        Path source = packaging.resolve(platformFolder(type)).resolve(type);
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    InstallerBuild.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
        // The menu icon of the shortcut jpackage writes; named after the launcher.
        String icon = Platforms.iconFile();
        String extension = icon.substring(icon.lastIndexOf('.'));
        InstallerBuild.copy(icons.resolve(icon), dir.resolve(InstallerBuild.APP_NAME + extension));
        return dir;
    }

    private static String platformFolder(String type) {
        return switch (type) {
            case "deb", "rpm" -> "linux";
            case "msi", "exe" -> "windows";
            default -> "macos";
        };
    }
}
