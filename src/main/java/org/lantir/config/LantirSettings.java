package org.lantir.config;

import java.util.Map;

/**
 * Lantir's own additions to the Python tool's file, kept under the top-level {@code lantir}
 * key so that the Python tool ignores them.
 *
 * @param uidRoot root under which Lantir mints UIDs (PS3.5 §9; default {@code 2.25}, the
 *        UUID-derived form of PS3.5 Annex B.2)
 * @param desktop the desktop window's settings
 * @param api the REST API server's settings
 * @param extras keys of {@code lantir} Lantir does not know, kept on save
 */
public record LantirSettings(ServerSettings server, String uidRoot, SyncSettings sync,
        DesktopSettings desktop, ApiSettings api, Map<String, Object> extras) {

    public LantirSettings {
        desktop = desktop == null ? DesktopSettings.defaults() : desktop;
        api = api == null ? ApiSettings.defaults() : api;
        extras = JsonValues.copyOf(extras);
    }

    /** Settings with the REST API's defaults. */
    public LantirSettings(ServerSettings server, String uidRoot, SyncSettings sync,
            DesktopSettings desktop, Map<String, Object> extras) {
        this(server, uidRoot, sync, desktop, ApiSettings.defaults(), extras);
    }

    /** Settings with the desktop defaults and no keys Lantir does not know. */
    public LantirSettings(ServerSettings server, String uidRoot, SyncSettings sync) {
        this(server, uidRoot, sync, DesktopSettings.defaults(), Map.of());
    }

    public static LantirSettings defaults() {
        return new LantirSettings(ServerSettings.defaults(), ConfigDefaults.UID_ROOT,
                SyncSettings.defaults());
    }

    public LantirSettings withServer(ServerSettings newServer) {
        return new LantirSettings(newServer, uidRoot, sync, desktop, api, extras);
    }

    public LantirSettings withDesktop(DesktopSettings newDesktop) {
        return new LantirSettings(server, uidRoot, sync, newDesktop, api, extras);
    }

    public LantirSettings withApi(ApiSettings newApi) {
        return new LantirSettings(server, uidRoot, sync, desktop, newApi, extras);
    }
}
