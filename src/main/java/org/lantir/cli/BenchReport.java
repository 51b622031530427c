package org.lantir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@code lantir bench}: the machine, the store and one line per run, printed
 * as a table or as JSON.
 *
 * @param machine processors, Java and operating system
 * @param store what was built and how long building and opening took
 * @param warmupQueries queries per run reported apart as warm-up
 * @param runs every scenario over every number of associations, in the order run
 */
record BenchReport(Machine machine, Store store, int warmupQueries,
        List<BenchDriver.Run> runs) {

    /** Where the numbers were taken. */
    record Machine(int processors, String java, String vm, String os, String lantir) {

        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.runtime.version"),
                    System.getProperty("java.vm.name"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    LantirVersion.version());
        }
    }

    /**
     * The worklist store the queries ran against.
     *
     * @param buildSeconds generating and inserting every row, in one transaction
     * @param openSeconds opening the store and starting the server (as {@code start} does)
     */
    record Store(int rows, int todayRows, int years, long seed, String today,
            int todayQueryMatches, double sizeMb, double buildSeconds, double openSeconds) {
    }

    /** Errors of all measured and warm-up queries together. */
    int errors() {
        int errors = 0;
        for (BenchDriver.Run run : runs) {
            errors += run.warmup().errors() + run.measured().errors();
        }
        return errors;
    }

    String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the bench report as JSON", e);
        }
    }

    void printTable(PrintWriter out) {
        out.printf(Locale.ROOT, "Lantir bench: %d worklist rows (%d today, %d years of history),"
                + " seed %d%n", store.rows(), store.todayRows(), store.years(), store.seed());
        out.printf(Locale.ROOT, "Store built in %.1f s (%.1f MB), opened and serving in %.1f s;"
                + " %d processors, Java %s%n", store.buildSeconds(), store.sizeMb(),
                store.openSeconds(), machine.processors(), machine.java());
        out.printf(Locale.ROOT, "Latencies in ms, from C-FIND-RQ sent to final C-FIND-RSP "
                + "received, over 127.0.0.1; CPU: process time per query; heap: MiB after a GC"
                + " (server and client share the process)%n%n");
        printRuns(out, "Measured", false);
        if (warmupQueries > 0) {
            out.println();
            printRuns(out, "Warm-up (" + warmupQueries + " queries per run, not above)", true);
        }
        out.flush();
    }

    private void printRuns(PrintWriter out, String heading, boolean warmup) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {heading, "Assoc", "Queries", "Errors", "Matches/q", "Median",
            "p90", "p99", "Max", "Queries/s", "CPU us/q", "Heap before", "Heap after",
            "Target median"});
        for (BenchDriver.Run run : runs) {
            LatencyStats s = warmup ? run.warmup() : run.measured();
            rows.add(new String[] {run.title(), Integer.toString(run.associations()),
                Integer.toString(s.count()), Integer.toString(s.errors()),
                format("%.2f", s.meanMatches()), format("%.2f", s.medianMs()),
                format("%.2f", s.p90Ms()), format("%.2f", s.p99Ms()),
                format("%.2f", s.maxMs()), format("%.0f", s.queriesPerSecond()),
                warmup ? "" : format("%.0f", run.cpuMicrosPerQuery()),
                format("%.1f", run.heapBeforeMb()), format("%.1f", run.heapAfterMb()),
                warmup ? "" : verdict(run, s)});
        }
        TextTable.print(rows, out, column -> column > 0);
        if (!warmup) {
            for (BenchDriver.Run run : runs) {
                for (String sample : run.errorSamples()) {
                    out.printf("  error in %s over %d: %s%n", run.scenario(),
                            run.associations(), sample);
                }
            }
        }
    }

    private static String verdict(BenchDriver.Run run, LatencyStats s) {
        boolean met = s.medianMs() < run.targetMedianMs() && s.errors() == 0;
        String target = format("< %.0f ms", run.targetMedianMs())
                + (run.associations() > 1 ? ", no errors" : "");
        return target + ": " + (met ? "met" : "MISSED");
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
