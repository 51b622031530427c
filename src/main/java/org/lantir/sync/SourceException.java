package org.lantir.sync;

import java.time.Duration;

/**
 * A data source could not deliver its rows: unreachable, refused credentials, a server error,
 * a timeout, or an answer that is not what the API promises. The message is a plain-words
 * reason fit for the event log and the UI: it names the source and never carries credentials
 * or patient data.
 */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    /** Not serialized: a Duration is, but nothing sends these anywhere. */
    private final transient Duration retryAfter;

    /**
     * @param retryable whether trying again soon may help (outage, timeout, server error), as
     *        opposed to a refusal that needs a person (bad token, bad request)
     */
    public SourceException(String message, boolean retryable) {
        this(message, retryable, (Throwable) null);
    }

    public SourceException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, null, cause);
    }

    /**
     * @param retryAfter how long the server asked to be left alone (HTTP {@code Retry-After},
     *        RFC 9110 §10.2.3), or null when it did not say; the scheduler waits at least
     *        that long, within a cap, before the next run
     */
    public SourceException(String message, boolean retryable, Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the server asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
