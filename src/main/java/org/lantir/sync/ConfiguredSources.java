package org.lantir.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the enabled {@code data_sources} of a configuration to a {@link SyncScheduler}. A
 * source that cannot be built is reported and left out; the others still run, as in the
 * Python tool, where one source's bad settings stopped only that source's thread.
 */
public final class ConfiguredSources {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSources.class);

    private ConfiguredSources() {
    }

    /**
     * @param factories source builders by type ({@code redcap} → {@code RedcapSource::create})
     * @return one plain-words problem per enabled source that could not be added
     */
    public static List<String> addTo(SyncScheduler scheduler, LantirConfig config,
            Map<String, SourceFactory> factories, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (DataSourceConfig source : config.dataSources()) {
            if (!source.enabled()) {
                LOG.info("Data source {} is disabled", source.name());
                continue;
            }
            String problem = add(scheduler, config, source, factories, env);
            if (problem != null) {
                LOG.error("Data source {} will not sync: {}", source.name(), problem);
                problems.add(problem);
            }
        }
        return problems;
    }

    private static String add(SyncScheduler scheduler, LantirConfig config,
            DataSourceConfig source, Map<String, SourceFactory> factories,
            Map<String, String> env) {
        SourceFactory factory = factories.get(source.type());
        if (factory == null) {
            return "data source '" + source.name() + "': type " + source.type()
                    + " is not available in this version";
        }
        try {
            scheduler.add(factory.create(config, source, env), source.syncInterval(),
                    source.operationInterval());
            return null;
        } catch (SourceException e) {
            return e.getMessage();
        }
    }
}
