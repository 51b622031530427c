package org.lantir.worklist;

import java.util.Map;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;

/**
 * The attributes of the Modality Worklist information model (PS3.4 Table K.6-1) that Lantir
 * holds in columns, per level of the identifier, with their VRs. Lantir supports matching on
 * each of them. A non-universal key on any other attribute of the top level or of the
 * Scheduled Procedure Step item is matched only against the rows that keep it from a worklist
 * file ({@link ExtraKeyMatcher}) and ignored for the others; a key on any other attribute
 * of a code item, or inside another sequence, is ignored. Either way the answer is sent with
 * FF01 (PS3.4 Table K.4-1). Any requested attribute comes back, with zero length when the row
 * holds no value for it.
 *
 * <p>The three LT comments are optional matching keys ("O" in Table K.6-1) and are matched
 * like any other text: single value or wild card (PS3.4 C.2.2.2.1, C.2.2.2.4), in memory
 * only, since no index helps. So are SPS End Date and End Time (0040,0004/0005, "O"): single
 * value or range like the start's (PS3.4 C.2.2.2.5), the two ranges combined into one when
 * both are given (C.2.2.2.5.1), in memory only; a row that does not know its end does not
 * match a key on it (K.2.2.1.1.1).
 */
enum MwlLevel {
    /** Patient, visit, imaging service request and requested procedure attributes. */
    TOP(Map.ofEntries(
            Map.entry(Tag.AccessionNumber, VR.SH),
            Map.entry(Tag.ReferringPhysicianName, VR.PN),
            Map.entry(Tag.PatientName, VR.PN),
            Map.entry(Tag.PatientID, VR.LO),
            Map.entry(Tag.IssuerOfPatientID, VR.LO),
            Map.entry(Tag.PatientBirthDate, VR.DA),
            Map.entry(Tag.PatientSex, VR.CS),
            Map.entry(Tag.PatientSize, VR.DS),
            Map.entry(Tag.PatientWeight, VR.DS),
            Map.entry(Tag.PatientComments, VR.LT),
            Map.entry(Tag.StudyInstanceUID, VR.UI),
            Map.entry(Tag.RequestedProcedureDescription, VR.LO),
            Map.entry(Tag.RequestedProcedureCodeSequence, VR.SQ),
            Map.entry(Tag.RequestedProcedureID, VR.SH),
            Map.entry(Tag.RequestedProcedureComments, VR.LT),
            Map.entry(Tag.ScheduledProcedureStepSequence, VR.SQ))),

    /** An item of the Scheduled Procedure Step Sequence (0040,0100). */
    SCHEDULED_STEP(Map.ofEntries(
            Map.entry(Tag.Modality, VR.CS),
            Map.entry(Tag.ScheduledStationAETitle, VR.AE),
            Map.entry(Tag.ScheduledProcedureStepStartDate, VR.DA),
            Map.entry(Tag.ScheduledProcedureStepStartTime, VR.TM),
            Map.entry(Tag.ScheduledProcedureStepEndDate, VR.DA),
            Map.entry(Tag.ScheduledProcedureStepEndTime, VR.TM),
            Map.entry(Tag.ScheduledPerformingPhysicianName, VR.PN),
            Map.entry(Tag.ScheduledProcedureStepDescription, VR.LO),
            Map.entry(Tag.ScheduledProtocolCodeSequence, VR.SQ),
            Map.entry(Tag.ScheduledProcedureStepID, VR.SH),
            Map.entry(Tag.ScheduledStationName, VR.SH),
            Map.entry(Tag.ScheduledProcedureStepStatus, VR.CS),
            Map.entry(Tag.CommentsOnTheScheduledProcedureStep, VR.LT))),

    /** An item of a code sequence (PS3.3 Table 8.8-1). */
    CODE(Map.ofEntries(
            Map.entry(Tag.CodeValue, VR.SH),
            Map.entry(Tag.CodingSchemeDesignator, VR.SH),
            Map.entry(Tag.CodeMeaning, VR.LO),
            Map.entry(Tag.LongCodeValue, VR.UC)));

    private final Map<Integer, VR> attributes;

    MwlLevel(Map<Integer, VR> attributes) {
        this.attributes = attributes;
    }

    /** The VR of a supported attribute of this level, or null when Lantir holds none. */
    VR vrOf(int tag) {
        return attributes.get(tag);
    }

    /** The level of a supported sequence's items, or null. */
    MwlLevel itemLevelOf(int sequenceTag) {
        if (this == TOP && sequenceTag == Tag.ScheduledProcedureStepSequence) {
            return SCHEDULED_STEP;
        }
        if ((this == TOP && sequenceTag == Tag.RequestedProcedureCodeSequence)
                || (this == SCHEDULED_STEP && sequenceTag == Tag.ScheduledProtocolCodeSequence)) {
            return CODE;
        }
        return null;
    }
}
