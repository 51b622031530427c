package org.lantir.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.lantir.config.ApiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-Origin Resource Sharing (the Fetch standard's CORS protocol) from the configuration's
 * {@code api} section: which web pages may call the API from a browser. A request without an
 * {@code Origin} header (curl, scripts, the same origin) is not concerned.
 *
 * <p>A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here,
 * before any route: 204 with the allowed method and headers, or 403 without any CORS header
 * when the origin, method or a header is not allowed, so the browser blocks the call. An
 * ordinary request from an allowed origin gets {@code Access-Control-Allow-Origin}; from any
 * other origin it gets no CORS header, and the browser hides the answer from the page.
 * {@code "*"} with credentials is refused when the configuration is read.
 */
final class Cors {

    private static final Logger LOG = LoggerFactory.getLogger(Cors.class);
    private static final String ANY = "*";
    /** How long a browser may reuse a preflight's answer, in seconds. */
    private static final String MAX_AGE = "600";

    private final List<String> origins;
    private final boolean credentials;
    private final Set<String> methods;
    private final Set<String> headers;

    Cors(ApiConfig config) {
        this.origins = config.corsAllowedOrigins().stream().map(String::trim).toList();
        this.credentials = config.corsAllowCredentials();
        this.methods = upper(config.corsAllowMethods());
        this.headers = lower(config.corsAllowHeaders());
    }

    /** Before every route: answers a preflight, or marks an allowed origin's answer. */
    void before(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String requestedMethod = ctx.header("Access-Control-Request-Method");
        if (ctx.method() == HandlerType.OPTIONS && requestedMethod != null) {
            preflight(ctx, origin, requestedMethod);
            return;
        }
        if (allows(origin)) {
            allowOrigin(ctx, origin);
            // A page may read the count of matches that paging leaves out.
            ctx.header("Access-Control-Expose-Headers", "X-Total-Count");
        }
    }

    private void preflight(Context ctx, String origin, String method) {
        String requestedHeaders = ctx.header("Access-Control-Request-Headers");
        List<String> wanted = requestedHeaders == null ? List.of()
                : Arrays.stream(requestedHeaders.split(",")).map(String::trim)
                        .filter(h -> !h.isEmpty()).toList();
        String refusal = !allows(origin) ? "this origin may not call the API"
                : !allowsMethod(method) ? "method " + method + " is not allowed from a browser"
                : !allowsHeaders(wanted) ? "a requested header is not allowed" : null;
        ctx.skipRemainingHandlers();
        if (refusal != null) {
            LOG.debug("CORS preflight refused: {}", refusal);
            JsonBodies.answer(ctx, 403, new ErrorBody("CORS preflight refused: " + refusal,
                    null));
            return;
        }
        allowOrigin(ctx, origin);
        ctx.header("Access-Control-Allow-Methods", methods.contains(ANY)
                ? method.toUpperCase(Locale.ROOT) : String.join(", ", methods));
        if (!wanted.isEmpty()) {
            // "*" is a wildcard only without credentials; naming the headers works in both.
            ctx.header("Access-Control-Allow-Headers", String.join(", ", wanted));
        }
        ctx.header("Access-Control-Max-Age", MAX_AGE);
        ctx.status(204);
    }

    private boolean allows(String origin) {
        return origins.contains(ANY) || origins.contains(origin);
    }

    private boolean allowsMethod(String method) {
        return methods.contains(ANY) || methods.contains(method.toUpperCase(Locale.ROOT));
    }

    private boolean allowsHeaders(List<String> wanted) {
        return headers.contains(ANY) || wanted.stream()
                .allMatch(h -> headers.contains(h.toLowerCase(Locale.ROOT)));
    }

    private void allowOrigin(Context ctx, String origin) {
        boolean anyOrigin = origins.contains(ANY) && !credentials;
        ctx.header("Access-Control-Allow-Origin", anyOrigin ? ANY : origin);
        if (!anyOrigin) {
            ctx.header("Vary", "Origin");
        }
        if (credentials) {
            ctx.header("Access-Control-Allow-Credentials", "true");
        }
    }

    private static Set<String> upper(List<String> values) {
        return values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> lower(List<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
