package org.lantir.dicom.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP connection under one association (PS3.8 §9.1.1). Writes are serialized and each
 * has a deadline: a peer that stops reading cannot hold a thread (or the state machine's
 * lock) forever, because the connection is closed when the deadline passes.
 *
 * <p>One watchdog timer per connection checks the write under way, if any; a write only
 * notes when it started. (A timer scheduled and cancelled around every write cost two
 * timer-queue updates per PDU.)
 */
final class Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final long NOT_WRITING = Long.MIN_VALUE;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final TimerService timers;
    private final Duration writeTimeout;
    private final Supplier<String> name;
    private final Object watchdogLock = new Object();
    private volatile boolean closed;
    private volatile long writeStartedAt = NOT_WRITING;
    private TimerService.Timer watchdog;

    Transport(Socket socket, TimerService timers, Duration writeTimeout,
            Supplier<String> name)
            throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
        this.timers = timers;
        this.writeTimeout = writeTimeout;
        this.name = name;
        synchronized (watchdogLock) {
            watchdog = timers.schedule(writeTimeout, this::checkWrite);
        }
    }

    InputStream input() {
        return in;
    }

    /**
     * Writes bytes, provided {@code allowed} still holds once the write lock is taken.
     *
     * @throws IOException when the connection is closed, the write fails or is not allowed
     */
    void write(byte[] bytes, BooleanSupplier allowed) throws IOException {
        writeLock.lock();
        try {
            if (closed) {
                throw new IOException("Connection of " + name.get() + " is closed");
            }
            if (!allowed.getAsBoolean()) {
                throw new IOException("Association " + name.get() + " no longer accepts data");
            }
            writeStartedAt = timers.nanoTime();
            try {
                out.write(bytes);
                out.flush();
            } finally {
                writeStartedAt = NOT_WRITING;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** The watchdog: closes a connection whose write is overdue, else looks again later. */
    private void checkWrite() {
        long started = writeStartedAt;
        long timeout = writeTimeout.toNanos();
        long overdueIn = started == NOT_WRITING ? timeout
                : started + timeout - timers.nanoTime();
        if (overdueIn <= 0) {
            writeStalled();
            return;
        }
        synchronized (watchdogLock) {
            if (!closed) {
                watchdog = timers.schedule(Duration.ofNanos(overdueIn), this::checkWrite);
            }
        }
    }

    private void writeStalled() {
        LOG.warn("{} peer has read nothing for {}; closing the connection", name.get(),
                writeTimeout);
        close();
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the socket; a blocked read or write fails at once. Safe from any thread. */
    void close() {
        closed = true;
        synchronized (watchdogLock) {
            if (watchdog != null) {
                watchdog.cancel();
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
