package org.lantir.dicom.data;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The VR and keyword of every attribute Lantir knows (PS3.6 Table 6-1, PS3.7 Table E.1-1).
 * Keywords are the names of the {@link Tag} constants. An attribute outside the dictionary is
 * read as UN in Implicit VR (PS3.5 §6.2.2) and carried as is.
 */
public final class ElementDictionary {

    private static final Map<Integer, VR> VRS = new HashMap<>();
    private static final Map<Integer, String> KEYWORDS = new HashMap<>();
    private static final Map<String, Integer> TAGS = new HashMap<>();

    static {
        add(Tag.CommandGroupLength, VR.UL);
        add(Tag.AffectedSOPClassUID, VR.UI);
        add(Tag.RequestedSOPClassUID, VR.UI);
        add(Tag.CommandField, VR.US);
        add(Tag.MessageID, VR.US);
        add(Tag.MessageIDBeingRespondedTo, VR.US);
        add(Tag.MoveDestination, VR.AE);
        add(Tag.Priority, VR.US);
        add(Tag.CommandDataSetType, VR.US);
        add(Tag.Status, VR.US);
        add(Tag.OffendingElement, VR.AT);
        add(Tag.ErrorComment, VR.LO);
        add(Tag.ErrorID, VR.US);
        add(Tag.AffectedSOPInstanceUID, VR.UI);
        add(Tag.RequestedSOPInstanceUID, VR.UI);
        add(Tag.EventTypeID, VR.US);
        add(Tag.AttributeIdentifierList, VR.AT);
        add(Tag.ActionTypeID, VR.US);
        add(Tag.SpecificCharacterSet, VR.CS);
        add(Tag.SOPClassUID, VR.UI);
        add(Tag.SOPInstanceUID, VR.UI);
        add(Tag.StudyDate, VR.DA);
        add(Tag.StudyTime, VR.TM);
        add(Tag.AccessionNumber, VR.SH);
        add(Tag.IssuerOfAccessionNumberSequence, VR.SQ);
        add(Tag.RetrieveAETitle, VR.AE);
        add(Tag.Modality, VR.CS);
        add(Tag.InstitutionName, VR.LO);
        add(Tag.InstitutionAddress, VR.ST);
        add(Tag.InstitutionCodeSequence, VR.SQ);
        add(Tag.ReferringPhysicianName, VR.PN);
        add(Tag.ReferringPhysicianIdentificationSequence, VR.SQ);
        add(Tag.CodeValue, VR.SH);
        add(Tag.CodingSchemeDesignator, VR.SH);
        add(Tag.CodingSchemeVersion, VR.SH);
        add(Tag.CodeMeaning, VR.LO);
        add(Tag.LongCodeValue, VR.UC);
        add(Tag.URNCodeValue, VR.UR);
        add(Tag.TimezoneOffsetFromUTC, VR.SH);
        add(Tag.StudyDescription, VR.LO);
        add(Tag.ProcedureCodeSequence, VR.SQ);
        add(Tag.SeriesDescription, VR.LO);
        add(Tag.InstitutionalDepartmentName, VR.LO);
        add(Tag.PerformingPhysicianName, VR.PN);
        add(Tag.OperatorsName, VR.PN);
        add(Tag.AdmittingDiagnosesDescription, VR.LO);
        add(Tag.AdmittingDiagnosesCodeSequence, VR.SQ);
        add(Tag.ReferencedStudySequence, VR.SQ);
        add(Tag.ReferencedPerformedProcedureStepSequence, VR.SQ);
        add(Tag.ReferencedPatientSequence, VR.SQ);
        add(Tag.ReferencedImageSequence, VR.SQ);
        add(Tag.ReferencedSOPClassUID, VR.UI);
        add(Tag.ReferencedSOPInstanceUID, VR.UI);
        add(Tag.PatientName, VR.PN);
        add(Tag.PatientID, VR.LO);
        add(Tag.IssuerOfPatientID, VR.LO);
        add(Tag.IssuerOfPatientIDQualifiersSequence, VR.SQ);
        add(Tag.PatientBirthDate, VR.DA);
        add(Tag.PatientBirthTime, VR.TM);
        add(Tag.PatientSex, VR.CS);
        add(Tag.OtherPatientIDs, VR.LO);
        add(Tag.OtherPatientNames, VR.PN);
        add(Tag.OtherPatientIDsSequence, VR.SQ);
        add(Tag.PatientAge, VR.AS);
        add(Tag.PatientSize, VR.DS);
        add(Tag.PatientWeight, VR.DS);
        add(Tag.PatientAddress, VR.LO);
        add(Tag.PatientMotherBirthName, VR.PN);
        add(Tag.MedicalAlerts, VR.LO);
        add(Tag.Allergies, VR.LO);
        add(Tag.EthnicGroup, VR.SH);
        add(Tag.AdditionalPatientHistory, VR.LT);
        add(Tag.PregnancyStatus, VR.US);
        add(Tag.PatientSexNeutered, VR.CS);
        add(Tag.PatientComments, VR.LT);
        add(Tag.ProtocolName, VR.LO);
        add(Tag.StudyInstanceUID, VR.UI);
        add(Tag.SeriesInstanceUID, VR.UI);
        add(Tag.StudyID, VR.SH);
        add(Tag.RequestingPhysician, VR.PN);
        add(Tag.RequestingService, VR.LO);
        add(Tag.RequestedProcedureDescription, VR.LO);
        add(Tag.RequestedProcedureCodeSequence, VR.SQ);
        add(Tag.RequestedContrastAgent, VR.LO);
        add(Tag.AdmissionID, VR.LO);
        add(Tag.IssuerOfAdmissionIDSequence, VR.SQ);
        add(Tag.SpecialNeeds, VR.LO);
        add(Tag.ServiceEpisodeID, VR.LO);
        add(Tag.CurrentPatientLocation, VR.LO);
        add(Tag.PatientInstitutionResidence, VR.LO);
        add(Tag.PatientState, VR.LO);
        add(Tag.VisitComments, VR.LT);
        add(Tag.ScheduledStationAETitle, VR.AE);
        add(Tag.ScheduledProcedureStepStartDate, VR.DA);
        add(Tag.ScheduledProcedureStepStartTime, VR.TM);
        add(Tag.ScheduledProcedureStepEndDate, VR.DA);
        add(Tag.ScheduledProcedureStepEndTime, VR.TM);
        add(Tag.ScheduledPerformingPhysicianName, VR.PN);
        add(Tag.ScheduledProcedureStepDescription, VR.LO);
        add(Tag.ScheduledProtocolCodeSequence, VR.SQ);
        add(Tag.ScheduledProcedureStepID, VR.SH);
        add(Tag.StageCodeSequence, VR.SQ);
        add(Tag.ScheduledPerformingPhysicianIdentificationSequence, VR.SQ);
        add(Tag.ScheduledStationName, VR.SH);
        add(Tag.ScheduledProcedureStepLocation, VR.SH);
        add(Tag.PreMedication, VR.LO);
        add(Tag.ScheduledProcedureStepStatus, VR.CS);
        add(Tag.OrderPlacerIdentifierSequence, VR.SQ);
        add(Tag.OrderFillerIdentifierSequence, VR.SQ);
        add(Tag.ScheduledProcedureStepSequence, VR.SQ);
        add(Tag.ReferencedNonImageCompositeSOPInstanceSequence, VR.SQ);
        add(Tag.PerformedStationAETitle, VR.AE);
        add(Tag.PerformedStationName, VR.SH);
        add(Tag.PerformedLocation, VR.SH);
        add(Tag.PerformedProcedureStepStartDate, VR.DA);
        add(Tag.PerformedProcedureStepStartTime, VR.TM);
        add(Tag.PerformedProcedureStepEndDate, VR.DA);
        add(Tag.PerformedProcedureStepEndTime, VR.TM);
        add(Tag.PerformedProcedureStepStatus, VR.CS);
        add(Tag.PerformedProcedureStepID, VR.SH);
        add(Tag.PerformedProcedureStepDescription, VR.LO);
        add(Tag.PerformedProcedureTypeDescription, VR.LO);
        add(Tag.PerformedProtocolCodeSequence, VR.SQ);
        add(Tag.ScheduledStepAttributesSequence, VR.SQ);
        add(Tag.CommentsOnThePerformedProcedureStep, VR.ST);
        add(Tag.PerformedProcedureStepDiscontinuationReasonCodeSequence, VR.SQ);
        add(Tag.QuantitySequence, VR.SQ);
        add(Tag.Quantity, VR.DS);
        add(Tag.MeasuringUnitsSequence, VR.SQ);
        add(Tag.BillingItemSequence, VR.SQ);
        add(Tag.TotalTimeOfFluoroscopy, VR.US);
        add(Tag.TotalNumberOfExposures, VR.US);
        add(Tag.EntranceDose, VR.US);
        add(Tag.ExposedArea, VR.US);
        add(Tag.DistanceSourceToEntrance, VR.DS);
        add(Tag.ExposureDoseSequence, VR.SQ);
        add(Tag.CommentsOnRadiationDose, VR.ST);
        add(Tag.BillingProcedureStepSequence, VR.SQ);
        add(Tag.FilmConsumptionSequence, VR.SQ);
        add(Tag.BillingSuppliesAndDevicesSequence, VR.SQ);
        add(Tag.PerformedSeriesSequence, VR.SQ);
        add(Tag.CommentsOnTheScheduledProcedureStep, VR.LT);
        add(Tag.ProtocolContextSequence, VR.SQ);
        add(Tag.RequestedProcedureID, VR.SH);
        add(Tag.ReasonForTheRequestedProcedure, VR.LO);
        add(Tag.RequestedProcedurePriority, VR.SH);
        add(Tag.PatientTransportArrangements, VR.LO);
        add(Tag.RequestedProcedureLocation, VR.LO);
        add(Tag.ConfidentialityCode, VR.LO);
        add(Tag.ReportingPriority, VR.SH);
        add(Tag.NamesOfIntendedRecipientsOfResults, VR.PN);
        add(Tag.RequestedProcedureComments, VR.LT);
        add(Tag.IssueDateOfImagingServiceRequest, VR.DA);
        add(Tag.IssueTimeOfImagingServiceRequest, VR.TM);
        add(Tag.OrderEnteredBy, VR.PN);
        add(Tag.OrderEntererLocation, VR.SH);
        add(Tag.OrderCallbackPhoneNumber, VR.SH);
        add(Tag.PlacerOrderNumberImagingServiceRequest, VR.LO);
        add(Tag.FillerOrderNumberImagingServiceRequest, VR.LO);
        add(Tag.ImagingServiceRequestComments, VR.LT);
        add(Tag.ConfidentialityConstraintOnPatientDataDescription, VR.LO);
        add(Tag.ReferencedRequestSequence, VR.SQ);
        readKeywords();
    }

    private ElementDictionary() {
    }

    private static void add(int tag, VR vr) {
        VRS.put(tag, vr);
    }

    private static void readKeywords() {
        for (Field field : Tag.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    int tag = field.getInt(null);
                    KEYWORDS.put(tag, field.getName());
                    TAGS.put(field.getName(), tag);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Tag constants must be public", e);
                }
            }
        }
    }

    /**
     * The VR of a tag: from the dictionary, UL for group lengths (gggg,0000) (PS3.5 §7.2),
     * else UN.
     */
    public static VR vrOf(int tag) {
        VR vr = VRS.get(tag);
        if (vr != null) {
            return vr;
        }
        return Tag.element(tag) == 0 ? VR.UL : VR.UN;
    }

    /** Whether the dictionary knows the tag. */
    public static boolean contains(int tag) {
        return VRS.containsKey(tag);
    }

    /** The keyword of a tag, or null when unknown. */
    public static String keywordOf(int tag) {
        return KEYWORDS.get(tag);
    }

    /** The tag with that keyword, or -1 when unknown. */
    public static int tagOf(String keyword) {
        Integer tag = TAGS.get(keyword);
        return tag == null ? -1 : tag;
    }
}
