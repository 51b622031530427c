package org.lantir.config;

import java.util.Map;
import java.util.Objects;

/**
 * The desktop window's settings ({@code lantir.desktop} in the file); the headless
 * {@code lantir start} ignores them.
 *
 * @param closeAction what closing the window does
 * @param extras keys of {@code lantir.desktop} Lantir does not know, kept on save
 */
public record DesktopSettings(CloseAction closeAction, Map<String, Object> extras) {

    public DesktopSettings {
        Objects.requireNonNull(closeAction, "closeAction");
        extras = JsonValues.copyOf(extras);
    }

    public DesktopSettings(CloseAction closeAction) {
        this(closeAction, Map.of());
    }

    public static DesktopSettings defaults() {
        return new DesktopSettings(ConfigDefaults.CLOSE_ACTION);
    }

    public DesktopSettings withCloseAction(CloseAction action) {
        return new DesktopSettings(action, extras);
    }
}
