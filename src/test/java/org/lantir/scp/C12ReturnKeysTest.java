package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.Status;
import org.lantir.testing.TestLantir;
import org.lantir.worklist.WorklistItem;

/**
 * C12: every requested return key comes back, zero-length when Lantir has no value, Type 1
 * keys with real values, nothing that was not asked for (PS3.4 K.2.2.1.2, Table K.6-1); FF01
 * when an optional matching key is not supported (Table K.4-1).
 */
class C12ReturnKeysTest {

    private final TestLantir lantir = new TestLantir();

    /** W1 and W2 as fed from REDCap: no accession, IDs or UID, weight, referring physician. */
    @BeforeEach
    void syncW1AndW2() {
        lantir.service().applySync("redcap", List.of(
                fromRedcap("1", "DOE^JANE", "1001", 9),
                fromRedcap("2", "DOE^JOHN", "1002", 10)), true);
    }

    private static WorklistItem fromRedcap(String record, String name, String id, int hour) {
        return WorklistItem.builder().sourceKey(record).patientName(name).patientId(id)
                .modality("MR").scheduledStationAeTitle("MRI_3T")
                .scheduledStartDate(java.time.LocalDate.of(2025, 2, 12))
                .scheduledStartTime(java.time.LocalTime.of(hour, 0))
                .spsDescription("BRAIN MRI RESEARCH").build();
    }

    /** inputs/C12-return-keys.dump */
    private static Dataset typicalMrConsole() {
        Dataset q = new Dataset();
        set(q, Tag.SpecificCharacterSet, "ISO_IR 100");
        empty(q, Tag.AccessionNumber, Tag.ReferringPhysicianName, Tag.PatientName,
                Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex, Tag.PatientSize,
                Tag.PatientWeight, Tag.MedicalAlerts, Tag.StudyInstanceUID,
                Tag.RequestedProcedureDescription, Tag.AdmissionID, Tag.RequestedProcedureID,
                Tag.RequestedProcedurePriority);
        q.newSequence(Tag.ReferencedStudySequence);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");
        empty(step, Tag.ScheduledStationAETitle, Tag.ScheduledProcedureStepStartTime,
                Tag.ScheduledPerformingPhysicianName, Tag.ScheduledProcedureStepDescription,
                Tag.ScheduledProcedureStepID, Tag.ScheduledStationName,
                Tag.ScheduledProcedureStepLocation, Tag.ScheduledProcedureStepStatus);
        step.newSequence(Tag.ScheduledProtocolCodeSequence);
        return q;
    }

