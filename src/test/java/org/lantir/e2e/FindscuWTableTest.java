package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.e2e.WorklistAnswers.assertDicomDatesAndTimes;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.WorklistRows;
import org.lantir.testsupport.Dcmtk;

/**
 * The interop cases over the shared W-table (W1-W6 of interop-cases.md), through the real
 * product: a running Lantir on a SQLite database, queried by dcmtk's {@code findscu -W} with
 * the case's query file, the answers decoded by Lantir's reader. Missing dcmtk skips these
 * tests, except under CI=true where it fails them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class FindscuWTableTest {

    @TempDir
    static Path dir;
    private RunningLantir lantir;

    @BeforeAll
    void startWithTheWTable() throws Exception {
        Dcmtk.require("findscu");
        lantir = RunningLantir.in(dir).start();
        lantir.add(WorklistRows.wTable());
    }

    @AfterAll
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
    }

    private Findscu.Answer query(String caseInput) throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).query(caseInput);
        assertDicomDatesAndTimes(answer.matches());
        return answer;
    }

    @Test
    void c01TrailingWildcardOnTheNameMatchesByPattern() throws Exception {
        Findscu.Answer answer = query("C01-pn-wildcard");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1006");
        assertThat(answer.finalStatus()).isEqualTo("Success");
        Dataset w1 = WorklistAnswers.byPatientId(answer.matches(), "1001");
        assertThat(w1.getString(Tag.StudyInstanceUID)).isEqualTo("2.25.100120250212");
        assertThat(w1.getString(Tag.RequestedProcedureID)).isEqualTo("RP1001");
        Dataset sps = w1.getItem(Tag.ScheduledProcedureStepSequence);
        assertThat(sps.getString(Tag.ScheduledProcedureStepStartDate)).isEqualTo("20250212");
        assertThat(sps.getString(Tag.ScheduledProcedureStepStartTime)).isEqualTo("090000");
        assertThat(sps.getString(Tag.ScheduledStationAETitle)).isEqualTo("MRI_3T");
        assertThat(sps.getString(Tag.ScheduledProcedureStepID)).isEqualTo("SPS1001");
    }

    @Test
    void c01WildcardsAroundTheNameMatchAnywhereInIt() throws Exception {
        Findscu.Answer answer = query("C01-pn-wildcard-contains");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1003", "1006");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c01QuestionMarkMatchesExactlyOneCharacter() throws Exception {
        Findscu.Answer answer = query("C01-pn-single-char");

        assertThat(answer.values(Tag.PatientName)).containsExactly("DOE^JOHN");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c04ClosedDateRangeIncludesBothEnds() throws Exception {
        Findscu.Answer answer = query("C04-date-range");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1003");
        assertThat(answer.spsValues(Tag.ScheduledStationAETitle)).doesNotContain("");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c04OpenStartRangeMatchesOnOrBefore() throws Exception {
        Findscu.Answer answer = query("C04-date-open-start");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN", "ROE^RICHARD");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c04OpenEndRangeMatchesOnOrAfter() throws Exception {
        Findscu.Answer answer = query("C04-date-open-end");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOER^ANN",
                "SMITH^JOE");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c06DateWithAStrayCommaIsRefusedWithA900NeverMatchAll() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).options("-d")
                .query("C06-date-malformed");

        assertThat(answer.matches()).isEmpty();
        assertThat(answer.statusHex()).isEqualTo("a900");
        assertThat(answer.log()).contains("OffendingElement").contains("(0040,0002)")
                .contains("ErrorComment");
    }

    @Test
    void c06DateWithIsoDashesIsRefusedWithA900NeverMatchAll() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).options("-d")
                .query("C06-date-iso-dashes");

        assertThat(answer.matches()).isEmpty();
        assertThat(answer.statusHex()).isEqualTo("a900");
    }

    @Test
    void c07DateKeyOnTheWTableGivesWhatTheReferenceScpGives() throws Exception {
        Findscu.Answer answer = query("C07-single-date");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c11SequenceWithoutItemsAsksForEveryStepWithItsWholeItem() throws Exception {
        Findscu.Answer answer = query("C11-sps-zero-items");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1003", "1004", "1005", "1006");
        assertWholeSpsItems(answer);
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c11SequenceWithOneEmptyItemAsksForTheSame() throws Exception {
        Findscu.Answer answer = query("C11-sps-empty-item");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1003", "1004", "1005", "1006");
        assertWholeSpsItems(answer);
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    private static void assertWholeSpsItems(Findscu.Answer answer) {
        assertThat(answer.matches()).allSatisfy(match -> {
            Dataset sps = match.getItem(Tag.ScheduledProcedureStepSequence);
            assertThat(sps.getString(Tag.Modality)).isNotEmpty();
            assertThat(sps.getString(Tag.ScheduledStationAETitle)).isNotEmpty();
            assertThat(sps.getString(Tag.ScheduledProcedureStepStartDate))
                    .matches(WorklistAnswers.DA);
            assertThat(sps.getString(Tag.ScheduledProcedureStepStartTime))
                    .matches(WorklistAnswers.TM);
            assertThat(sps.getString(Tag.ScheduledProcedureStepID)).isNotEmpty();
            assertThat(sps.getString(Tag.ScheduledProcedureStepStatus)).isEqualTo("SCHEDULED");
        });
    }

    @Test
    void c11SequenceWithTwoItemsIsRefusedWithoutPendingAnswers() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).options("-d")
                .query("C11-sps-two-items");

        assertThat(answer.matches()).isEmpty();
        assertThat(answer.statusHex()).isEqualTo("a900");
        assertThat(answer.log()).contains("ErrorComment");
    }

    @Test
    void c14EmptyStationKeyIsUniversal() throws Exception {
        Findscu.Answer answer = query("C14-station-aet-empty");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN", "DOE^JIM");
        assertThat(answer.spsValues(Tag.ScheduledStationAETitle)).containsExactlyInAnyOrder(
                "MRI_3T", "MRI_3T", "CT_SCAN1");
    }

    @Test
    void c14OwnStationKeyMatchesOnlyThatStation() throws Exception {
        Findscu.Answer answer = query("C14-station-aet-own");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c14WildcardStationKeyMatchesByPattern() throws Exception {
        Findscu.Answer answer = query("C14-station-aet-wildcard");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }
}
