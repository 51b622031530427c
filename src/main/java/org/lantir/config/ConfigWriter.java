package org.lantir.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalTime;
import java.util.Map;
import org.lantir.worklist.ProcedureStepStatus;

/**
 * Turns a {@link LantirConfig} back into the Python tool's JSON shape ({@code data_sources}
 * format), with Lantir's settings under {@code lantir} and unused keys kept.
 */
final class ConfigWriter {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConfigWriter() {
    }

    static ObjectNode toJson(LantirConfig config) {
        ObjectNode root = F.objectNode();
        if (config.dbPath() != null) {
            root.put("db_path", config.dbPath().text());
        }
        if (config.usersDbPath() != null) {
            root.put("users_db_path", config.usersDbPath().text());
        }
        root.put("db_echo", config.dbEcho());
        root.set("allowed_aet", texts(config.allowedAet()));
        if (config.protocol().isSet()) {
            root.set("protocol", protocol(config.protocol()));
        }
        root.set("api", api(config.api()));
        ArrayNode sources = root.putArray("data_sources");
        config.dataSources().forEach(source -> sources.add(source(source)));
        root.set("lantir", lantir(config.lantir()));
        putAll(root, config.extras());
        return root;
    }

    static com.fasterxml.jackson.databind.JsonNode protocol(Protocol protocol) {
        if (protocol.name() != null) {
            return F.textNode(protocol.name());
        }
        return JsonValues.toJson(protocol.bySite());
    }

    private static ObjectNode api(ApiConfig api) {
        ObjectNode node = F.objectNode();
        node.set("cors_allowed_origins", texts(api.corsAllowedOrigins()));
        node.put("cors_allow_credentials", api.corsAllowCredentials());
        node.set("cors_allow_methods", texts(api.corsAllowMethods()));
        node.set("cors_allow_headers", texts(api.corsAllowHeaders()));
        putAll(node, api.extras());
        return node;
    }

    private static ObjectNode source(DataSourceConfig source) {
        ObjectNode node = F.objectNode();
        node.put("name", source.name());
        node.put("type", source.type());
        node.put("enabled", source.enabled());
        node.put("sync_interval", source.syncIntervalSeconds());
        node.set("operation_interval", interval(source.operationInterval()));
        node.set("config", JsonValues.toJson(source.settings()));
        node.set("field_mapping", JsonValues.toJson(source.fieldMapping()));
        if (source.windowMode() != null) {
            node.put("window_mode", source.windowMode());
        }
        if (source.dailyWindow() != null) {
            node.put("daily_window", source.dailyWindow());
        }
        putAll(node, source.extras());
        return node;
    }

    static ObjectNode interval(OperationInterval interval) {
        ObjectNode node = F.objectNode();
        node.set("start_time", hourMinute(interval.start()));
        node.set("end_time", hourMinute(interval.end()));
        return node;
    }

    private static ArrayNode hourMinute(LocalTime time) {
        return F.arrayNode().add(time.getHour()).add(time.getMinute());
    }

    private static ObjectNode lantir(LantirSettings lantir) {
        ObjectNode node = F.objectNode();
        node.set("server", server(lantir.server()));
        node.put("uid_root", lantir.uidRoot());
        ObjectNode sync = node.putObject("sync");
        sync.put("overlap_seconds", lantir.sync().overlap().getSeconds());
        sync.put("retry_initial_seconds", lantir.sync().retryInitial().getSeconds());
        sync.put("retry_max_seconds", lantir.sync().retryMax().getSeconds());
        putAll(sync, lantir.sync().extras());
        ObjectNode desktop = node.putObject("desktop");
        desktop.put("close_action", lantir.desktop().closeAction().configName());
        putAll(desktop, lantir.desktop().extras());
        node.set("api", lantirApi(lantir.api()));
        putAll(node, lantir.extras());
        return node;
    }

    private static ObjectNode lantirApi(ApiSettings api) {
        ObjectNode node = F.objectNode();
        node.put("enabled", api.enabled());
        node.put("host", api.host());
        node.put("port", api.port());
        node.put("access_token_expire_minutes", api.tokenLifetime().toMinutes());
        node.put("max_access_token_expire_minutes", api.maxTokenLifetime().toMinutes());
        putAll(node, api.extras());
        return node;
    }

    private static ObjectNode server(ServerSettings server) {
        ObjectNode node = F.objectNode();
        node.put("ae_title", server.aeTitle());
        node.put("bind_address", server.bindAddress());
        node.put("port", server.port());
        node.put("max_associations", server.maxAssociations());
        node.put("idle_timeout_seconds", server.idleTimeoutSeconds());
        node.put("max_pdu_length", server.maxPduLength());
        ArrayNode statuses = node.putArray("visible_statuses");
        for (ProcedureStepStatus status : ProcedureStepStatus.values()) {
            if (server.visibleStatuses().contains(status)) {
                statuses.add(status.name());
            }
        }
        node.put("person_name_case_insensitive", server.personNameCaseInsensitive());
        node.set("calling_ae_default_charsets",
                JsonValues.toJson(server.callingAeDefaultCharsets()));
        node.put("max_answers", server.maxAnswers());
        node.set("calling_ae_as_station", texts(server.callingAeAsStation()));
        node.put("unassigned_station", server.unassignedStation().configName());
        putAll(node, server.extras());
        return node;
    }

    private static ArrayNode texts(Iterable<String> values) {
        ArrayNode array = F.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void putAll(ObjectNode node, Map<String, Object> extras) {
        extras.forEach((key, value) -> node.set(key, JsonValues.toJson(value)));
    }
}
