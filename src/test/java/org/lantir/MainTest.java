package org.lantir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The log level a command starts with when LANTIR_LOG_LEVEL is not set (README). */
class MainTest {

    @Test
    void oneShotCommandsLogAtWarnAndServersAtInfo() {
        assertThat(Main.defaultLogLevel(new String[] {"import", "drop"})).isEqualTo("WARN");
        assertThat(Main.defaultLogLevel(new String[] {"query-db", "--sync-history"}))
                .isEqualTo("WARN");
        assertThat(Main.defaultLogLevel(new String[] {"start", "--config", "c.json"}))
                .isEqualTo("INFO");
        assertThat(Main.defaultLogLevel(new String[] {})).isEqualTo("INFO");
    }
}
