package org.lantir.sync.calpendo;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lantir.config.SourceField;
import org.lantir.dicom.data.UID;
import org.lantir.worklist.LongText;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one booking into a worklist row, keyed by the booking id. A booking that is not the
 * worklist's business (a status outside {@code status_filter}, such as Cancelled or Denied;
 * a resource or study not configured) yields no row, so its stored SCHEDULED row leaves the
 * worklist. A booking that is the worklist's business but cannot be mapped (a pattern that
 * does not match, no Patient ID, a name too long for a PN) is skipped with a WARN naming the
 * booking id and the field, never a value: its stored row, if any, stays as it was.
 *
 * <p>Identifiers the booking does not give (Requested Procedure ID, SPS ID, and accession
 * number or Study Instance UID unless mapped) are left for the worklist service to mint.
 */
final class CalpendoRowMapper {

    private static final Logger LOG = LoggerFactory.getLogger(CalpendoRowMapper.class);
    /** Patient ID is an LO, Accession Number and Station Name SHs (PS3.5 Table 6.2-1). */
    private static final int MAX_LO = 64;
    private static final int MAX_SH = 16;
    /** A modality is a CS: upper case letters, digits, space and underscore. */
    private static final String CS = "[A-Z0-9_ ]{1,16}";
    static final String UNKNOWN_MODALITY = "OT";
    /** A private coding scheme: PS3.16 §8 reserves the "99" prefix for local schemes. */
    static final String PROTOCOL_SCHEME = "99LANTIR";

    private final CalpendoSettings settings;
    /** Resources already reported without a modality, so the WARN comes once each. */
    private final Set<String> reportedResources = ConcurrentHashMap.newKeySet();

    CalpendoRowMapper(CalpendoSettings settings) {
        this.settings = settings;
    }

    /** What became of one booking. */
    sealed interface Outcome permits Row, NotListed, Skipped {
    }

    /** The booking's worklist row. */
    record Row(WorklistItem item) implements Outcome {
    }

    /** Not the worklist's business: its stored SCHEDULED row, if any, leaves. */
    record NotListed(String why) implements Outcome {
    }

    /** Cannot be mapped this time: its stored row, if any, stays. */
    record Skipped(String why) implements Outcome {
    }

    /** A mapped field whose value cannot be used; the message names no value. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** @param operator the MRI operator's name, or null */
    Outcome map(Booking booking, String operator) {
        Outcome notOurs = notOurs(booking);
        if (notOurs != null) {
            LOG.debug("Calpendo source '{}': {} yields no row: {}", settings.sourceName(),
                    booking, ((NotListed) notOurs).why());
            return notOurs;
        }
        try {
            return map(booking, operator, new Values(booking));
        } catch (Unusable e) {
            // The source warns, once per booking (SkipWarnings).
            return new Skipped(e.getMessage());
        }
    }

    private Outcome notOurs(Booking booking) {
        String status = booking.status();
        if (!settings.accepts(status)) {
            return new NotListed("its status " + (status == null ? "is missing"
                    : status + " is not in status_filter " + settings.statuses()));
        }
        String resource = booking.resourceName();
        if (resource == null || settings.resources().stream()
                .noneMatch(r -> r.equalsIgnoreCase(resource.trim()))) {
            return new NotListed("it is not on a configured resource");
        }
        return null;
    }

    private Outcome map(Booking booking, String operator, Values values) throws Unusable {
        if (!inAllowedStudy(booking, values)) {
            return new NotListed("its study is not in allowed_studies");
        }
        String patientId = values.required(CalpendoField.PATIENT_ID);
        if (patientId.length() > MAX_LO || patientId.indexOf('\\') >= 0) {
            throw new Unusable("its Patient ID would be over 64 characters or hold a '\\'");
        }
        String mappedName = values.get(CalpendoField.PATIENT_NAME);
        String patientName = personName(mappedName != null ? mappedName : patientId,
                settings.nameOrder(), "patient_name");
        checkComments(values);

        WorklistItem item = item(booking, operator, values, patientId, patientName);
        LOG.debug("Calpendo source '{}': {} is patient {} on {} {} for {} minutes (until {} {})",
                settings.sourceName(), booking, patientId, item.scheduledStartDate(),
                item.scheduledStartTime(), booking.durationMinutes(), item.scheduledEndDate(),
                item.scheduledEndTime());
        return new Row(item);
    }

