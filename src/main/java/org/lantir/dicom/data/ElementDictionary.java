package org.lantir.dicom.data;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The VR and keyword of every attribute Lantir knows (PS3.6 Table 6-1, PS3.7 Tables E.1-1 and
 * E.2-1): every attribute of the Modality Worklist information model (PS3.4 Table K.6-1) and of
 * the MPPS N-CREATE / N-SET (PS3.4 Table F.7.2-1), nested sequence attributes included, and
 * the command group; VRs checked against the PS3.6 registry. Keywords are the names of the
 * {@link Tag} constants. An attribute outside the dictionary is read as UN in Implicit VR
 * (PS3.5 §6.2.2) and carried as is.
 */
public final class ElementDictionary {

    private static final Map<Integer, VR> VRS = new HashMap<>();
    private static final Map<Integer, String> KEYWORDS = new HashMap<>();
    private static final Map<String, Integer> TAGS = new HashMap<>();

    static {
        add(Tag.CommandGroupLength, VR.UL);
        add(Tag.CommandLengthToEnd, VR.UL);
        add(Tag.AffectedSOPClassUID, VR.UI);
        add(Tag.RequestedSOPClassUID, VR.UI);
        add(Tag.CommandRecognitionCode, VR.SH);
        add(Tag.CommandField, VR.US);
        add(Tag.MessageID, VR.US);
        add(Tag.MessageIDBeingRespondedTo, VR.US);
        add(Tag.Initiator, VR.AE);
        add(Tag.Receiver, VR.AE);
        add(Tag.FindLocation, VR.AE);
        add(Tag.MoveDestination, VR.AE);
        add(Tag.Priority, VR.US);
        add(Tag.CommandDataSetType, VR.US);
        add(Tag.NumberOfMatches, VR.US);
        add(Tag.ResponseSequenceNumber, VR.US);
        add(Tag.Status, VR.US);
        add(Tag.OffendingElement, VR.AT);
        add(Tag.ErrorComment, VR.LO);
        add(Tag.ErrorID, VR.US);
        add(Tag.AffectedSOPInstanceUID, VR.UI);
        add(Tag.RequestedSOPInstanceUID, VR.UI);
        add(Tag.EventTypeID, VR.US);
        add(Tag.AttributeIdentifierList, VR.AT);
        add(Tag.ActionTypeID, VR.US);
        add(Tag.NumberOfRemainingSuboperations, VR.US);
        add(Tag.NumberOfCompletedSuboperations, VR.US);
        add(Tag.NumberOfFailedSuboperations, VR.US);
        add(Tag.NumberOfWarningSuboperations, VR.US);
        add(Tag.MoveOriginatorApplicationEntityTitle, VR.AE);
        add(Tag.MoveOriginatorMessageID, VR.US);
        add(Tag.DialogReceiver, VR.LT);
        add(Tag.TerminalType, VR.LT);
        add(Tag.MessageSetID, VR.SH);
        add(Tag.EndMessageID, VR.SH);
        add(Tag.DisplayFormat, VR.LT);
        add(Tag.PagePositionID, VR.LT);
        add(Tag.TextFormatID, VR.CS);
        add(Tag.NormalReverse, VR.CS);
        add(Tag.AddGrayScale, VR.CS);
        add(Tag.Borders, VR.CS);
        add(Tag.Copies, VR.IS);
        add(Tag.CommandMagnificationType, VR.CS);
        add(Tag.Erase, VR.CS);
        add(Tag.Print, VR.CS);
        add(Tag.Overlays, VR.US);
        add(Tag.FileMetaInformationGroupLength, VR.UL);
        add(Tag.FileMetaInformationVersion, VR.OB);
        add(Tag.MediaStorageSOPClassUID, VR.UI);
        add(Tag.MediaStorageSOPInstanceUID, VR.UI);
        add(Tag.TransferSyntaxUID, VR.UI);
        add(Tag.ImplementationClassUID, VR.UI);
        add(Tag.ImplementationVersionName, VR.SH);
        add(Tag.SourceApplicationEntityTitle, VR.AE);
        add(Tag.SpecificCharacterSet, VR.CS);
        add(Tag.InstanceCreationDate, VR.DA);
        add(Tag.InstanceCreationTime, VR.TM);
        add(Tag.InstanceCreatorUID, VR.UI);
        add(Tag.SOPClassUID, VR.UI);
        add(Tag.SOPInstanceUID, VR.UI);
        add(Tag.RelatedGeneralSOPClassUID, VR.UI);
        add(Tag.OriginalSpecializedSOPClassUID, VR.UI);
        add(Tag.StudyDate, VR.DA);
        add(Tag.StudyTime, VR.TM);
        add(Tag.AccessionNumber, VR.SH);
        add(Tag.IssuerOfAccessionNumberSequence, VR.SQ);
        add(Tag.QueryRetrieveLevel, VR.CS);
        add(Tag.QueryRetrieveView, VR.CS);
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
        add(Tag.MappingResource, VR.CS);
        add(Tag.ContextGroupVersion, VR.DT);
        add(Tag.ContextGroupLocalVersion, VR.DT);
        add(Tag.ContextGroupExtensionFlag, VR.CS);
        add(Tag.CodingSchemeUID, VR.UI);
        add(Tag.ContextGroupExtensionCreatorUID, VR.UI);
        add(Tag.ContextIdentifier, VR.CS);
        add(Tag.CodingSchemeIdentificationSequence, VR.SQ);
        add(Tag.CodingSchemeRegistry, VR.LO);
        add(Tag.CodingSchemeExternalID, VR.ST);
        add(Tag.CodingSchemeName, VR.ST);
        add(Tag.CodingSchemeResponsibleOrganization, VR.ST);
        add(Tag.ContextUID, VR.UI);
        add(Tag.MappingResourceUID, VR.UI);
        add(Tag.LongCodeValue, VR.UC);
        add(Tag.URNCodeValue, VR.UR);
        add(Tag.EquivalentCodeSequence, VR.SQ);
        add(Tag.MappingResourceName, VR.LO);
        add(Tag.ContextGroupIdentificationSequence, VR.SQ);
        add(Tag.MappingResourceIdentificationSequence, VR.SQ);
        add(Tag.TimezoneOffsetFromUTC, VR.SH);
        add(Tag.StudyDescription, VR.LO);
        add(Tag.ProcedureCodeSequence, VR.SQ);
        add(Tag.SeriesDescription, VR.LO);
        add(Tag.SeriesDescriptionCodeSequence, VR.SQ);
        add(Tag.InstitutionalDepartmentName, VR.LO);
        add(Tag.InstitutionalDepartmentTypeCodeSequence, VR.SQ);
        add(Tag.PerformingPhysicianName, VR.PN);
        add(Tag.PerformingPhysicianIdentificationSequence, VR.SQ);
        add(Tag.OperatorsName, VR.PN);
        add(Tag.OperatorIdentificationSequence, VR.SQ);
        add(Tag.AdmittingDiagnosesDescription, VR.LO);
        add(Tag.AdmittingDiagnosesCodeSequence, VR.SQ);
        add(Tag.ReferencedStudySequence, VR.SQ);
        add(Tag.ReferencedPerformedProcedureStepSequence, VR.SQ);
        add(Tag.ReferencedPatientSequence, VR.SQ);
        add(Tag.ReferencedVisitSequence, VR.SQ);
        add(Tag.ReferencedImageSequence, VR.SQ);
        add(Tag.ReferencedSOPClassUID, VR.UI);
        add(Tag.ReferencedSOPInstanceUID, VR.UI);
        add(Tag.ReferencedFrameNumber, VR.IS);
        add(Tag.ReferencedSOPSequence, VR.SQ);
        add(Tag.AnatomicStructureSpaceOrRegionSequence, VR.SQ);
        add(Tag.PatientName, VR.PN);
        add(Tag.PersonNamesToUseSequence, VR.SQ);
        add(Tag.NameToUse, VR.LT);
        add(Tag.NameToUseComment, VR.UT);
        add(Tag.ThirdPersonPronounsSequence, VR.SQ);
        add(Tag.PronounCodeSequence, VR.SQ);
        add(Tag.PronounComment, VR.UT);
        add(Tag.PatientID, VR.LO);
        add(Tag.IssuerOfPatientID, VR.LO);
        add(Tag.TypeOfPatientID, VR.CS);
        add(Tag.IssuerOfPatientIDQualifiersSequence, VR.SQ);
        add(Tag.PatientBirthDate, VR.DA);
        add(Tag.PatientBirthTime, VR.TM);
        add(Tag.PatientBirthDateInAlternativeCalendar, VR.LO);
        add(Tag.PatientDeathDateInAlternativeCalendar, VR.LO);
        add(Tag.PatientAlternativeCalendar, VR.CS);
        add(Tag.PatientSex, VR.CS);
        add(Tag.GenderIdentitySequence, VR.SQ);
        add(Tag.SexParametersForClinicalUseCategoryComment, VR.UT);
        add(Tag.SexParametersForClinicalUseCategorySequence, VR.SQ);
        add(Tag.GenderIdentityCodeSequence, VR.SQ);
        add(Tag.GenderIdentityComment, VR.UT);
        add(Tag.SexParametersForClinicalUseCategoryCodeSequence, VR.SQ);
        add(Tag.SexParametersForClinicalUseCategoryReference, VR.UR);
        add(Tag.PatientInsurancePlanCodeSequence, VR.SQ);
        add(Tag.PatientPrimaryLanguageCodeSequence, VR.SQ);
        add(Tag.PatientPrimaryLanguageModifierCodeSequence, VR.SQ);
        add(Tag.QualityControlSubject, VR.CS);
        add(Tag.StrainDescription, VR.UC);
        add(Tag.StrainNomenclature, VR.LO);
        add(Tag.OtherPatientIDs, VR.LO);
        add(Tag.OtherPatientNames, VR.PN);
        add(Tag.OtherPatientIDsSequence, VR.SQ);
        add(Tag.PatientBirthName, VR.PN);
        add(Tag.PatientAge, VR.AS);
        add(Tag.PatientSize, VR.DS);
        add(Tag.PatientSizeCodeSequence, VR.SQ);
        add(Tag.PatientBodyMassIndex, VR.DS);
        add(Tag.MeasuredAPDimension, VR.DS);
        add(Tag.MeasuredLateralDimension, VR.DS);
        add(Tag.PatientWeight, VR.DS);
        add(Tag.PatientAddress, VR.LO);
        add(Tag.PatientMotherBirthName, VR.PN);
        add(Tag.MilitaryRank, VR.LO);
        add(Tag.BranchOfService, VR.LO);
        add(Tag.MedicalRecordLocator, VR.LO);
        add(Tag.MedicalAlerts, VR.LO);
        add(Tag.Allergies, VR.LO);
        add(Tag.CountryOfResidence, VR.LO);
        add(Tag.RegionOfResidence, VR.LO);
        add(Tag.PatientTelephoneNumbers, VR.SH);
        add(Tag.PatientTelecomInformation, VR.LT);
        add(Tag.EthnicGroup, VR.SH);
        add(Tag.EthnicGroupCodeSequence, VR.SQ);
        add(Tag.EthnicGroups, VR.UC);
        add(Tag.Occupation, VR.SH);
        add(Tag.SmokingStatus, VR.CS);
        add(Tag.AdditionalPatientHistory, VR.LT);
        add(Tag.PregnancyStatus, VR.US);
        add(Tag.LastMenstrualDate, VR.DA);
        add(Tag.PatientReligiousPreference, VR.LO);
        add(Tag.PatientSpeciesDescription, VR.LO);
        add(Tag.PatientSpeciesCodeSequence, VR.SQ);
        add(Tag.PatientSexNeutered, VR.CS);
        add(Tag.AnatomicalOrientationType, VR.CS);
        add(Tag.PatientBreedDescription, VR.LO);
        add(Tag.PatientBreedCodeSequence, VR.SQ);
        add(Tag.BreedRegistrationSequence, VR.SQ);
        add(Tag.BreedRegistrationNumber, VR.LO);
        add(Tag.BreedRegistryCodeSequence, VR.SQ);
        add(Tag.ResponsiblePerson, VR.PN);
        add(Tag.ResponsiblePersonRole, VR.CS);
        add(Tag.ResponsibleOrganization, VR.LO);
        add(Tag.PatientComments, VR.LT);
        add(Tag.ClinicalTrialSponsorName, VR.LO);
        add(Tag.ClinicalTrialProtocolID, VR.LO);
        add(Tag.ClinicalTrialProtocolName, VR.LO);
        add(Tag.ClinicalTrialSiteID, VR.LO);
        add(Tag.ClinicalTrialSiteName, VR.LO);
        add(Tag.ClinicalTrialSubjectID, VR.LO);
        add(Tag.ClinicalTrialSubjectReadingID, VR.LO);
        add(Tag.KVP, VR.DS);
        add(Tag.ProtocolName, VR.LO);
        add(Tag.DistanceSourceToDetector, VR.DS);
        add(Tag.ExposureTime, VR.IS);
        add(Tag.RadiationMode, VR.CS);
        add(Tag.ImageAndFluoroscopyAreaDoseProduct, VR.DS);
        add(Tag.FilterType, VR.SH);
        add(Tag.FilterMaterial, VR.CS);
        add(Tag.XRayTubeCurrentInuA, VR.DS);
        add(Tag.ReferencedDefinedProtocolSequence, VR.SQ);
        add(Tag.ReferencedPerformedProtocolSequence, VR.SQ);
        add(Tag.StudyInstanceUID, VR.UI);
        add(Tag.SeriesInstanceUID, VR.UI);
        add(Tag.StudyID, VR.SH);
        add(Tag.RequestingPhysicianIdentificationSequence, VR.SQ);
        add(Tag.RequestingPhysician, VR.PN);
        add(Tag.RequestingService, VR.LO);
        add(Tag.RequestingServiceCodeSequence, VR.SQ);
        add(Tag.RequestedProcedureDescription, VR.LO);
        add(Tag.RequestedProcedureCodeSequence, VR.SQ);
        add(Tag.RequestedLateralityCodeSequence, VR.SQ);
        add(Tag.RequestedContrastAgent, VR.LO);
        add(Tag.ReferencedPatientAliasSequence, VR.SQ);
        add(Tag.VisitStatusID, VR.CS);
        add(Tag.AdmissionID, VR.LO);
        add(Tag.IssuerOfAdmissionIDSequence, VR.SQ);
        add(Tag.RouteOfAdmissions, VR.LO);
        add(Tag.AdmittingDate, VR.DA);
        add(Tag.AdmittingTime, VR.TM);
        add(Tag.SpecialNeeds, VR.LO);
        add(Tag.ServiceEpisodeID, VR.LO);
        add(Tag.ServiceEpisodeDescription, VR.LO);
        add(Tag.IssuerOfServiceEpisodeIDSequence, VR.SQ);
        add(Tag.PertinentDocumentsSequence, VR.SQ);
        add(Tag.PertinentResourcesSequence, VR.SQ);
        add(Tag.CurrentPatientLocation, VR.LO);
        add(Tag.PatientInstitutionResidence, VR.LO);
        add(Tag.PatientState, VR.LO);
        add(Tag.PatientClinicalTrialParticipationSequence, VR.SQ);
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
        add(Tag.LocalNamespaceEntityID, VR.UT);
        add(Tag.UniversalEntityID, VR.UT);
        add(Tag.UniversalEntityIDType, VR.CS);
        add(Tag.IdentifierTypeCode, VR.CS);
        add(Tag.AssigningFacilitySequence, VR.SQ);
        add(Tag.AssigningJurisdictionCodeSequence, VR.SQ);
        add(Tag.AssigningAgencyOrDepartmentCodeSequence, VR.SQ);
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
        add(Tag.RequestAttributesSequence, VR.SQ);
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
        add(Tag.OrganDose, VR.DS);
        add(Tag.OrganExposed, VR.CS);
        add(Tag.BillingProcedureStepSequence, VR.SQ);
        add(Tag.FilmConsumptionSequence, VR.SQ);
        add(Tag.BillingSuppliesAndDevicesSequence, VR.SQ);
        add(Tag.PerformedSeriesSequence, VR.SQ);
        add(Tag.CommentsOnTheScheduledProcedureStep, VR.LT);
        add(Tag.ProtocolContextSequence, VR.SQ);
        add(Tag.ContentItemModifierSequence, VR.SQ);
        add(Tag.MeasurementUnitsCodeSequence, VR.SQ);
        add(Tag.RequestedProcedureID, VR.SH);
        add(Tag.ReasonForTheRequestedProcedure, VR.LO);
        add(Tag.RequestedProcedurePriority, VR.SH);
        add(Tag.PatientTransportArrangements, VR.LO);
        add(Tag.RequestedProcedureLocation, VR.LO);
        add(Tag.ConfidentialityCode, VR.LO);
        add(Tag.ReportingPriority, VR.SH);
        add(Tag.ReasonForRequestedProcedureCodeSequence, VR.SQ);
        add(Tag.NamesOfIntendedRecipientsOfResults, VR.PN);
        add(Tag.IntendedRecipientsOfResultsIdentificationSequence, VR.SQ);
        add(Tag.PersonIdentificationCodeSequence, VR.SQ);
        add(Tag.PersonAddress, VR.ST);
        add(Tag.PersonTelephoneNumbers, VR.LO);
        add(Tag.PersonTelecomInformation, VR.LT);
        add(Tag.RequestedProcedureComments, VR.LT);
        add(Tag.ReasonForTheImagingServiceRequest, VR.LO);
        add(Tag.IssueDateOfImagingServiceRequest, VR.DA);
        add(Tag.IssueTimeOfImagingServiceRequest, VR.TM);
        add(Tag.OrderEnteredBy, VR.PN);
        add(Tag.OrderEntererLocation, VR.SH);
        add(Tag.OrderCallbackPhoneNumber, VR.SH);
        add(Tag.OrderCallbackTelecomInformation, VR.LT);
        add(Tag.PlacerOrderNumberImagingServiceRequest, VR.LO);
        add(Tag.FillerOrderNumberImagingServiceRequest, VR.LO);
        add(Tag.ImagingServiceRequestComments, VR.LT);
        add(Tag.ConfidentialityConstraintOnPatientDataDescription, VR.LO);
        add(Tag.EntranceDoseInmGy, VR.DS);
        add(Tag.ValueType, VR.CS);
        add(Tag.ConceptNameCodeSequence, VR.SQ);
        add(Tag.DateTime, VR.DT);
        add(Tag.Date, VR.DA);
        add(Tag.Time, VR.TM);
        add(Tag.PersonName, VR.PN);
        add(Tag.TextValue, VR.UT);
        add(Tag.FloatingPointValue, VR.FD);
        add(Tag.RationalNumeratorValue, VR.SL);
        add(Tag.RationalDenominatorValue, VR.UL);
        add(Tag.ConceptCodeSequence, VR.SQ);
        add(Tag.PurposeOfReferenceCodeSequence, VR.SQ);
        add(Tag.NumericValueQualifierCodeSequence, VR.SQ);
        add(Tag.NumericValue, VR.DS);
        add(Tag.ReferencedRequestSequence, VR.SQ);
        add(Tag.RetrieveURI, VR.UR);
        add(Tag.RetrieveLocationUID, VR.UI);
        add(Tag.DocumentTitle, VR.ST);
        add(Tag.StorageMediaFileSetID, VR.SH);
        add(Tag.StorageMediaFileSetUID, VR.UI);
        add(Tag.MediumType, VR.CS);
        add(Tag.FilmSizeID, VR.CS);
        add(Tag.NumberOfFilms, VR.IS);
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
     * The VR of a tag: from the dictionary, UL for group lengths (gggg,0000) (PS3.5 §7.2), LO
     * for private creators (gggg,0010-00FF) of odd groups (PS3.5 §7.8.1), else UN.
     */
    public static VR vrOf(int tag) {
        VR vr = VRS.get(tag);
        if (vr != null) {
            return vr;
        }
        if (Tag.element(tag) == 0) {
            return VR.UL;
        }
        return isPrivateCreator(tag) ? VR.LO : VR.UN;
    }

    /** Whether the tag is a private creator data element (gggg,0010-00FF), gggg odd. */
    public static boolean isPrivateCreator(int tag) {
        int element = Tag.element(tag);
        return Tag.isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
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
