package org.lantir.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven wrote into the jar's manifest. */
public final class LantirVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Lantir " + version(), "Java " + System.getProperty("java.version")};
    }

    public static String version() {
        String version = LantirVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
