package org.lantir.sync.redcap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local REDCap API for tests: a real HTTP server on 127.0.0.1 (ephemeral port) serving the
 * fictional fixture project of {@code src/test/resources/fixtures/redcap/} by the rules of
 * {@code shared/reference/redcap-api.md} §9: POST only (501 otherwise), the token (403 JSON
 * error), {@code content} = record / metadata / project / version / exportFieldNames /
 * repeatingFormsEvents (formEventMapping, event, arm → 400 as for a classic project), the
 * three array encodings, {@code fields} validation (400 listing bad names), and the
 * {@code dateRangeBegin}/{@code dateRangeEnd} rules of §2.3 against an adjustable "now" and
 * the fixture's change times. Fault switches simulate outages; every request is recorded
 * (the last {@value #KEPT_REQUESTS}).
 *
 * <p>Limits: JSON only ({@code format=json}), raw values, flat type, no filterLogic (each of
 * those answers 400 saying so); form-encoded bodies only.
 *
 * <pre>
 * try (RedcapEmulator redcap = RedcapEmulator.start()) {
 *     URI url = redcap.apiUrl();        // http://127.0.0.1:PORT/api/
 *     redcap.fault(Fault.SERVER_ERROR); // every request: 500 with an HTML page
 * }
 * </pre>
 */
public final class RedcapEmulator implements AutoCloseable {

    /** The fixture's token (32 hex characters). */
    public static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";
    /** A valid token whose user lacks API export rights. */
    public static final String NO_EXPORT_TOKEN = "FEDCBA9876543210FEDCBA9876543210";
    /** The fixture server's time zone. */
    public static final ZoneId SERVER_ZONE = ZoneId.of("America/Edmonton");
    public static final LocalDateTime DEFAULT_NOW = LocalDateTime.of(2025, 3, 10, 9, 0);
    public static final String API_PATH = "/api/";
    static final int KEPT_REQUESTS = 500;

    /** What the server does instead of answering normally. */
    public enum Fault {
        NONE,
        /** HTTP 500 with an HTML error page. */
        SERVER_ERROR,
        /** Waits {@link #slowDelay} before answering normally. */
        SLOW,
        /** HTTP 200 with a JSON list cut off in the middle. */
        MALFORMED_JSON,
        /** HTTP 200 with REDCap's out-of-memory text instead of JSON. */
        ERROR_TEXT,
        /** HTTP 404 with the web server's HTML page. */
        NOT_FOUND,
        /** HTTP 401 from a proxy in front of REDCap that wants its own login. */
        UNAUTHORIZED,
        /** HTTP 429 with {@code Retry-After: 120}, as a rate limit answers. */
        TOO_MANY_REQUESTS,
        /** HTTP 503 with {@code Retry-After: 300}, as a server in maintenance answers. */
        UNAVAILABLE,
        /** HTTP 200, half the normal answer, then the connection drops mid-body. */
        TRUNCATED,
        /** The normal answer, one byte each {@link #trickleDelay}. */
        TRICKLE
    }

    static {
        // Without it the JDK server's header and body writes meet delayed ACKs (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CHANGE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final HttpServer server;
    private final ExecutorService threads;
    private final RedcapProject project;
    private final Deque<Request> requests = new ArrayDeque<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger slowInFlight = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    /** The content the fault applies to, or null for every request. */
    private volatile String faultContent;
    private volatile Duration slowDelay = Duration.ofSeconds(30);
    private volatile Duration trickleDelay = Duration.ofMillis(50);
    private volatile LocalDateTime now = DEFAULT_NOW;

    private RedcapEmulator(RedcapProject project) throws IOException {
        this.project = project;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "redcap-emulator");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a server with the fixture project. */
    public static RedcapEmulator start() throws IOException {
        return new RedcapEmulator(RedcapProject.fixture());
    }

    public URI apiUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://127.0.0.1:" + address.getPort() + API_PATH);
    }

    /** The server's current local time (the end of a window without {@code dateRangeEnd}). */
    public void now(LocalDateTime serverNow) {
        this.now = serverNow;
    }

    public void fault(Fault newFault) {
        this.fault = newFault;
        this.faultContent = null;
    }

    /**
     * A fault for requests of one {@code content} only (e.g. {@code record}: the data
     * dictionary comes, then the export fails); the others are answered normally.
     */
    public void fault(Fault newFault, String content) {
        this.fault = newFault;
        this.faultContent = content;
    }

    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    /** The pause between two bytes of an answer under {@link Fault#TRICKLE}. */
    public void trickleDelay(Duration delay) {
        this.trickleDelay = delay;
    }

    public RedcapProject project() {
        return project;
    }

    /** The last requests received, oldest first. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests were received since start (or the last clear). */
    public int requestCount() {
        return requestCount.get();
    }

    /** Requests the {@link Fault#SLOW} fault is holding now. */
    public int slowInFlight() {
        return slowInFlight.get();
    }

    public synchronized void clearRequests() {
        requests.clear();
        requestCount.set(0);
    }

    /** Requests the recorder currently holds (at most {@value #KEPT_REQUESTS}). */
    public synchronized int retainedRequests() {
        return requests.size();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            List<Map.Entry<String, String>> params = formParams(exchange);
            record(new Request(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), params));
            Answer answer = answer(exchange, params);
            if (answer != null) {
                send(exchange, answer);
            }
            exchange.close();
        } catch (DropConnection e) {
            // Left unclosed: closing would end the chunked body cleanly.
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException e) {
            send(exchange, Answer.text(500, "text/plain", "emulator failure: " + e));
            exchange.close();
        }
    }

    /**
     * Thrown out of the handler so that the JDK server drops the connection in the middle
     * of an answer.
     */
    private static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("emulator: connection dropped on purpose", null, false, false);
        }
    }

    private Answer answer(HttpExchange exchange, List<Map.Entry<String, String>> params)
            throws IOException, InterruptedException {
        if (!API_PATH.equals(exchange.getRequestURI().getPath())) {
            return notFound();
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Answer.text(501, "text/plain", "The requested method is not implemented.");
        }
        Request request = new Request("POST", API_PATH, params);
        ErrorFormat errors = ErrorFormat.of(request.param("format"),
                request.param("returnFormat"));
        Answer refused = checkToken(request.param("token"), errors);
        if (refused != null) {
            return refused;
        }
        String only = faultContent;
        Fault current = only == null || only.equals(request.param("content")) ? fault
                : Fault.NONE;
        Answer faulty = faultAnswer(exchange, current);
        if (faulty != null) {
            return faulty;
        }
        Answer normal = new RedcapApi(project, now, errors).answer(request);
        if (current == Fault.TRUNCATED && normal.status() == 200) {
            truncated(exchange, normal);
        }
        if (current == Fault.TRICKLE) {
            trickle(exchange, normal);
            return null;
        }
        return normal;
    }

    private Answer checkToken(String token, ErrorFormat errors) {
        if (NO_EXPORT_TOKEN.equals(token)) {
            return errors.error(403, "You do not have API Export privileges");
        }
        if (!TOKEN.equals(token)) {
            return errors.error(403, "You do not have permissions to use the API");
        }
        return null;
    }

    /** Sends half the answer in a chunked body, then drops the connection. */
    private static void truncated(HttpExchange exchange, Answer normal) throws IOException {
        byte[] body = normal.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", normal.contentType());
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        throw new DropConnection();
    }

    private void trickle(HttpExchange exchange, Answer normal) throws IOException,
            InterruptedException {
        byte[] body = normal.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", normal.contentType());
        exchange.sendResponseHeaders(normal.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(trickleDelay.toMillis());
            }
        }
    }

    private Answer faultAnswer(HttpExchange exchange, Fault current)
            throws InterruptedException {
        switch (current) {
            case SERVER_ERROR:
                return Answer.text(500, "text/html", "<html><head><title>500 Internal Server "
                        + "Error</title></head><body><h1>Internal Server Error</h1><p>The "
                        + "server encountered an internal error.</p></body></html>");
            case SLOW:
                slowInFlight.incrementAndGet();
                try {
                    Thread.sleep(slowDelay.toMillis());
                } finally {
                    slowInFlight.decrementAndGet();
                }
                return null;
            case MALFORMED_JSON:
                return Answer.text(200, "application/json; charset=utf-8",
                        "[{\"record_id\":\"1\",\"redcap_repeat_instrument\":\"\","
                                + "\"study_id\":\"CP");
            case ERROR_TEXT:
                return Answer.text(200, "text/html; charset=utf-8", "ERROR: REDCap ran out of "
                        + "server memory. The request cannot be processed.");
            case NOT_FOUND:
                return notFound();
            case UNAUTHORIZED:
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"proxy\"");
                return Answer.text(401, "text/html", "<html><body><h1>401 Authorization "
                        + "Required</h1></body></html>");
            case TOO_MANY_REQUESTS:
                exchange.getResponseHeaders().set("Retry-After", "120");
                return Answer.text(429, "text/html", "<html><body><h1>Too Many Requests"
                        + "</h1></body></html>");
            case UNAVAILABLE:
                exchange.getResponseHeaders().set("Retry-After", "300");
                return Answer.text(503, "text/html", "<html><body><h1>Service Unavailable"
                        + "</h1><p>Down for maintenance.</p></body></html>");
            default:
                return null;
        }
    }

    private static Answer notFound() {
        return Answer.text(404, "text/html", "<html><head><title>404 Not Found</title></head>"
                + "<body><h1>Not Found</h1></body></html>");
    }

    private synchronized void record(Request request) {
        requests.addLast(request);
        while (requests.size() > KEPT_REQUESTS) {
            requests.removeFirst();
        }
        requestCount.incrementAndGet();
    }

    private static List<Map.Entry<String, String>> formParams(HttpExchange exchange)
            throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Map.Entry<String, String>> params = new ArrayList<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.add(Map.entry(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            }
            return params;
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T readJson(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDateTime changeTime(String text) {
        return LocalDateTime.parse(text, CHANGE_TIME);
    }

    /** One answer: status, content type and body text. */
    record Answer(int status, String contentType, String body) {
        static Answer text(int status, String contentType, String body) {
            return new Answer(status, contentType, body);
        }

        static Answer json(Object value) {
            return new Answer(200, "application/json; charset=utf-8", RedcapEmulator.json(value));
        }
    }

    /** A received request: method, path and the decoded form parameters in order. */
    public record Request(String method, String path, List<Map.Entry<String, String>> params) {

        public Request {
            params = List.copyOf(params);
        }

        /** The last value of a plain parameter (PHP keeps the last), or null. */
        public String param(String name) {
            String value = null;
            for (Map.Entry<String, String> p : params) {
                if (p.getKey().equals(name)) {
                    value = p.getValue();
                }
            }
            return value;
        }

        /**
         * An array parameter in any of REDCap's three encodings: {@code name[0]=..},
         * {@code name[]=..}, or one comma-separated {@code name=a,b}.
         */
        public List<String> array(String name) {
            Map<String, String> indexed = new LinkedHashMap<>();
            java.util.regex.Pattern key = java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(name) + "\\[(\\d*)]");
            for (Map.Entry<String, String> p : params) {
                java.util.regex.Matcher m = key.matcher(p.getKey());
                if (m.matches()) {
                    // PHP: name[] appends, name[i] sets index i (a later one wins).
                    String index = m.group(1).isEmpty() ? "append" + indexed.size()
                            : m.group(1);
                    indexed.put(index, p.getValue());
                }
            }
            List<String> values = new ArrayList<>(indexed.values());
            if (!values.isEmpty()) {
                return values;
            }
            String plain = param(name);
            if (plain == null) {
                return List.of();
            }
            for (String item : plain.split(",")) {
                String clean = item.trim().replace("\"", "").replace("'", "");
                if (!clean.isEmpty()) {
                    values.add(clean);
                }
            }
            return values;
        }

        /** Parameters as a map of last values (for quick assertions). */
        public Map<String, String> lastValues() {
            Map<String, String> map = new LinkedHashMap<>();
            params.forEach(p -> map.put(p.getKey(), p.getValue()));
            return map;
        }
    }
}
