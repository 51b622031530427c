package org.lantir.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
 *
 * <p>A write may say that more follows at once (the pending responses of a C-FIND, the
 * fragments of one message): its bytes then wait in the buffer for the next write that does
 * not, or at most {@link #LINGER}. One system call and one wake-up of the peer's reader per
 * answer instead of per response took a third off the CPU of a ten-match C-FIND.
 */
final class Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final long NOT_WRITING = Long.MIN_VALUE;
    private static final int BUFFER_SIZE = 64 * 1024;

    /** The longest that bytes of a write told "more follows" wait to be sent. */
    static final Duration LINGER = Duration.ofMillis(10);

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
    private final Object lingerLock = new Object();
    private TimerService.Timer linger;

    Transport(Socket socket, TimerService timers, Duration writeTimeout,
            Supplier<String> name)
            throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
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
     * Writes and sends bytes, provided {@code allowed} still holds once the write lock is
     * taken; bytes held back by earlier writes go first.
     *
     * @throws IOException when the connection is closed, the write fails or is not allowed
     */
    void write(byte[] bytes, BooleanSupplier allowed) throws IOException {
        write(bytes, allowed, false);
    }

    /**
     * Writes bytes; with {@code moreFollows} they may wait (at most {@link #LINGER}) to go
     * out with the next write.
     *
     * @throws IOException when the connection is closed, the write fails or is not allowed
     */
    void write(byte[] bytes, BooleanSupplier allowed, boolean moreFollows) throws IOException {
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
                if (moreFollows) {
                    lingerAtMost();
                } else {
                    flushNow();
                }
            } finally {
                writeStartedAt = NOT_WRITING;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Under the write lock: sends what waits and forgets the linger timer. */
    private void flushNow() throws IOException {
        out.flush();
        synchronized (lingerLock) {
            if (linger != null) {
                linger.cancel();
                linger = null;
            }
        }
    }

    /** Under the write lock: makes sure what waits is sent within {@link #LINGER}. */
    private void lingerAtMost() {
        synchronized (lingerLock) {
            if (linger == null) {
                linger = timers.schedule(LINGER, this::lingerExpired);
            }
        }
    }

    /**
     * On the timer thread, which must never wait for a write (a stalled one holds the lock
     * until the watchdog, also on that thread, ends it): when the lock is busy, the write
     * under way sends the buffer or the next linger does.
     */
    private void lingerExpired() {
        if (!writeLock.tryLock()) {
            synchronized (lingerLock) {
                linger = closed ? null : timers.schedule(LINGER, this::lingerExpired);
            }
            return;
        }
        try {
            synchronized (lingerLock) {
                linger = null;
            }
            if (!closed) {
                writeStartedAt = timers.nanoTime();
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("{} could not send buffered data: {}", name.get(), e.toString());
            close();
        } finally {
            writeStartedAt = NOT_WRITING;
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
