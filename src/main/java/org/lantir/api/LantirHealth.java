package org.lantir.api;

import java.util.ArrayList;
import java.util.List;
import org.lantir.app.Lantir;
import org.lantir.config.ServerSettings;
import org.lantir.dicom.net.DicomServer;
import org.lantir.store.StoreException;
import org.lantir.sync.SyncSourceStatus;

/** {@link HealthProbe} of a running {@link Lantir}: its database, DICOM server and sync. */
final class LantirHealth implements HealthProbe {

    private final Lantir lantir;

    LantirHealth(Lantir lantir) {
        this.lantir = lantir;
    }

    @Override
    public Report report() {
        String problem = null;
        int version = -1;
        try {
            version = lantir.database().schemaVersion();
        } catch (StoreException | IllegalStateException e) {
            problem = "the worklist database does not answer";
        }
        return new Report(problem, version, dicom(), sync());
    }

    private Dicom dicom() {
        DicomServer server = lantir.dicomServer();
        ServerSettings settings = lantir.config().lantir().server();
        return new Dicom(server.isRunning(), settings.aeTitle(), settings.bindAddress(),
                server.isRunning() ? server.port() : settings.port(),
                server.activeAssociations(), lantir.serverProblem(), lantir.servesDicom());
    }

    private List<Sync> sync() {
        List<Sync> sources = new ArrayList<>();
        for (SyncSourceStatus status : lantir.scheduler().statuses()) {
            SyncSourceStatus.LastRun last = status.lastRun();
            sources.add(new Sync(status.source(), status.running(), status.paused(),
                    last == null ? null : last.ended(),
                    last == null ? null : last.outcome().status().name(),
                    last == null ? null : last.outcome().error(),
                    status.consecutiveFailures()));
        }
        return sources;
    }
}
