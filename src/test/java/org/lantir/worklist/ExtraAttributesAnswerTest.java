package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.Status;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * A row read from a DICOM worklist file keeps the attributes Lantir has no column for
 * ({@link ExtraAttributes}), and a C-FIND answers each of them when it is asked for, as any
 * other return key (PS3.4 K.2.2.1.2): at its level, whole sequences included; never when not
 * asked; the columns winning over a kept value of the same attribute.
 */
class ExtraAttributesAnswerTest {

    private static final CodedEntry T1 = new CodedEntry("T1", "99SITE", "T1 weighted");

    private final TestLantir lantir = new TestLantir();

    /** W1 with what a .wl file gave beyond the columns. */
    private static WorklistItem fromWorklistFile() {
        Dataset extras = new Dataset();
        extras.setString(Tag.AdmissionID, VR.LO, "ADM-77");
        extras.setString(Tag.MedicalAlerts, VR.LO, "Pacemaker (MR conditional)",
                "Claustrophobia");
        extras.setString(Tag.RequestedProcedurePriority, VR.SH, "HIGH");
        // A value a column holds: the column wins.
        extras.setString(Tag.PatientName, VR.PN, "NOT^THIS");
        Dataset study = extras.addItem(Tag.ReferencedStudySequence);
        study.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.3.1.2.3.1");
        study.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.4711");

        Dataset step = extras.addItem(Tag.ScheduledProcedureStepSequence);
        step.setString(Tag.ScheduledProcedureStepLocation, VR.SH, "ROOM 2");
        step.setString(Tag.PreMedication, VR.LO, "None");
        List<Dataset> codes = step.newSequence(Tag.ScheduledProtocolCodeSequence);
        codes.add(code("T1", "99SITE", "T1 weighted"));
        codes.add(code("DTI", "99SITE", "Diffusion"));
        codes.get(0).setString(Tag.CodingSchemeVersion, VR.SH, "2024");

        return WorklistRows.w1().toBuilder().protocolCode(T1)
                .extraAttributes(ExtraAttributes.of(extras)).build();
    }

    private static Dataset code(String value, String scheme, String meaning) {
        Dataset item = new Dataset();
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
        return item;
    }

    @Test
    void keptAttributesComeBackWhenAskedForAtTheirLevel() {
        lantir.store(fromWorklistFile());
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.AdmissionID, Tag.MedicalAlerts,
                Tag.RequestedProcedurePriority, Tag.PregnancyStatus);
        q.newSequence(Tag.ReferencedStudySequence);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        empty(step, Tag.ScheduledProcedureStepLocation, Tag.PreMedication);

