package org.lantir.sync;

import java.util.Map;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;

/**
 * Builds the {@link DataSource} of one {@code data_sources} entry of a given type, e.g.
 * {@code RedcapSource::create} for {@code redcap}.
 */
@FunctionalInterface
public interface SourceFactory {

    /**
     * @param env the process environment, where credentials may live
     * @throws SourceException when the entry cannot make a working source (no credentials,
     *         a bad template); the message names the source and the setting
     */
    DataSource create(LantirConfig config, DataSourceConfig source, Map<String, String> env)
            throws SourceException;
}