    private WorklistItem item(Booking booking, String operator, Values values,
            String patientId, String patientName) throws Unusable {
        String study = values.get(CalpendoField.STUDY_DESCRIPTION);
        String protocol = values.get(CalpendoField.PROTOCOL_NAME);
        String procedure = values.get(CalpendoField.PROCEDURE_DESCRIPTION);
        return WorklistItem.builder()
                .patientId(patientId)
                .patientName(patientName)
                .accessionNumber(accession(booking, values.get(CalpendoField.ACCESSION_NUMBER)))
                .referringPhysicianName(optionalName(values.get(
                        CalpendoField.REFERRING_PHYSICIAN_NAME)))
                .requestedProcedureDescription(study)
                .studyInstanceUid(uid(values.get(CalpendoField.STUDY_INSTANCE_UID)))
                .modality(modality(booking, values.get(CalpendoField.MODALITY)))
                .scheduledStationAeTitle(or(values.get(CalpendoField.SCHEDULED_STATION_AETITLE),
                        settings.stationAeTitle()))
                .scheduledStationName(stationName(booking, values))
                .scheduledStartDate(booking.start().toLocalDate())
                .scheduledStartTime(booking.start().toLocalTime())
                // SPS End Date and Time (0040,0004/0005): the finish instant on the site's
                // wall clock, so a booking over midnight ends the next day and one over a
                // clock change ends at the time the clocks then show.
                .scheduledEndDate(booking.finish().toLocalDate())
                .scheduledEndTime(booking.finish().toLocalTime())
                .spsDescription(or(procedure, or(protocol, study)))
                .protocolCode(protocolCode(protocol))
                .performingPhysicianName(values.mapped(CalpendoField.PERFORMING_PHYSICIAN)
                        ? optionalName(values.get(CalpendoField.PERFORMING_PHYSICIAN))
                        : optionalName(operator))
                .patientComments(values.get(CalpendoField.PATIENT_COMMENTS))
                .requestedProcedureComments(values.get(
                        CalpendoField.REQUESTED_PROCEDURE_COMMENTS))
                .spsComments(values.get(CalpendoField.SPS_COMMENTS))
                .status(ProcedureStepStatus.SCHEDULED)
                .dataSource(settings.sourceName())
                .sourceKey(booking.key())
                .build();
    }

    /**
     * With {@code allowed_studies}, a booking is kept when its project's name, the part of
     * the project's formatted name before '(' or its mapped study description is one of
     * them, ignoring case.
     */
    private boolean inAllowedStudy(Booking booking, Values values) throws Unusable {
        if (settings.allowedStudies().isEmpty()) {
            return true;
        }
        String formatted = booking.value("properties.project.formattedName").orElse("");
        int paren = formatted.indexOf('(');
        Set<String> names = new HashSet<>();
        booking.value("properties.project.name").ifPresent(names::add);
        names.add(paren >= 0 ? formatted.substring(0, paren) : formatted);
        String study = values.get(CalpendoField.STUDY_DESCRIPTION);
        if (study != null) {
            names.add(study);
        }
        return names.stream().map(String::trim).anyMatch(name -> settings.allowedStudies()
                .stream().anyMatch(allowed -> allowed.equalsIgnoreCase(name)));
    }

    private static String personName(String text, CalpendoSettings.NameOrder order,
            String field) throws Unusable {
        try {
            return PersonNames.of(text, order);
        } catch (IllegalArgumentException e) {
            throw new Unusable("its " + field + " is not a usable person name: "
                    + e.getMessage());
        }
    }