        DimseResponses r = lantir.cFind(q);

        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(r.pendingStatuses()).containsOnly(Status.PENDING);
        Dataset answer = r.identifiers().get(0);
        assertThat(answer.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(answer.getString(Tag.AdmissionID)).isEqualTo("ADM-77");
        assertThat(answer.getStrings(Tag.MedicalAlerts))
                .containsExactly("Pacemaker (MR conditional)", "Claustrophobia");
        assertThat(answer.getString(Tag.RequestedProcedurePriority)).isEqualTo("HIGH");
        assertThat(answer.contains(Tag.PregnancyStatus)).isTrue();
        assertThat(answer.hasValue(Tag.PregnancyStatus)).isFalse();
        assertThat(answer.getItem(Tag.ReferencedStudySequence)
                .getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("2.25.4711");
        Dataset answeredStep = answer.getItem(Tag.ScheduledProcedureStepSequence);
        assertThat(answeredStep.getString(Tag.ScheduledProcedureStepLocation))
                .isEqualTo("ROOM 2");
        assertThat(answeredStep.getString(Tag.PreMedication)).isEqualTo("None");
    }

    @Test
    void nothingKeptComesBackUnasked() {
        lantir.store(fromWorklistFile());
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        set(sps(q), Tag.Modality, "MR");

        Dataset answer = lantir.cFind(q).identifiers().get(0);

        assertThat(answer.tags()).containsExactly(Tag.PatientID,
                Tag.ScheduledProcedureStepSequence);
        assertThat(answer.getItem(Tag.ScheduledProcedureStepSequence).tags())
                .containsExactly(Tag.Modality);
    }

    @Test
    void aWholeStepItemCarriesTheKeptAttributesBesideTheColumns() {
        lantir.store(fromWorklistFile());
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        q.addItem(Tag.ScheduledProcedureStepSequence);

        Dataset step = lantir.cFind(q).identifiers().get(0)
                .getItem(Tag.ScheduledProcedureStepSequence);

        assertThat(step.getString(Tag.ScheduledProcedureStepID)).isEqualTo("SPS1001");
        assertThat(step.getString(Tag.ScheduledProcedureStepStatus)).isEqualTo("SCHEDULED");
        assertThat(step.getString(Tag.ScheduledProcedureStepLocation)).isEqualTo("ROOM 2");
        assertThat(step.getSequence(Tag.ScheduledProtocolCodeSequence)).hasSize(2);
    }

    @Test
    void aCodeSequenceOfSeveralCodesComesBackWholeOrAsTheKeyPicks() {
        lantir.store(fromWorklistFile());

        List<Dataset> all = protocolCodes(null);
        List<Dataset> picked = protocolCodes("DTI");

        assertThat(all).extracting(c -> c.getString(Tag.CodeValue))
                .containsExactly("T1", "DTI");
        assertThat(all.get(0).getString(Tag.CodingSchemeVersion)).isEqualTo("2024");
        assertThat(picked).extracting(c -> c.getString(Tag.CodeValue)).containsExactly("DTI");
    }

    @Test
    void aHandEditedProtocolCodeWinsOverTheKeptSequence() {
        WorklistItem stored = lantir.store(fromWorklistFile()).get(0);
        lantir.service().update(stored.toBuilder()
                .protocolCode(new CodedEntry("FLAIR", "99SITE", "FLAIR")).build());

        assertThat(protocolCodes(null)).extracting(c -> c.getString(Tag.CodeValue))
                .containsExactly("FLAIR");
    }

    @Test
    void rowsWithoutKeptAttributesAnswerAsBefore() {
        lantir.store(WorklistRows.w1());
        Dataset q = new Dataset();
        empty(q, Tag.AdmissionID);
        sps(q).setEmpty(Tag.ScheduledProcedureStepLocation, VR.SH);

        Dataset answer = lantir.cFind(q).identifiers().get(0);

        assertThat(answer.contains(Tag.AdmissionID)).isTrue();
        assertThat(answer.hasValue(Tag.AdmissionID)).isFalse();
        assertThat(answer.getItem(Tag.ScheduledProcedureStepSequence)
                .hasValue(Tag.ScheduledProcedureStepLocation)).isFalse();
    }

    @Test
    void aKeyOnAKeptAttributeJudgesTheRowsThatHoldItAndSaysFf01() {
        lantir.store(fromWorklistFile(), WorklistRows.w2());

        assertThat(patientIds(Tag.AdmissionID, "ADM-77", false)).containsExactly("1001",
                "1002");
        assertThat(patientIds(Tag.AdmissionID, "ADM-78", false)).containsExactly("1002");
        assertThat(patientIds(Tag.AdmissionID, "ADM*", false)).containsExactly("1001",
                "1002");
        assertThat(patientIds(Tag.MedicalAlerts, "Claustrophobia", false))
                .containsExactly("1001", "1002");
        assertThat(patientIds(Tag.MedicalAlerts, "Asthma", false)).containsExactly("1002");
        assertThat(patientIds(Tag.ScheduledProcedureStepLocation, "ROOM*", true))
                .containsExactly("1001", "1002");
        assertThat(patientIds(Tag.ScheduledProcedureStepLocation, "HALL*", true))
                .containsExactly("1002");
        Dataset q = new Dataset();
        set(q, Tag.AdmissionID, "ADM-78");
        assertThat(lantir.cFind(q).pendingStatuses()).containsOnly(Status.PENDING_WARNING);
    }

    @Test
    void aMalformedKeyOnAnAttributeWithoutAColumnIsIgnoredAsBefore() {
        lantir.store(fromWorklistFile());
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        q.setString(Tag.AdmittingDate, VR.DA, "tomorrow");

        DimseResponses r = lantir.cFind(q);

        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(r.identifiers()).hasSize(1);
    }

    /** The Patient IDs answered for one key on a top-level or step attribute. */
    private List<String> patientIds(int tag, String value, boolean inStep) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        Dataset step = sps(q);
        set(inStep ? step : q, tag, value);
        DimseResponses r = lantir.cFind(q);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        return r.values(Tag.PatientID);
    }

    /** The protocol codes answered for a query with the given Code Value key (or none). */
    private List<Dataset> protocolCodes(String codeValue) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        Dataset codeKey = sps(q).addItem(Tag.ScheduledProtocolCodeSequence);
        if (codeValue != null) {
            set(codeKey, Tag.CodeValue, codeValue);
            empty(codeKey, Tag.CodingSchemeDesignator, Tag.CodeMeaning,
                    Tag.CodingSchemeVersion);
        }
        DimseResponses r = lantir.cFind(q);
        assertThat(r.identifiers()).hasSize(1);
        return r.identifiers().get(0).getItem(Tag.ScheduledProcedureStepSequence)
                .getSequence(Tag.ScheduledProtocolCodeSequence);
    }
}
