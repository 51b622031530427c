package org.lantir.sync.redcap;

import java.util.Map;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.Protocol;
import org.lantir.sync.SourceException;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * How one REDCap source turns records into worklist rows, read from its {@code config} and
 * {@code field_mapping} (credentials are in {@link RedcapEndpoint}).
 *
 * @param siteId the Python tool's {@code site_id}, used by the Patient ID template
 * @param protocolName the protocol for this site (the source's {@code protocol}, else the
 *        top-level one), or null
 * @param protocolScheme Coding Scheme Designator of the Scheduled Protocol Code Sequence
 * @param repeatInstrument the repeating instrument holding the scan sessions
 * @param modality Modality of every step unless a field is mapped to it
 * @param stationAeTitle Scheduled Station AE Title unless a field is mapped to it, or null
 * @param stationName Scheduled Station Name unless a field is mapped to it, or null
 */
record RedcapSettings(String sourceName, String siteId, String protocolName,
        String protocolScheme, String repeatInstrument, IdTemplate patientIdTemplate,
        IdTemplate patientNameTemplate, String modality, String stationAeTitle,
        String stationName, RedcapFieldMap fields) {

    static final String DEFAULT_REPEAT_INSTRUMENT = "mri";
    static final String DEFAULT_MODALITY = "MR";
    /** A private coding scheme: PS3.16 §8 reserves the "99" prefix for local schemes. */
    static final String DEFAULT_PROTOCOL_SCHEME = "99LANTIR";

    /** Reads a source's settings; {@code globalProtocol} is the file's top-level protocol. */
    static RedcapSettings from(DataSourceConfig source, Protocol globalProtocol)
            throws SourceException {
        String site = source.setting("site_id");
        return new RedcapSettings(source.name(), site,
                protocol(source, globalProtocol).forSite(site),
                or(source.setting("protocol_coding_scheme"), DEFAULT_PROTOCOL_SCHEME),
                or(source.setting("repeat_instrument"), DEFAULT_REPEAT_INSTRUMENT),
                template(source, "patient_id_template", IdTemplate.DEFAULT_PATIENT_ID),
                template(source, "patient_name_template", IdTemplate.DEFAULT_PATIENT_NAME),
                or(source.setting("modality"), DEFAULT_MODALITY),
                source.setting("station_ae_title"), source.setting("station_name"),
                RedcapFieldMap.of(source.fieldMapping(), source.name()));
    }

    /**
     * Scheduled Protocol Code Sequence entry for a protocol name. Code Value is an SH of at
     * most 16 characters (PS3.5 Table 6.2-1): a longer name keeps its first 11 characters and
     * a hash, and stays whole in Code Meaning (LO, 64 characters).
     */
    CodedEntry protocolCode(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String value = name.length() <= 16 ? name : name.substring(0, 11) + "_"
                + String.format("%04X", name.hashCode() & 0xFFFF);
        String meaning = name.length() <= 64 ? name : name.substring(0, 64);
        return new CodedEntry(value, protocolScheme, meaning);
    }

    private static Protocol protocol(DataSourceConfig source, Protocol global) {
        Object own = source.settings().get("protocol");
        if (own instanceof String name && !name.isBlank()) {
            return Protocol.named(name);
        }
        if (own instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, String> bySite = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> bySite.put(String.valueOf(k), String.valueOf(v)));
            return Protocol.perSite(bySite);
        }
        return global == null ? Protocol.NONE : global;
    }

    private static IdTemplate template(DataSourceConfig source, String key, String fallback)
            throws SourceException {
        String text = or(source.setting(key), fallback);
        try {
            return IdTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SourceException("REDCap source '" + source.name() + "': config." + key
                    + ": " + e.getMessage(), false);
        }
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
