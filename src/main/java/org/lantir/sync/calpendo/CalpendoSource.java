package org.lantir.sync.calpendo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.sync.DataSource;
import org.lantir.sync.FetchResult;
import org.lantir.sync.SkipWarnings;
import org.lantir.sync.SourceException;
import org.lantir.sync.SourceFactory;
import org.lantir.sync.SyncWindow;
import org.lantir.worklist.UnassignedStation;
import org.lantir.worklist.WorklistItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Calpendo booking system as a data source. Each fetch lists the bookings of the
 * configured resources and statuses that start in the run's {@link CalpendoWindow}, fetches
 * each one's details (at most {@code max_parallel_requests} at once) and, for MRI scans, its
 * operator, then maps them with {@link CalpendoRowMapper}. The result is complete: it is the
 * source's whole current set, so a SCHEDULED row whose booking was cancelled, denied,
 * deleted (listed, then 404 on its details) or moved out of the window leaves the worklist,
 * and a booking that moved within it updates its row (the key is the booking id). Rows that
 * MPPS has moved are never touched (the worklist's sync rules). A booking that cannot be
 * mapped keeps its stored row.
 *
 * <p>Any failure of the list or of a detail (an outage, refused credentials, a body that is
 * not the promised JSON, a timeout) fails the whole run: nothing is applied. Only the
 * operator, which feeds no required field, is allowed to fail alone (WARN, no operator).
 *
 * <p>Credentials: the source's {@code config.base_url}, {@code config.username} and
 * {@code config.password} (or the variable {@code config.password_env} names) when set, else
 * the Python tool's {@code CALPENDO_API_URL}, {@code CALPENDO_USERNAME} and
 * {@code CALPENDO_PASSWORD}.
 */
public final class CalpendoSource implements DataSource {

    private static final Logger LOG = LoggerFactory.getLogger(CalpendoSource.class);
    public static final String ENV_URL = "CALPENDO_API_URL";
    public static final String ENV_USERNAME = "CALPENDO_USERNAME";
    public static final String ENV_PASSWORD = "CALPENDO_PASSWORD";
    /** Builds Calpendo sources for {@link org.lantir.sync.ConfiguredSources}. */
    public static final SourceFactory FACTORY = CalpendoSource::create;

    private static final Duration IDLE_WORKER = Duration.ofSeconds(30);

    private final CalpendoSettings settings;
    private final CalpendoClient client;
    private final CalpendoRowMapper mapper;
    private final ThreadPoolExecutor workers;
    private final SkipWarnings skipWarnings = new SkipWarnings(LOG);

    CalpendoSource(CalpendoSettings settings, CalpendoClient client, int parallel) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.mapper = new CalpendoRowMapper(settings);
        this.workers = workers(settings.sourceName(), parallel);
    }

    /**
     * Builds the source of a {@code calpendo} entry of the configuration.
     *
     * @param env the process environment ({@code System.getenv()} in production)
     * @throws SourceException when no base URL, username or password can be found, or a
     *         setting is invalid
     */
    public static CalpendoSource create(LantirConfig config, DataSourceConfig source,
            Map<String, String> env) throws SourceException {
        CalpendoSettings settings = CalpendoSettings.from(source);
        CalpendoEndpoint endpoint = endpoint(source, env);
        tellWithoutStation(settings, config.lantir().server().unassignedStation());
        return new CalpendoSource(settings, new CalpendoClient(endpoint),
                endpoint.maxParallelRequests());
    }

    static CalpendoEndpoint endpoint(DataSourceConfig source, Map<String, String> env)
            throws SourceException {
        String where = "Calpendo source '" + source.name() + "'";
        String url = first(source.setting("base_url"), env.get(ENV_URL));
        String username = first(source.setting("username"), env.get(ENV_USERNAME));
        String passwordEnv = source.setting("password_env");
        // A password is used exactly as written: spaces may belong to it.
        String password = secret(source.settings().get("password"),
                env.get(passwordEnv == null ? ENV_PASSWORD : passwordEnv));
        if (url == null) {
            throw new SourceException(where + ": no Calpendo address; set config.base_url or "
                    + ENV_URL, false);
        }
        if (username == null) {
            throw new SourceException(where + ": no username; set " + ENV_USERNAME
                    + " or config.username", false);
        }
        if (password == null) {
            throw new SourceException(where + ": no password; set "
                    + (passwordEnv == null ? ENV_PASSWORD : passwordEnv)
                    + " or config.password", false);
        }
        return new CalpendoEndpoint(uri(where, url), username, password,
                Duration.ofSeconds(integer(source, "connect_timeout_seconds", 10)),
                Duration.ofSeconds(integer(source, "read_timeout_seconds", 30)),
                integer(source, "max_parallel_requests", 4));
    }

    @Override
    public String name() {
        return settings.sourceName();
    }

    /**
     * Reads the bookings of the window that ends at {@code window.end()}; the change times
     * of {@code window} do not matter, as Calpendo cannot be asked for changes.
     */
    @Override
    public FetchResult fetch(SyncWindow window) throws SourceException {
        CalpendoWindow bookings = CalpendoWindow.of(settings, window.end());
        LOG.debug("{}: {}", this, bookings);
        List<CalpendoJson.Listed> listed = distinct(client.bookings(CalpendoQuery.bookings(
                settings.resources(), settings.statuses(), bookings)));

        List<Fetched> fetched = fetchAll(listed);

        List<WorklistItem> rows = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        int gone = 0;
        for (Fetched booking : fetched) {
            gone += map(booking, rows, skipped) ? 0 : 1;
        }
        skipWarnings.runEnded(skipped.keySet().stream().map(key -> "booking " + key)
                .collect(Collectors.toSet()));
        LOG.debug("{}: {} listed, {} rows, {} skipped, {} gone, {} without a row", this,
                listed.size(), rows.size(), skipped.size(), gone,
                listed.size() - rows.size() - skipped.size() - gone);
        return new FetchResult(rows, true, List.copyOf(skipped.keySet()), skipped);
    }

    @Override
    public void close() {
        client.close();
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "Calpendo source '" + name() + "' (" + client + ")";
    }

    /** One listed booking as fetched: its details (null when deleted) and its operator. */
    private record Fetched(CalpendoJson.Listed listed, JsonNode detail, String operator) {
    }

    /** @return false when the booking was gone */
    private boolean map(Fetched fetched, List<WorklistItem> rows,
            Map<String, String> skipped) {
        long id = fetched.listed().id();
        if (fetched.detail() == null) {
            // Said at DEBUG: it may never have had a row; a row that leaves is counted.
            LOG.debug("{}: booking {} was deleted after it was listed (HTTP 404 on its "
                    + "details); its row, if it had one, leaves the worklist", this, id);
            return false;
        }
        Booking booking;
        try {
            booking = Booking.of(id, fetched.detail(), settings.zone());
        } catch (Booking.UnreadableTimes e) {
            skipWarnings.skipped(toString(), "booking " + id, e.getMessage());
            skipped.put(Long.toString(id), e.getMessage());
            return true;
        }
        CalpendoRowMapper.Outcome outcome = mapper.map(booking, fetched.operator());
        if (outcome instanceof CalpendoRowMapper.Row row) {
            rows.add(row.item());
        } else if (outcome instanceof CalpendoRowMapper.Skipped skip) {
            skipWarnings.skipped(toString(), "booking " + id, skip.why());
            skipped.put(booking.key(), skip.why());
        }
        return true;
    }

    /**
     * Fetches every booking's details on the workers; the first failure cancels the rest and
     * fails the run.
     */
    private List<Fetched> fetchAll(List<CalpendoJson.Listed> listed) throws SourceException {
        CompletionService<Fetched> done = new ExecutorCompletionService<>(workers);
        List<Future<Fetched>> futures = new ArrayList<>(listed.size());
        Map<Long, Fetched> byId = new LinkedHashMap<>();
        listed.forEach(booking -> byId.put(booking.id(), null));
        try {
            for (CalpendoJson.Listed booking : listed) {
                futures.add(done.submit(() -> fetch(booking)));
            }
            for (int i = 0; i < listed.size(); i++) {
                Fetched fetched = done.take().get();
                byId.put(fetched.listed().id(), fetched);
            }
            return new ArrayList<>(byId.values());
        } catch (ExecutionException e) {
            giveUp(futures);
            throw asSourceException(e.getCause());
        } catch (InterruptedException | RejectedExecutionException e) {
            // Stopping: the scheduler interrupts the run, or closed the source meanwhile.
            giveUp(futures);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SourceException(this + ": request stopped", true);
        }
    }

    private Fetched fetch(CalpendoJson.Listed listed) throws SourceException {
        JsonNode detail = client.booking(listed.id()).orElse(null);
        if (detail == null) {
            return new Fetched(listed, null, null);
        }
        return new Fetched(listed, detail, operator(listed.id(), detail));
    }

    /**
     * The operator of a booking of the operator sub-type that may become a row, unless a
     * mapping names the performing physician. Its failure is reported and the booking kept.
     */
    private String operator(long id, JsonNode detail) throws SourceException {
        String type = settings.operatorBookingType();
        String bookingType = CalpendoJson.text(detail.get("biskitType"));
        boolean wanted = type != null && type.equalsIgnoreCase(bookingType)
                && !settings.fields().containsKey(CalpendoField.PERFORMING_PHYSICIAN)
                && settings.accepts(statusOf(detail));
        if (!wanted) {
            return null;
        }
        try {
            return client.operator(bookingType, settings.operatorProperty(), id).orElse(null);
        } catch (SourceException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            LOG.warn("{}: booking {}: operator not read, the row goes without one: {}", this,
                    id, e.getMessage());
            return null;
        }
    }

    private static String statusOf(JsonNode detail) {
        String top = CalpendoJson.text(detail.get("status"));
        return top != null ? top : CalpendoJson.text(detail.path("properties").get("status"));
    }

    private void giveUp(List<Future<Fetched>> futures) {
        futures.forEach(future -> future.cancel(true));
        client.cancelAll();
    }

    private SourceException asSourceException(Throwable cause) {
        if (cause instanceof SourceException e) {
            return e;
        }
        LOG.error("{}: fetching a booking failed", this, cause);
        return new SourceException(this + ": internal error: " + cause, true, cause);
    }

    /** The list once per id, in its order (a server may repeat a booking). */
    private static List<CalpendoJson.Listed> distinct(List<CalpendoJson.Listed> listed) {
        Map<Long, CalpendoJson.Listed> byId = new LinkedHashMap<>();
        listed.forEach(booking -> byId.putIfAbsent(booking.id(), booking));
        return new ArrayList<>(byId.values());
    }

    private static ThreadPoolExecutor workers(String sourceName, int parallel) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parallel, parallel,
                IDLE_WORKER.toMillis(), TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "calpendo-" + sourceName + "-"
                            + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Idle between runs, a source holds no threads.
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Without a station the rows go to every scanner that asks, or to none, as the site's
     * {@code unassigned_station} says: start-up says which (as for REDCap sources).
     */
    private static void tellWithoutStation(CalpendoSettings settings,
            UnassignedStation policy) {
        if (settings.stationAeTitle() != null
                || settings.fields().containsKey(CalpendoField.SCHEDULED_STATION_AETITLE)) {
            return;
        }
        if (policy == UnassignedStation.HIDDEN) {
            LOG.warn("Calpendo source '{}': no config.station_ae_title and no field mapped to "
                    + "scheduled_station_aetitle, and lantir.server.unassigned_station is "
                    + "\"hidden\": no scanner will see its rows", settings.sourceName());
        } else {
            LOG.info("Calpendo source '{}': no config.station_ae_title; as "
                    + "lantir.server.unassigned_station is \"any\", its rows go to every "
                    + "scanner that asks", settings.sourceName());
        }
    }

    /** https, or http on this machine only: Basic authentication sends the password. */
    private static URI uri(String where, String url) throws SourceException {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? ""
                    : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopbackHttp = scheme.equals("http") && uri.getHost() != null
                    && isLoopback(uri.getHost());
            if (uri.getHost() != null && (scheme.equals("https") || loopbackHttp)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            LOG.debug("{}: base URL unreadable at index {}", where, e.getIndex());
        }
        throw new SourceException(where + ": the Calpendo address is not an https:// URL "
                + "(http:// is accepted for this machine only: the password would cross the "
                + "network readable)", false);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]")
                || h.equals("::1");
    }

    private static int integer(DataSourceConfig source, String key, int fallback) {
        return source.settings().get(key) instanceof Number n ? n.intValue() : fallback;
    }

    private static String secret(Object preferred, String fallback) {
        if (preferred instanceof String text && !text.isEmpty()) {
            return text;
        }
        return fallback == null || fallback.isEmpty() ? null : fallback;
    }

    private static String first(String preferred, String fallback) {
        String value = preferred != null && !preferred.isBlank() ? preferred : fallback;
        return value == null || value.isBlank() ? null : value.trim();
    }
}
