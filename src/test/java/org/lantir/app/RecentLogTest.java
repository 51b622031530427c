package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The in-memory log behind the Log screen, on a logging context of its own: what it keeps,
 * in which order, within its capacity, and with many threads logging while one reads.
 */
@Timeout(60)
class RecentLogTest {

    private final LoggerContext context = new LoggerContext();

    private RecentLog attach(int capacity) {
        RecentLog log = new RecentLog(capacity);
        log.setContext(context);
        log.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(log);
        return log;
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void keepsLinesOldestFirstWithTimeLevelShortLoggerAndMessage() {
        RecentLog log = attach(10);
        Logger server = context.getLogger("org.lantir.dicom.net.DicomServer");

        server.info("Listening as {} on port {}", "MWL_SCP", 4242);
        server.warn("Association refused");
        server.error("Accept failed", new java.io.IOException("reset"));

        RecentLog.Batch batch = log.linesFrom(0);
        assertThat(batch.next()).isEqualTo(3);
        assertThat(batch.lines()).extracting(RecentLog.Line::sequence).containsExactly(0L, 1L, 2L);
        assertThat(batch.lines()).extracting(RecentLog.Line::level).containsExactly(
                org.slf4j.event.Level.INFO, org.slf4j.event.Level.WARN,
                org.slf4j.event.Level.ERROR);
        assertThat(batch.lines()).extracting(RecentLog.Line::logger).containsOnly("DicomServer");
        assertThat(batch.lines()).extracting(RecentLog.Line::message).containsExactly(
                "Listening as MWL_SCP on port 4242", "Association refused",
                "Accept failed (java.io.IOException: reset)");
        assertThat(batch.lines().get(0).time()).isNotNull();
        assertThat(log.linesFrom(batch.next()).lines()).isEmpty();
    }

    @Test
    void keepsOnlyWhatTheLevelsLetThrough() {
        RecentLog log = attach(10);
        Logger scp = context.getLogger("org.lantir.scp.ModalityWorklistScp");

        scp.debug("identifier with patient data");
        scp.info("C-FIND answered");

        assertThat(log.linesFrom(0).lines()).extracting(RecentLog.Line::message)
                .containsExactly("C-FIND answered");
    }

    @Test
    void aFullRingKeepsTheNewestLines() {
        RecentLog log = attach(5);
        Logger logger = context.getLogger("test");
        for (int i = 0; i < 12; i++) {
            logger.info("line {}", i);
        }

        RecentLog.Batch batch = log.linesFrom(0);

        assertThat(batch.lines()).extracting(RecentLog.Line::message)
                .containsExactly("line 7", "line 8", "line 9", "line 10", "line 11");
        assertThat(batch.next()).isEqualTo(12);
        assertThat(log.linesFrom(9).lines()).extracting(RecentLog.Line::message)
                .containsExactly("line 9", "line 10", "line 11");
    }

    @Test
    void manyThreadsLogWhileOneReadsAndNoLineIsLostOrRepeated() throws Exception {
        int threads = 4;
        int perThread = 5_000;
        RecentLog log = attach(threads * perThread);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Logger logger = context.getLogger("writer" + t);
            Thread writer = new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perThread; i++) {
                    logger.info("{}", i);
                }
            });
            writer.start();
            writers.add(writer);
        }
        List<RecentLog.Line> read = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        long next = 0;
        go.countDown();
        while (writing.get()) {
            RecentLog.Batch batch = log.linesFrom(next);
            read.addAll(batch.lines());
            next = batch.next();
            writing.set(writers.stream().anyMatch(Thread::isAlive));
        }
        read.addAll(log.linesFrom(next).lines());

        assertThat(read).hasSize(threads * perThread);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).sequence()).isEqualTo(i);
        }
        Map<String, Integer> lastByWriter = new HashMap<>();
        for (RecentLog.Line line : read) {
            int value = Integer.parseInt(line.message());
            Integer last = lastByWriter.put(line.logger(), value);
            assertThat(value).as("each writer's lines in its order").isEqualTo(
                    last == null ? 0 : last + 1);
        }
    }

    @Test
    void installAttachesOneLogToTheApplicationsRootLogger() {
        RecentLog log = RecentLog.install();
        String marker = UUID.randomUUID().toString();

        LoggerFactory.getLogger("org.lantir.app.RecentLogTest").warn("marker {}", marker);

        assertThat(RecentLog.install()).isSameAs(log);
        assertThat(log.linesFrom(0).lines()).extracting(RecentLog.Line::message)
                .contains("marker " + marker);
        assertThat(RecentLog.rootLevel()).isNotNull();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
