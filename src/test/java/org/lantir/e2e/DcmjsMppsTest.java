package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testsupport.DcmjsPeer.naturalize;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.UID;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.WorklistRows;
import org.lantir.testsupport.DcmjsPeer;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.ProcedureStepStatus;

/**
 * MPPS from an independent peer (dcmjs-dimse) to a running Lantir (cases C19 D, C23, C24,
 * C25 a, C27): statuses and DB effects checked through the worklist service and, for the
 * worklist status a scanner sees, through dcmtk's findscu. A C-FIND from dcmjs-dimse too.
 * Missing Node.js or dcmjs-dimse skips these tests, except under CI=true where it fails them.
 */
@Timeout(120)
class DcmjsMppsTest {

    private static final String UID_1 = "2.25.900000000000000000001";
    private static final String SUB001 = "SUB001";

    @TempDir
    Path dir;
    private RunningLantir lantir;
    private DcmjsPeer peer;

    @BeforeEach
    void startWithTheWTableAndSub001() throws Exception {
        lantir = RunningLantir.in(dir).start();
        lantir.add(WorklistRows.wTable());
        lantir.add(MppsMessages.sub001());
        peer = DcmjsPeer.to(RunningLantir.HOST, lantir.port(), RunningLantir.AE_TITLE)
                .calling("MRI_3T");
    }

    @AfterEach
    void stop() {
        lantir.close();
    }

    private ProcedureStepStatus sub001Status() {
        return lantir.row(SUB001).status();
    }

    private MppsInstance stored(String uid) {
        return lantir.worklist().findMpps(uid).orElseThrow(
                () -> new AssertionError("no MPPS instance " + uid));
    }

    /** inputs/C24-ncreate-valid.dump, as the peer sends it. */
    private static Map<String, Object> nCreate() {
        return naturalize(MppsMessages.nCreate());
    }

    @Test
    void c19VerificationIsAnsweredOnTheMppsServersAeAndPort() throws Exception {
        DcmjsPeer.Result echo = peer.echo();

        assertThat(echo.exitCode()).isZero();
        assertThat(echo.last().status()).isZero();
    }

