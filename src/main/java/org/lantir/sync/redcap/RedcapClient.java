package org.lantir.sync.redcap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.lantir.sync.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the REDCap API: form-encoded POSTs with {@code format=json} and
 * {@code returnFormat=json}, arrays sent as {@code fields[0]}, {@code fields[1]}, ... (as
 * PyCap does). Success is HTTP 200 with the expected JSON shape; anything else becomes a
 * {@link SourceException} whose reason names the server and the problem, never the token and
 * never record contents. Not thread-safe: one scheduler thread uses it.
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

    private final RedcapEndpoint endpoint;
    private final CloseableHttpClient http;
    private volatile HttpPost inFlight;
    private volatile boolean closed;

    public RedcapClient(RedcapEndpoint endpoint) {
        this.endpoint = endpoint;
        Timeout connect = Timeout.of(endpoint.connectTimeout());
        Timeout read = Timeout.of(endpoint.readTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
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
        HttpPost request = inFlight;
        if (request != null) {
            request.cancel();
        }
        http.close(CloseMode.IMMEDIATE);
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
        HttpPost post = new HttpPost(endpoint.url());
        post.setEntity(new UrlEncodedFormEntity(form(content, params), StandardCharsets.UTF_8));
        inFlight = post;
        try {
            LOG.debug("{}: POST content={}", this, content);
            return http.execute(post, response -> read(response, content, reader));
        } catch (Failure e) {
            throw e.reason;
        } catch (ConnectTimeoutException e) {
            throw failure("could not connect within " + seconds(endpoint.connectTimeout()), e);
        } catch (SocketTimeoutException e) {
            throw failure("did not answer within " + seconds(endpoint.readTimeout())
                    + " (read timeout)", e);
        } catch (IOException e) {
            throw failure(closed || e instanceof InterruptedIOException ? "request stopped"
                    : "could not be reached: " + Redaction.describe(e, endpoint.token()), e);
        } finally {
            inFlight = null;
        }
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
        } catch (Failure e) {
            // Drop the connection: HttpClient would otherwise read the rest of the body.
            HttpPost request = inFlight;
            if (request != null) {
                request.cancel();
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
            throw new Failure(statusFailure(response.getCode(), prefix(body)));
        }
        body.mark(MARK_LIMIT);
        try {
            return reader.read(body);
        } catch (RedcapJson.ShapeException e) {
            throw new Failure(shapeFailure(content, e));
        } catch (RedcapJson.NotJsonException e) {
            throw new Failure(notJson(body));
        } catch (JsonProcessingException e) {
            throw new Failure(malformed(e));
        } catch (LimitedInputStream.TooLargeException e) {
            throw new Failure(new SourceException(this + " sent an answer larger than "
                    + MAX_BODY_BYTES / (1024 * 1024) + " MB; narrow the fields or records",
                    false));
        }
    }

    private SourceException statusFailure(int status, String body) {
        String detail = RedcapJson.errorText(body);
        detail = Redaction.clean(detail != null ? detail : body, endpoint.token());
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        if (status == 401 || status == 403) {
            return new SourceException(this + " refused the API token (HTTP " + status + suffix
                    + ")", false);
        }
        boolean retryable = status >= 500 || status == 429 || status == 408;
        String kind = status >= 500 ? "a server error" : "an error";
        return new SourceException(this + " answered with " + kind + " (HTTP " + status
                + suffix + ")", retryable);
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

    private SourceException failure(String what, Exception cause) {
        SourceException e = new SourceException(this + " " + what, true);
        LOG.debug("{}: {}", this, cause.getClass().getName());
        return e;
    }

    private static String prefix(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(ERROR_PREFIX_BYTES);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String seconds(java.time.Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.getSeconds() + " s"
                : duration.toMillis() + " ms";
    }

    /** Reads one successful answer. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** Carries a {@link SourceException} through HttpClient's response handler. */
    private static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient SourceException reason;

        Failure(SourceException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }
}
