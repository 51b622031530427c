package org.lantir.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the Python tool's {@code data_sources} list.
 *
 * @param name unique name of the source; rows and sync state are kept under it
 * @param type {@code redcap}, {@code calpendo}, {@code csv_folder} or {@code wl_folder}
 * @param syncIntervalSeconds seconds between runs ({@code sync_interval})
 * @param operationInterval daily window in which the source may sync
 * @param settings the source-specific {@code config} object, as JSON-like immutable values
 *        (e.g. {@code site_id}, {@code protocol}, {@code api_url}, {@code api_token})
 * @param fieldMapping the {@code field_mapping} object: source field name to worklist field
 *        name for REDCap; other source types may nest objects here
 * @param windowMode the Python tool's {@code window_mode} (e.g. {@code today}), or null
 * @param dailyWindow the Python tool's {@code daily_window} flag, or null when absent
 * @param extras keys Lantir does not use, kept so that saving the file does not drop them
 */
public record DataSourceConfig(String name, String type, boolean enabled,
        int syncIntervalSeconds, OperationInterval operationInterval,
        Map<String, Object> settings, Map<String, Object> fieldMapping, String windowMode,
        Boolean dailyWindow, Map<String, Object> extras) {

    public static final String TYPE_REDCAP = "redcap";
    public static final String TYPE_CALPENDO = "calpendo";
    /** CSV files dropped in a folder. */
    public static final String TYPE_CSV_FOLDER = "csv_folder";
    /** A folder of DICOM worklist files ({@code .wl}), as dcmtk and Orthanc serve them. */
    public static final String TYPE_WL_FOLDER = "wl_folder";

    public DataSourceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operationInterval, "operationInterval");
        settings = JsonValues.copyOf(settings);
        fieldMapping = JsonValues.copyOf(fieldMapping);
        extras = JsonValues.copyOf(extras);
    }

    /** A source with the Python tool's defaults for everything but name, type and config. */
    public static DataSourceConfig of(String name, String type, Map<String, Object> settings,
            Map<String, Object> fieldMapping) {
        return new DataSourceConfig(name, type, ConfigDefaults.SOURCE_ENABLED,
                ConfigDefaults.SYNC_INTERVAL_SECONDS, OperationInterval.ALL_DAY, settings,
                fieldMapping, null, null, Map.of());
    }

    public Duration syncInterval() {
        return Duration.ofSeconds(syncIntervalSeconds);
    }

    /** A {@code config} value as text (numbers too), or null when absent or blank. */
    public String setting(String key) {
        Object value = settings.get(key);
        if (value == null || value instanceof Map || value instanceof Iterable) {
            return null;
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? null : text;
    }
}
