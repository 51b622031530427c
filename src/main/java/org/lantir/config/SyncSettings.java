package org.lantir.config;

import java.time.Duration;
import java.util.Map;

/**
 * How the sync scheduler paces every source ({@code lantir.sync} in the file).
 *
 * @param overlap how far each incremental window reaches back before the previous one ended
 * @param retryInitial the first wait after a failed run; it doubles on each further failure
 * @param retryMax the longest wait between failed runs (also used for failures that retrying
 *        soon cannot fix, such as a refused token)
 * @param extras keys of {@code lantir.sync} Lantir does not know, kept on save
 */
public record SyncSettings(Duration overlap, Duration retryInitial, Duration retryMax,
        Map<String, Object> extras) {

    public SyncSettings {
        extras = JsonValues.copyOf(extras);
    }

    /** Settings without keys Lantir does not know. */
    public SyncSettings(Duration overlap, Duration retryInitial, Duration retryMax) {
        this(overlap, retryInitial, retryMax, Map.of());
    }

    public static SyncSettings defaults() {
        return new SyncSettings(ConfigDefaults.SYNC_OVERLAP, ConfigDefaults.SYNC_RETRY_INITIAL,
                ConfigDefaults.SYNC_RETRY_MAX);
    }
}
