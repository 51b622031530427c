package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.MutableClock;
import org.slf4j.LoggerFactory;

/**
 * A refused token is said at INFO with the client's address and the reason, never the token,
 * and a flood of them is cut down to a few lines.
 */
@Timeout(120)
class ApiTokenRefusalLogTest {

    @TempDir
    Path dir;

    private static List<String> capture(Runnable work) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(RefusalLog.class);
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
        try {
            work.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel() == Level.INFO)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void aTamperedTokenIsLoggedAtInfoWithAddressAndReasonButNotTheToken() throws Exception {
        try (ApiHarness api = ApiHarness.start(dir)) {
            String token = api.login("reader", ApiHarness.READER_PASSWORD);
            String tampered = token.substring(0, token.length() - 4) + "AAAA";
            List<Integer> statuses = new ArrayList<>();

            List<String> lines = capture(() -> {
                try {
                    statuses.add(api.get("/worklist", tampered).statusCode());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(statuses).containsExactly(401);
            assertThat(lines).singleElement().asString()
                    .contains("refused a token from 127.0.0.1", "signature")
                    .doesNotContain(tampered).doesNotContain(token.substring(0, 20));
        }
    }

    @Test
    void aFloodOfRefusalsIsCutDownAndTheLeftOutOnesAreCounted() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"),
                ZoneOffset.UTC);
        RefusalLog log = new RefusalLog(clock);

        List<String> lines = capture(() -> {
            for (int i = 0; i < 500; i++) {
                log.refused("203.0.113.9", "access token malformed");
            }
            clock.advance(RefusalLog.WINDOW.plus(Duration.ofSeconds(1)));
            log.refused("203.0.113.9", "access token expired; log in again");
        });

        assertThat(lines).hasSize(RefusalLog.LINES_PER_WINDOW + 1);
        assertThat(lines.get(lines.size() - 1)).contains("expired",
                "490 more refused token(s) not logged");
    }
}
