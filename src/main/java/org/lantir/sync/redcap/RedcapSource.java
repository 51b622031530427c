package org.lantir.sync.redcap;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.sync.DataSource;
import org.lantir.sync.FetchResult;
import org.lantir.sync.SourceException;
import org.lantir.sync.SyncWindow;
import org.lantir.worklist.UnassignedStation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REDCap project as a data source. Each fetch exports the data dictionary (to drop mapped
 * fields the project lacks, as the Python tool does), then the records of the window, and
 * maps them with {@link RedcapRowMapper}. Only a full export is complete.
 *
 * <p>Credentials: the source's {@code config.api_url} / {@code config.api_token} (or the
 * environment variable named by {@code config.api_token_env}) when set, else the Python
 * tool's {@code REDCAP_API_URL} / {@code REDCAP_API_TOKEN}. The Python tool reads only the
 * environment, so its files keep working; a per-source value lets one Lantir serve several
 * projects.
 */
public final class RedcapSource implements DataSource {

    private static final Logger LOG = LoggerFactory.getLogger(RedcapSource.class);
    public static final String ENV_URL = "REDCAP_API_URL";
    public static final String ENV_TOKEN = "REDCAP_API_TOKEN";
    /** Builds REDCap sources for {@link org.lantir.sync.ConfiguredSources}. */
    public static final org.lantir.sync.SourceFactory FACTORY = RedcapSource::create;

    private final RedcapSettings settings;
    private final RedcapClient client;
    private final RedcapRowMapper mapper;
    /** The last set of mapped fields the project lacked, to warn once per change. */
    private volatile Set<String> lastMissing = Set.of();

    RedcapSource(RedcapSettings settings, RedcapClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.mapper = new RedcapRowMapper(settings);
    }

    /** The worklist fields a {@code field_mapping} may name, in the Python tool's spelling. */
    public static List<String> fieldMappingTargets() {
        return Arrays.stream(WorklistField.values()).map(field -> field.key).toList();
    }

    /**
     * Whether a {@code field_mapping} target is one a sync understands: a worklist field, a
     * name the Python tool's legacy files use for one, or the status (read and ignored).
     */
    public static boolean isFieldMappingTarget(String name) {
        return name != null && (WorklistField.byName(name).isPresent()
                || WorklistField.STATUS_TARGET.equals(name.trim()));
    }

    /**
     * Builds the source of a {@code redcap} entry of the configuration.
     *
     * @param env the process environment ({@code System.getenv()} in production)
     * @throws SourceException when no API URL or token can be found, or a setting is invalid
     */
    public static RedcapSource create(LantirConfig config, DataSourceConfig source,
            Map<String, String> env) throws SourceException {
        RedcapSettings settings = RedcapSettings.from(source, config.protocol());
        RedcapClient client = new RedcapClient(endpoint(source, env));
        tellWithoutStation(settings, config.lantir().server().unassignedStation());
        return new RedcapSource(settings, client);
    }

    /**
     * The Python tool published rows with an empty Scheduled Station AE Title. Lantir never
     * sends that Type 1 return key empty (PS3.4 Table K.6-1): under the site's
     * {@code unassigned_station} policy such rows go to every scanner that asks, as scheduled
     * on it, or to none. Start-up says which, so that a worklist that is too full or empty
     * has a word why.
     */
    private static void tellWithoutStation(RedcapSettings settings, UnassignedStation policy) {
        if (settings.stationAeTitle() != null
                || settings.fields().feeds(WorklistField.SCHEDULED_STATION_AETITLE)) {
            return;
        }
        if (policy == UnassignedStation.HIDDEN) {
            LOG.warn("REDCap source '{}': no config.station_ae_title and no field mapped to "
                    + "scheduled_station_aetitle, and lantir.server.unassigned_station is "
                    + "\"hidden\": its rows have no Scheduled Station AE Title and no scanner "
                    + "will see them", settings.sourceName());
        } else {
            LOG.info("REDCap source '{}': no config.station_ae_title and no field mapped to "
                    + "scheduled_station_aetitle; as lantir.server.unassigned_station is "
                    + "\"any\", its rows go to every scanner that asks, as scheduled on it",
                    settings.sourceName());
        }
    }

    static RedcapEndpoint endpoint(DataSourceConfig source, Map<String, String> env)
            throws SourceException {
        String url = first(source.setting("api_url"), env.get(ENV_URL));
        String tokenEnv = source.setting("api_token_env");
        String token = first(source.setting("api_token"),
                tokenEnv == null ? env.get(ENV_TOKEN) : env.get(tokenEnv));
        String where = "REDCap source '" + source.name() + "'";
        if (url == null) {
            throw new SourceException(where + ": no API URL; set " + ENV_URL
                    + " or config.api_url", false);
        }
        if (token == null) {
            throw new SourceException(where + ": no API token; set "
                    + (tokenEnv == null ? ENV_TOKEN : tokenEnv) + " or config.api_token", false);
        }
        return new RedcapEndpoint(uri(where, url), token, zone(source),
                seconds(source, "connect_timeout_seconds", 10),
                seconds(source, "read_timeout_seconds", 60));
    }

    @Override
    public String name() {
        return settings.sourceName();
    }

    @Override
    public FetchResult fetch(SyncWindow window) throws SourceException {
        List<MetadataField> dictionary = client.exportMetadata();
        if (dictionary.isEmpty()) {
            throw new SourceException(client + " sent an empty data dictionary", true);
        }
        String recordIdField = dictionary.get(0).fieldName();
        Set<String> present = new HashSet<>();
        dictionary.forEach(field -> present.add(field.fieldName()));

        List<String> fields = requestedFields(recordIdField, present);
        List<Map<String, String>> rows = window.full()
                ? client.exportRecords(fields, null, null)
                : client.exportRecords(fields, window.begin(), window.end());

        RedcapRowMapper.Mapped mapped = mapper.map(rows, recordIdField,
                settings.fields().resolve(present));
        LOG.debug("REDCap source '{}': {} rows exported, {} mapped, {} skipped", name(),
                rows.size(), mapped.rows().size(), mapped.skippedKeys().size());
        return new FetchResult(mapped.rows(), window.full(), mapped.skippedKeys(),
                mapped.skipReasons());
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "REDCap source '" + name() + "' (" + client + ")";
    }

    /** The record-ID field, then every wanted field the project has, in a stable order. */
    private List<String> requestedFields(String recordIdField, Set<String> present) {
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(recordIdField);
        wanted.addAll(settings.fields().wanted());
        wanted.addAll(settings.patientIdTemplate().fields());
        wanted.addAll(settings.patientNameTemplate().fields());

        List<String> fields = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String field : wanted) {
            (present.contains(field) ? fields : missing).add(field);
        }
        if (!missing.equals(lastMissing)) {
            LOG.info("REDCap source '{}': the project has no field {}; not requested", name(),
                    missing);
            lastMissing = Set.copyOf(missing);
        }
        return fields;
    }

    private static URI uri(String where, String url) throws SourceException {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SourceException(where + ": the API URL is not a valid http(s) URL",
                    false);
        }
    }

    private static ZoneId zone(DataSourceConfig source) {
        String zone = source.setting("server_timezone");
        return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    private static Duration seconds(DataSourceConfig source, String key, int fallback) {
        String value = source.setting(key);
        return Duration.ofSeconds(value == null ? fallback : Long.parseLong(value));
    }

    private static String first(String preferred, String fallback) {
        String value = preferred != null && !preferred.isBlank() ? preferred : fallback;
        return value == null || value.isBlank() ? null : value.trim();
    }
}
