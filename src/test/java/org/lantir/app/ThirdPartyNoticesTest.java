package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The license notices in the jar name every runtime library with a license: each one Maven
 * resolved (its dependency list, written by the build beside the notices), and each jar
 * copied into target/lib when a package step has run.
 */
class ThirdPartyNoticesTest {

    private static final Path RUNTIME_LIBRARIES = Path.of("target", "runtime-libraries.txt");
    /** {@code g:a:type[:classifier]:v:scope:...} as dependency:list writes it. */
    private static final Pattern LIBRARY = Pattern.compile(
            "^\\s*([^:\\s]+):([^:]+):([^:]+):(?:([^:]+):)?([^:]+):(compile|runtime):.*$");

    @Test
    void everyRuntimeLibraryIsListedWithALicense() throws Exception {
        String notices = BuildInfo.thirdPartyNotices().orElseThrow(() -> new AssertionError(
                "no " + BuildInfo.THIRD_PARTY_NOTICES + " on the class path"));
        List<String> libraries = runtimeLibraries();

        assertThat(libraries).as("runtime libraries").hasSizeGreaterThan(5);
        for (String coordinates : libraries) {
            assertThat(entry(notices, coordinates)).as(coordinates)
                    .containsPattern("License: \\S+")
                    .doesNotContain("no license declared");
        }
    }

    @Test
    void everyJarInTargetLibIsNamed() throws Exception {
        Path lib = Path.of("target", "lib");
        String notices = BuildInfo.thirdPartyNotices().orElseThrow();
        if (!Files.isDirectory(lib)) {
            return; // No package step yet in this build: the list above covers the same jars.
        }
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                assertThat(notices).as(jar.getFileName().toString())
                        .contains(jar.getFileName().toString());
            }
        }
    }

    @Test
    void lantirsOwnLicenseIsShownOrSaidToBeUnchosen() {
        assertThat(BuildInfo.ownLicenseOrNotice()).isNotBlank();
        if (!Files.exists(Path.of("LICENSE"))) {
            assertThat(BuildInfo.ownLicense()).isEmpty();
        }
    }

    private static List<String> runtimeLibraries() throws Exception {
        List<String> libraries = new ArrayList<>();
        for (String line : Files.readAllLines(RUNTIME_LIBRARIES)) {
            Matcher m = LIBRARY.matcher(line);
            if (m.matches()) {
                libraries.add(m.group(1) + ":" + m.group(2) + ":" + m.group(5));
            }
        }
        return libraries;
    }

    /** The notices' paragraph of one library, up to the next blank line. */
    private static String entry(String notices, String coordinates) {
        int start = notices.indexOf("\n" + coordinates + "\n");
        assertThat(start).as(coordinates + " is listed").isNotNegative();
        int end = notices.indexOf("\n\n", start + 1);
        return notices.substring(start, end < 0 ? notices.length() : end);
    }
}
