package org.lantir.sync;

/**
 * A data source could not deliver its rows: unreachable, refused credentials, a server error,
 * a timeout, or an answer that is not what the API promises. The message is a plain-words
 * reason fit for the event log and the UI: it names the source and never carries credentials
 * or patient data.
 */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param retryable whether trying again soon may help (outage, timeout, server error), as
     *        opposed to a refusal that needs a person (bad token, bad request)
     */
    public SourceException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public SourceException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
