package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dictionary against PS3.6 (VRs), PS3.7 E.1-1 and the attributes of K.6-1 / F.7.2-1. */
class ElementDictionaryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // Command group, PS3.7 Table E.1-1
        "CommandGroupLength, 00000000, UL", "AffectedSOPClassUID, 00000002, UI",
        "CommandField, 00000100, US", "MessageIDBeingRespondedTo, 00000120, US",
        "CommandDataSetType, 00000800, US", "Status, 00000900, US",
        "OffendingElement, 00000901, AT", "ErrorComment, 00000902, LO",
        "ErrorID, 00000903, US", "AttributeIdentifierList, 00001005, AT",
        "NumberOfRemainingSuboperations, 00001020, US",
        // Modality Worklist, PS3.4 Table K.6-1
        "SpecificCharacterSet, 00080005, CS", "TimezoneOffsetFromUTC, 00080201, SH",
        "ScheduledProcedureStepSequence, 00400100, SQ", "ScheduledStationAETitle, 00400001, AE",
        "ScheduledProcedureStepStartDate, 00400002, DA",
        "ScheduledProcedureStepStartTime, 00400003, TM", "Modality, 00080060, CS",
        "ScheduledPerformingPhysicianName, 00400006, PN",
        "ScheduledProcedureStepDescription, 00400007, LO",
        "ScheduledProtocolCodeSequence, 00400008, SQ", "ProtocolContextSequence, 00400440, SQ",
        "ContentItemModifierSequence, 00400441, SQ", "ValueType, 0040A040, CS",
        "ConceptNameCodeSequence, 0040A043, SQ", "NumericValue, 0040A30A, DS",
        "MeasurementUnitsCodeSequence, 004008EA, SQ", "ScheduledProcedureStepID, 00400009, SH",
        "ScheduledStationName, 00400010, SH", "ScheduledProcedureStepLocation, 00400011, SH",
        "PreMedication, 00400012, LO", "ScheduledProcedureStepStatus, 00400020, CS",
        "CommentsOnTheScheduledProcedureStep, 00400400, LT",
        "RequestedContrastAgent, 00321070, LO", "RequestedProcedureID, 00401001, SH",
        "RequestedProcedureDescription, 00321060, LO",
        "RequestedProcedureCodeSequence, 00321064, SQ", "StudyInstanceUID, 0020000D, UI",
        "ReferencedStudySequence, 00081110, SQ", "ReferencedSOPClassUID, 00081150, UI",
        "RequestedProcedurePriority, 00401003, SH", "PatientTransportArrangements, 00401004, LO",
        "ReasonForRequestedProcedureCodeSequence, 0040100A, SQ",
        "NamesOfIntendedRecipientsOfResults, 00401010, PN", "AccessionNumber, 00080050, SH",
        "IssuerOfAccessionNumberSequence, 00080051, SQ", "LocalNamespaceEntityID, 00400031, UT",
        "UniversalEntityID, 00400032, UT", "UniversalEntityIDType, 00400033, CS",
        "RequestingPhysician, 00321032, PN", "ReferringPhysicianName, 00080090, PN",
        "PersonIdentificationCodeSequence, 00401101, SQ", "PersonTelecomInformation, 00401104, LT",
        "IssueDateOfImagingServiceRequest, 00402004, DA", "OrderEnteredBy, 00402008, PN",
        "PlacerOrderNumberImagingServiceRequest, 00402016, LO", "AdmissionID, 00380010, LO",
        "CurrentPatientLocation, 00380300, LO", "ReferencedPatientSequence, 00081120, SQ",
        "AdmittingDiagnosesDescription, 00081080, LO", "PatientName, 00100010, PN",
        "PatientID, 00100020, LO", "IssuerOfPatientIDQualifiersSequence, 00100024, SQ",
        "OtherPatientIDsSequence, 00101002, SQ", "PatientBirthDate, 00100030, DA",
        "PatientSex, 00100040, CS", "PatientWeight, 00101030, DS", "PatientSize, 00101020, DS",
        "PatientAge, 00101010, AS", "PatientState, 00380500, LO", "PregnancyStatus, 001021C0, US",
        "MedicalAlerts, 00102000, LO", "Allergies, 00102110, LO", "SpecialNeeds, 00380050, LO",
        "PatientComments, 00104000, LT", "ClinicalTrialSponsorName, 00120010, LO",
        "GenderIdentitySequence, 00100041, SQ",
        "SexParametersForClinicalUseCategoryReference, 00100047, UR",
        // MPPS, PS3.4 Table F.7.2-1
        "ScheduledStepAttributesSequence, 00400270, SQ", "PerformedStationAETitle, 00400241, AE",
        "PerformedProcedureStepStartDate, 00400244, DA",
        "PerformedProcedureStepStartTime, 00400245, TM",
        "PerformedProcedureStepStatus, 00400252, CS", "PerformedProcedureStepID, 00400253, SH",
        "PerformedProcedureTypeDescription, 00400255, LO", "ProcedureCodeSequence, 00081032, SQ",
        "PerformedProcedureStepDiscontinuationReasonCodeSequence, 00400281, SQ",
        "PerformedProtocolCodeSequence, 00400260, SQ", "PerformedSeriesSequence, 00400340, SQ",
        "PerformingPhysicianName, 00081050, PN", "OperatorsName, 00081070, PN",
        "ProtocolName, 00181030, LO", "SeriesInstanceUID, 0020000E, UI",
        "ReferencedNonImageCompositeSOPInstanceSequence, 00400220, SQ",
        "TotalTimeOfFluoroscopy, 00400300, US", "EntranceDoseInmGy, 00408302, DS",
        "ImageAndFluoroscopyAreaDoseProduct, 0018115E, DS", "ExposureDoseSequence, 0040030E, SQ",
        "KVP, 00180060, DS", "XRayTubeCurrentInuA, 00188151, DS",
        "BillingSuppliesAndDevicesSequence, 00400324, SQ", "Quantity, 00400294, DS",
        "FilmConsumptionSequence, 00400321, SQ", "NumberOfFilms, 21000170, IS",
        "MediumType, 20000030, CS", "FilmSizeID, 20100050, CS",
    })
    void knowsTheStandardsTagAndVr(String keyword, String tagHex, VR vr) {
        int tag = Integer.parseUnsignedInt(tagHex, 16);

        assertThat(ElementDictionary.tagOf(keyword)).isEqualTo(tag);
        assertThat(ElementDictionary.keywordOf(tag)).isEqualTo(keyword);
        assertThat(ElementDictionary.contains(tag)).isTrue();
        assertThat(ElementDictionary.vrOf(tag)).isEqualTo(vr);
    }

    @Test
    void everyTagConstantHasAVr() throws Exception {
        for (Field field : Tag.class.getFields()) {
            if (field.getType() != int.class || !Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            int tag = field.getInt(null);
            if (Tag.group(tag) != 0xFFFE) {
                assertThat(ElementDictionary.contains(tag)).as(field.getName()).isTrue();
            }
        }
    }

    @Test
    void tagsOutsideTheDictionaryGetTheVrsOfPs35() {
        assertThat(ElementDictionary.vrOf(0x00290000)).isEqualTo(VR.UL);
        assertThat(ElementDictionary.vrOf(0x00290010)).isEqualTo(VR.LO);
        assertThat(ElementDictionary.vrOf(0x00291010)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.vrOf(0x00280010)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.keywordOf(0x00291010)).isNull();
        assertThat(ElementDictionary.tagOf("NoSuchKeyword")).isEqualTo(-1);
    }
}
