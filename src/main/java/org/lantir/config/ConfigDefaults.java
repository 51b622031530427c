package org.lantir.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;

/**
 * Every default value of the configuration, in one place. The Python tool's defaults are kept
 * where it had one (port 4242, bind 0.0.0.0, sync every 60 s, operation window all day).
 */
public final class ConfigDefaults {

    /** The AE title the server answers to when neither the config nor --AEtitle names one. */
    public static final String AE_TITLE = "MWL_SERVER";
    public static final String BIND_ADDRESS = "0.0.0.0";
    public static final int PORT = 4242;
    /** Beyond this, associations are rejected (transient, local-limit-exceeded). */
    public static final int MAX_ASSOCIATIONS = 64;
    public static final int IDLE_TIMEOUT_SECONDS = 300;
    /** Largest P-DATA-TF PDU the server accepts (PS3.8 D.1, Maximum Length Received). */
    public static final int MAX_PDU_LENGTH = 65_536;
    /** Statuses a C-FIND without an SPS Status key returns. */
    public static final Set<ProcedureStepStatus> VISIBLE_STATUSES =
            Set.of(ProcedureStepStatus.SCHEDULED, ProcedureStepStatus.IN_PROGRESS);
    public static final boolean PERSON_NAME_CASE_INSENSITIVE = true;
    public static final Map<String, String> CALLING_AE_DEFAULT_CHARSETS = Map.of();
    /** Most C-FIND matches returned for one query; 0 means no limit. */
    public static final int MAX_ANSWERS = 0;
    /**
     * Rows without a Scheduled Station AE Title are scheduled for whichever station asks: the
     * Python tool's files name no station, and its scanners saw every row.
     */
    public static final UnassignedStation UNASSIGNED_STATION = UnassignedStation.ANY;

    /** PS3.5 Annex B.2: UIDs derived from a UUID under {@code 2.25}. */
    public static final String UID_ROOT = "2.25";

    public static final boolean DB_ECHO = false;

    public static final List<String> CORS_ALLOWED_ORIGINS = List.of();
    public static final boolean CORS_ALLOW_CREDENTIALS = false;
    public static final List<String> CORS_ALLOW_METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "OPTIONS");
    public static final List<String> CORS_ALLOW_HEADERS = List.of("*");

    /** The REST API runs beside the DICOM server only when the file asks for it. */
    public static final boolean API_ENABLED = false;
    /** The Python tool's {@code start-api} defaults. */
    public static final String API_HOST = "0.0.0.0";
    public static final int API_PORT = 8000;
    /** An access token's lifetime when the login asks for none (the Python tool's 30 min). */
    public static final Duration API_TOKEN_LIFETIME = Duration.ofMinutes(30);
    /** The longest lifetime a login may ask for: one working day and night. */
    public static final Duration API_MAX_TOKEN_LIFETIME = Duration.ofHours(24);

    public static final boolean SOURCE_ENABLED = true;
    public static final int SYNC_INTERVAL_SECONDS = 60;
    /** How far an incremental window reaches back before the last one ended. */
    public static final Duration SYNC_OVERLAP = Duration.ofMinutes(5);
    public static final Duration SYNC_RETRY_INITIAL = Duration.ofSeconds(15);
    public static final Duration SYNC_RETRY_MAX = Duration.ofMinutes(10);

    /** Closing the desktop window stops the server and the sync unless the file says "ask". */
    public static final CloseAction CLOSE_ACTION = CloseAction.STOP;

    /** Name given to the data source converted from the legacy flat format. */
    public static final String LEGACY_SOURCE_NAME = "redcap_legacy";

    private ConfigDefaults() {
    }
}
