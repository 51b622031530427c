package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code lantir start} on one worklist database: the second says which process holds it
 * and exits 4, while query-db still reads it; once the first stops, the database is free.
 */
@Timeout(240)
class SecondInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStartOnTheSameDatabaseSaysSoAndExits4() throws Exception {
        Path config = dir.resolve("lantir.json");
        Files.writeString(config, """
                {"db_path": "worklist.db", "allowed_aet": [],
                 "lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1"}}}
                """);
        String[] start = {"start", "--pylantir_config", config.toString(), "--ip", "127.0.0.1",
            "--port", "0"};

        try (LantirProcess first = LantirProcess.start(dir, start)) {
            // On another port (0: any free one), so only the database can stand in the way.
            Cli.Run second = CompletableFuture.supplyAsync(() -> Cli.run(start))
                    .get(60, TimeUnit.SECONDS);

            assertThat(second.exitCode()).as(second.toString())
                    .isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(second.err()).contains("database " + dir.resolve("worklist.db")
                    + " is in use by another Lantir, pid " + first.pid());

            Cli.Run query = Cli.run("query-db", "--pylantir_config", config.toString());
            assertThat(query.exitCode()).as(query.toString()).isEqualTo(ExitCodes.OK);
            assertThat(query.out()).contains("0 row(s)");

            first.stop();
        }

        try (LantirProcess again = LantirProcess.start(dir, start)) {
            assertThat(again.port()).isPositive();
        }
    }
}
