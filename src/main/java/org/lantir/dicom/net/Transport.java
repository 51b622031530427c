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
 */
final class Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final TimerService timers;
    private final Duration writeTimeout;
    private final Supplier<String> name;
    private volatile boolean closed;

    Transport(Socket socket, TimerService timers, Duration writeTimeout,
            Supplier<String> name)
            throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
        this.timers = timers;
        this.writeTimeout = writeTimeout;
        this.name = name;
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
            TimerService.Timer deadline = timers.schedule(writeTimeout, this::writeStalled);
            try {
                out.write(bytes);
                out.flush();
            } finally {
                deadline.cancel();
            }
        } finally {
            writeLock.unlock();
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
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
