package org.lantir.sync.calpendo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Calpendo for tests: a real HTTP server on 127.0.0.1 (ephemeral port) serving the
 * fictional bookings of {@code src/test/resources/fixtures/calpendo/} by the reference notes'
 * checklist (§11): HTTP Basic authentication on every request ({@value #USERNAME} /
 * {@value #PASSWORD}; else 401 with {@code WWW-Authenticate}), the query API evaluated by its
 * grammar ({@link QueryLanguage}) against the bookings, {@code ?paths=Operator.name} on
 * {@code MRIScan} answered from the operator fixtures, booking details from the REST API or
 * 404, and switchable faults per kind of request. Every request is recorded (the last
 * {@value #KEPT_REQUESTS}) so tests can assert the exact URL a client built.
 *
 * <pre>
 * try (CalpendoEmulator calpendo = CalpendoEmulator.start()) {
 *     URI base = calpendo.baseUrl();                        // http://127.0.0.1:PORT
 *     calpendo.fault(Target.LIST, Fault.status(503));       // the list fails
 *     calpendo.bookings().setStatus(48211, "Cancelled");    // a booker cancels
 * }
 * </pre>
 */
public final class CalpendoEmulator implements AutoCloseable {

    public static final String USERNAME = "emulator";
    public static final String PASSWORD = "emulator-pass";
    /** The fixture site's time zone. */
    public static final ZoneId ZONE = ZoneId.of("America/Edmonton");
    static final int KEPT_REQUESTS = 500;
    private static final String QUERY = "/webdav/q/";
    private static final String REST = "/webdav/b/";

    static {
        // Without it the JDK server's header and body writes meet delayed ACKs (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Which requests a fault applies to. */
    public enum Target { LIST, DETAIL, OPERATOR }

    /**
     * What the server does instead of answering normally.
     *
     * @param status the HTTP status of {@link Kind#STATUS} and {@link Kind#RETRY_AFTER}
     * @param delay the wait of {@link Kind#SLOW}, or between bytes for {@link Kind#TRICKLE}
     */
    public record Fault(Kind kind, int status, Duration delay) {

        /** The kinds of misbehaviour. */
        public enum Kind {
            /** An HTTP error status with an HTML page. */
            STATUS,
            /** 429 with {@code Retry-After: 120}. */
            RETRY_AFTER,
            /** 200 with an HTML login page. */
            HTML_PAGE,
            /** 200, JSON cut in the middle of a string but the body itself complete. */
            MALFORMED_JSON,
            /** 200, half the answer, then the connection closes without ending the body. */
            TRUNCATED,
            /** 200 with no body at all. */
            EMPTY,
            /** 200 with JSON of another shape. */
            WRONG_SHAPE,
            /** Waits {@code delay} before answering normally. */
            SLOW,
            /** Sends the normal answer one byte each {@code delay}. */
            TRICKLE
        }

        public static Fault status(int status) {
            return new Fault(Kind.STATUS, status, Duration.ZERO);
        }

        public static Fault of(Kind kind) {
            return new Fault(kind, kind == Kind.RETRY_AFTER ? 429 : 200, Duration.ZERO);
        }

        public static Fault slow(Duration delay) {
            return new Fault(Kind.SLOW, 200, delay);
        }

        public static Fault trickle(Duration perByte) {
            return new Fault(Kind.TRICKLE, 200, perByte);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final CalpendoBookings bookings;
    private final Map<Target, Fault> faults = new EnumMap<>(Target.class);
    private final Map<Long, Fault> detailFaults = new ConcurrentHashMap<>();
    private final Deque<Request> requests = new ArrayDeque<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger detailsInFlight = new AtomicInteger();
    private final AtomicInteger maxDetailsInFlight = new AtomicInteger();
    private volatile Duration detailDelay = Duration.ZERO;
    private volatile boolean keepAlive = true;

    private CalpendoEmulator(CalpendoBookings bookings) throws IOException {
        this.bookings = bookings;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "calpendo-emulator");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a server with the fixture bookings. */
    public static CalpendoEmulator start() throws IOException {
        return new CalpendoEmulator(CalpendoBookings.fixture());
    }

    /** The base URL a source's {@code base_url} names: {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public CalpendoBookings bookings() {
        return bookings;
    }

    public synchronized void fault(Target target, Fault fault) {
        faults.put(target, fault);
    }

    /** A fault for one booking's details only. */
    public void faultDetail(long id, Fault fault) {
        detailFaults.put(id, fault);
    }

    public synchronized void clearFaults() {
        faults.clear();
        detailFaults.clear();
    }

    /** With false, every answer closes its connection ({@code Connection: close}). */
    public void keepAlive(boolean keep) {
        this.keepAlive = keep;
    }

    /** Every detail answer waits this long, so that concurrent requests overlap visibly. */
    public void detailDelay(Duration delay) {
        this.detailDelay = delay;
    }

    /** The most detail requests that were being answered at once. */
    public int maxDetailsInFlight() {
        return maxDetailsInFlight.get();
    }

    /** The last requests received, oldest first. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The paths (with query) of the requests received, oldest first. */
    public List<String> paths() {
        return requests().stream().map(Request::pathAndQuery).toList();
    }

    public int requestCount() {
        return requestCount.get();
    }

    public synchronized void clearRequests() {
        requests.clear();
        requestCount.set(0);
        maxDetailsInFlight.set(0);
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

    /**
     * Thrown out of the handler so that the JDK server drops the connection mid-answer; the
     * exchange is then left unclosed, or closing it would end the chunked body cleanly.
     */
    private static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("emulator: connection dropped on purpose", null, false, false);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
            exchange.close();
        } catch (DropConnection e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!keepAlive) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        try {
            URI uri = exchange.getRequestURI();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            record(new Request(exchange.getRequestMethod(), uri.getRawPath(),
                    uri.getRawQuery(), authorization != null,
                    exchange.getRequestHeaders().getFirst("Accept")));
            if (!authorized(authorization)) {
                exchange.getResponseHeaders().set("WWW-Authenticate",
                        "Basic realm=\"Calpendo\"");
                send(exchange, Answer.html(401, "Unauthorized"));
                return;
            }
            respond(exchange, uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DropConnection e) {
            throw e;
        } catch (RuntimeException e) {
            send(exchange, Answer.text(500, "text/plain", "emulator failure: " + e));
        }
    }

    private void respond(HttpExchange exchange, URI uri) throws IOException,
            InterruptedException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, Answer.html(405, "Method Not Allowed"));
            return;
        }
        String path = uri.getRawPath();
        Target target = target(path);
        Fault fault = target == null ? null : fault(target, path);
        Answer answer;
        if (target == Target.DETAIL) {
            // Counted until the answer is ready, before its bytes go out: a client can send
            // its next request only once it has read this answer, so overlaps are real.
            detailStarted();
            try {
                answer = answer(path, uri.getRawQuery());
            } finally {
                detailsInFlight.decrementAndGet();
            }
        } else {
            answer = answer(path, uri.getRawQuery());
        }
        if (fault != null) {
            answer = apply(fault, answer, exchange);
            if (answer == null) {
                return;
            }
        }
        send(exchange, answer);
    }

    private void detailStarted() throws InterruptedException {
        int now = detailsInFlight.incrementAndGet();
        maxDetailsInFlight.accumulateAndGet(now, Math::max);
        Duration delay = detailDelay;
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
    }

    private static Target target(String path) {
        if (path.startsWith(REST)) {
            return Target.DETAIL;
        }
        if (path.startsWith(QUERY + CalpendoQuery.BOOKING_TYPE)) {
            return Target.LIST;
        }
        return path.startsWith(QUERY) ? Target.OPERATOR : null;
    }

    private synchronized Fault fault(Target target, String path) {
        if (target == Target.DETAIL) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            if (id.matches("\\d+") && detailFaults.containsKey(Long.parseLong(id))) {
                return detailFaults.get(Long.parseLong(id));
            }
        }
        return faults.get(target);
    }

    private Answer answer(String rawPath, String rawQuery) {
        List<String> segments = segments(rawPath);
        if (segments.size() >= 3 && segments.get(0).equals("webdav")
                && segments.get(1).equals("b")) {
            return detail(segments.subList(2, segments.size()));
        }
        if (segments.size() >= 3 && segments.get(0).equals("webdav")
                && segments.get(1).equals("q")) {
            return query(segments.get(2), segments.subList(3, segments.size()), rawQuery);
        }
        return Answer.html(404, "Not Found");
    }

    private Answer detail(List<String> rest) {
        if (rest.size() != 2 || !rest.get(0).equals(CalpendoQuery.BOOKING_TYPE)
                || !rest.get(1).matches("\\d{1,18}")) {
            return Answer.html(404, "Not Found");
        }
        ObjectNode detail = bookings.detail(Long.parseLong(rest.get(1)));
        return detail == null ? Answer.html(404, "Not Found") : Answer.json(detail);
    }

    private Answer query(String type, List<String> expression, String rawQuery) {
        boolean bookingType = type.equals(CalpendoQuery.BOOKING_TYPE);
        boolean operatorType = type.equals("MRIScan");
        if (!bookingType && !operatorType) {
            return Answer.html(404, "Not Found");
        }
        List<Long> matches;
        try {
            matches = matching(expression);
        } catch (IllegalArgumentException e) {
            return Answer.text(400, "text/plain", "Bad query: " + e.getMessage());
        }
        if (operatorType) {
            return operators(matches, rawQuery);
        }
        ArrayNode biskits = CalpendoBookings.JSON.createArrayNode();
        matches.forEach(id -> biskits.add(bookings.listEntry(id)));
        ObjectNode body = CalpendoBookings.JSON.createObjectNode();
        body.set("biskits", biskits);
        return Answer.json(body);
    }

    private List<Long> matching(List<String> expression) {
        QueryLanguage.Expression test = expression.isEmpty() ? b -> true
                : QueryLanguage.parse(expression, bookings.zone());
        List<Long> matches = new ArrayList<>();
        for (long id : bookings.ids()) {
            if (test.test(path -> bookings.valueAt(id, path))) {
                matches.add(id);
            }
        }
        return matches;
    }

    /** {@code MRIScan} bookings among the matches, each with its operator fixture. */
    private Answer operators(List<Long> matches, String rawQuery) {
        if (rawQuery == null || !decode(rawQuery).equals("paths=Operator.name")) {
            return Answer.text(400, "text/plain", "emulator: only paths=Operator.name");
        }
        ArrayNode biskits = CalpendoBookings.JSON.createArrayNode();
        for (long id : matches) {
            JsonNode type = bookings.valueAt(id, "biskitType");
            JsonNode answer = bookings.operatorAnswer(id);
            if (type != null && "MRIScan".equals(type.asText()) && answer != null) {
                answer.get("biskits").forEach(biskits::add);
            }
        }
        ObjectNode body = CalpendoBookings.JSON.createObjectNode();
        body.set("biskits", biskits);
        return Answer.json(body);
    }

    /** The answer a fault makes of the normal one; null when it has answered itself. */
    private Answer apply(Fault fault, Answer normal, HttpExchange exchange)
            throws IOException, InterruptedException {
        boolean changesBody = Set.of(Fault.Kind.MALFORMED_JSON, Fault.Kind.TRUNCATED,
                Fault.Kind.EMPTY, Fault.Kind.WRONG_SHAPE, Fault.Kind.TRICKLE)
                .contains(fault.kind());
        if (changesBody && normal.status() != 200) {
            // A body fault spoils answers, it does not invent them: a 404 stays a 404.
            return normal;
        }
        switch (fault.kind()) {
            case STATUS:
                return Answer.html(fault.status(), "Error " + fault.status());
            case RETRY_AFTER:
                exchange.getResponseHeaders().set("Retry-After", "120");
                return Answer.html(429, "Too Many Requests");
            case HTML_PAGE:
                return Answer.text(200, "text/html; charset=utf-8", "<!DOCTYPE html><html>"
                        + "<head><title>Calpendo - Log in</title></head><body><form>"
                        + "</form></body></html>");
            case MALFORMED_JSON:
                String text = normal.body();
                return Answer.text(200, "application/json", text.substring(0,
                        Math.max(1, text.length() / 2)) + "\"");
            case TRUNCATED:
                truncated(exchange, normal);
                return null;
            case EMPTY:
                return Answer.text(200, "application/json", "");
            case WRONG_SHAPE:
                return Answer.text(200, "application/json", "{\"results\": []}");
            case SLOW:
                Thread.sleep(fault.delay().toMillis());
                return normal;
            case TRICKLE:
                trickle(exchange, normal, fault.delay());
                return null;
            default:
                return normal;
        }
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

    private static void trickle(HttpExchange exchange, Answer normal, Duration perByte)
            throws IOException, InterruptedException {
        byte[] body = normal.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", normal.contentType());
        exchange.sendResponseHeaders(normal.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(perByte.toMillis());
            }
        }
    }

    private static boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return header.substring(6).trim().equals(expected);
    }

    /** The path's segments, each percent-decoded ('+' stays a plus in a path). */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        return segments;
    }

    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private synchronized void record(Request request) {
        requests.addLast(request);
        while (requests.size() > KEPT_REQUESTS) {
            requests.removeFirst();
        }
        requestCount.incrementAndGet();
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

    /** One answer: status, content type and body text. */
    record Answer(int status, String contentType, String body) {
        static Answer text(int status, String contentType, String body) {
            return new Answer(status, contentType, body);
        }

        static Answer html(int status, String title) {
            return new Answer(status, "text/html", "<html><head><title>" + status + " "
                    + title + "</title></head><body><h1>" + title + "</h1></body></html>");
        }

        static Answer json(JsonNode value) {
            return new Answer(200, "application/json;charset=UTF-8", value.toString());
        }
    }

    /**
     * A received request: method, raw path and query as sent, whether it carried an
     * Authorization header (never its value), and its Accept header.
     */
    public record Request(String method, String rawPath, String rawQuery,
            boolean withAuthorization, String accept) {

        public String pathAndQuery() {
            return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
        }

        /** The percent-decoded path segments. */
        public List<String> segments() {
            return CalpendoEmulator.segments(rawPath);
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery();
        }
    }
}
