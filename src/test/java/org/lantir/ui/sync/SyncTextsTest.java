package org.lantir.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.lantir.config.OperationInterval;
import org.lantir.worklist.SyncCounts;

class SyncTextsTest {

    @Test
    void errorsLoseStackTracesClassNamesAndTokens() {
        String raw = "internal error: java.lang.IllegalStateException: token "
                + "0123456789ABCDEF0123456789ABCDEF refused\n"
                + "\tat org.lantir.sync.SourceRunner.run(SourceRunner.java:60)\n";

        assertThat(SyncTexts.plainError(raw))
                .isEqualTo("internal error: token [token hidden] refused");
        assertThat(SyncTexts.plainError("java.net.ConnectException")).isEqualTo(
                "an unexpected error; see Lantir's log");
        assertThat(SyncTexts.plainError(null)).isEmpty();
        assertThat(SyncTexts.plainError("x".repeat(400))).hasSize(301).endsWith("…");
    }

    @Test
    void durationsAndCountdownsReadShort() {
        assertThat(SyncTexts.duration(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(SyncTexts.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(SyncTexts.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
        assertThat(SyncTexts.duration(null)).isEmpty();
        Instant now = Instant.parse("2025-03-10T15:00:00Z");
        assertThat(SyncTexts.countdown(now, now.plusSeconds(3720))).isEqualTo("in 1 h 02 min");
        assertThat(SyncTexts.countdown(now, now.plusMillis(400))).isEqualTo("due now");
        assertThat(SyncTexts.countdown(now, now.minusSeconds(5))).isEqualTo("due now");
    }

    @Test
    void countsInShortNameOnlyWhatHappened() {
        assertThat(SyncTexts.countsInShort(new SyncCounts(4, 0, 0, 0), 1))
                .isEqualTo("4 added, 1 skipped");
        assertThat(SyncTexts.countsInShort(new SyncCounts(0, 2, 118, 1), 0))
                .isEqualTo("2 updated, 118 unchanged, 1 removed");
        assertThat(SyncTexts.countsInShort(SyncCounts.NONE, 0)).isEqualTo("no rows");
    }

    @Test
    void schedulesNameTheirIntervalAndWindow() {
        assertThat(SyncTexts.schedule(Duration.ofSeconds(90), OperationInterval.ALL_DAY))
                .isEqualTo("every 90 s, all day");
        assertThat(SyncTexts.schedule(Duration.ofDays(1), new OperationInterval(
                LocalTime.of(8, 0), LocalTime.of(18, 30))))
                .isEqualTo("every 24 h, 08:00–18:30");
        assertThat(SyncTexts.typeLabel("calpendo")).isEqualTo("Calpendo");
        assertThat(SyncTexts.typeLabel("other")).isEqualTo("other");
    }
}
