package org.lantir.sync.calpendo;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.SourceField;
import org.lantir.sync.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one Calpendo source turns bookings into worklist rows, read from its {@code config},
 * {@code field_mapping} and window keys (credentials are in {@link CalpendoEndpoint}). The
 * file's loader has checked the values already (org.lantir.config.CalpendoKeys); a source
 * built from a configuration made in code gets the same checks here.
 *
 * @param resources the {@code resource.name}s whose bookings are read
 * @param statuses the booking statuses that make worklist rows ({@code status_filter})
 * @param zone the Calpendo site's time zone: booking wall-clock times and query values
 * @param lookback how far a rolling window reaches back at least: {@code lookback_multiplier}
 *        sync intervals
 * @param lookaheadDays whole days after today a rolling window covers
 * @param modalities {@code resource_modality_mapping}: resource name (or its start) → modality
 * @param allowedStudies studies whose bookings are kept; empty keeps every study
 * @param rawValueOnMismatch {@code on_pattern_mismatch: "use_raw_value"}: a pattern that does
 *        not match gives the value it was applied to, as in the Python tool, instead of
 *        skipping the booking
 * @param stationAeTitle Scheduled Station AE Title unless mapped, or null
 * @param operatorBookingType the booking sub-type whose operator is asked for
 *        ({@code MRIScan}), or null to ask for none
 * @param operatorProperty that sub-type's operator property ({@code Operator})
 */
