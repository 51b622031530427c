package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.e2e.WorklistAnswers.assertDicomDatesAndTimes;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.ClientSettings;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.DimseResponse;
import org.lantir.dicom.net.Status;
import org.lantir.testing.WorklistRows;
import org.lantir.testsupport.Dcmtk;
import org.lantir.worklist.LongText;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistService;
import org.slf4j.LoggerFactory;

/**
 * The interop cases about associations and answer size (C18, C19, C20, C22), dcmtk's
 * {@code findscu -W} against a running Lantir. Missing dcmtk skips these tests, except under
 * CI=true where it fails them.
 */
@Timeout(180)
class FindscuAssociationTest {

    @TempDir
    Path dir;
    private RunningLantir lantir;

    @AfterEach
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
    }

    private void start(RunningLantir.Config config, WorklistItem... rows) throws Exception {
        Dcmtk.require("findscu");
        lantir = config.start();
        lantir.add(rows);
    }

    private Findscu findscu() {
        return Findscu.to(lantir, dir);
    }

    /**
     * inputs/C18-item-large.dump, converted by dcmtk as the case says ({@code dump2dcm
     * +l 20000}): one entry of about 31 kB with three 10240-character LT comments.
     */
    private static Dataset c18ItemFile() throws Exception {
        Dcmtk.require("dump2dcm");
        byte[] bytes = Dcmtk.dump2dcm(Findscu.caseInput("C18-item-large"), "+l", "20000",
                "+te");
        return DicomReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** The C18 item as a worklist row: its identifiers, its step and its three comments. */
    private static WorklistItem c18Item(Dataset item) {
        Dataset step = item.getItem(Tag.ScheduledProcedureStepSequence);
        return WorklistRows.row(item.getString(Tag.PatientName), item.getString(Tag.PatientID),
                step.getString(Tag.Modality), step.getString(Tag.ScheduledStationAETitle),
                step.getString(Tag.ScheduledProcedureStepStartDate),
                step.getString(Tag.ScheduledProcedureStepStartTime)).toBuilder()
                .accessionNumber(item.getString(Tag.AccessionNumber))
                .requestedProcedureId(item.getString(Tag.RequestedProcedureID))
                .studyInstanceUid(item.getString(Tag.StudyInstanceUID))
                .spsId(step.getString(Tag.ScheduledProcedureStepID))
                .patientComments(item.getText(Tag.PatientComments))
                .requestedProcedureComments(item.getText(Tag.RequestedProcedureComments))
                .spsComments(step.getText(Tag.CommentsOnTheScheduledProcedureStep))
                .build();
    }

    /** Each LT comment of the answer is the item's, all 10240 characters, at its level. */
    private static void assertC18CommentsArriveUnchanged(Dataset match, Dataset item) {
        Dataset step = match.getItem(Tag.ScheduledProcedureStepSequence);
        Dataset itemStep = item.getItem(Tag.ScheduledProcedureStepSequence);
        assertThat(match.getText(Tag.PatientComments)).hasSize(LongText.MAX_CHARACTERS)
                .isEqualTo(item.getText(Tag.PatientComments));
        assertThat(match.getText(Tag.RequestedProcedureComments))
                .hasSize(LongText.MAX_CHARACTERS)
                .isEqualTo(item.getText(Tag.RequestedProcedureComments));
        assertThat(step.getText(Tag.CommentsOnTheScheduledProcedureStep))
                .hasSize(LongText.MAX_CHARACTERS)
                .isEqualTo(itemStep.getText(Tag.CommentsOnTheScheduledProcedureStep));
    }

    /**
     * inputs/C18-query.dump asks for the three comments of the C18 item, on associations
     * whose requestor announced 16000, 4096 and findscu's default maximum PDU length (16384;
     * findscu cannot announce 0, which the next test does). One pending answer carries all
     * of them unchanged, then success (PS3.8 Annex D.1, PS3.5 Table 6.2-1).
     */
    @ParameterizedTest(name = "findscu -pdu {0}")
    @ValueSource(strings = {"16000", "4096", "default"})
    void c18SmallMaximumPduStillGetsTheWholeAnswer(String maxPdu) throws Exception {
        Dataset item = c18ItemFile();
        start(RunningLantir.in(dir), c18Item(item), WorklistRows.w6());
        Findscu findscu = findscu();
        if (!maxPdu.equals("default")) {
            findscu.options("-pdu", maxPdu);
        }

        Findscu.Answer answer = findscu.query("C18-query");

        assertThat(answer.exitCode()).isZero();
        assertThat(answer.pendingStatuses()).containsExactly("Pending");
        assertThat(answer.finalStatus()).isEqualTo("Success");
        assertThat(answer.values(Tag.PatientID)).containsExactly("P0100");
        assertC18CommentsArriveUnchanged(answer.matches().get(0), item);
    }

    /** C18's third association: the requestor announces 0, no limit (PS3.8 Annex D.1). */
    @Test
    void c18RequestorWithoutAMaximumGetsTheSameAnswer() throws Exception {
        Dataset item = c18ItemFile();
        start(RunningLantir.in(dir), c18Item(item), WorklistRows.w6());
        Dataset query = DicomReader.read(Dcmtk.dump2dcm(Findscu.caseInput("C18-query"),
                "+te"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        List<Dataset> matches = new ArrayList<>();

        DimseResponse done;
        try (ClientAssociation a = new DicomClient().connect(RunningLantir.HOST, lantir.port(),
                "MEDISON", RunningLantir.AE_TITLE,
                DicomClient.contextsFor(UID.MODALITY_WORKLIST_FIND),
                ClientSettings.defaults().withMaxPduLengthReceived(0))) {
            done = a.find(UID.MODALITY_WORKLIST_FIND, query, matches::add);
        }

        assertThat(done.status()).isEqualTo(Status.SUCCESS);
        assertThat(matches).singleElement()
                .satisfies(match -> assertC18CommentsArriveUnchanged(match, item));
    }

    /** Variant A: Implicit VR LE only; variant B: Explicit LE, Explicit BE, Implicit LE. */
    @ParameterizedTest
    @ValueSource(strings = {"-xi", "-x=", "-xb"})
    void c19WorklistContextIsAcceptedWhateverLittleEndianSyntaxesAreProposed(String proposal)
            throws Exception {
        start(RunningLantir.in(dir), WorklistRows.wTable());

        Findscu.Answer answer = findscu().options(proposal, "-d").query("C19-query");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN");
        assertThat(answer.statusHex()).isEqualTo("0000");
        assertThat(answer.log()).containsPattern(
                "Accepted Transfer Syntax: =LittleEndian(Explicit|Implicit)");
        assertDicomDatesAndTimes(answer.matches());
    }

    private RunningLantir.Config allowList() {
        return RunningLantir.in(dir).allowedAet("MRI_3T", "CT_SCAN1");
    }

    @Test
    void c20CallingAeNotOnTheAllowListIsRejectedAtAssociation() throws Exception {
        start(allowList(), WorklistRows.wTable());

        Findscu.Answer answer = findscu().calling("ROGUE_WS").query("C20-query");

        assertThat(answer.exitCode()).isNotZero();
        assertThat(answer.matches()).isEmpty();
        assertThat(answer.log()).contains("Rejected Permanent").contains("Service User")
                .contains("Calling AE Title Not Recognized")
                .doesNotContain("Association Accepted");
    }

    @Test
    void c20WrongCalledAeIsRejectedAtAssociation() throws Exception {
        start(allowList(), WorklistRows.wTable());

        Findscu.Answer answer = findscu().called("WRONG_AE").query("C20-query");

        assertThat(answer.exitCode()).isNotZero();
        assertThat(answer.log()).contains("Rejected Permanent")
                .contains("Called AE Title Not Recognized")
                .doesNotContain("Association Accepted");
    }

    @Test
    void c20AllowedCallingAeWithTrailingSpacesIsAccepted() throws Exception {
        start(allowList(), WorklistRows.wTable());

        Findscu.Answer answer = findscu().calling("MRI_3T    ").query("C20-query");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c20AssociationBeyondTheLimitIsRejectedTransientAndAReleasedOneFreesItsSlot()
            throws Exception {
        start(allowList().server("\"max_associations\": 1"), WorklistRows.wTable());
        ClientAssociation held = new DicomClient().connect(RunningLantir.HOST, lantir.port(),
                "CT_SCAN1", RunningLantir.AE_TITLE,
                DicomClient.contextsFor(UID.VERIFICATION));

        Findscu.Answer refused;
        try {
            refused = findscu().query("C20-query");
        } finally {
            held.release();
        }
        awaitNoAssociations();
        Findscu.Answer accepted = findscu().query("C20-query");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.log()).contains("Rejected Transient").contains("Local Limit Exceeded");
        assertThat(accepted.matches()).hasSize(2);
        assertThat(accepted.finalStatus()).isEqualTo("Success");
    }

    /** Waits (polling, no timing assertion) until the server has let every association go. */
    private void awaitNoAssociations() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lantir.app().dicomServer().activeAssociations() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the released association still holds its slot");
            }
            Thread.sleep(10);
        }
    }

    /** inputs/C22-unbounded-query.dump over a year of sessions in every status. */
    @Test
    void c22UnboundedQueryAnswersEveryVisibleStepThenSuccess() throws Exception {
        start(RunningLantir.in(dir));
        int visible = addAYearOfSessions(lantir.worklist());

        Findscu.Answer answer = findscu().query("C22-unbounded-query");

        assertThat(answer.matches()).hasSize(visible);
        assertThat(answer.values(Tag.PatientID)).doesNotHaveDuplicates();
        assertThat(answer.spsValues(Tag.ScheduledProcedureStepStatus))
                .containsOnly("SCHEDULED", "STARTED");
        assertThat(answer.finalStatus()).isEqualTo("Success");
        assertDicomDatesAndTimes(answer.matches());
    }

    /** 2000 rows, statuses in turn; returns how many the default policy shows. */
    private static int addAYearOfSessions(WorklistService worklist) {
        Logger serviceLog = (Logger) LoggerFactory.getLogger(WorklistService.class);
        Level level = serviceLog.getLevel();
        serviceLog.setLevel(Level.WARN); // one INFO line per hand-made row would flood the log
        try {
            ProcedureStepStatus[] statuses = ProcedureStepStatus.values();
            int visible = 0;
            for (int i = 0; i < 2000; i++) {
                ProcedureStepStatus status = statuses[i % statuses.length];
                worklist.add(WorklistRows.row("SUBJECT^" + i, "P" + i, "MR", "MRI_3T",
                        "20240213", "090000").toBuilder().spsId("SPS" + i)
                        .studyInstanceUid("2.25.7" + i)
                        .scheduledStartDate(LocalDate.of(2024, 2, 13).plusDays(i % 365))
                        .status(status).build());
                boolean shown = status == ProcedureStepStatus.SCHEDULED
                        || status == ProcedureStepStatus.IN_PROGRESS;
                visible += shown ? 1 : 0;
            }
            return visible;
        } finally {
            serviceLog.setLevel(level);
        }
    }

    @Test
    void c22SiteAnswerLimitEndsWithA700AndAnErrorCommentNeverSuccess() throws Exception {
        start(RunningLantir.in(dir).server("\"max_answers\": 4"), WorklistRows.wTable());

        Findscu.Answer answer = findscu().options("-d").query("C22-unbounded-query");

        assertThat(answer.matches()).hasSize(4);
        assertThat(answer.statusHex()).isEqualTo("a700");
        assertThat(answer.log()).contains("ErrorComment");
    }
}