    /** A physician's name as a PN, or null when there is none or it cannot be one. */
    private static String optionalName(String text) {
        if (text == null) {
            return null;
        }
        try {
            return PersonNames.of(text, CalpendoSettings.NameOrder.GIVEN_FAMILY);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** LT holds 10240 characters (PS3.5 Table 6.2-1): Lantir skips, never cuts. */
    private static void checkComments(Values values) throws Unusable {
        for (CalpendoField field : new CalpendoField[] {CalpendoField.PATIENT_COMMENTS,
            CalpendoField.REQUESTED_PROCEDURE_COMMENTS, CalpendoField.SPS_COMMENTS}) {
            String value = values.get(field);
            if (!LongText.fits(value)) {
                throw new Unusable("its " + field.key + " has " + LongText.length(value)
                        + " characters, over the " + LongText.MAX_CHARACTERS
                        + " an LT value holds (PS3.5 Table 6.2-1)");
            }
        }
    }

    /** An accession number longer than an SH holds is left for minting. */
    private String accession(Booking booking, String value) {
        if (value != null && value.length() > MAX_SH) {
            LOG.debug("Calpendo source '{}': {} accession number over 16 characters; one is "
                    + "minted", settings.sourceName(), booking);
            return null;
        }
        return value;
    }

    /** A booking id is not a UID: only a real one of two or more components is used. */
    private static String uid(String value) {
        return value != null && value.indexOf('.') > 0 && UID.isValid(value) ? value : null;
    }

    /**
     * The mapped modality, else {@code resource_modality_mapping}: the resource's exact name
     * first, then the longest name it starts with, ignoring case; else {@value
     * #UNKNOWN_MODALITY} (Other) with one WARN per resource. (The Python tool sent the
     * resource's name itself, which is not a modality.)
     */
    private String modality(Booking booking, String mapped) {
        if (mapped != null && mapped.toUpperCase(Locale.ROOT).matches(CS)) {
            return mapped.toUpperCase(Locale.ROOT);
        }
        String resource = or(booking.resourceName(), "").trim();
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> entry : settings.modalities().entrySet()) {
            String name = entry.getKey();
            if (name.equalsIgnoreCase(resource)) {
                return entry.getValue();
            }
            if (resource.regionMatches(true, 0, name, 0, name.length())
                    && name.length() > bestLength) {
                best = entry.getValue();
                bestLength = name.length();
            }
        }
        if (best == null && reportedResources.add(resource)) {
            LOG.warn("Calpendo source '{}': resource '{}' matches no entry of "
                    + "resource_modality_mapping; its bookings get modality {}",
                    settings.sourceName(), resource, UNKNOWN_MODALITY);
        }
        return best != null ? best : UNKNOWN_MODALITY;
    }

    /** The mapped station name, else the resource's name when an SH holds it. */
    private static String stationName(Booking booking, Values values) throws Unusable {
        String mapped = values.get(CalpendoField.STATION_NAME);
        String name = mapped != null ? mapped : booking.resourceName();
        return name != null && name.trim().length() <= MAX_SH ? name.trim() : null;
    }

    /**
     * Scheduled Protocol Code Sequence entry for a protocol name. Code Value is an SH: a
     * longer name keeps its first 11 characters and a hash, and stays whole in Code Meaning
     * (LO).
     */
    private static CodedEntry protocolCode(String name) {
        if (name == null) {
            return null;
        }
        String value = name.length() <= MAX_SH ? name : name.substring(0, 11) + "_"
                + String.format("%04X", name.hashCode() & 0xFFFF);
        return new CodedEntry(value, PROTOCOL_SCHEME, name.length() <= MAX_LO ? name
                : name.substring(0, MAX_LO));
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** The mapped fields' values of one booking, read and extracted once each. */
    private final class Values {
        private final Booking booking;
        private final Map<CalpendoField, Optional<String>> read = new EnumMap<>(
                CalpendoField.class);

        Values(Booking booking) {
            this.booking = booking;
        }

        boolean mapped(CalpendoField field) {
            return settings.fields().containsKey(field);
        }

        /** The field's value, trimmed; null when unmapped, absent or blank. */
        String get(CalpendoField field) throws Unusable {
            Optional<String> value = read.get(field);
            if (value == null) {
                value = extract(field);
                read.put(field, value);
            }
            return value.orElse(null);
        }

        String required(CalpendoField field) throws Unusable {
            String value = get(field);
            if (value == null) {
                SourceField source = settings.fields().get(field);
                throw new Unusable("it has no " + source.path() + " for " + field.key);
            }
            return value;
        }

        private Optional<String> extract(CalpendoField field) throws Unusable {
            SourceField source = settings.fields().get(field);
            if (source == null) {
                return Optional.empty();
            }
            Optional<String> raw = booking.value(source.path()).map(String::trim)
                    .filter(v -> !v.isEmpty());
            if (raw.isEmpty()) {
                return raw;
            }
            Optional<String> extracted = source.extract(raw.get()).map(String::trim)
                    .filter(v -> !v.isEmpty());
            if (extracted.isPresent()) {
                return extracted;
            }
            if (settings.rawValueOnMismatch()) {
                LOG.debug("Calpendo source '{}': {} field_mapping.{}: pattern did not match; "
                        + "the whole {} is used (on_pattern_mismatch)", settings.sourceName(),
                        booking, field.key, source.path());
                return raw;
            }
            throw new Unusable("field_mapping." + field.key + ": the pattern does not match "
                    + "its " + source.path());
        }
    }
}
