package org.lantir.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.lantir.app.Lantir;

/**
 * What every screen of one console window shares.
 *
 * @param lantir the running server, worklist, schedules and event feed
 * @param configFile the file the configuration was read from and is saved to
 * @param environment the process environment, for sources' credentials
 */
public record ConsoleContext(Lantir lantir, Path configFile, UiThreads threads, Clock clock,
        Map<String, String> environment) {
}
