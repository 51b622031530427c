package org.lantir.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The application's most recent log lines, kept in memory for the desktop's Log screen: a
 * logback appender on the root logger over a fixed ring of lines, so memory stays bounded
 * however long the window runs. It sees exactly what the configured levels let through
 * (patient data only at DEBUG); it never changes a level.
 *
 * <p>Logging threads never wait here: a line takes a sequence number from an atomic counter
 * and goes into its slot of the ring, with no lock. A reader asks for the lines after the
 * last sequence it saw ({@link #linesFrom}). When more than {@code capacity} lines arrive
 * between two reads, the oldest are gone; a reader is told where it may go on from.
 *
 * <p>Attached by the desktop only ({@link #install()}); the command line does not pay for it.
 */
public final class RecentLog extends UnsynchronizedAppenderBase<ILoggingEvent> {

    public static final int DEFAULT_CAPACITY = 2000;

    private static final String APPENDER_NAME = "LANTIR_RECENT";
    private static RecentLog installed;

    private final int capacity;
    private final AtomicReferenceArray<Line> ring;
    private final AtomicLong nextSequence = new AtomicLong();

    public RecentLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(capacity);
        setName(APPENDER_NAME);
    }

    /**
     * The application's recent log, attached to logback's root logger on the first call;
     * later calls return the same one. Where logback is not the logging backend, a log
     * attached to nothing (which stays empty).
     */
    public static synchronized RecentLog install() {
        if (installed != null) {
            return installed;
        }
        RecentLog log = new RecentLog(DEFAULT_CAPACITY);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            log.setContext(context);
            log.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(log);
        } else {
            log.start();
        }
        installed = log;
        return log;
    }

    /**
     * The most detailed level the root logger lets through now (INFO unless LANTIR_LOG_LEVEL
     * says otherwise); null where logback is not the backend.
     */
    public static Level rootLevel() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            return level(root.getEffectiveLevel());
        }
        return null;
    }

    public int capacity() {
        return capacity;
    }

    @Override
    protected void append(ILoggingEvent event) {
        // Built before the sequence is taken: once taken, only the slot write remains.
        Line line = new Line(0, Instant.ofEpochMilli(event.getTimeStamp()),
                level(event.getLevel()), shortName(event.getLoggerName()), text(event));
        long sequence = nextSequence.getAndIncrement();
        ring.set(slot(sequence), line.withSequence(sequence));
    }

    /**
     * The lines from sequence {@code from} on, oldest first: at most {@code capacity}, fewer
     * when older ones were overwritten meanwhile. A line whose logging thread has taken its
     * number but not yet stored it ends the batch, so it is read next time, not skipped.
     */
    public Batch linesFrom(long from) {
        long end = nextSequence.get();
        long sequence = Math.max(from, end - capacity);
        List<Line> lines = new ArrayList<>();
        for (; sequence < end; sequence++) {
            Line line = ring.get(slot(sequence));
            if (line == null || line.sequence() < sequence) {
                break;
            }
            if (line.sequence() == sequence) {
                lines.add(line);
            }
            // A higher sequence: this one was overwritten by a newer line; go on.
        }
        return new Batch(lines, sequence);
    }

    private int slot(long sequence) {
        return (int) (sequence % capacity);
    }

    private static String text(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return message;
        }
        // The exception's class and message only: a stack trace belongs in the log file.
        return message + " (" + thrown.getClassName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()) + ")";
    }

    static String shortName(String logger) {
        return logger == null ? "" : logger.substring(logger.lastIndexOf('.') + 1);
    }

    private static Level level(ch.qos.logback.classic.Level level) {
        return switch (level.toInt()) {
            case ch.qos.logback.classic.Level.ERROR_INT -> Level.ERROR;
            case ch.qos.logback.classic.Level.WARN_INT -> Level.WARN;
            case ch.qos.logback.classic.Level.INFO_INT -> Level.INFO;
            case ch.qos.logback.classic.Level.DEBUG_INT -> Level.DEBUG;
            default -> Level.TRACE;
        };
    }

    /**
     * One log line.
     *
     * @param sequence its place among every line logged since the log was built
     * @param logger the logger's short name, e.g. {@code DicomServer}
     * @param message the formatted message, with an exception's class and message
     */
    public record Line(long sequence, Instant time, Level level, String logger,
            String message) {

        Line withSequence(long number) {
            return new Line(number, time, level, logger, message);
        }
    }

    /**
     * Lines read in one go.
     *
     * @param next the sequence to ask for next time
     */
    public record Batch(List<Line> lines, long next) {
    }
}
