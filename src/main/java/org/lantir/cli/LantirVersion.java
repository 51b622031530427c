package org.lantir.cli;

import org.lantir.app.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}, on {@code lantir} and on every command: the version and build date Maven
 * wrote into the jar's manifest, the Java running it, and where the license notices are.
 */
public final class LantirVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "Lantir " + version(),
            "Built: " + BuildInfo.buildDate(),
            "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vendor") + ")",
            "License notices of Lantir and its bundled libraries: lantir licenses"};
    }

    public static String version() {
        return BuildInfo.version();
    }
}
