package org.lantir.sync.calpendo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Where and how to reach one Calpendo server: the base URL (the address of its login page),
 * the local account's username and password for HTTP Basic authentication, the timeouts and
 * how many requests may be in flight at once. {@link #toString()} and {@link #safeUrl()} never
 * show the password, the username or any user information of the URL.
 *
 * @param connectTimeout how long to wait for a connection (and for a free one in the pool)
 * @param readTimeout how long to wait for the next bytes of an answer; an answer must also be
 *        complete within {@link #answerDeadline()}
 * @param maxParallelRequests booking details fetched at once (pylantir: 5)
 */
public record CalpendoEndpoint(URI baseUrl, String username, String password,
        Duration connectTimeout, Duration readTimeout, int maxParallelRequests) {

    /** How many read timeouts a whole answer may take, so that a trickle cannot hang a run. */
    static final int DEADLINE_READ_TIMEOUTS = 4;

    public CalpendoEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxParallelRequests < 1) {
            throw new IllegalArgumentException("maxParallelRequests must be at least 1");
        }
    }

    /** The latest an answer may be complete, counted from when the request is sent. */
    Duration answerDeadline() {
        return readTimeout.multipliedBy(DEADLINE_READ_TIMEOUTS);
    }

    /** The {@code Authorization} header value (RFC 7617): never log it. */
    String basicAuthorization() {
        byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    /**
     * {@code pathAndQuery} (starting with '/', already encoded) under the base URL; user
     * information written into the base URL is never sent.
     */
    URI resolve(String pathAndQuery) {
        return URI.create(safeUrl() + pathAndQuery);
    }

    /** The base URL without user information, query or fragment: safe for messages. */
    public String safeUrl() {
        String port = baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort();
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + port + path;
    }

    @Override
    public String toString() {
        return "Calpendo " + safeUrl();
    }
}
