package org.lantir.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.DimseResponse;
import org.lantir.dicom.net.Status;

/**
 * Drives a server with Lantir's own SCU for {@code lantir bench}: a scenario's queries over
 * one or more concurrent associations, each association on its own thread sending its share
 * of the queries one after another (PS3.7 C-FIND, no asynchronous operations). The first
 * queries are a warm-up, timed but reported apart; every association finishes its warm-up
 * before any starts the measured queries.
 */
final class BenchDriver {

    /** Guards a hung run; never a measure of speed. */
    private static final long PHASE_TIMEOUT_MINUTES = 30;
    private static final int ERROR_SAMPLES = 5;

    private final DicomClient client = new DicomClient();
    private final String host;
    private final int port;
    private final String calledAeTitle;

    BenchDriver(String host, int port, String calledAeTitle) {
        this.host = host;
        this.port = port;
        this.calledAeTitle = calledAeTitle;
    }

    /** What one scenario over a number of associations came to. */
    record Run(String scenario, String title, int associations, double targetMedianMs,
            LatencyStats warmup, LatencyStats measured, double cpuMicrosPerQuery,
            double heapBeforeMb, double heapAfterMb, List<String> errorSamples) {
    }

    /**
     * Runs {@code warmup + queries} queries of {@code scenario} (identifiers 0 .. warmup-1 are
     * the warm-up) spread evenly over {@code associations} associations.
     */
    Run run(BenchScenario scenario, int associations, int warmup, int queries)
            throws InterruptedException {
        double heapBefore = heapUsedAfterGcMb();
        Batch batch = new Batch(scenario, associations, warmup, queries);
        runWorkers(batch);
        long cpu = processCpuNanos() - batch.measuredStartCpu;

        return batch.result(cpu, heapBefore, heapUsedAfterGcMb());
    }

    /** One thread per association, each running its share; returns when all are done. */
    private static void runWorkers(Batch batch) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(batch.associations);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            batch.started = System.nanoTime();
            for (int w = 0; w < batch.associations; w++) {
                int worker = w;
                workers.add(threads.submit(() -> batch.work(worker)));
            }
            for (Future<Void> worker : workers) {
                await(worker, batch);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(Future<Void> worker, Batch batch) throws InterruptedException {
        try {
            worker.get(2 * PHASE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            batch.sample("worker failed: " + e);
        }
    }

    /**
     * CPU time of this process (server and client threads, GC and JIT), or 0 where the JVM
     * does not tell. Less noisy than wall-clock time on a shared machine.
     */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getProcessCpuTime() : 0;
    }

    /** Heap in use after a full collection, in MiB (server and client share this JVM). */
    static double heapUsedAfterGcMb() {
        System.gc();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return used / (1024.0 * 1024.0);
    }

    /** The shared state of one run: the queries' timings and the phase barrier. */
    private final class Batch {
        private final BenchScenario scenario;
        private final int associations;
        private final int warmupCount;
        private final Phase warmup;
        private final Phase measured;
        private final CyclicBarrier barrier;
        private final AtomicLong lastFinish = new AtomicLong();
        private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        private final AtomicInteger sampled = new AtomicInteger();
        private volatile long started;
        private volatile long measuredStart;
        private volatile long measuredStartCpu;

        Batch(BenchScenario scenario, int associations, int warmup, int queries) {
            this.scenario = scenario;
            this.associations = associations;
            this.warmupCount = warmup;
            this.warmup = new Phase(warmup);
            this.measured = new Phase(queries);
            this.barrier = new CyclicBarrier(associations, () -> {
                measuredStartCpu = processCpuNanos();
                measuredStart = System.nanoTime();
            });
        }

        Run result(long measuredCpuNanos, double heapBeforeMb, double heapAfterMb) {
            return new Run(scenario.key(), scenario.title(), associations,
                    scenario.targetMedianMillis(associations),
                    warmup.stats(measuredStart - started),
                    measured.stats(lastFinish.get() - measuredStart),
                    measuredCpuNanos / 1e3 / measured.nanos.length, heapBeforeMb, heapAfterMb,
                    List.copyOf(errorSamples));
        }

        /** One association's share: its warm-up queries, the barrier, its measured ones. */
        Void work(int worker) throws Exception {
            ClientAssociation association = open(worker);
            try {
                association = runPhase(association, worker, warmup, 0);
                barrier.await(PHASE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
                association = runPhase(association, worker, measured, warmupCount);
                lastFinish.accumulateAndGet(System.nanoTime(), Math::max);
            } catch (BrokenBarrierException | TimeoutException e) {
                sample("association " + worker + " never reached the measured phase: " + e);
            } finally {
                if (association != null) {
                    association.close();
                }
            }
            return null;
        }

        /** Queries {@code worker, worker + n, ...} of a phase; returns the association left. */
        private ClientAssociation runPhase(ClientAssociation association, int worker,
                Phase phase, int firstIdentifier) {
            ClientAssociation current = association;
            for (int i = worker; i < phase.nanos.length; i += associations) {
                if (current == null) {
                    current = open(worker);
                }
                if (current == null) {
                    phase.errors.incrementAndGet();
                    continue;
                }
                current = query(current, phase, i, firstIdentifier + i);
            }
            return current;
        }

        private ClientAssociation query(ClientAssociation association, Phase phase, int slot,
                int identifierIndex) {
            Dataset identifier = scenario.identifier(identifierIndex);
            int expected = scenario.expectedMatches(identifierIndex);
            int[] matches = {0};
            long start = System.nanoTime();
            try {
                DimseResponse response = association.find(UID.MODALITY_WORKLIST_FIND,
                        identifier, match -> matches[0]++);
                phase.nanos[slot] = System.nanoTime() - start;
                phase.matches.addAndGet(matches[0]);
                if (!response.isSuccess() || matches[0] != expected) {
                    phase.errors.incrementAndGet();
                    sample("query " + identifierIndex + ": status "
                            + Status.toHex(response.status()) + ", " + matches[0]
                            + " match(es), expected " + expected);
                }
                return association;
            } catch (IOException e) {
                phase.nanos[slot] = System.nanoTime() - start;
                phase.errors.incrementAndGet();
                sample("query " + identifierIndex + " failed: " + e.getMessage());
                association.abort();
                return null;
            }
        }

        private ClientAssociation open(int worker) {
            try {
                return client.connect(host, port, "BENCH_SCU_" + worker, calledAeTitle,
                        DicomClient.contextsFor(UID.MODALITY_WORKLIST_FIND));
            } catch (IOException e) {
                sample("association " + worker + " not opened: " + e.getMessage());
                return null;
            }
        }

        void sample(String error) {
            if (sampled.incrementAndGet() <= ERROR_SAMPLES) {
                errorSamples.add(error);
            }
        }
    }

    /** The timings of one phase; each slot is written by exactly one worker. */
    private static final class Phase {
        final long[] nanos;
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong matches = new AtomicLong();

        Phase(int queries) {
            this.nanos = new long[queries];
        }

        LatencyStats stats(long wallNanos) {
            return LatencyStats.of(nanos, errors.get(), matches.get(), wallNanos);
        }
    }
}
