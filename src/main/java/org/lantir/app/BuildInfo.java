package org.lantir.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
