package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.sync.SyncOutcome;
import org.lantir.testsupport.Dcmtk;

/**
 * Issue #4, end to end: the two folder source types configured as a site would, run by
 * Lantir's scheduler, and dcmtk's findscu seeing their rows. A CSV folder's edited file moves
 * its row, a deleted one takes it away; a folder of dcmtk worklist files is served with every
 * attribute the files hold, as wlmscpfs and Orthanc served them.
 */
@Timeout(180)
class FolderToScannerTest {

    @TempDir
    Path dir;
    private RunningLantir lantir;

    @AfterEach
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
    }

    private void start(String type, Path folder) throws Exception {
        Dcmtk.require("findscu");
        lantir = RunningLantir.in(dir).json("""
                "data_sources": [{
                    "name": "drop",
                    "type": "%s",
                    "sync_interval": 86400,
                    "config": {"path": "%s", "settle_seconds": 0}
                }]
                """.formatted(type, folder.toString().replace("\\", "\\\\"))).start();
        assertThat(lantir.startSync(Map.of())).isEmpty();
    }

    private SyncOutcome sync() throws Exception {
        SyncOutcome outcome = lantir.app().scheduler().syncNow("drop", false)
                .get(60, TimeUnit.SECONDS);
        assertThat(outcome.succeeded()).as("sync: " + outcome.error()).isTrue();
        return outcome;
    }

    /** The whole worklist as the scanner MRI_3T sees it by default (C22's query). */
    private Findscu.Answer scannerView() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).query("C22-unbounded-query");
        assertThat(answer.finalStatus()).isEqualTo("Success");
        return answer;
    }

    @Test
    void aCsvFolderFeedsTheScannerAndFollowsItsFiles() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("csv"));
        Path file = folder.resolve("bookings.csv");
        Files.writeString(file, """
                patient_id,patient_name,scheduled_start_date,scheduled_start_time,modality,\
                scheduled_station_aetitle,study_description
                SUB2041,"Okafor, Maren",2025-02-12,09:00,MR,MRI_3T,Brain study
                SUB2042,Reyes^Tomas,2025-02-12,not a time,MR,MRI_3T,Brain study
                """);
        start("csv_folder", folder);

        SyncOutcome first = sync();

        assertThat(first.skipped()).isEqualTo(1);
        Findscu.Answer answer = scannerView();
        assertThat(answer.matches()).extracting(m -> m.getString(Tag.PatientID),
                m -> m.getString(Tag.PatientName),
                m -> sps(m).getString(Tag.ScheduledProcedureStepStartTime))
                .containsExactly(tuple("SUB2041", "Okafor^Maren", "090000"));

        Files.writeString(file, Files.readString(file).replace("09:00", "11:15")
                .replace("not a time", "14:00"));
        sync();
        assertThat(scannerView().matches()).extracting(m -> m.getString(Tag.PatientID),
                m -> sps(m).getString(Tag.ScheduledProcedureStepStartTime))
                .containsExactly(tuple("SUB2041", "111500"), tuple("SUB2042", "140000"));

        Files.delete(file);
        sync();
        assertThat(scannerView().matches()).isEmpty();
    }

    @Test
    void aFolderOfDcmtkWorklistFilesIsServedWithEveryAttributeItHolds() throws Exception {
        Dcmtk.require("dump2dcm");
        Path folder = Files.createDirectory(dir.resolve("wl"));
        Path dump = Path.of(getClass().getResource("/worklist-files/wklist-mr.dump").toURI());
        Dcmtk.run("dump2dcm", dump.toString(), folder.resolve("SUB2041.wl").toString())
                .requireSuccess("dump2dcm");
        start("wl_folder", folder);

        sync();
        Findscu.Answer answer = Findscu.to(lantir, dir).query(extrasQuery("ADM-2041"));
        Findscu.Answer otherAdmission = Findscu.to(lantir, dir).query(
                extrasQuery("ADM-9999"));

        assertThat(answer.finalStatus()).isEqualTo("Success");
        // Keys on Admission ID and SPS Location are matched on the rows that hold them, and
        // ignored for others: FF01.
        assertThat(answer.pendingStatuses())
                .containsOnly("Pending: WarningUnsupportedOptionalKeys");
        Dataset match = answer.matches().get(0);
        assertThat(match.getString(Tag.PatientName)).isEqualTo("Lefèvre^Hélène");
        assertThat(match.getString(Tag.AdmissionID)).isEqualTo("ADM-2041");
        assertThat(match.getString(Tag.MedicalAlerts)).isEqualTo("Claustrophobia");
        assertThat(match.getString(Tag.RequestedProcedurePriority)).isEqualTo("HIGH");
        assertThat(match.getInt(Tag.PregnancyStatus, 0)).isEqualTo(4);
        assertThat(match.getItem(Tag.ReferencedStudySequence)
                .getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("2.25.2041001");
        Dataset step = sps(match);
        assertThat(step.getString(Tag.ScheduledProcedureStepID)).isEqualTo("SPS2041");
        assertThat(step.getString(Tag.ScheduledProcedureStepLocation)).isEqualTo("ROOM 2");
        assertThat(step.getString(Tag.PreMedication)).isEqualTo("None");
        assertThat(step.getSequence(Tag.ScheduledProtocolCodeSequence))
                .extracting(c -> c.getString(Tag.CodeValue), c -> c.getString(Tag.CodeMeaning))
                .containsExactly(tuple("T1", "T1 weighted"), tuple("DTI", "Diffusion"));
        assertThat(lantir.rows()).singleElement().satisfies(row ->
                assertThat(row.dataSource()).isEqualTo("drop"));
        assertThat(otherAdmission.finalStatus()).isEqualTo("Success");
        assertThat(otherAdmission.matches()).isEmpty();
    }

    /**
     * A console's query asking for attributes only the worklist file holds, with keys on two
     * of them: Admission ID and a wild card on the step's location.
     */
    private Path extrasQuery(String admissionId) throws Exception {
        Path query = dir.resolve("extras-query-" + admissionId + ".dump");
        Files.writeString(query, String.join("\n", List.of(
                "(0008,0005) CS [ISO_IR 100]",
                "(0008,1110) SQ (Sequence with explicit length #=0)",
                "(fffe,e0dd) na (SequenceDelimitationItem)",
                "(0010,0010) PN (no value available)",
                "(0010,2000) LO (no value available)",
                "(0010,21c0) US (no value available)",
                "(0038,0010) LO [" + admissionId + "]",
                "(0040,1003) SH (no value available)",
                "(0040,0100) SQ (Sequence with explicit length #=1)",
                "  (fffe,e000) na (Item with explicit length #=5)",
                "    (0008,0060) CS [MR]",
                "    (0040,0008) SQ (Sequence with explicit length #=0)",
                "    (fffe,e0dd) na (SequenceDelimitationItem)",
                "    (0040,0009) SH (no value available)",
                "    (0040,0011) SH [ROOM*]",
                "    (0040,0012) LO (no value available)",
                "  (fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)", "")));
        return query;
    }

    private static Dataset sps(Dataset match) {
        return match.getItem(Tag.ScheduledProcedureStepSequence);
    }
}
