package org.lantir.dicom.net;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link DicomServer} has done since it was built: associations accepted and rejected,
 * the associations open now, and per DIMSE request type the requests handled and refused.
 * Updated from the association threads without locks; {@link #snapshot()} is cheap enough to
 * call every second.
 *
 * <p>A request counts once, when its final response is sent: as refused when that response
 * carries a failure status ({@link Status#isFailure}, e.g. A700H, C000H, 0110H, 0120H),
 * otherwise as handled (success, warning or cancel). A request the association ended before
 * it was answered counts as neither. Only the request types of PS3.7 §9.3 and §10.3 are
 * counted; an unrecognized command field is answered 0211H but not counted.
 */
public final class ServerStatistics {

    /** The request command fields counted, in the order the snapshot lists them. */
    static final List<Integer> REQUEST_TYPES = List.of(Dimse.C_ECHO_RQ, Dimse.C_FIND_RQ,
            Dimse.N_CREATE_RQ, Dimse.N_SET_RQ, Dimse.C_STORE_RQ, Dimse.C_GET_RQ,
            Dimse.C_MOVE_RQ, Dimse.N_EVENT_REPORT_RQ, Dimse.N_GET_RQ, Dimse.N_ACTION_RQ,
            Dimse.N_DELETE_RQ);

    private final Clock clock;
    private final Instant since;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final Map<Integer, Counter> requests = new LinkedHashMap<>();
    /** By association name; each with its place in the order of acceptance. */
    private final Map<String, Open> active = new ConcurrentHashMap<>();
    private final AtomicLong acceptances = new AtomicLong();

    public ServerStatistics(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
        // Filled once here and only read afterwards: safe to share without a lock.
        for (int type : REQUEST_TYPES) {
            requests.put(type, new Counter());
        }
    }

    void associationAccepted(AssociationInfo association) {
        accepted.increment();
        active.put(association.name(), new Open(acceptances.incrementAndGet(),
                new ActiveAssociation(association.name(), association.callingAeTitle(),
                        association.calledAeTitle(), association.remoteAddress(),
                        clock.instant())));
    }

    void associationRejected() {
        rejected.increment();
    }

    /** The association no longer holds a slot (released, aborted or lost); idempotent. */
    void associationEnded(String name) {
        active.remove(name);
    }

    /** A final response with {@code status} was sent to a request of {@code commandField}. */
    void requestAnswered(int commandField, int status) {
        Counter counter = requests.get(commandField);
        if (counter == null) {
            return;
        }
        if (Status.isFailure(status)) {
            counter.refused.increment();
        } else {
            counter.handled.increment();
        }
    }

    /** The counters and open associations now; the associations oldest first. */
    public Snapshot snapshot() {
        Map<Integer, RequestCounts> counts = new LinkedHashMap<>();
        requests.forEach((type, counter) -> counts.put(type,
                new RequestCounts(counter.handled.sum(), counter.refused.sum())));
        // By order of acceptance, not by time: two may be accepted within one clock tick.
        List<Open> open = new ArrayList<>(active.values());
        open.sort(Comparator.comparingLong(Open::order));
        return new Snapshot(since, accepted.sum(), rejected.sum(), Map.copyOf(counts),
                open.stream().map(Open::association).toList());
    }

    private record Open(long order, ActiveAssociation association) {
    }

    private static final class Counter {
        final LongAdder handled = new LongAdder();
        final LongAdder refused = new LongAdder();
    }

    /**
     * The statistics at one moment. Counters are read one after the other while the server
     * runs, so two of them may be a request apart; each is exact.
     *
     * @param since when counting began (the server was built)
     * @param requests handled and refused per request command field (e.g.
     *        {@link Dimse#C_ECHO_RQ})
     * @param active the associations open now, in the order they were accepted
     */
    public record Snapshot(Instant since, long associationsAccepted, long associationsRejected,
            Map<Integer, RequestCounts> requests, List<ActiveAssociation> active) {

        /** The counts for one request type; zeros for a type that is not counted. */
        public RequestCounts requests(int commandField) {
            return requests.getOrDefault(commandField, RequestCounts.NONE);
        }
    }

    /** Requests of one type answered with a non-failure status, and with a failure status. */
    public record RequestCounts(long handled, long refused) {

        public static final RequestCounts NONE = new RequestCounts(0, 0);
    }

    /**
     * An association open now.
     *
     * @param name the log name, {@code CALLED<-CALLING#serial}
     * @param remoteAddress the requestor's address; null if the connection had none
     * @param since when it was accepted
     */
    public record ActiveAssociation(String name, String callingAeTitle, String calledAeTitle,
            InetSocketAddress remoteAddress, Instant since) {
    }
}
