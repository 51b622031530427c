package org.lantir.sync;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures what logback logs while open (every logger, at the levels the configuration lets
 * through), so that tests can assert on WARN lines and on what must never be logged. Loggers
 * under {@code org.lantir} are opened to DEBUG meanwhile, so DEBUG lines are checked too.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger lantir = (Logger) LoggerFactory.getLogger("org.lantir");
    private final Level lantirLevel = lantir.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
        lantir.setLevel(Level.DEBUG);
    }

    /**
     * Every event so far. Logback's AppenderBase appends under the appender's own lock, from
     * whatever thread logs (sync threads, the DICOM server): copy under that lock, not the
     * list's, or a line written meanwhile can tear the copy.
     */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /** Formatted messages at {@code level} (null: every level). */
    public List<String> messages(Level level) {
        return events().stream().filter(e -> level == null || e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /** Every line as it would be printed: level, logger, message and any stack trace. */
    public String allText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events()) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        lantir.setLevel(lantirLevel);
        appender.stop();
    }
}