    @Test
    void everyRequestedKeyComesBackAndNothingElse() {
        Dataset q = typicalMrConsole();

        var r = lantir.cFind(q);

        assertThat(r.identifiers()).hasSize(2);
        Dataset w1 = r.identifiers().get(0);
        List<Integer> asked = new ArrayList<>(q.tags());
        asked.remove((Integer) Tag.SpecificCharacterSet);
        assertThat(w1.tags()).containsExactlyElementsOf(asked);
        assertThat(w1.getItem(Tag.ScheduledProcedureStepSequence).tags()).containsExactlyElementsOf(
                q.getItem(Tag.ScheduledProcedureStepSequence).tags());
        assertThat(r.pendingStatuses()).containsOnly(Status.PENDING);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void keysWithoutValueComeBackZeroLength() {
        Dataset w1 = lantir.cFind(typicalMrConsole()).identifiers().get(0);
        Dataset step = w1.getItem(Tag.ScheduledProcedureStepSequence);

        for (int tag : new int[] {Tag.ReferringPhysicianName, Tag.PatientSize,
            Tag.PatientWeight, Tag.MedicalAlerts, Tag.AdmissionID,
            Tag.RequestedProcedurePriority}) {
            assertThat(w1.contains(tag)).as(Tag.toString(tag)).isTrue();
            assertThat(w1.hasValue(tag)).as(Tag.toString(tag)).isFalse();
        }
        assertThat(w1.getSequence(Tag.ReferencedStudySequence)).isEmpty();
        assertThat(step.contains(Tag.ScheduledPerformingPhysicianName)).isTrue();
        assertThat(step.hasValue(Tag.ScheduledPerformingPhysicianName)).isFalse();
        assertThat(step.contains(Tag.ScheduledProcedureStepLocation)).isTrue();
        assertThat(step.hasValue(Tag.ScheduledProcedureStepLocation)).isFalse();
    }

    @Test
    void typeOneKeysCarryRealValuesUniquePerRequestedProcedure() {
        var r = lantir.cFind(typicalMrConsole());
        Dataset w1 = r.identifiers().get(0);
        Dataset w2 = r.identifiers().get(1);
        Dataset step = w1.getItem(Tag.ScheduledProcedureStepSequence);

        assertThat(w1.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(w1.getString(Tag.PatientID)).isEqualTo("1001");
        assertThat(UID.isValid(w1.getString(Tag.StudyInstanceUID))).isTrue();
        assertThat(w1.getString(Tag.StudyInstanceUID)).startsWith("2.25.")
                .isNotEqualTo(w2.getString(Tag.StudyInstanceUID));
        assertThat(w1.getString(Tag.RequestedProcedureID)).isNotEmpty().hasSizeLessThan(17)
                .isNotEqualTo(w2.getString(Tag.RequestedProcedureID));
        assertThat(w1.getString(Tag.AccessionNumber)).isNotEmpty().hasSizeLessThan(17);
        assertThat(w1.getString(Tag.RequestedProcedureDescription)).isNotEmpty();
        assertThat(step.getString(Tag.Modality)).isEqualTo("MR");
        assertThat(step.getString(Tag.ScheduledStationAETitle)).isEqualTo("MRI_3T");
        assertThat(step.getString(Tag.ScheduledProcedureStepStartDate)).isEqualTo("20250212");
        assertThat(step.getString(Tag.ScheduledProcedureStepStartTime)).isEqualTo("090000");
        assertThat(step.getString(Tag.ScheduledProcedureStepID)).isNotEmpty()
                .isNotEqualTo(w2.getItem(Tag.ScheduledProcedureStepSequence)
                        .getString(Tag.ScheduledProcedureStepID));
        assertThat(step.getString(Tag.ScheduledProcedureStepDescription)).isNotEmpty();
        assertThat(step.getString(Tag.ScheduledProcedureStepStatus)).isEqualTo("SCHEDULED");
    }

    @Test
    void allAsciiAnswerCarriesNoSpecificCharacterSet() {
        Dataset w1 = lantir.cFind(typicalMrConsole()).identifiers().get(0);

        assertThat(w1.contains(Tag.SpecificCharacterSet)).isFalse();
    }

    @Test
    void privateAttributesAreNeitherMatchedNorReturned() {
        Dataset q = typicalMrConsole();
        q.setString(0x00290010, org.lantir.dicom.data.VR.LO, "SOME VENDOR PRIVATE");
        q.setString(0x00291001, org.lantir.dicom.data.VR.LO, "X");

        var r = lantir.cFind(q);

        assertThat(r.identifiers()).hasSize(2);
        assertThat(r.pendingStatuses()).containsOnly(Status.PENDING);
        assertThat(r.identifiers().get(0).contains(0x00290010)).isFalse();
    }

    /** inputs/C12-optional-key-unsupported.dump */
    @Test
    void unsupportedOptionalMatchingKeyIsIgnoredAndSaidSoWithFF01() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");
        set(step, Tag.ScheduledProcedureStepLocation, "ROOM 2");

        var r = lantir.cFind(q);

        assertThat(r.values(Tag.PatientName)).containsExactly("DOE^JANE", "DOE^JOHN");
        assertThat(r.pendingStatuses()).containsOnly(Status.PENDING_WARNING);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }
}
