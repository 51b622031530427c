package org.lantir.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * What this build of Lantir is: its version and build date (from the jar's manifest, which
 * Maven writes at package time), and the license notices packed into the jar. Run from
 * compiled classes (an IDE, the tests) there is no manifest: it is a "development build".
 */
public final class BuildInfo {

    public static final String DEVELOPMENT_BUILD = "development build";
    /** Every runtime library and its license, generated at build time (src/build). */
    public static final String THIRD_PARTY_NOTICES = "/META-INF/lantir/THIRD-PARTY.txt";
    /** Lantir's own license, copied from the repository's LICENSE when there is one. */
    public static final String OWN_LICENSE = "/META-INF/lantir/LICENSE";
    static final String BUILD_DATE_ATTRIBUTE = "Build-Date";

    private BuildInfo() {
    }

    /** The version, e.g. "0.1.0", or "development build". */
    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? DEVELOPMENT_BUILD : version;
    }

    /** When the jar was built, in UTC (e.g. "2026-12-04T22:51:07Z"), or "development build". */
    public static String buildDate() {
        return manifest().map(m -> m.getMainAttributes().getValue(BUILD_DATE_ATTRIBUTE))
                .orElse(DEVELOPMENT_BUILD);
    }

    /** The bundled libraries' license notices; empty when the build did not make them. */
    public static Optional<String> thirdPartyNotices() {
        return resource(THIRD_PARTY_NOTICES);
    }

    /** Lantir's own license text; empty while the repository has no LICENSE file. */
    public static Optional<String> ownLicense() {
        return resource(OWN_LICENSE);
    }

    /** What to say where Lantir's own license belongs while none is chosen. */
    public static String ownLicenseOrNotice() {
        return ownLicense().orElse("Lantir's own license has not been chosen yet: this build "
                + "carries no LICENSE file. Ask the maintainers before redistributing it.");
    }

    /** The license of the Java runtime Lantir runs on ({@link #javaRuntimeNotice(Path)}). */
    public static String javaRuntimeNotice() {
        return javaRuntimeNotice(Path.of(System.getProperty("java.home", "")));
    }

    /**
     * The Java runtime's license. The installers (jpackage) bundle a trimmed OpenJDK runtime
     * in {@code lib/runtime}, with its license files in {@code lib/runtime/legal}; run from
     * the jar, the runtime is the computer's own and not part of Lantir.
     */
    static String javaRuntimeNotice(Path javaHome) {
        String openJdk = "OpenJDK, licensed under the GNU General Public License, version 2, "
                + "with the Classpath Exception";
        Path home = javaHome.toAbsolutePath().normalize();
        boolean bundled = home.endsWith(Path.of("lib", "runtime"))
                || home.endsWith(Path.of("runtime", "Contents", "Home"));
        if (bundled) {
            return "Java runtime (bundled in this installation, " + home + "): " + openJdk
                    + "; its license and the notices of its parts are in "
                    + home.resolve("legal") + ".";
        }
        return "Java runtime: the one installed on this computer (" + home + "), not part of "
                + "this copy. The installers bundle a trimmed " + openJdk + "; its notices are "
                + "in lib/runtime/legal of the installation.";
    }

    /** The manifest of the jar this class was loaded from; empty when run from classes. */
    static Optional<Manifest> manifest() {
        URL self = BuildInfo.class.getResource("BuildInfo.class");
        if (self == null || !"jar".equals(self.getProtocol())) {
            return Optional.empty();
        }
        String url = self.toString();
        String jar = url.substring(0, url.indexOf("!/") + 2);
        try (InputStream in = new URL(jar + "META-INF/MANIFEST.MF").openStream()) {
            Manifest manifest = new Manifest(in);
            Attributes main = manifest.getMainAttributes();
            return main.getValue(BUILD_DATE_ATTRIBUTE) == null ? Optional.empty()
                    : Optional.of(manifest);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
