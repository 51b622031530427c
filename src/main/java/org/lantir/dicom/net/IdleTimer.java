package org.lantir.dicom.net;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts an established association on which nothing moved for the idle timeout: no PDU in
 * either direction and no request being worked on.
 *
 * <p>Activity is only noted ({@link #touch()} writes a time); the one scheduled check looks
 * at it when it fires and, if something moved since, waits for the rest of the timeout.
 * Rescheduling on every PDU instead cost a timer-queue update, and often a wake-up of the
 * timer thread, per PDU: a tenth of the CPU of a C-FIND with ten responses.
 */
final class IdleTimer {

    private static final Logger LOG = LoggerFactory.getLogger(IdleTimer.class);

    private final TimerService timers;
    private final Duration timeout;
    private final Association association;
    private final BooleanSupplier busy;
    private volatile long lastActivity;
    private TimerService.Timer timer;
    private boolean armed;

    /**
     * @param timeout null for no idle timeout
     * @param busy whether requests are still being worked on
     */
    IdleTimer(TimerService timers, Duration timeout, Association association,
            BooleanSupplier busy) {
        this.timers = timers;
        this.timeout = timeout;
        this.association = association;
        this.busy = busy;
    }

    /** Starts watching: the association is established. */
    synchronized void arm() {
        if (timeout != null) {
            armed = true;
            touch();
            checkAfter(timeout.toNanos());
        }
    }

    /** Stops watching: the association is ending. */
    synchronized void disarm() {
        armed = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Something moved on the association. */
    void touch() {
        lastActivity = timers.nanoTime();
    }

    private void checkAfter(long nanos) {
        timer = timers.schedule(Duration.ofNanos(nanos), this::expired);
    }

    private void expired() {
        synchronized (this) {
            if (!armed) {
                return;
            }
            long left = timeout.toNanos() - (timers.nanoTime() - lastActivity);
            if (left > 0) {
                checkAfter(left);
                return;
            }
        }
        if (!association.recordedState().isAssociationEstablished()) {
            return;
        }
        if (busy.getAsBoolean()) {
            restart();
            return;
        }
        LOG.warn("{} idle for {}; aborting the association", association.name(), timeout);
        association.abort(org.lantir.dicom.net.pdu.AAbort.byServiceUser());
    }

    private synchronized void restart() {
        if (armed) {
            touch();
            checkAfter(timeout.toNanos());
        }
    }
}
