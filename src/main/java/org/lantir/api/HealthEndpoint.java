package org.lantir.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.lantir.api.HealthProbe.Report;

/**
 * {@code GET /health}. Without a token: {@code {"status": "healthy", "timestamp": ...}} (200),
 * or {@code "unhealthy"} (503) when the worklist database does not answer, which is all a load
 * balancer or a monitoring probe needs. With a valid token of any role it adds the database's
 * state, the DICOM server's (AE title, address, port, associations) and each data source's
 * schedule and last error. Those stay behind a token because they map the site's network and
 * name its sources, and a sync error may quote a source's address: nothing an anonymous caller
 * on the hospital network needs to know.
 */
final class HealthEndpoint {

    private final HealthProbe probe;
    private final Authorizer auth;
    private final Clock clock;

    HealthEndpoint(HealthProbe probe, Authorizer auth, Clock clock) {
        this.probe = probe;
        this.auth = auth;
        this.clock = clock;
    }

    void health(Context ctx) {
        Report report = probe.report();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("status", report.healthy() ? "healthy" : "unhealthy");
        answer.put("timestamp", clock.instant().toString());
        if (auth.optionalCaller(ctx).isPresent()) {
            details(answer, report);
        }
        JsonBodies.answer(ctx, report.healthy() ? 200 : 503, answer);
    }

    private static void details(ObjectNode answer, Report report) {
        ObjectNode database = answer.putObject("database");
        database.put("state", report.healthy() ? "ok" : "unavailable");
        if (report.healthy()) {
            database.put("schema_version", report.schemaVersion());
        } else {
            database.put("problem", report.databaseProblem());
        }

        HealthProbe.Dicom dicom = report.dicom();
        ObjectNode server = answer.putObject("dicom_server");
        if (!dicom.inThisProcess()) {
            // start-api: the settings would describe a server that another process may run.
            server.put("state", "not run by this process");
            server.put("problem", "this Lantir serves the REST API only (lantir start-api)");
            syncDetails(answer, report.sync());
            return;
        }
        server.put("state", dicom.running() ? "running" : "stopped");
        server.put("ae_title", dicom.aeTitle());
        server.put("bind_address", dicom.bindAddress());
        server.put("port", dicom.port());
        server.put("active_associations", dicom.activeAssociations());
        server.put("problem", dicom.problem());
        syncDetails(answer, report.sync());
    }

    private static void syncDetails(ObjectNode answer, List<HealthProbe.Sync> sources) {
        ArrayNode sync = answer.putArray("sync");
        for (HealthProbe.Sync source : sources) {
            ObjectNode s = sync.addObject();
            s.put("source", source.source());
            s.put("state", source.running() ? "running" : source.paused() ? "paused"
                    : "waiting");
            s.put("last_run_ended", source.lastRunEnded() == null ? null
                    : source.lastRunEnded().toString());
            s.put("last_outcome", source.lastOutcome());
            s.put("last_error", source.lastError());
            s.put("consecutive_failures", source.consecutiveFailures());
        }
    }
}
