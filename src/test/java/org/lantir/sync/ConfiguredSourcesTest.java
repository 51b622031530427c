package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.config.SyncSettings;
import org.lantir.events.EventFeed;
import org.lantir.sync.redcap.RedcapSource;

class ConfiguredSourcesTest {

    @Test
    void addsEnabledSourcesAndReportsTheOnesThatCannotRun() throws Exception {
        LantirConfig config = ConfigLoader.parse("""
                {"data_sources": [
                    {"name": "main", "type": "redcap", "config": {"site_id": "792"}},
                    {"name": "off", "type": "redcap", "enabled": false},
                    {"name": "cal", "type": "calpendo",
                     "config": {"base_url": "https://calpendo.example.org",
                                "resources": ["3T Diagnostic"]}},
                    {"name": "other", "type": "redcap",
                     "config": {"api_token_env": "OTHER_TOKEN"}}
                ]}
                """, null, Path.of("."));
        Map<String, String> env = Map.of(RedcapSource.ENV_URL, "http://127.0.0.1:9/api/",
                RedcapSource.ENV_TOKEN, "0123456789ABCDEF0123456789ABCDEF");

        try (EventFeed feed = new EventFeed()) {
            SyncScheduler scheduler = new SyncScheduler(
                    new RepositorySyncSink(new MemoryWorklistRepository()),
                    new MemorySyncStateStore(), new MemoryEventLog(5), feed, Clock.systemUTC(),
                    SyncSettings.defaults());

            List<String> problems = ConfiguredSources.addTo(scheduler, config,
                    Map.of("redcap", RedcapSource.FACTORY), env);

            assertThat(scheduler.sourceNames()).containsExactly("main");
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0)).contains("'cal'").contains("calpendo");
            assertThat(problems.get(1)).contains("'other'").contains("OTHER_TOKEN");
            scheduler.stop();
        }
    }
}
