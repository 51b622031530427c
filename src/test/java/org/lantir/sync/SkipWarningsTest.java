package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A skipped row is warned about once while it stays skipped for the same reason. */
class SkipWarningsTest {

    private final SkipWarnings warnings =
            new SkipWarnings(LoggerFactory.getLogger(SkipWarningsTest.class));

    @Test
    void onceWhileItStaysSkippedAgainAfterItMappedOrForAnotherReason() {
        try (LogCapture log = new LogCapture()) {
            run("booking 9008", "no subject code");
            run("booking 9008", "no subject code");
            run(null, null); // it mapped
            run("booking 9008", "no subject code");
            run("booking 9008", "no start time");

            assertThat(log.messages(Level.WARN)).containsExactly(
                    warned("no subject code"), warned("no subject code"),
                    warned("no start time"));
            assertThat(log.messages(Level.DEBUG)).containsExactly(
                    "src: booking 9008 skipped again: no subject code");
        }
    }

    private void run(String row, String reason) {
        if (row != null) {
            warnings.skipped("src", row, reason);
        }
        warnings.runEnded(row == null ? Set.of() : Set.of(row));
    }

    private static String warned(String reason) {
        return "src: booking 9008 skipped: " + reason + " (said once; while it stays so, "
                + "later runs log it at DEBUG)";
    }
}
