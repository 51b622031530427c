package org.lantir.dicom.data;

/**
 * Attribute tags by DICOM keyword (PS3.6 Chapter 6, command group: PS3.7 Annex E), for the
 * command set, the Modality Worklist information model (PS3.4 Table K.6-1) and the Modality
 * Performed Procedure Step IOD (PS3.4 Table F.7.2-1). {@link ElementDictionary} gives their VRs.
 */
public final class Tag {

    /** Item (PS3.5 §7.5). */
    public static final int Item = 0xFFFEE000;
    /** Item Delimitation Item (PS3.5 §7.5). */
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    /** Sequence Delimitation Item (PS3.5 §7.5). */
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    public static final int CommandGroupLength = 0x00000000;
    public static final int AffectedSOPClassUID = 0x00000002;
    public static final int RequestedSOPClassUID = 0x00000003;
    public static final int CommandField = 0x00000100;
    public static final int MessageID = 0x00000110;
    public static final int MessageIDBeingRespondedTo = 0x00000120;
    public static final int MoveDestination = 0x00000600;
    public static final int Priority = 0x00000700;
    public static final int CommandDataSetType = 0x00000800;
    public static final int Status = 0x00000900;
    public static final int OffendingElement = 0x00000901;
    public static final int ErrorComment = 0x00000902;
    public static final int ErrorID = 0x00000903;
    public static final int AffectedSOPInstanceUID = 0x00001000;
    public static final int RequestedSOPInstanceUID = 0x00001001;
    public static final int EventTypeID = 0x00001002;
    public static final int AttributeIdentifierList = 0x00001005;
    public static final int ActionTypeID = 0x00001008;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int StudyTime = 0x00080030;
    public static final int AccessionNumber = 0x00080050;
    public static final int IssuerOfAccessionNumberSequence = 0x00080051;
    public static final int RetrieveAETitle = 0x00080054;
    public static final int Modality = 0x00080060;
    public static final int InstitutionName = 0x00080080;
    public static final int InstitutionAddress = 0x00080081;
    public static final int InstitutionCodeSequence = 0x00080082;
    public static final int ReferringPhysicianName = 0x00080090;
    public static final int ReferringPhysicianIdentificationSequence = 0x00080096;
    public static final int CodeValue = 0x00080100;
    public static final int CodingSchemeDesignator = 0x00080102;
    public static final int CodingSchemeVersion = 0x00080103;
    public static final int CodeMeaning = 0x00080104;
    public static final int LongCodeValue = 0x00080119;
    public static final int URNCodeValue = 0x00080120;
    public static final int TimezoneOffsetFromUTC = 0x00080201;
    public static final int StudyDescription = 0x00081030;
    public static final int ProcedureCodeSequence = 0x00081032;
    public static final int SeriesDescription = 0x0008103E;
    public static final int InstitutionalDepartmentName = 0x00081040;
    public static final int PerformingPhysicianName = 0x00081050;
    public static final int OperatorsName = 0x00081070;
    public static final int AdmittingDiagnosesDescription = 0x00081080;
    public static final int AdmittingDiagnosesCodeSequence = 0x00081084;
    public static final int ReferencedStudySequence = 0x00081110;
    public static final int ReferencedPerformedProcedureStepSequence = 0x00081111;
    public static final int ReferencedPatientSequence = 0x00081120;
    public static final int ReferencedImageSequence = 0x00081140;
    public static final int ReferencedSOPClassUID = 0x00081150;
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int IssuerOfPatientID = 0x00100021;
    public static final int IssuerOfPatientIDQualifiersSequence = 0x00100024;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientBirthTime = 0x00100032;
    public static final int PatientSex = 0x00100040;
    public static final int OtherPatientIDs = 0x00101000;
    public static final int OtherPatientNames = 0x00101001;
    public static final int OtherPatientIDsSequence = 0x00101002;
    public static final int PatientAge = 0x00101010;
    public static final int PatientSize = 0x00101020;
    public static final int PatientWeight = 0x00101030;
    public static final int PatientAddress = 0x00101040;
    public static final int PatientMotherBirthName = 0x00101060;
    public static final int MedicalAlerts = 0x00102000;
    public static final int Allergies = 0x00102110;
    public static final int EthnicGroup = 0x00102160;
    public static final int AdditionalPatientHistory = 0x001021B0;
    public static final int PregnancyStatus = 0x001021C0;
    public static final int PatientSexNeutered = 0x00102203;
    public static final int PatientComments = 0x00104000;
    public static final int ProtocolName = 0x00181030;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int StudyID = 0x00200010;
    public static final int RequestingPhysician = 0x00321032;
    public static final int RequestingService = 0x00321033;
    public static final int RequestedProcedureDescription = 0x00321060;
    public static final int RequestedProcedureCodeSequence = 0x00321064;
    public static final int RequestedContrastAgent = 0x00321070;
    public static final int AdmissionID = 0x00380010;
    public static final int IssuerOfAdmissionIDSequence = 0x00380014;
    public static final int SpecialNeeds = 0x00380050;
    public static final int ServiceEpisodeID = 0x00380060;
    public static final int CurrentPatientLocation = 0x00380300;
    public static final int PatientInstitutionResidence = 0x00380400;
    public static final int PatientState = 0x00380500;
    public static final int VisitComments = 0x00384000;
    public static final int ScheduledStationAETitle = 0x00400001;
    public static final int ScheduledProcedureStepStartDate = 0x00400002;
    public static final int ScheduledProcedureStepStartTime = 0x00400003;
    public static final int ScheduledProcedureStepEndDate = 0x00400004;
    public static final int ScheduledProcedureStepEndTime = 0x00400005;
    public static final int ScheduledPerformingPhysicianName = 0x00400006;
    public static final int ScheduledProcedureStepDescription = 0x00400007;
    public static final int ScheduledProtocolCodeSequence = 0x00400008;
    public static final int ScheduledProcedureStepID = 0x00400009;
    public static final int StageCodeSequence = 0x0040000A;
    public static final int ScheduledPerformingPhysicianIdentificationSequence = 0x0040000B;
    public static final int ScheduledStationName = 0x00400010;
    public static final int ScheduledProcedureStepLocation = 0x00400011;
    public static final int PreMedication = 0x00400012;
    public static final int ScheduledProcedureStepStatus = 0x00400020;
    public static final int OrderPlacerIdentifierSequence = 0x00400026;
    public static final int OrderFillerIdentifierSequence = 0x00400027;
    public static final int ScheduledProcedureStepSequence = 0x00400100;
    public static final int ReferencedNonImageCompositeSOPInstanceSequence = 0x00400220;
    public static final int PerformedStationAETitle = 0x00400241;
    public static final int PerformedStationName = 0x00400242;
    public static final int PerformedLocation = 0x00400243;
    public static final int PerformedProcedureStepStartDate = 0x00400244;
    public static final int PerformedProcedureStepStartTime = 0x00400245;
    public static final int PerformedProcedureStepEndDate = 0x00400250;
    public static final int PerformedProcedureStepEndTime = 0x00400251;
    public static final int PerformedProcedureStepStatus = 0x00400252;
    public static final int PerformedProcedureStepID = 0x00400253;
    public static final int PerformedProcedureStepDescription = 0x00400254;
    public static final int PerformedProcedureTypeDescription = 0x00400255;
    public static final int PerformedProtocolCodeSequence = 0x00400260;
    public static final int ScheduledStepAttributesSequence = 0x00400270;
    public static final int CommentsOnThePerformedProcedureStep = 0x00400280;
    public static final int PerformedProcedureStepDiscontinuationReasonCodeSequence = 0x00400281;
    public static final int QuantitySequence = 0x00400293;
    public static final int Quantity = 0x00400294;
    public static final int MeasuringUnitsSequence = 0x00400295;
    public static final int BillingItemSequence = 0x00400296;
    public static final int TotalTimeOfFluoroscopy = 0x00400300;
    public static final int TotalNumberOfExposures = 0x00400301;
    public static final int EntranceDose = 0x00400302;
    public static final int ExposedArea = 0x00400303;
    public static final int DistanceSourceToEntrance = 0x00400306;
    public static final int ExposureDoseSequence = 0x0040030E;
    public static final int CommentsOnRadiationDose = 0x00400310;
    public static final int BillingProcedureStepSequence = 0x00400320;
    public static final int FilmConsumptionSequence = 0x00400321;
    public static final int BillingSuppliesAndDevicesSequence = 0x00400324;
    public static final int PerformedSeriesSequence = 0x00400340;
    public static final int CommentsOnTheScheduledProcedureStep = 0x00400400;
    public static final int ProtocolContextSequence = 0x00400440;
    public static final int RequestedProcedureID = 0x00401001;
    public static final int ReasonForTheRequestedProcedure = 0x00401002;
    public static final int RequestedProcedurePriority = 0x00401003;
    public static final int PatientTransportArrangements = 0x00401004;
    public static final int RequestedProcedureLocation = 0x00401005;
    public static final int ConfidentialityCode = 0x00401008;
    public static final int ReportingPriority = 0x00401009;
    public static final int NamesOfIntendedRecipientsOfResults = 0x00401010;
    public static final int RequestedProcedureComments = 0x00401400;
    public static final int IssueDateOfImagingServiceRequest = 0x00402004;
    public static final int IssueTimeOfImagingServiceRequest = 0x00402005;
    public static final int OrderEnteredBy = 0x00402008;
    public static final int OrderEntererLocation = 0x00402009;
    public static final int OrderCallbackPhoneNumber = 0x00402010;
    public static final int PlacerOrderNumberImagingServiceRequest = 0x00402016;
    public static final int FillerOrderNumberImagingServiceRequest = 0x00402017;
    public static final int ImagingServiceRequestComments = 0x00402400;
    public static final int ConfidentialityConstraintOnPatientDataDescription = 0x00403001;
    public static final int ReferencedRequestSequence = 0x0040A370;

    private Tag() {
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Whether the tag is private: odd group number (PS3.5 §7.8). */
    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    /** The tag in the standard's {@code (gggg,eeee)} form. */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }
}
