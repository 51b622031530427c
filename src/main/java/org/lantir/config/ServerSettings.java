package org.lantir.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;

/**
 * Lantir's DICOM server settings ({@code lantir.server} in the file).
 *
 * @param aeTitle the called AE title the server answers to (PS3.8 §9.3.2.2)
 * @param bindAddress the local address to listen on
 * @param port the TCP port; 0 picks a free one (tests)
 * @param maxAssociations concurrent associations before new ones are rejected
 * @param idleTimeoutSeconds an association idle this long is released
 * @param maxPduLength the Maximum Length Received the server announces and enforces
 * @param visibleStatuses statuses a C-FIND returns when it has no SPS Status key
 * @param personNameCaseInsensitive whether PN matching ignores case (PS3.4 C.2.2.2.1)
 * @param callingAeDefaultCharsets per calling AE title, the Specific Character Set to assume
 *        when a query declares none
 * @param maxAnswers most matches per C-FIND; 0 means no limit
 * @param callingAeAsStation calling AE titles whose queries without a Scheduled Station AE
 *        Title key see only their own station's rows (a documented coercion; empty: none)
 * @param unassignedStation what C-FIND does with rows that have no Scheduled Station AE
 *        Title ({@code "any"}: scheduled for whichever station asks, the default;
 *        {@code "hidden"}: never published)
 * @param extras keys of {@code lantir.server} Lantir does not know, kept on save
 */
public record ServerSettings(String aeTitle, String bindAddress, int port, int maxAssociations,
        int idleTimeoutSeconds, int maxPduLength, Set<ProcedureStepStatus> visibleStatuses,
        boolean personNameCaseInsensitive, Map<String, String> callingAeDefaultCharsets,
        int maxAnswers, Set<String> callingAeAsStation, UnassignedStation unassignedStation,
        Map<String, Object> extras) {

    public ServerSettings {
        visibleStatuses = Collections.unmodifiableSet(EnumSet.copyOf(visibleStatuses));
        callingAeDefaultCharsets =
                Collections.unmodifiableMap(new LinkedHashMap<>(callingAeDefaultCharsets));
        callingAeAsStation = Collections.unmodifiableSet(new TreeSet<>(callingAeAsStation));
        Objects.requireNonNull(unassignedStation, "unassignedStation");
        extras = JsonValues.copyOf(extras);
    }

    /** Settings without keys Lantir does not know. */
    public ServerSettings(String aeTitle, String bindAddress, int port, int maxAssociations,
            int idleTimeoutSeconds, int maxPduLength, Set<ProcedureStepStatus> visibleStatuses,
            boolean personNameCaseInsensitive, Map<String, String> callingAeDefaultCharsets,
            int maxAnswers, Set<String> callingAeAsStation, UnassignedStation unassignedStation) {
        this(aeTitle, bindAddress, port, maxAssociations, idleTimeoutSeconds, maxPduLength,
                visibleStatuses, personNameCaseInsensitive, callingAeDefaultCharsets, maxAnswers,
                callingAeAsStation, unassignedStation, Map.of());
    }

    /** The same settings listening as another AE title, address or port. */
    public ServerSettings withEndpoint(String newAeTitle, String newBindAddress, int newPort) {
        return new ServerSettings(newAeTitle, newBindAddress, newPort, maxAssociations,
                idleTimeoutSeconds, maxPduLength, visibleStatuses, personNameCaseInsensitive,
                callingAeDefaultCharsets, maxAnswers, callingAeAsStation, unassignedStation,
                extras);
    }

    /** The same settings with other visible statuses. */
    public ServerSettings withVisibleStatuses(Set<ProcedureStepStatus> statuses) {
        return new ServerSettings(aeTitle, bindAddress, port, maxAssociations,
                idleTimeoutSeconds, maxPduLength, statuses, personNameCaseInsensitive,
                callingAeDefaultCharsets, maxAnswers, callingAeAsStation, unassignedStation,
                extras);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(ConfigDefaults.AE_TITLE, ConfigDefaults.BIND_ADDRESS,
                ConfigDefaults.PORT, ConfigDefaults.MAX_ASSOCIATIONS,
                ConfigDefaults.IDLE_TIMEOUT_SECONDS, ConfigDefaults.MAX_PDU_LENGTH,
                ConfigDefaults.VISIBLE_STATUSES, ConfigDefaults.PERSON_NAME_CASE_INSENSITIVE,
                ConfigDefaults.CALLING_AE_DEFAULT_CHARSETS, ConfigDefaults.MAX_ANSWERS,
                Set.of(), ConfigDefaults.UNASSIGNED_STATION);
    }
}
