package org.lantir.dicom.net;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts an established association on which nothing moved for the idle timeout: no PDU in
 * either direction and no request being worked on. Restarted on every activity.
 */
final class IdleTimer {

    private static final Logger LOG = LoggerFactory.getLogger(IdleTimer.class);

    private final TimerService timers;
    private final Duration timeout;
    private final Association association;
    private final BooleanSupplier busy;
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
            restart();
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
    synchronized void touch() {
        if (armed) {
            restart();
        }
    }

    private void restart() {
        if (timer != null) {
            timer.cancel();
        }
        timer = timers.schedule(timeout, this::expired);
    }

    private void expired() {
        synchronized (this) {
            if (!armed) {
                return;
            }
        }
        if (!association.recordedState().isAssociationEstablished()) {
            return;
        }
        if (busy.getAsBoolean()) {
            touch();
            return;
        }
        LOG.warn("{} idle for {}; aborting the association", association.name(), timeout);
        association.abort(org.lantir.dicom.net.pdu.AAbort.byServiceUser());
    }
}
