package org.lantir.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.PDU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lantir's DICOM listener: one acceptor thread, each association read on a bounded executor
 * and run as the acceptor side of PS3.8 §9.2, its DIMSE requests dispatched to the
 * {@link DimseService} registered for their SOP class. The {@link VerificationService} is
 * registered from the start (PS3.4 Annex A).
 *
 * <p>Beyond {@link ServerSettings#maxAssociations()} a request is rejected, transient, source
 * 3, local-limit-exceeded (PS3.8 Table 9-21); a released or aborted association frees its
 * slot before its last PDU is sent.
 *
 * <p>Connections without a slot (still waiting for their A-ASSOCIATE-RQ, rejected, or released
 * and waiting for the peer to close) are allowed {@code max(32, maxAssociations)} at once, on
 * top of the associations. A new connection beyond that closes the oldest of them: a real SCU
 * sends its request at once, so the one that waited longest is the idle one. Idle connections
 * thus cannot use up the reader threads, and a real request always gets its answer.
 *
 * <pre>
 * DicomServer server = new DicomServer(ServerSettings.of("MWL_SCP", "0.0.0.0", 104));
 * server.register(new MyWorklistService());
 * server.start();
 * </pre>
 */
public final class DicomServer {

    private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);

    /** The fewest connections without an association kept at once (see the class doc). */
    private static final int MIN_UNSLOTTED = 32;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ServerSettings settings;
    private final Map<String, DimseService> services = new ConcurrentHashMap<>();
    private final List<AssociationListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Association> live = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    /** Connections holding no slot, oldest first; guarded by itself. */
    private final Set<Association> unslotted = new LinkedHashSet<>();
    private final int maxUnslotted;
    private final ServerStatistics statistics = new ServerStatistics(Clock.systemUTC());
    private final boolean ownsExecutors;
    private ExecutorService associationExecutor;
    private ExecutorService dimseExecutor;
    private ScheduledExecutorService ownScheduler;
    private TimerService timers;
    private volatile ServerSocket serverSocket;
    private Thread acceptor;

    /** A server that makes (and shuts down) its own threads. */
    public DicomServer(ServerSettings settings) {
        this.settings = settings;
        this.slots = new Semaphore(settings.maxAssociations());
        this.maxUnslotted = Math.max(MIN_UNSLOTTED, settings.maxAssociations());
        this.ownsExecutors = true;
        register(new VerificationService());
    }

    /**
     * A server on the caller's executors, which it does not shut down.
     *
     * @param associationExecutor runs one reader per connection; should allow
     *        {@code maxAssociations + max(32, maxAssociations)} threads and some to spare, so
     *        requests beyond the limit can be answered with a rejection; a connection it
     *        refuses is closed unanswered
     * @param dimseExecutor runs the DIMSE work of all associations
     * @param timers ARTIM, idle and write timers
     */
    public DicomServer(ServerSettings settings, ExecutorService associationExecutor,
            ExecutorService dimseExecutor, TimerService timers) {
        this.settings = settings;
        this.slots = new Semaphore(settings.maxAssociations());
        this.maxUnslotted = Math.max(MIN_UNSLOTTED, settings.maxAssociations());
        this.ownsExecutors = false;
        this.associationExecutor = associationExecutor;
        this.dimseExecutor = dimseExecutor;
        this.timers = timers;
        register(new VerificationService());
    }

    /**
     * Registers a service for each SOP class it names, replacing an earlier one for the same
     * class. Takes effect for associations negotiated afterwards.
     */
    public DicomServer register(DimseService service) {
        for (String sopClass : service.sopClasses()) {
            services.put(sopClass, service);
        }
        return this;
    }

    public void addAssociationListener(AssociationListener listener) {
        listeners.add(listener);
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Counters and open associations since this server was built (over stops and starts). */
    public ServerStatistics statistics() {
        return statistics;
    }

    /**
     * Binds and starts accepting.
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when already running
     */
    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("Server " + settings.aeTitle() + " already running");
        }
        if (ownsExecutors) {
            createExecutors();
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()),
                    settings.port()), 128);
        } catch (IOException e) {
            closeQuietly(socket);
            if (ownsExecutors) {
                shutdownExecutors();
            }
            throw new IOException("Cannot listen on " + settings.bindAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        serverSocket = socket;
        acceptor = new Thread(() -> acceptLoop(socket),
                "dicom-listener-" + settings.aeTitle() + ":" + socket.getLocalPort());
        acceptor.start();
        LOG.info("Listening as {} on {}:{} (at most {} associations)", settings.aeTitle(),
                socket.getInetAddress().getHostAddress(), socket.getLocalPort(),
                settings.maxAssociations());
    }

    /** Stops accepting, aborts the associations in progress and ends owned threads. */
    public synchronized void stop() {
        ServerSocket socket = serverSocket;
        if (socket == null) {
            return;
        }
        serverSocket = null;
        closeQuietly(socket);
        joinQuietly(acceptor);
        for (Association association : live) {
            association.abort(AAbort.byServiceUser());
            association.closeTransport();
        }
        if (ownsExecutors) {
            shutdownExecutors();
        }
        LOG.info("Stopped listening as {} on port {}", settings.aeTitle(),
                socket.getLocalPort());
    }

    public boolean isRunning() {
        return serverSocket != null;
    }

    /** The bound port (the real one when the settings ask for port 0); -1 when stopped. */
    public int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? -1 : socket.getLocalPort();
    }

    /** The bound address and port, or null when stopped. */
    public InetSocketAddress localAddress() {
        ServerSocket socket = serverSocket;
        return socket == null ? null : (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Associations holding a slot now. */
    public int activeAssociations() {
        return settings.maxAssociations() - slots.availablePermits();
    }

    private void createExecutors() {
        int max = settings.maxAssociations();
        // No bound of its own: serve() keeps at most max + maxUnslotted connections, and a
        // bound here would turn connections away while closed readers are still exiting.
        associationExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
                TimeUnit.SECONDS, new SynchronousQueue<>(), threads("dicom-association-"));
        ThreadPoolExecutor dimse = new ThreadPoolExecutor(max, max, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("dicom-dimse-"));
        dimse.allowCoreThreadTimeOut(true);
        dimseExecutor = dimse;
        ownScheduler = TimerService.newScheduler("dicom-timers-" + settings.aeTitle());
        timers = TimerService.of(ownScheduler);
    }

    private void shutdownExecutors() {
        shutdown(associationExecutor);
        shutdown(dimseExecutor);
        ownScheduler.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                serve(connection);
            } catch (SocketException closed) {
                LOG.debug("Listener socket closed: {}", closed.toString());
            } catch (IOException | RuntimeException e) {
                LOG.error("Listener {} failed to accept a connection", settings.aeTitle(), e);
            }
        }
    }

    private void serve(Socket connection) {
        ServerAssociation user = new ServerAssociation();
        Association association = Association.acceptor(connection, user, timers,
                new Association.Config(settings.artimTimeout(), settings.idleTimeout(),
                        settings.idleTimeout().plus(settings.artimTimeout()),
                        settings.maxPduLengthReceived()));
        user.association = association;
        LOG.info("{} connection from {}", association.name(), connection.getRemoteSocketAddress());
        live.add(association);
        closeOldestUnslotted(association);
        try {
            associationExecutor.execute(association::runAsAcceptor);
        } catch (RejectedExecutionException full) {
            LOG.warn("{} no thread left to read the connection; closed unanswered",
                    association.name());
            live.remove(association);
            forgetUnslotted(association);
            closeQuietly(connection);
        }
    }

    /** Makes room for {@code added} among the connections without a slot, then adds it. */
    private void closeOldestUnslotted(Association added) {
        List<Association> oldest = new ArrayList<>();
        synchronized (unslotted) {
            Iterator<Association> it = unslotted.iterator();
            while (unslotted.size() >= maxUnslotted && it.hasNext()) {
                oldest.add(it.next());
                it.remove();
            }
            unslotted.add(added);
        }
        for (Association association : oldest) {
            // Closed, not aborted: Table 9-10 allows no A-ABORT while awaiting the request,
            // and the acceptor must not wait for a reader that may be busy writing.
            LOG.warn("{} from {} closed: the oldest of {} connections without an association,"
                    + " to make room for {}", association.name(), association.remoteAddress(),
                    maxUnslotted, added.name());
            association.closeTransport();
        }
    }

    private void forgetUnslotted(Association association) {
        synchronized (unslotted) {
            unslotted.remove(association);
        }
    }

    /** The server's part in one association: slot, negotiation, DIMSE dispatch. */
    private final class ServerAssociation implements AssociationUser {

        private final AtomicBoolean holdsSlot = new AtomicBoolean();
        private Association association;
        private volatile DimseDispatcher dispatcher;
        private volatile boolean accepted;
        private volatile boolean releaseRequested;
        /** Guarded by the server's {@code unslotted} set. */
        private boolean closed;

        @Override
        public AAssociateRJ serviceProviderCheck(AAssociateRQ rq) {
            if (!slots.tryAcquire()) {
                LOG.warn("{} {} associations already open", association.name(),
                        settings.maxAssociations());
                // PS3.8 Table 9-21: result 2 (transient), source 3, reason 2.
                AAssociateRJ rj = new AAssociateRJ(AAssociateRJ.REJECTED_TRANSIENT,
                        AAssociateRJ.SOURCE_SERVICE_PROVIDER_PRESENTATION,
                        AAssociateRJ.PRESENTATION_LOCAL_LIMIT_EXCEEDED);
                notifyRejected(rj);
                return rj;
            }
            holdsSlot.set(true);
            forgetUnslotted(association);
            return null;
        }

        @Override
        public PDU associateRequested(AAssociateRQ rq) {
            PDU answer = new AssociationNegotiator(settings, services::containsKey)
                    .answer(rq, association.name());
            if (answer instanceof AAssociateRJ rj) {
                notifyRejected(rj);
            }
            return answer;
        }

        @Override
        public void associateAccepted(AAssociateAC ac) {
            dispatcher = new DimseDispatcher(association, services::get, dimseExecutor,
                    settings.defaultCharacterSet(), statistics);
            accepted = true;
            statistics.associationAccepted(association.info());
            for (AssociationListener listener : listeners) {
                listener.associationAccepted(association.info());
            }
        }

        @Override
        public void dimseReceived(DimseMessage message) {
            dispatcher.onMessage(message);
        }

        @Override
        public void releaseRequested(boolean collision) {
            releaseRequested = true;
            dispatcher.onReleaseRequested();
        }

        @Override
        public void aborted(AAbort abort, boolean fromPeer) {
            cancelAll();
        }

        @Override
        public void associationEnding() {
            // Before the last PDU (A-RELEASE-RP) goes: a requestor whose release returned
            // no longer finds its association among the open ones.
            if (association.info() != null) {
                statistics.associationEnded(association.info().name());
            }
            if (holdsSlot.compareAndSet(true, false)) {
                slots.release();
                slotReleased();
            }
        }

        @Override
        public boolean hasOutstandingRequests() {
            DimseDispatcher d = dispatcher;
            return d != null && d.hasOutstandingRequests();
        }

        @Override
        public void closed() {
            live.remove(association);
            synchronized (unslotted) {
                closed = true;
                unslotted.remove(association);
            }
            cancelAll();
            if (accepted) {
                for (AssociationListener listener : listeners) {
                    listener.associationClosed(association.info(), releaseRequested);
                }
            }
        }

        /** Counts the connection among those without a slot again, unless it is closed. */
        private void slotReleased() {
            synchronized (unslotted) {
                if (!closed) {
                    unslotted.add(association);
                }
            }
        }

        private void cancelAll() {
            DimseDispatcher d = dispatcher;
            if (d != null) {
                d.cancelAll();
            }
        }

        private void notifyRejected(AAssociateRJ rj) {
            statistics.associationRejected();
            for (AssociationListener listener : listeners) {
                listener.associationRejected(association.info(), rj);
            }
        }
    }

    private static void shutdown(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(STOP_GRACE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