record CalpendoSettings(String sourceName, List<String> resources, List<String> statuses,
        ZoneId zone, WindowMode windowMode, Duration lookback, int lookaheadDays,
        Map<String, String> modalities, List<String> allowedStudies,
        Map<CalpendoField, SourceField> fields, boolean rawValueOnMismatch,
        NameOrder nameOrder, String stationAeTitle, String operatorBookingType,
        String operatorProperty) {

    private static final Logger LOG = LoggerFactory.getLogger(CalpendoSettings.class);

    static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Edmonton");
    static final List<String> DEFAULT_STATUSES = List.of("Approved");
    static final double DEFAULT_LOOKBACK_MULTIPLIER = 2;
    static final int DEFAULT_LOOKAHEAD_DAYS = 1;
    static final String DEFAULT_OPERATOR_TYPE = "MRIScan";
    static final String DEFAULT_OPERATOR_PROPERTY = "Operator";
    /** Targets of the Python tool's files that Lantir takes from the booking itself. */
    private static final List<String> BOOKING_TARGETS = List.of(
            "performed_procedure_step_status", "scheduled_start_date", "scheduled_start_time",
            "scheduled_procedure_step_duration");

    /**
     * The Python tool's example mapping, used when a source has no {@code field_mapping} at
     * all: titles such as {@code SUB2041_Maren_Okafor}, projects such as
     * {@code BRISK (Brain imaging in resilient kids)}, the booking id as accession number.
     */
    static final Map<CalpendoField, SourceField> DEFAULT_FIELDS = Map.of(
            CalpendoField.PATIENT_ID, new SourceField("title",
                    Pattern.compile("^([A-Z0-9]+)_.*"), 1, null),
            CalpendoField.PATIENT_NAME, new SourceField("title",
                    Pattern.compile("^[A-Z0-9]+_(.+)$"), 1, null),
            CalpendoField.STUDY_DESCRIPTION, new SourceField("properties.project.formattedName",
                    Pattern.compile("^([^(]+)"), 1, null),
            CalpendoField.ACCESSION_NUMBER, SourceField.path("id"));

    /** Which bookings a run reads: see {@link CalpendoWindow}. */
    enum WindowMode { ROLLING, TODAY }

    /** How a name without '^' is split into family and given names. */
    enum NameOrder { GIVEN_FAMILY, FAMILY_GIVEN }

    CalpendoSettings {
        resources = List.copyOf(resources);
        statuses = List.copyOf(statuses);
        modalities = Collections.unmodifiableMap(new LinkedHashMap<>(modalities));
        allowedStudies = List.copyOf(allowedStudies);
        fields = Collections.unmodifiableMap(new EnumMap<>(fields));
        Objects.requireNonNull(zone, "zone");
    }

    /** Reads a {@code calpendo} source's settings. */
    static CalpendoSettings from(DataSourceConfig source) throws SourceException {
        Map<String, Object> config = source.settings();
        String where = "Calpendo source '" + source.name() + "'";
        List<String> resources = texts(config.get("resources"));
        if (resources.isEmpty()) {
            throw new SourceException(where + ": config.resources names no resource", false);
        }
        List<String> statuses = texts(config.get("status_filter"));
        return new CalpendoSettings(source.name(), resources,
                statuses.isEmpty() ? DEFAULT_STATUSES : statuses, zone(where, source),
                windowMode(source), lookback(where, source),
                integer(source, "lookahead_days", DEFAULT_LOOKAHEAD_DAYS),
                textMap(config.get("resource_modality_mapping")),
                texts(config.get("allowed_studies")), fields(where, source),
                "use_raw_value".equalsIgnoreCase(source.setting("on_pattern_mismatch")),
                "family_given".equalsIgnoreCase(source.setting("patient_name_order"))
                        ? NameOrder.FAMILY_GIVEN : NameOrder.GIVEN_FAMILY,
                source.setting("station_ae_title"), operatorType(source),
                or(source.setting("operator_property"), DEFAULT_OPERATOR_PROPERTY));
    }

    /** Whether {@code status} makes a worklist row (statuses compare ignoring case). */
    boolean accepts(String status) {
        return status != null && statuses.stream().anyMatch(s -> s.equalsIgnoreCase(
                status.trim()));
    }

    private static ZoneId zone(String where, DataSourceConfig source) throws SourceException {
        String zone = source.setting("timezone");
        try {
            return zone == null ? DEFAULT_ZONE : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new SourceException(where + ": config.timezone is not a time zone", false);
        }
    }

    /** The entry's {@code window_mode} wins over its config's; then {@code daily_window}. */
    private static WindowMode windowMode(DataSourceConfig source) {
        String mode = source.windowMode() != null ? source.windowMode()
                : source.setting("window_mode");
        if (mode != null) {
            return "today".equalsIgnoreCase(mode.trim()) ? WindowMode.TODAY : WindowMode.ROLLING;
        }
        Object daily = source.dailyWindow() != null ? source.dailyWindow()
                : source.settings().get("daily_window");
        boolean today = daily instanceof Boolean b ? b
                : daily != null && List.of("true", "1", "yes").contains(
                        String.valueOf(daily).trim().toLowerCase(Locale.ROOT));
        return today ? WindowMode.TODAY : WindowMode.ROLLING;
    }

    private static Duration lookback(String where, DataSourceConfig source)
            throws SourceException {
        Object value = source.settings().get("lookback_multiplier");
        double multiplier = value == null ? DEFAULT_LOOKBACK_MULTIPLIER
                : value instanceof Number n ? n.doubleValue() : -1;
        if (!(multiplier > 0)) {
            throw new SourceException(where + ": config.lookback_multiplier is not a number "
                    + "above 0", false);
        }
        return Duration.ofMillis(Math.round(source.syncInterval().toMillis() * multiplier));
    }

    /**
     * The mapping of {@code config.field_mapping} (the Python tool's example puts it there)
     * and of the entry's own {@code field_mapping}; the entry's wins for a field named in
     * both. Without either, {@link #DEFAULT_FIELDS}.
     */
    private static Map<CalpendoField, SourceField> fields(String where,
            DataSourceConfig source) throws SourceException {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (source.settings().get("field_mapping") instanceof Map<?, ?> inside) {
            inside.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        merged.putAll(source.fieldMapping());
        if (merged.isEmpty()) {
            return DEFAULT_FIELDS;
        }
        Map<CalpendoField, SourceField> fields = new EnumMap<>(CalpendoField.class);
        for (Map.Entry<String, Object> entry : merged.entrySet()) {
            String target = entry.getKey();
            CalpendoField field = CalpendoField.byKey(target).orElse(null);
            if (field == null && BOOKING_TARGETS.contains(target.trim().toLowerCase(
                    Locale.ROOT))) {
                LOG.info("{}: field_mapping.{} is not used: dates, times and the status come "
                        + "from the booking itself", where, target);
                continue;
            }
            if (field == null && target.startsWith("_")) {
                continue;
            }
            if (field == null) {
                throw new SourceException(where + ": field_mapping." + target + " is not a "
                        + "worklist field Lantir fills from Calpendo", false);
            }
            fields.put(field, parse(where, entry.getKey(), entry.getValue()));
        }
        if (!fields.containsKey(CalpendoField.PATIENT_ID)) {
            throw new SourceException(where + ": field_mapping names no patient_id", false);
        }
        return fields;
    }

    private static SourceField parse(String where, String target, Object entry)
            throws SourceException {
        try {
            return SourceField.parse(entry);
        } catch (SourceField.InvalidEntry e) {
            String key = e.key().isEmpty() ? target : target + "." + e.key();
            throw new SourceException(where + ": field_mapping." + key + ": " + e.getMessage(),
                    false);
        }
    }

    private static String operatorType(DataSourceConfig source) {
        Object value = source.settings().get("operator_booking_type");
        if (value == null) {
            return DEFAULT_OPERATOR_TYPE;
        }
        String type = String.valueOf(value).trim();
        return type.isEmpty() ? null : type;
    }

    private static int integer(DataSourceConfig source, String key, int fallback) {
        return source.settings().get(key) instanceof Number n ? n.intValue() : fallback;
    }

    /** A text or a list of texts, trimmed, blanks left out. */
    static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> add(texts, item));
        } else {
            add(texts, value);
        }
        return texts;
    }

    private static void add(List<String> texts, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            texts.add(String.valueOf(value).trim());
        }
    }

    private static Map<String, String> textMap(Object value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> {
                if (v != null && !String.valueOf(v).isBlank()) {
                    map.put(String.valueOf(k).trim(), String.valueOf(v).trim());
                }
            });
        }
        return map;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
