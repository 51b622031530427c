package org.lantir.ui;

import java.nio.file.Path;
import java.util.Map;
import org.lantir.app.AppPaths;
import org.lantir.app.FirstStart;
import org.lantir.app.ServerOverrides;
import org.lantir.config.LantirConfig;

/**
 * What the window opens with, decided by the command line before JavaFX starts.
 *
 * @param config the configuration, already loaded and checked
 * @param configFile where the configuration editor saves it
 * @param defaultDatabase the database used when the configuration names none
 * @param environment the process environment, for sources' credentials
 * @param dataDirectory the per-user data folder (About, Getting started)
 * @param firstStart what the first start wrote, or null when a configuration existed: the
 *        window then opens on the welcome panel
 * @param overrides the server settings given on the command line, which stay in force when
 *        the configuration is replaced while the window is open
 */
public record DesktopStartup(LantirConfig config, Path configFile, Path defaultDatabase,
        Map<String, String> environment, Path dataDirectory, FirstStart.Report firstStart,
        ServerOverrides overrides) {

    /** A start without command-line server settings. */
    public DesktopStartup(LantirConfig config, Path configFile, Path defaultDatabase,
            Map<String, String> environment, Path dataDirectory, FirstStart.Report firstStart) {
        this(config, configFile, defaultDatabase, environment, dataDirectory, firstStart,
                ServerOverrides.NONE);
    }

    /** A start with an existing configuration, the data folder the platform's. */
    public DesktopStartup(LantirConfig config, Path configFile, Path defaultDatabase,
            Map<String, String> environment) {
        this(config, configFile, defaultDatabase, environment, AppPaths.dataDirectory(), null);
    }
}
