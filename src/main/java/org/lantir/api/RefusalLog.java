package org.lantir.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Says at INFO that a request's token was refused (from where, and why in a word), at most
 * {@link #LINES_PER_WINDOW} times per {@link #WINDOW}: someone probing with made-up tokens
 * must not flood the log. The lines left out are counted and said with the next one.
 */
final class RefusalLog {

    static final int LINES_PER_WINDOW = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
            RefusalLog.class);

    private final Clock clock;
    private Instant windowStart = Instant.MIN;
    private int lines;
    private long suppressed;

    RefusalLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param address the client's address
     * @param reason why, in a few words that never quote the token
     */
    void refused(String address, String reason) {
        long before;
        synchronized (this) {
            Instant now = clock.instant();
            if (!now.isBefore(windowStart.plus(WINDOW))) {
                windowStart = now;
                lines = 0;
            }
            if (lines >= LINES_PER_WINDOW) {
                suppressed++;
                return;
            }
            lines++;
            before = suppressed;
            suppressed = 0;
        }
        LOG.info("API: refused a token from {}: {}{}", address, reason, before == 0 ? ""
                : " (" + before + " more refused token(s) not logged before this)");
    }
}
