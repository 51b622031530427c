package org.lantir.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What closing the desktop window does ({@code lantir.desktop.close_action}).
 */
public enum CloseAction {

    /** Closing the window stops the DICOM server and the sync (the default). */
    STOP("stop"),
    /** Closing the window asks whether to keep serving in the background. */
    ASK("ask");

    private final String configName;

    CloseAction(String configName) {
        this.configName = configName;
    }

    /** The word in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The action a configuration word names, ignoring case and surrounding spaces. */
    public static Optional<CloseAction> fromConfigName(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        for (CloseAction action : values()) {
            if (action.configName.equals(wanted)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
