package org.lantir.sync.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFile;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.testsupport.Dcmtk;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * Worklist files as dcmtk's dump2dcm makes them for wlmscpfs and Orthanc, and as Lantir's own
 * writer makes them: each Scheduled Procedure Step item is a row, its columns filled and
 * checked, every other attribute kept; what cannot be read is reported by file and item.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WorklistFilesTest {

    @TempDir
    Path dir;

    private static final WorklistFiles FILES = new WorklistFiles(new WorklistFileSettings(
            SpecificCharacterSet.DEFAULT, null, null));

    /** A worklist dump of the test resources through dump2dcm (DICOM file by default). */
    static byte[] dump2dcm(Path dir, String dump, String... options) throws Exception {
        Path source = Path.of(WorklistFilesTest.class.getResource("/worklist-files/" + dump)
                .toURI());
        Path out = Files.createTempFile(dir, "wl", ".wl");
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.add(source.toString());
        args.add(out.toString());
        Dcmtk.run("dump2dcm", args.toArray(new String[0])).requireSuccess("dump2dcm " + dump);
        return Files.readAllBytes(out);
    }

    @Test
    void aDcmtkWorklistFileIsOneRowWithItsColumnsAndEveryOtherAttributeKept()
            throws Exception {
        Dcmtk.require("dump2dcm");

        FileRows rows = FILES.read("SUB2041.wl", dump2dcm(dir, "wklist-mr.dump"));

        assertThat(rows.skips()).isEmpty();
        assertThat(rows.notes()).isEmpty();
        FileRows.Row row = rows.rows().get(0);
        assertThat(row.origin()).isEqualTo("SUB2041.wl item 1");
        WorklistItem item = row.item();
        assertThat(item.sourceKey()).isEqualTo("SUB2041.wl#1");
        assertThat(item.patientName()).isEqualTo("Lefèvre^Hélène");
        assertThat(item.patientId()).isEqualTo("SUB2041");
        assertThat(item.patientBirthDate()).isEqualTo(LocalDate.of(2011, 4, 5));
        assertThat(item.patientWeightKg()).isEqualByComparingTo("41.5");
        assertThat(item.accessionNumber()).isEqualTo("ACC2041");
        assertThat(item.studyInstanceUid()).isEqualTo("2.25.2041002");
        assertThat(item.requestedProcedureId()).isEqualTo("RP2041");
        assertThat(item.requestedProcedureCode()).isEqualTo(new CodedEntry("RP-BRAIN",
                "99SITE", "Brain research MRI"));
        assertThat(item.spsId()).isEqualTo("SPS2041");
        assertThat(item.modality()).isEqualTo("MR");
        assertThat(item.scheduledStationAeTitle()).isEqualTo("MRI_3T");
        assertThat(item.scheduledStationName()).isEqualTo("SCANNER 1");
        assertThat(item.scheduledStartDate()).isEqualTo(LocalDate.of(2025, 2, 12));
        assertThat(item.scheduledStartTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(item.protocolCode()).isEqualTo(new CodedEntry("T1", "99SITE",
                "T1 weighted"));
        assertThat(item.performingPhysicianName()).isEqualTo("Operator^Fictional");
        assertThat(item.spsComments()).isEqualTo("Remove hearing aid before the scan.");

        Dataset kept = item.extraAttributes().dataset();
        assertThat(kept.getString(Tag.AdmissionID)).isEqualTo("ADM-2041");
        assertThat(kept.getString(Tag.MedicalAlerts)).isEqualTo("Claustrophobia");
        assertThat(kept.getString(Tag.RequestedProcedurePriority)).isEqualTo("HIGH");
        assertThat(kept.getInt(Tag.PregnancyStatus, 0)).isEqualTo(4);
        assertThat(kept.getItem(Tag.ReferencedStudySequence)
                .getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("2.25.2041001");
        assertThat(kept.contains(Tag.PatientName)).isFalse();
        assertThat(kept.contains(Tag.SpecificCharacterSet)).isFalse();
        Dataset keptStep = item.extraAttributes().scheduledStep();
        assertThat(keptStep.getString(Tag.ScheduledProcedureStepLocation)).isEqualTo("ROOM 2");
        assertThat(keptStep.getString(Tag.PreMedication)).isEqualTo("None");
        assertThat(keptStep.getSequence(Tag.ScheduledProtocolCodeSequence)).hasSize(2);
        assertThat(keptStep.contains(Tag.Modality)).isFalse();
        assertThat(keptStep.contains(Tag.ScheduledProcedureStepStatus)).isFalse();
    }

    @Test
    void theSameFileInEveryFormGivesTheSameRow() throws Exception {
        Dcmtk.require("dump2dcm");
        WorklistItem reference = FILES.read("a.wl", dump2dcm(dir, "wklist-mr.dump"))
                .rows().get(0).item();

        for (String[] options : List.of(new String[] {"+ti"}, new String[] {"+td"},
                new String[] {"-F"}, new String[] {"-F", "+ti", "-e"})) {
            FileRows rows = FILES.read("a.wl", dump2dcm(dir, "wklist-mr.dump", options));

            assertThat(rows.rows()).as(String.join(" ", options)).singleElement()
                    .satisfies(row -> assertThat(row.item()).isEqualTo(reference));
        }
    }

    @Test
    void eachScheduledStepOfAFileIsARow() throws Exception {
        Dcmtk.require("dump2dcm");

        FileRows rows = FILES.read("two.wl", dump2dcm(dir, "wklist-two-steps.dump"));

        assertThat(rows.rows()).extracting(r -> r.item().sourceKey(), r -> r.item().spsId(),
                r -> r.item().modality(), r -> r.item().patientId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("two.wl#1", "SPS2042A", "EEG",
                                "SUB2042"),
                        org.assertj.core.groups.Tuple.tuple("two.wl#2", "SPS2042B", "MR",
                                "SUB2042"));
        assertThat(rows.rows().get(0).item().extraAttributes().scheduledStep()
                .getString(Tag.ScheduledProcedureStepLocation)).isEqualTo("EEG ROOM");
    }

    @Test
    void aFileLantirWritesReadsAsWell() {
        Dataset ds = step("SUB3001", "20250213", "0800");
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.PatientName, VR.PN, "Åberg^Sölve");
        byte[] file = DicomFile.write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                UID.MODALITY_WORKLIST_FIND, "2.25.9");

        WorklistItem item = FILES.read("x.wl", file).rows().get(0).item();

        assertThat(item.patientName()).isEqualTo("Åberg^Sölve");
        assertThat(item.scheduledStartTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(item.extraAttributes()).isNull();
    }

    /** SPS End Date and Time have columns (schema version 5): a file's fill them. */
    @Test
    void theStepsEndFillsTheEndColumnsAndAnUnreadableOneIsLeftOut() {
        Dataset ds = step("SUB1", "20250212", "2330");
        Dataset step = ds.getItem(Tag.ScheduledProcedureStepSequence);
        step.setString(Tag.ScheduledProcedureStepEndDate, VR.DA, "20250213");
        step.setString(Tag.ScheduledProcedureStepEndTime, VR.TM, "003015.5");
        Dataset odd = step("SUB2", "20250212", "0900");
        odd.getItem(Tag.ScheduledProcedureStepSequence)
                .setString(Tag.ScheduledProcedureStepEndDate, VR.DA, "2025-02-1");

        WorklistItem item = FILES.read("x.wl", write(ds)).rows().get(0).item();
        FileRows oddRows = FILES.read("y.wl", write(odd));

        assertThat(item.scheduledEndDate()).isEqualTo(LocalDate.of(2025, 2, 13));
        assertThat(item.scheduledEndTime()).isEqualTo(LocalTime.of(0, 30, 15));
        assertThat(item.extraAttributes()).isNull();
        assertThat(oddRows.rows().get(0).item().scheduledEndDate()).isNull();
        assertThat(oddRows.notes()).containsExactly("y.wl item 1: Scheduled Procedure Step "
                + "End Date (0040,0004): not a DA (YYYYMMDD); left out");
    }

    @Test
    void anItemWithoutARequiredValueIsSkippedNamingFileItemAndAttribute() {
        Dataset ds = step("SUB1", "20250212", "0900");
        ds.getSequence(Tag.ScheduledProcedureStepSequence).add(new Dataset()
                .setString(Tag.Modality, VR.CS, "MR")
                .setString(Tag.ScheduledProcedureStepStartTime, VR.TM, "1000"));

        FileRows rows = FILES.read("x.wl", write(ds));

        assertThat(rows.rows()).hasSize(1);
        assertThat(rows.skips()).singleElement().satisfies(skip -> {
            assertThat(skip.key()).isEqualTo("x.wl#2");
            assertThat(skip.reason()).isEqualTo("x.wl item 2: Scheduled Procedure Step "
                    + "Start Date (0040,0002): required");
        });
    }

    @Test
    void anOddOptionalValueIsLeftOutWithANoteAndTheRowKept() {
        Dataset ds = step("SUB1", "20250212", "0900");
        ds.setString(Tag.PatientWeight, VR.DS, "0");
        ds.getItem(Tag.ScheduledProcedureStepSequence)
                .setString(Tag.ScheduledStationAETitle, VR.AE, "MRI_3T", "MRI_1T5");

        FileRows rows = FILES.read("x.wl", write(ds));

        WorklistItem item = rows.rows().get(0).item();
        assertThat(item.patientWeightKg()).isNull();
        assertThat(item.scheduledStationAeTitle()).isEqualTo("MRI_3T");
        assertThat(rows.notes()).containsExactly(
                "x.wl item 1: 2 Scheduled Station AE Titles; the row goes to the first, MRI_3T",
                "x.wl item 1: Patient's Weight (0010,1030): above 0 and at most 1000 kg; "
                        + "left out");
    }

    @Test
    void theDefaultCharacterSetReadsFilesThatDeclareNone() throws Exception {
        Dcmtk.require("dump2dcm");
        byte[] declared = dump2dcm(dir, "wklist-mr.dump", "-F");
        // Drop (0008,0005) CS [ISO_IR 100]: 8 bytes of header, 10 of value.
        byte[] undeclared = java.util.Arrays.copyOfRange(declared, 18, declared.length);
        WorklistFiles latin1 = new WorklistFiles(new WorklistFileSettings(
                SpecificCharacterSet.LATIN_1, null, null));

        assertThat(latin1.read("a.wl", undeclared).rows().get(0).item().patientName())
                .isEqualTo("Lefèvre^Hélène");
    }

    @Test
    void whatIsNoWorklistFileIsSkippedWhole() {
        FileRows text = FILES.read("notes.wl", "patient,date\n".getBytes());
        FileRows noSteps = FILES.read("empty.wl", write(new Dataset()
                .setString(Tag.PatientID, VR.LO, "SUB1")));

        assertThat(text.unreadable()).isTrue();
        assertThat(text.skips()).singleElement().satisfies(skip ->
                assertThat(skip.reason()).startsWith("notes.wl: not a DICOM worklist file: "));
        assertThat(noSteps.skips()).singleElement().satisfies(skip ->
                assertThat(skip.reason()).isEqualTo("empty.wl: no Scheduled Procedure Step "
                        + "Sequence (0040,0100) item; nothing to schedule"));
    }

    /** A minimal publishable entry. */
    static Dataset step(String patientId, String date, String time) {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ds.setString(Tag.PatientID, VR.LO, patientId);
        Dataset sps = ds.addItem(Tag.ScheduledProcedureStepSequence);
        sps.setString(Tag.Modality, VR.CS, "MR");
        sps.setString(Tag.ScheduledStationAETitle, VR.AE, "MRI_3T");
        sps.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, date);
        sps.setString(Tag.ScheduledProcedureStepStartTime, VR.TM, time);
        return ds;
    }

    static byte[] write(Dataset ds) {
        return DicomFile.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                UID.MODALITY_WORKLIST_FIND, "2.25.1");
    }
}
