package org.lantir.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A REDCap project for {@code lantir bench --sync-cycles}: just enough of the REDCap API, on
 * 127.0.0.1 at a free port, for Lantir's REDCap source to sync from it as from a real server.
 * It answers {@code content=metadata} with a small data dictionary and {@code content=record}
 * with the flat rows of its sessions, only those changed inside
 * {@code dateRangeBegin}..{@code dateRangeEnd} when the request has them (REDCap's rule).
 * Every participant is fictional and numbered; nothing else is served.
 */
final class BenchRedcap implements AutoCloseable {

    static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";
    static final ZoneId ZONE = ZoneId.of("America/Edmonton");
    private static final DateTimeFormatter BOUND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] DICTIONARY = {
        {"record_id", "demographics", "text"}, {"study_id", "demographics", "text"},
        {"family_id", "demographics", "text"}, {"youth_dob_y", "demographics", "text"},
        {"demo_sex", "demographics", "radio"}, {"mri_instance", "mri", "text"},
        {"mri_date", "mri", "text"}, {"mri_time", "mri", "text"},
        {"mri_wt_lbs", "mri", "text"}, {"referring_physician", "mri", "text"}};

    static {
        // The JDK server's header and body writes would otherwise each meet a delayed ACK
        // (about 40 ms), which would measure TCP, not Lantir. Only the bench's process.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService thread;
    private final List<Session> sessions = new ArrayList<>();
    private int nextChange;

    /** One participant's one scan, and when REDCap last saw it change. */
    private static final class Session {
        final int number;
        final LocalDate date;
        /** Half-hour slots from 07:00; a moved scan starts a quarter hour later. */
        final int slot;
        boolean moved;
        LocalDateTime changed;

        Session(int number, LocalDate date, int slot, LocalDateTime changed) {
            this.number = number;
            this.date = date;
            this.slot = slot;
            this.changed = changed;
        }

        String time() {
            int minutes = 7 * 60 + slot * 30 + (moved ? 15 : 0);
            return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
        }
    }

    private BenchRedcap(int sessionCount) throws IOException {
        LocalDateTime now = LocalDateTime.now(ZONE);
        LocalDate first = now.toLocalDate();
        for (int i = 0; i < sessionCount; i++) {
            // About twenty scans a day over the weeks ahead, booked yesterday: the first run
            // (a full export) brings them all, later ones only what changed since.
            sessions.add(new Session(i, first.plusDays(i / 20), i % 20, now.minusDays(1)));
        }
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-redcap");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0);
        server.createContext("/api/", this::handle);
        server.setExecutor(thread);
        server.start();
    }

    static BenchRedcap start(int sessions) throws IOException {
        return new BenchRedcap(sessions);
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    /** A coordinator moves the next {@code count} scans (round robin) by a quarter hour. */
    synchronized void change(int count) {
        LocalDateTime now = LocalDateTime.now(ZONE);
        for (int i = 0; i < count && !sessions.isEmpty(); i++) {
            Session session = sessions.get(nextChange++ % sessions.size());
            session.moved = !session.moved;
            session.changed = now;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(exchange);
            if (!"POST".equals(exchange.getRequestMethod())
                    || !TOKEN.equals(form.get("token"))) {
                send(exchange, 403, Map.of("error", "You do not have permissions to use the "
                        + "API"));
                return;
            }
            switch (form.getOrDefault("content", "")) {
                case "metadata" -> send(exchange, 200, dictionary());
                case "record" -> send(exchange, 200, records(form.get("dateRangeBegin"),
                        form.get("dateRangeEnd")));
                default -> send(exchange, 400, Map.of("error", "not served by the bench"));
            }
        }
    }

    private static List<Map<String, String>> dictionary() {
        List<Map<String, String>> fields = new ArrayList<>();
        for (String[] field : DICTIONARY) {
            fields.add(Map.of("field_name", field[0], "form_name", field[1],
                    "field_type", field[2]));
        }
        return fields;
    }

    private synchronized List<Map<String, Object>> records(String begin, String end) {
        LocalDateTime from = bound(begin, LocalDateTime.MIN);
        LocalDateTime to = bound(end, LocalDateTime.MAX);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Session session : sessions) {
            if (session.changed.isBefore(from) || session.changed.isAfter(to)) {
                continue;
            }
            String record = Integer.toString(10_000 + session.number);
            Map<String, Object> base = new LinkedHashMap<>();
            base.put("record_id", record);
            base.put("redcap_repeat_instrument", "");
            base.put("redcap_repeat_instance", "");
            base.put("study_id", "BENCH-" + record);
            base.put("family_id", "F-" + record);
            base.put("youth_dob_y", Integer.toString(2010 + session.number % 8));
            base.put("demo_sex", session.number % 2 == 0 ? "F" : "M");
            rows.add(base);
            Map<String, Object> scan = new LinkedHashMap<>();
            scan.put("record_id", record);
            scan.put("redcap_repeat_instrument", "mri");
            scan.put("redcap_repeat_instance", 1);
            scan.put("mri_instance", "1");
            scan.put("mri_date", session.date.toString());
            scan.put("mri_time", session.time());
            scan.put("mri_wt_lbs", Integer.toString(60 + session.number % 40));
            scan.put("referring_physician", "Dr. Bench " + session.number % 5);
            rows.add(scan);
        }
        return rows;
    }

    private static LocalDateTime bound(String text, LocalDateTime missing) {
        if (text == null || text.isBlank()) {
            return missing;
        }
        try {
            return LocalDateTime.parse(text.strip(), BOUND);
        } catch (DateTimeParseException e) {
            return missing;
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, Object value)
            throws IOException {
        byte[] body = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