    @Test
    void nCreateInProgressStartsTheStepAndTheWorklistSaysStarted() throws Exception {
        DcmjsPeer.Result created = peer.nCreate(UID_1, nCreate());

        assertThat(created.last().status()).isZero();
        assertThat(created.last().sopInstanceUid()).isEqualTo(UID_1);
        assertThat(stored(UID_1).status()).isEqualTo("IN PROGRESS");
        assertThat(stored(UID_1).worklistItemId()).isEqualTo(lantir.row(SUB001).id());
        assertThat(sub001Status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(spsStatusSeenByFindscu()).isEqualTo("STARTED");
    }

    /** What a scanner's worklist shows for SUB001: findscu, C12's console query. */
    private String spsStatusSeenByFindscu() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).options("-k", "PatientID=" + SUB001)
                .query("C12-return-keys");
        assertThat(answer.matches()).hasSize(1);
        return answer.spsValues(Tag.ScheduledProcedureStepStatus).get(0);
    }

    @Test
    void c24SecondNCreateWithTheSameUidIsADuplicateAndChangesNothing() throws Exception {
        peer.nCreate(UID_1, nCreate());
        Map<String, Object> again = nCreate();
        again.put("PerformedProcedureStepDescription", "SECOND TRY");

        DcmjsPeer.Result duplicate = peer.nCreate(UID_1, again);

        assertThat(duplicate.last().status()).isEqualTo(0x0111);
        assertThat(attributes(UID_1).getString(Tag.PerformedProcedureStepDescription))
                .isEqualTo("BRAIN RESEARCH PROTOCOL");
        assertThat(sub001Status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    private Dataset attributes(String uid) throws Exception {
        return DicomReader.read(stored(uid).attributes(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void c24NCreateThatIsNotInProgressIsRefusedAndStoresNothing() throws Exception {
        Map<String, Object> completed = nCreate();
        completed.put("PerformedProcedureStepStatus", "COMPLETED");
        Map<String, Object> noStatus = nCreate();
        noStatus.remove("PerformedProcedureStepStatus");

        DcmjsPeer.Result invalid = peer.nCreate(UID_1, completed);
        DcmjsPeer.Result missing = peer.nCreate("2.25.900000000000000000003", noStatus);

        assertThat(invalid.last().status()).isEqualTo(0x0106);
        assertThat(missing.last().status()).isEqualTo(0x0120);
        assertThat(missing.last().attributeIdentifiers()).containsExactly("00400252");
        assertThat(lantir.worklist().findMpps(UID_1)).isEmpty();
        assertThat(lantir.worklist().findMpps("2.25.900000000000000000003")).isEmpty();
        assertThat(sub001Status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
    }

    @Test
    void c23NCreateWithoutUidGetsANewValidUidEachTime() throws Exception {
        DcmjsPeer.Result first = peer.nCreate(null, nCreate());
        DcmjsPeer.Result second = peer.calling("MRI_3T_B").nCreate(null, nCreate());

        String firstUid = first.last().sopInstanceUid();
        String secondUid = second.last().sopInstanceUid();
        assertThat(first.last().status()).isZero();
        assertThat(second.last().status()).isZero();
        assertThat(UID.isValid(firstUid)).as(firstUid).isTrue();
        assertThat(firstUid).startsWith("2.25.").isNotEqualTo(secondUid);
        assertThat(UID.isValid(secondUid)).as(secondUid).isTrue();
        assertThat(stored(firstUid).status()).isEqualTo("IN PROGRESS");
        assertThat(stored(secondUid).status()).isEqualTo("IN PROGRESS");
    }

    @Test
    void nSetCompletedCompletesTheStepAndAnotherNSetIsRefused() throws Exception {
        peer.nCreate(UID_1, nCreate());

        DcmjsPeer.Result completed = peer.nSet(UID_1, naturalize(
                MppsMessages.nSetCompleted()));
        DcmjsPeer.Result afterwards = peer.nSet(UID_1, naturalize(
                MppsMessages.nSetInProgressSparse()));

        assertThat(completed.last().status()).isZero();
        assertThat(stored(UID_1).status()).isEqualTo("COMPLETED");
        assertThat(sub001Status()).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(afterwards.last().status()).isEqualTo(0x0110);
        assertThat(afterwards.last().errorComment()).isNotBlank();
        assertThat(stored(UID_1).status()).isEqualTo("COMPLETED");
        assertThat(attributes(UID_1).getItem(Tag.PerformedSeriesSequence)
                .getString(Tag.SeriesDescription)).isEqualTo("T1_MPRAGE");
    }

    @Test
    void c25NSetForAnInstanceNeverCreatedIsNoSuchInstanceAndChangesNothing()
            throws Exception {
        DcmjsPeer.Result unknown = peer.nSet("2.25.900000000000000000099", naturalize(
                MppsMessages.nSetCompleted()));

        assertThat(unknown.last().status()).isEqualTo(0x0112);
        assertThat(lantir.worklist().findMpps("2.25.900000000000000000099")).isEmpty();
        assertThat(sub001Status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
    }

    @Test
    void c27NSetChangingPatientAttributesIsRefusedAndNothingMoves() throws Exception {
        peer.nCreate(UID_1, nCreate());

        DcmjsPeer.Result refused = peer.nSet(UID_1, naturalize(
                MppsMessages.nSetChangePatient()));

        assertThat(refused.last().status()).isEqualTo(0x0105);
        assertThat(refused.last().attributeIdentifiers()).contains("00100010", "00100020",
                "00400244");
        assertThat(stored(UID_1).status()).isEqualTo("IN PROGRESS");
        assertThat(attributes(UID_1).getString(Tag.PatientID)).isEqualTo(SUB001);
        assertThat(sub001Status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(spsStatusSeenByFindscu()).isEqualTo("STARTED");
    }

    @Test
    void worklistQueryFromDcmjsGetsTheMatchesWithDicomDatesAndTimes() throws Exception {
        DcmjsPeer.Result found = peer.find(Map.of("PatientName", "DOE*", "PatientID", "",
                "ScheduledProcedureStepSequence", List.of(Map.of("Modality", "MR",
                        "ScheduledProcedureStepStartDate", "20250212",
                        "ScheduledProcedureStepStartTime", "",
                        "ScheduledProcedureStepStatus", ""))));

        assertThat(found.matches()).extracting(m -> m.get("PatientID"))
                .containsExactlyInAnyOrder("1001", "1002", SUB001);
        assertThat(found.matches()).allSatisfy(match -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> sps = ((List<Map<String, Object>>) match
                    .get("ScheduledProcedureStepSequence")).get(0);
            assertThat((String) sps.get("ScheduledProcedureStepStartDate"))
                    .isEqualTo("20250212");
            assertThat((String) sps.get("ScheduledProcedureStepStartTime"))
                    .matches(WorklistAnswers.TM);
            assertThat(sps.get("ScheduledProcedureStepStatus")).isEqualTo("SCHEDULED");
        });
        assertThat(found.last().status()).isZero();
    }
}
