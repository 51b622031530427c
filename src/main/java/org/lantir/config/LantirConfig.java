package org.lantir.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration: the Python tool's JSON file as its users have it, plus Lantir's
 * own settings under {@code lantir}. Immutable; {@link ConfigLoader} reads and writes it.
 *
 * @param dbPath the worklist database ({@code db_path}), or null for the application default
 * @param usersDbPath the REST API's user database ({@code users_db_path}), or null
 * @param dbEcho the Python tool's SQL echo flag ({@code db_echo}); kept for round trips
 * @param allowedAet calling AE titles allowed to associate; empty allows all
 * @param protocol the top-level {@code protocol}, used by sources that set none themselves
 * @param extras top-level keys Lantir does not use (comments included), kept on save
 */
public record LantirConfig(ConfigPath dbPath, ConfigPath usersDbPath, boolean dbEcho,
        List<String> allowedAet, Protocol protocol, ApiConfig api,
        List<DataSourceConfig> dataSources, LantirSettings lantir, Map<String, Object> extras) {

    public LantirConfig {
        allowedAet = List.copyOf(allowedAet);
        protocol = protocol == null ? Protocol.NONE : protocol;
        api = api == null ? ApiConfig.defaults() : api;
        dataSources = List.copyOf(dataSources);
        lantir = lantir == null ? LantirSettings.defaults() : lantir;
        extras = JsonValues.copyOf(extras);
    }

    /** What an empty file means: no database path chosen, no sources, every default. */
    public static LantirConfig defaults() {
        return new LantirConfig(null, null, ConfigDefaults.DB_ECHO, List.of(), Protocol.NONE,
                ApiConfig.defaults(), List.of(), LantirSettings.defaults(), Map.of());
    }

    public Optional<DataSourceConfig> dataSource(String name) {
        return dataSources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public LantirConfig withDataSources(List<DataSourceConfig> sources) {
        return new LantirConfig(dbPath, usersDbPath, dbEcho, allowedAet, protocol, api,
                sources, lantir, extras);
    }

    public LantirConfig withLantir(LantirSettings settings) {
        return new LantirConfig(dbPath, usersDbPath, dbEcho, allowedAet, protocol, api,
                dataSources, settings, extras);
    }

    public LantirConfig withAllowedAet(List<String> titles) {
        return new LantirConfig(dbPath, usersDbPath, dbEcho, titles, protocol, api,
                dataSources, lantir, extras);
    }

    public LantirConfig withDbPath(ConfigPath path) {
        return new LantirConfig(path, usersDbPath, dbEcho, allowedAet, protocol, api,
                dataSources, lantir, extras);
    }
}
