package org.lantir.sync.redcap;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where and how to reach one REDCap project: the API URL, the project token, the server's
 * time zone (REDCap reads {@code dateRangeBegin}/{@code dateRangeEnd} in it) and the
 * timeouts. {@link #toString()} and {@link #safeUrl()} never show the token or any user
 * information of the URL.
 */
public final class RedcapEndpoint {

    private final URI url;
    private final String token;
    private final ZoneId serverZone;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public RedcapEndpoint(URI url, String token, ZoneId serverZone, Duration connectTimeout,
            Duration readTimeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.token = Objects.requireNonNull(token, "token");
        this.serverZone = Objects.requireNonNull(serverZone, "serverZone");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public URI url() {
        return url;
    }

    String token() {
        return token;
    }

    public ZoneId serverZone() {
        return serverZone;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** The URL without user information, query or fragment: safe for messages. */
    public String safeUrl() {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    @Override
    public String toString() {
        return "REDCap " + safeUrl();
    }
}
