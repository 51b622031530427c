package org.lantir.sync.calpendo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths of Calpendo's query and REST APIs (reference notes §3, §5, §7). A query expression
 * is prefix notation in path segments: a boolean operator takes every following expression
 * as an operand until {@code CLOSE} or the end of the URL. So the status condition must stand
 * in the {@code AND} before the resources' {@code OR}, or the {@code OR} must be closed:
 * pylantir appended {@code status/EQ/...} after the {@code OR}, where it became one more
 * alternative and filtered nothing. Lantir writes
 *
 * <pre>
 * AND/dateRange.start/GE/&lt;from&gt;/dateRange.start/LT/&lt;to&gt;
 *    /status/EQ/Approved                                  (one status), or
 *    /OR/status/EQ/Approved/status/EQ/Tentative/CLOSE     (several)
 *    /resource.name/EQ/3T%20Diagnostic                    (one resource), or
 *    /OR/resource.name/EQ/3T%20Diagnostic/resource.name/EQ/EEG%20Lab   (several, last)
 * </pre>
 */
final class CalpendoQuery {

    static final String BOOKING_TYPE = "Calpendo.Booking";

    private CalpendoQuery() {
    }

    /** The bookings of {@code resources} with one of {@code statuses} starting in the window. */
    static String bookings(List<String> resources, List<String> statuses,
            CalpendoWindow window) {
        List<String> segments = new ArrayList<>(List.of("AND",
                "dateRange.start", "GE", window.fromValue(),
                "dateRange.start", "LT", window.toValue()));
        anyOf(segments, "status", statuses, true);
        anyOf(segments, "resource.name", resources, false);
        return "/webdav/q/" + BOOKING_TYPE + "/" + join(segments);
    }

    /** One booking by id, through the REST API. */
    static String booking(long id) {
        return "/webdav/b/" + BOOKING_TYPE + "/" + id;
    }

    /** The operator of one booking of a site-specific sub-type such as {@code MRIScan}. */
    static String operator(String bookingType, String property, long id) {
        return "/webdav/q/" + segment(bookingType) + "/id/eq/" + id + "?paths="
                + segment(property) + ".name";
    }

    /**
     * {@code path EQ value} for one value; for several an {@code OR} group, closed unless
     * nothing follows it (the grammar lets trailing {@code CLOSE}s out, and the fixture's
     * canonical URL has none).
     */
    private static void anyOf(List<String> segments, String path, List<String> values,
            boolean more) {
        if (values.size() > 1) {
            segments.add("OR");
        }
        for (String value : values) {
            segments.addAll(List.of(path, "EQ", value));
        }
        if (values.size() > 1 && more) {
            segments.add("CLOSE");
        }
    }

    private static String join(List<String> segments) {
        List<String> encoded = new ArrayList<>(segments.size());
        segments.forEach(s -> encoded.add(segment(s)));
        return String.join("/", encoded);
    }

    /**
     * A value as one path segment: percent-encoded UTF-8, a space as {@code %20} (a '+' is a
     * plus in a path). A '/' becomes {@code %2F}, which some servers refuse (reference notes
     * §3): such a resource name cannot be queried reliably.
     */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%7E", "~");
    }
}
