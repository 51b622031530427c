package org.lantir.dicom.net;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Collects the log events of the {@code org.lantir.dicom.net} loggers during a test. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        logger = (Logger) LoggerFactory.getLogger("org.lantir.dicom.net");
        appender.start();
        logger.addAppender(appender);
    }

    /** Formatted messages at {@code level} or above. */
    List<String> lines(Level level) {
        return events().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(level))
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /** Formatted messages at exactly {@code level}. */
    List<String> linesAt(Level level) {
        return events().stream().filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /** AppenderBase appends under the appender's lock; copy under it too. */
    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
