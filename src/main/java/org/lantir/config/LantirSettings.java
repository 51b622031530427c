package org.lantir.config;

/**
 * Lantir's own additions to the Python tool's file, kept under the top-level {@code lantir}
 * key so that the Python tool ignores them.
 *
 * @param uidRoot root under which Lantir mints UIDs (PS3.5 §9; default {@code 2.25}, the
 *        UUID-derived form of PS3.5 Annex B.2)
 */
public record LantirSettings(ServerSettings server, String uidRoot, SyncSettings sync) {

    public static LantirSettings defaults() {
        return new LantirSettings(ServerSettings.defaults(), ConfigDefaults.UID_ROOT,
                SyncSettings.defaults());
    }
}
