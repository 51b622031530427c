package org.lantir.sync.redcap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.lantir.sync.HttpOutage;
import org.lantir.sync.HttpOutage.BodyReader;
import org.lantir.sync.HttpOutage.Carried;
import org.lantir.sync.RetryAfter;
import org.lantir.sync.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the REDCap API: form-encoded POSTs with {@code format=json} and
 * {@code returnFormat=json}, arrays sent as {@code fields[0]}, {@code fields[1]}, ... (as
 * PyCap does). Success is HTTP 200 with the expected JSON shape; anything else becomes a
 * {@link SourceException} whose reason names the server and the problem in plain words (refused
 * connection, unknown host, failed TLS handshake, refused token, missing API, rate limit with
 * its {@code Retry-After}, server error, a body cut short, not JSON or malformed, a timeout),
 * never the token and never record contents. Not thread-safe: one scheduler thread uses it.
 *
 * <p>Each answer must start within the read timeout, keep coming without a longer pause, and
 * be complete within {@link #DEADLINE_READ_TIMEOUTS} read timeouts, so that a server that
 * trickles bytes for minutes cannot hold a sync.
 */
public final class RedcapClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedcapClient.class);
    private static final DateTimeFormatter BOUND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Larger answers are refused instead of filling the heap. */
    static final long MAX_BODY_BYTES = 256L * 1024 * 1024;
    private static final int ERROR_PREFIX_BYTES = 4096;
    /** Enough for the parser's first reads, so a body that is not JSON can be quoted. */
    private static final int MARK_LIMIT = 65_536;
    /** How many read timeouts a whole answer may take. */
    static final int DEADLINE_READ_TIMEOUTS = 4;

    private final RedcapEndpoint endpoint;
    private final CloseableHttpClient http;
    private final HttpOutage.Limits limits;
    private final ScheduledExecutorService deadlines;
    private volatile Call inFlight;
    private volatile boolean closed;

    public RedcapClient(RedcapEndpoint endpoint) {
        this(endpoint, SystemDefaultDnsResolver.INSTANCE);
    }

    /** @param dns how host names are resolved (tests resolve none, to stay off the network) */
    RedcapClient(RedcapEndpoint endpoint, DnsResolver dns) {
        this.endpoint = endpoint;
        Timeout connect = Timeout.of(endpoint.connectTimeout());
        Timeout read = Timeout.of(endpoint.readTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(dns)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .setMaxConnTotal(2).setMaxConnPerRoute(2).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .setUserAgent("Lantir")
                .build();
        this.limits = new HttpOutage.Limits("api_url", endpoint.connectTimeout(),
                endpoint.readTimeout(), text -> Redaction.clean(text, endpoint.token()));
        this.deadlines = HttpOutage.deadlineThread("redcap-deadlines");
    }

    /** Deadlines waiting in the timer's queue; for leak checks. */
    int pendingDeadlines() {
        return ((ScheduledThreadPoolExecutor) deadlines).getQueue().size();
    }

    /** The project's data dictionary, in dictionary order ({@code content=metadata}). */
    public List<MetadataField> exportMetadata() throws SourceException {
        List<Map<String, String>> rows = post("metadata", List.of());
        List<MetadataField> fields = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            String name = row.get("field_name");
            if (name == null || name.isBlank()) {
                throw new SourceException(this + ": metadata entry without field_name", true);
            }
            fields.add(new MetadataField(name, row.getOrDefault("form_name", ""),
                    row.getOrDefault("field_type", "")));
        }
        return fields;
    }

    /**
     * Exports flat records ({@code content=record}, raw values) limited to {@code fields};
     * {@code begin}/{@code end} (null: unbounded) select records created or changed in that
     * window, sent in the server's time zone.
     */
    public List<Map<String, String>> exportRecords(List<String> fields, Instant begin,
            Instant end) throws SourceException {
        List<NameValuePair> params = new ArrayList<>();
        params.add(new BasicNameValuePair("type", "flat"));
        params.add(new BasicNameValuePair("rawOrLabel", "raw"));
        for (int i = 0; i < fields.size(); i++) {
            params.add(new BasicNameValuePair("fields[" + i + "]", fields.get(i)));
        }
        if (begin != null) {
            params.add(new BasicNameValuePair("dateRangeBegin", bound(begin)));
        }
        if (end != null) {
            params.add(new BasicNameValuePair("dateRangeEnd", bound(end)));
        }
        return post("record", params);
    }

    /** The server's REDCap version ({@code content=version}, a plain-text answer). */
    public String exportVersion() throws SourceException {
        return execute("version", List.of(), body -> {
            byte[] text = body.readNBytes(64);
            return new String(text, StandardCharsets.UTF_8).trim();
        });
    }

    /** Cancels a request in flight (it fails promptly) and releases every connection. */
    @Override
    public void close() {
        closed = true;
        Call call = inFlight;
        if (call != null) {
            call.request.cancel();
        }
        http.close(CloseMode.IMMEDIATE);
        deadlines.shutdownNow();
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }

    String bound(Instant instant) {
        return LocalDateTime.ofInstant(instant, endpoint.serverZone()).format(BOUND);
    }

    private List<Map<String, String>> post(String content, List<NameValuePair> params)
            throws SourceException {
        return execute(content, params, RedcapJson::readRows);
    }

    private <T> T execute(String content, List<NameValuePair> params, BodyReader<T> reader)
            throws SourceException {
        if (closed) {
            throw new SourceException(this + " request stopped", true);
        }
        HttpPost post = new HttpPost(endpoint.url());
        post.setEntity(new UrlEncodedFormEntity(form(content, params), StandardCharsets.UTF_8));
        Call call = new Call(post);
        inFlight = call;
        ScheduledFuture<?> deadline = scheduleDeadline(call);
        try {
            LOG.debug("{}: POST content={}", this, content);
            return http.execute(post, response -> read(response, content, reader));
        } catch (Carried e) {
            throw e.reason();
        } catch (IOException e) {
            throw failure(content, call, e);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            inFlight = null;
        }
    }

    private ScheduledFuture<?> scheduleDeadline(Call call) {
        try {
            return deadlines.schedule(call::expire, answerDeadline().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            call.request.cancel();
            return null;
        }
    }

    /** The latest an answer may be complete, counted from when the request is sent. */
    Duration answerDeadline() {
        return endpoint.readTimeout().multipliedBy(DEADLINE_READ_TIMEOUTS);
    }

    private List<NameValuePair> form(String content, List<NameValuePair> params) {
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("token", endpoint.token()));
        form.add(new BasicNameValuePair("content", content));
        form.add(new BasicNameValuePair("format", "json"));
        form.add(new BasicNameValuePair("returnFormat", "json"));
        form.addAll(params);
        return form;
    }

    private <T> T read(ClassicHttpResponse response, String content, BodyReader<T> reader)
            throws IOException {
        try {
            return readBody(response, content, reader);
        } catch (Carried e) {
            // Drop the connection: HttpClient would otherwise read the rest of the body.
            Call call = inFlight;
            if (call != null) {
                call.request.cancel();
            }
            throw e;
        }
    }

    private <T> T readBody(ClassicHttpResponse response, String content,
            BodyReader<T> reader) throws IOException {
        HttpEntity entity = response.getEntity();
        InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
        BufferedInputStream body = new BufferedInputStream(new LimitedInputStream(raw,
                MAX_BODY_BYTES), 8192);
        if (response.getCode() != 200) {
            throw new Carried(statusFailure(response, prefix(body)));
        }
        body.mark(MARK_LIMIT);
        try {
            return reader.read(body);
        } catch (RedcapJson.ShapeException e) {
            throw new Carried(shapeFailure(content, e));
        } catch (RedcapJson.NotJsonException e) {
            throw new Carried(notJson(body));
        } catch (JsonProcessingException e) {
            throw new Carried(malformed(e));
        } catch (LimitedInputStream.TooLargeException e) {
            throw new Carried(new SourceException(this + " sent an answer larger than "
                    + MAX_BODY_BYTES / (1024 * 1024) + " MB; narrow the fields or records",
                    false));
        }
    }

    private SourceException statusFailure(ClassicHttpResponse response, String body) {
        int status = response.getCode();
        String detail = RedcapJson.errorText(body);
        detail = Redaction.clean(detail != null ? detail : body, endpoint.token());
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        if (status == 401 || status == 403) {
            return new SourceException(this + " refused the API token (HTTP " + status + suffix
                    + ")", false);
        }
        if (status == 404) {
            return new SourceException(this + " answered with an error (HTTP 404" + suffix
                    + "); is the API URL right?", false);
        }
        if (status == 429 || status == 503) {
            Duration wait = retryAfter(response);
            String what = status == 429 ? "asked Lantir to slow down" : "answered with a "
                    + "server error";
            return new SourceException(this + " " + what + " (HTTP " + status + suffix + ")"
                    + RetryAfter.words(wait), true, wait, null);
        }
        boolean retryable = status >= 500 || status == 408;
        String kind = status >= 500 ? "a server error" : "an error";
        return new SourceException(this + " answered with " + kind + " (HTTP " + status
                + suffix + ")", retryable);
    }

    /** The wait a 429 or 503 asks for in its {@code Retry-After}, or null. */
    private static Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return header == null ? null : RetryAfter.parse(header.getValue(), Instant.now());
    }

    private SourceException shapeFailure(String content, RedcapJson.ShapeException e) {
        if (e.errorText() != null) {
            return new SourceException(this + " reported an error: "
                    + Redaction.clean(e.errorText(), endpoint.token()), true);
        }
        return new SourceException(this + " sent " + e.getMessage() + " for content="
                + content, true);
    }

    /** Text that is not JSON at all (an HTML page, "ERROR: ...") is quoted briefly. */
    private SourceException notJson(BufferedInputStream body) {
        String text = "";
        try {
            body.reset();
            text = Redaction.clean(prefix(body), endpoint.token());
        } catch (IOException resetFailed) {
            LOG.debug("{}: body prefix unavailable", this);
        }
        return new SourceException(this + " sent a body that is not JSON: " + text, true);
    }

    /** A JSON body broken further on is not quoted: it may hold patient data. */
    private SourceException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        return new SourceException(this + " sent malformed JSON" + where
                + " (body not shown)", true);
    }

    /** A request that got no complete answer, in words that say what happened. */
    private SourceException failure(String content, Call call, IOException e) {
        LOG.debug("{}: content={} failed: {}", this, content, e.getClass().getName());
        if (call.expired) {
            return new SourceException(this + " did not finish answering content=" + content
                    + " within " + HttpOutage.seconds(answerDeadline()), true, e);
        }
        if (closed || HttpOutage.stopped(e)) {
            return new SourceException(this + " request stopped", true, e);
        }
        return new SourceException(this + " " + HttpOutage.reason(e, "its answer", limits),
                HttpOutage.mayClear(e), e);
    }

    private static String prefix(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(ERROR_PREFIX_BYTES);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** One request, and whether its deadline cancelled it. */
    private static final class Call {
        final HttpPost request;
        volatile boolean expired;

        Call(HttpPost request) {
            this.request = request;
        }

        void expire() {
            expired = true;
            request.cancel();
        }
    }
}
