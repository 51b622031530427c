package org.lantir.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The desktop console's log file, {@code logs/lantir.log} in the data folder ({@link AppPaths}),
 * besides standard error: a console started from a desktop menu has no terminal, so without
 * it its log would be lost. Five files of 10 MB at most: the oldest goes first. A server
 * ({@code lantir start}) logs to standard error only, which its service manager keeps.
 */
public final class LogFile implements AutoCloseable {

    public static final String FILE_NAME = "lantir.log";
    private static final String PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private final Logger root;
    private final RollingFileAppender<ILoggingEvent> appender;

    private LogFile(Logger root, RollingFileAppender<ILoggingEvent> appender) {
        this.root = root;
        this.appender = appender;
    }

    /** The log file of a data folder. */
    public static Path in(Path dataDirectory) {
        return AppPaths.logDirectory(dataDirectory).resolve(FILE_NAME);
    }

    /**
     * Adds the file to the root logger's appenders; logback creates the folder. Returns null
     * when SLF4J is not bound to logback (nothing is added then).
     */
    public static LogFile attach(Path dataDirectory) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        String file = in(dataDirectory).toString();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("DESKTOP_FILE");
        appender.setFile(file);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.replace("%", "%%") + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(4);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new LogFile(root, appender);
    }

    /** Whether the file is being written (false when its folder could not be made). */
    public boolean isWriting() {
        return appender.isStarted();
    }

    /** The file written. */
    public Path file() {
        return Path.of(appender.getFile());
    }

    /** Stops writing the file (the window has closed, or a test is done). */
    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
