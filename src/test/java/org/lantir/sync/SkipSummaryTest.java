package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The skipped rows of a run in one line: each reason once, its keys, long lists cut. */
class SkipSummaryTest {

    @Test
    void noSkipsNoLine() {
        assertThat(SkipSummary.of(Map.of())).isNull();
    }

    @Test
    void reasonsInTheOrderMetWithTheirKeys() {
        Map<String, String> skips = new LinkedHashMap<>();
        skips.put("48213", "field_mapping.patient_id: the pattern does not match its title");
        skips.put("48214", "it finishes before it starts");
        skips.put("48219", "field_mapping.patient_id: the pattern does not match its title");
        skips.put("48220", null);

        assertThat(SkipSummary.of(skips)).isEqualTo("field_mapping.patient_id: the pattern "
                + "does not match its title: 48213, 48219; it finishes before it starts: "
                + "48214; could not be mapped: 48220");
    }

    @Test
    void aThousandSkipsMakeAShortLine() {
        Map<String, String> skips = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            skips.put(i + ":1", "reason " + (i % 8) + "\nwith a line break");
        }

        String line = SkipSummary.of(skips);

        assertThat(line).startsWith("reason 0 with a line break: 0:1, 8:1, 16:1, 24:1, 32:1 "
                + "and 120 more; reason 1").endsWith("; 3 more reason(s)").doesNotContain("\n");
        assertThat(line.length()).isLessThan(400);
    }
}
