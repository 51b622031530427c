package org.lantir.ui;

import java.nio.file.Path;
import java.util.Map;
import org.lantir.config.LantirConfig;

/**
 * What the window opens with, decided by the command line before JavaFX starts.
 *
 * @param config the configuration, already loaded and checked
 * @param configFile where the configuration editor saves it
 * @param defaultDatabase the database used when the configuration names none
 * @param environment the process environment, for sources' credentials
 */
public record DesktopStartup(LantirConfig config, Path configFile, Path defaultDatabase,
        Map<String, String> environment) {
}
