package org.lantir.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * What the HTTP data sources (REDCap, Calpendo) share about a request that got no complete
 * answer: the plain words a sync card and the event log show for it, whether the next run may
 * clear it, and the timer thread that holds each client's answer deadlines; and the two small
 * types their response handlers are written with.
 */
public final class HttpOutage {

    private HttpOutage() {
    }

    /**
     * How a server's address and timeouts are named in the reasons.
     *
     * @param addressKey the setting that holds the server's address, e.g. {@code base_url}
     * @param connectTimeout how long a connection may take
     * @param readTimeout how long the server may stay silent mid-answer
     * @param scrub removes credentials from any text a server or library wrote
     */
    public record Limits(String addressKey, Duration connectTimeout, Duration readTimeout,
            UnaryOperator<String> scrub) {
    }

    /**
     * Why a request got no complete answer, to follow the server's name:
     * "refused the connection (is the server up, and base_url right?)".
     *
     * @param answer what was asked for, as in "did not send {answer} within 5 s"
     */
    public static String reason(IOException e, String answer, Limits limits) {
        if (e instanceof ConnectTimeoutException) {
            return "could not be connected to within " + seconds(limits.connectTimeout());
        }
        if (e instanceof SocketTimeoutException) {
            return "did not send " + answer + " within " + seconds(limits.readTimeout())
                    + " (read timeout)";
        }
        if (e instanceof UnknownHostException) {
            return "could not be found: the host name does not resolve (DNS)";
        }
        if (e instanceof ConnectException) {
            return "refused the connection (is the server up, and " + limits.addressKey()
                    + " right?)";
        }
        if (e instanceof SSLException) {
            return "failed the TLS handshake: " + details(e, limits);
        }
        if (e instanceof ConnectionClosedException
                || e instanceof MalformedChunkCodingException) {
            return "closed the connection before " + answer + " was complete";
        }
        if (e instanceof NoHttpResponseException) {
            return "closed the connection without sending " + answer;
        }
        return "could not be reached: " + details(e, limits);
    }

    /** A failed TLS handshake needs a person (certificate, protocol); the rest may clear. */
    public static boolean mayClear(IOException e) {
        return !(e instanceof SSLException);
    }

    /** Whether the request was stopped from this side (closing, a sync stopped), not failed. */
    public static boolean stopped(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
    }

    /** "5 s", or "300 ms" for what is not whole seconds. */
    public static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.getSeconds() + " s"
                : duration.toMillis() + " ms";
    }

    /**
     * One daemon thread for a client's answer deadlines. A deadline cancelled by its answer
     * leaves the queue at once: kept until it was due (minutes), each would hold its request,
     * and a source that syncs often would pile up thousands of them.
     */
    public static ScheduledExecutorService deadlineThread(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /**
     * The library's own words, scrubbed, without its class name: the card is read by
     * technologists; the class goes to the DEBUG log with the failure.
     */
    private static String details(IOException e, Limits limits) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "no details given";
        }
        return limits.scrub().apply(message);
    }

    /** Reads one successful answer's body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Carries a {@link SourceException} out of HttpClient's response handler, which may throw
     * only an IOException; the client unwraps it.
     */
    public static final class Carried extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient SourceException reason;

        public Carried(SourceException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }

        public SourceException reason() {
            return reason;
        }
    }
}
