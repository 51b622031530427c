package org.lantir.sync.calpendo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.lantir.sync.HttpOutage;
import org.lantir.sync.HttpOutage.BodyReader;
import org.lantir.sync.HttpOutage.Carried;
import org.lantir.sync.RetryAfter;
import org.lantir.sync.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of Calpendo's read-only query and REST APIs (reference notes §3-§8): HTTP GETs with
 * Basic authentication sent up front, {@code Accept: application/json}, success only as HTTP
 * 200 with the JSON shape the API promises. Everything else becomes a {@link SourceException}
 * whose reason names the server, what was asked and what went wrong in plain words, never
 * the username or password and never a body (booking titles carry names). Thread-safe: a
 * source fetches several bookings' details at once through one client.
 *
 * <p>Each answer must start within the read timeout, keep coming without a longer pause, and
 * be complete within {@link CalpendoEndpoint#answerDeadline()}, so that a server that trickles
 * bytes for minutes cannot hold a sync.
 */
final class CalpendoClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CalpendoClient.class);
    private static final int PREFIX_BYTES = 512;

    private final CalpendoEndpoint endpoint;
    private final CloseableHttpClient http;
    private final HttpOutage.Limits limits;
    private final ScheduledExecutorService deadlines;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    CalpendoClient(CalpendoEndpoint endpoint) {
        this(endpoint, SystemDefaultDnsResolver.INSTANCE);
    }

    /** @param dns how host names are resolved (tests resolve none, to stay off the network) */
    CalpendoClient(CalpendoEndpoint endpoint, DnsResolver dns) {
        this.endpoint = endpoint;
        Timeout connect = Timeout.of(endpoint.connectTimeout());
        Timeout read = Timeout.of(endpoint.readTimeout());
        int connections = endpoint.maxParallelRequests();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder
                .create()
                .setDnsResolver(dns)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect).setSocketTimeout(read)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect).build())
                .setRetryStrategy(new StaleConnectionRetry(pool))
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAuthCaching()
                .setUserAgent("Lantir")
                .build();
        this.limits = new HttpOutage.Limits("base_url", endpoint.connectTimeout(),
                endpoint.readTimeout(), text -> Scrub.text(text, endpoint));
        this.deadlines = HttpOutage.deadlineThread("calpendo-deadlines");
    }

    /** Deadlines waiting in the timer's queue; for leak checks. */
    int pendingDeadlines() {
        return ((ScheduledThreadPoolExecutor) deadlines).getQueue().size();
    }

    /** What a request asked for, to name it in failure reasons and pick status rules. */
    private enum Ask {
        LIST("the booking list"), DETAIL("a booking's details"), OPERATOR("an operator");

        final String words;

        Ask(String words) {
            this.words = words;
        }
    }

    /** The bookings a query path ({@link CalpendoQuery#bookings}) selects. */
    List<CalpendoJson.Listed> bookings(String queryPath) throws SourceException {
        return get(queryPath, Ask.LIST, body -> CalpendoJson.listed(
                CalpendoJson.read(body, CalpendoJson.MAX_LIST_CHARS)));
    }

    /** A booking's details; empty when the server has no booking with that id (404). */
    Optional<JsonNode> booking(long id) throws SourceException {
        return Optional.ofNullable(get(CalpendoQuery.booking(id), Ask.DETAIL,
                body -> CalpendoJson.detail(CalpendoJson.read(body,
                        CalpendoJson.MAX_DETAIL_CHARS), id)));
    }

    /** The operator of a booking of a sub-type such as {@code MRIScan}; empty when none. */
    Optional<String> operator(String bookingType, String property, long id)
            throws SourceException {
        Optional<String> name = get(CalpendoQuery.operator(bookingType, property, id),
                Ask.OPERATOR, body -> CalpendoJson.operator(CalpendoJson.read(body,
                        CalpendoJson.MAX_DETAIL_CHARS), property));
        return name == null ? Optional.empty() : name;
    }

    /** Cancels every request in flight (each fails promptly) and releases the connections. */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(call -> call.request.cancel());
        http.close(CloseMode.IMMEDIATE);
        deadlines.shutdownNow();
    }

    /** Cancels the requests in flight without closing: a run gives up on the rest. */
    void cancelAll() {
        inFlight.forEach(call -> call.request.cancel());
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }

    /** One request, and whether its deadline cancelled it. */
    private static final class Call {
        final HttpGet request;
        volatile boolean expired;

        Call(HttpGet request) {
            this.request = request;
        }

        void expire() {
            expired = true;
            request.cancel();
        }
    }

    private <T> T get(String pathAndQuery, Ask ask, BodyReader<T> reader)
            throws SourceException {
        if (closed) {
            throw new SourceException(this + ": request stopped", true);
        }
        HttpGet get = new HttpGet(endpoint.resolve(pathAndQuery));
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        get.setHeader(HttpHeaders.AUTHORIZATION, endpoint.basicAuthorization());
        Call call = new Call(get);
        inFlight.add(call);
        ScheduledFuture<?> deadline = scheduleDeadline(call);
        try {
            LOG.debug("{}: GET {}", this, pathAndQuery);
            return http.execute(get, response -> read(response, ask, reader, call));
        } catch (Carried e) {
            throw e.reason();
        } catch (IOException e) {
            throw failure(ask, call, e);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            inFlight.remove(call);
        }
    }

    private ScheduledFuture<?> scheduleDeadline(Call call) {
        try {
            return deadlines.schedule(call::expire, endpoint.answerDeadline().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            call.request.cancel();
            return null;
        }
    }

    private <T> T read(ClassicHttpResponse response, Ask ask, BodyReader<T> reader, Call call)
            throws IOException {
        HttpEntity entity = response.getEntity();
        InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
        int status = response.getCode();
        if (status == 404 && ask == Ask.DETAIL) {
            LOG.debug("{}: {} is gone (HTTP 404)", this, call.request.getRequestUri());
            return null;
        }
        if (status != 200) {
            logPrefix(status, body);
            // Drop the connection rather than let HttpClient read the rest of the body.
            call.request.cancel();
            throw new Carried(statusFailure(ask, response));
        }
        try {
            return reader.read(body);
        } catch (StreamConstraintsException e) {
            call.request.cancel();
            throw new Carried(new SourceException(this + " sent " + ask.words + " longer than "
                    + "Lantir reads; narrow the resources or the window", false));
        } catch (CalpendoJson.NotJsonException e) {
            call.request.cancel();
            throw new Carried(new SourceException(this + " sent " + ask.words + " that is not "
                    + "JSON (" + contentType(response) + "; perhaps a login page; body not "
                    + "shown)", true));
        } catch (CalpendoJson.ShapeException e) {
            call.request.cancel();
            throw new Carried(new SourceException(this + " sent " + e.getMessage() + " for "
                    + ask.words, true));
        } catch (JsonProcessingException e) {
            call.request.cancel();
            throw new Carried(malformed(ask, e));
        }
    }

    /** At DEBUG, where patient data may appear, the start of an error body helps a person. */
    private void logPrefix(int status, InputStream body) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        try {
            String text = new String(body.readNBytes(PREFIX_BYTES), StandardCharsets.UTF_8);
            LOG.debug("{}: HTTP {} body starts: {}", this, status, Scrub.text(text, endpoint));
        } catch (IOException e) {
            LOG.debug("{}: HTTP {} body unreadable", this, status);
        }
    }

    private SourceException statusFailure(Ask ask, ClassicHttpResponse response) {
        int status = response.getCode();
        String http = "(HTTP " + status + ")";
        if (status == 401) {
            return new SourceException(this + " refused the username or password " + http
                    + "; check CALPENDO_USERNAME and CALPENDO_PASSWORD or the source's "
                    + "config.username and config.password", false);
        }
        if (status == 403) {
            return new SourceException(this + " refused access to " + ask.words + " " + http
                    + ": the account may not read bookings", false);
        }
        if (status == 429) {
            Duration wait = retryAfter(response);
            return new SourceException(this + " asked Lantir to slow down " + http
                    + RetryAfter.words(wait), true, wait, null);
        }
        if (status >= 500 || status == 408) {
            // A 503 may say when the server is back (RFC 9110 §15.6.4).
            Duration wait = status == 503 ? retryAfter(response) : null;
            return new SourceException(this + " answered " + ask.words + " with a server "
                    + "error " + http + RetryAfter.words(wait), true, wait, null);
        }
        if (status >= 300 && status < 400) {
            return new SourceException(this + " sent " + ask.words + " elsewhere " + http
                    + ", perhaps to a login page; check base_url", false);
        }
        if (status == 404) {
            return new SourceException(this + " has no such address for " + ask.words + " "
                    + http + "; check base_url" + (ask == Ask.OPERATOR
                    ? " and operator_booking_type" : ""), false);
        }
        return new SourceException(this + " rejected the request for " + ask.words + " "
                + http + (ask == Ask.LIST ? "; check resources and status_filter" : ""), false);
    }

    /** The wait a 429 or 503 asks for in its {@code Retry-After}, or null. */
    private static Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return header == null ? null : RetryAfter.parse(header.getValue(), Instant.now());
    }

    private static String contentType(ClassicHttpResponse response) {
        Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        return type == null ? "no content type" : "content type " + type.getValue()
                .split(";")[0].trim();
    }

    /** A JSON body broken further on is not quoted: it may hold patient data. */
    private SourceException malformed(Ask ask, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        return new SourceException(this + " sent " + ask.words + " as malformed JSON" + where
                + " (body not shown)", true);
    }

    private SourceException failure(Ask ask, Call call, IOException e) {
        LOG.debug("{}: {} failed: {}", this, ask.words, e.getClass().getName());
        if (call.expired) {
            return new SourceException(this + " did not finish sending " + ask.words
                    + " within " + HttpOutage.seconds(endpoint.answerDeadline()), true, e);
        }
        if (closed || HttpOutage.stopped(e)) {
            return new SourceException(this + ": request stopped", true, e);
        }
        return new SourceException(this + " " + HttpOutage.reason(e, ask.words, limits),
                HttpOutage.mayClear(e), e);
    }

    /**
     * Retries a GET once when the server closed a kept-alive connection before answering it:
     * between runs a server may drop idle connections, and that is no outage. Nothing else is
     * retried here: the scheduler backs off after a failed run.
     */
    private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {

        private final PoolingHttpClientConnectionManager pool;

        StaleConnectionRetry(PoolingHttpClientConnectionManager pool) {
            this.pool = pool;
        }

        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount,
                HttpContext context) {
            boolean retry = execCount <= 1 && exception instanceof NoHttpResponseException
                    && "GET".equals(request.getMethod());
            if (retry) {
                // The other idle connections went the same way: open a fresh one.
                pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
            }
            return retry;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount,
                HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount,
                HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }
}
