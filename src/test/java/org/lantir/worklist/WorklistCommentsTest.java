package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.Status;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * The three LT comments of PS3.4 Table K.6-1: Patient Comments (0010,4000) and Requested
 * Procedure Comments (0040,1400) at the top level, Comments on the Scheduled Procedure Step
 * (0040,0400) inside the step; zero length when unknown; optional matching keys matched as
 * text (C.2.2.2.1, C.2.2.2.4); refused over 10240 characters (PS3.5 Table 6.2-1), never cut.
 */
class WorklistCommentsTest {

    private static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    /** The fixture project's note for record 11 (fixtures/redcap/records.json). */
    private static final String FRENCH_NOTE =
            "Parent prefers French (Français); interpreter booked. Sibling «Zoë» may attend.";

    private final TestLantir lantir = new TestLantir();

    private static WorklistItem commented() {
        return WorklistRows.w1().toBuilder()
                .patientComments("  Indented: leading spaces are part of LT.")
                .requestedProcedureComments("Repeat the rest run\r\nif motion > 0.5 mm")
                .spsComments("Hearing aid \\ remove before scan.").build();
    }

    /** Asks for the three comments where Table K.6-1 puts them. */
    private static Dataset askForComments() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID, Tag.PatientComments, Tag.RequestedProcedureComments);
        Dataset step = sps(q);
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");
        empty(step, Tag.CommentsOnTheScheduledProcedureStep);
        return q;
    }

    private static String stepComment(Dataset answer) {
        return answer.getItem(Tag.ScheduledProcedureStepSequence)
                .getText(Tag.CommentsOnTheScheduledProcedureStep);
    }

    @Test
    void eachCommentComesBackAtItsLevelExactlyAsStored() {
        lantir.store(commented());

        DimseResponses r = lantir.cFind(askForComments());

        Dataset answer = r.identifiers().get(0);
        assertThat(answer.getText(Tag.PatientComments))
                .isEqualTo("  Indented: leading spaces are part of LT.");
        assertThat(answer.getText(Tag.RequestedProcedureComments))
                .isEqualTo("Repeat the rest run\r\nif motion > 0.5 mm");
        assertThat(stepComment(answer)).isEqualTo("Hearing aid \\ remove before scan.");
        assertThat(answer.vrOf(Tag.PatientComments)).isEqualTo(VR.LT);
        assertThat(answer.contains(Tag.CommentsOnTheScheduledProcedureStep)).isFalse();
        assertThat(r.pendingStatuses()).containsExactly(Status.PENDING);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void commentsAreNotSentUnlessAskedFor() {
        lantir.store(commented());
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);

        Dataset answer = lantir.cFind(q).identifiers().get(0);

        assertThat(answer.contains(Tag.PatientComments)).isFalse();
        assertThat(answer.contains(Tag.RequestedProcedureComments)).isFalse();
    }

    @Test
    void unknownCommentsComeBackZeroLength() {
        lantir.store(WorklistRows.w1().toBuilder().patientComments("   ").build());

        Dataset answer = lantir.cFind(askForComments()).identifiers().get(0);

        for (int tag : new int[] {Tag.PatientComments, Tag.RequestedProcedureComments}) {
            assertThat(answer.contains(tag)).as(Tag.toString(tag)).isTrue();
            assertThat(answer.hasValue(tag)).as(Tag.toString(tag)).isFalse();
        }
        Dataset step = answer.getItem(Tag.ScheduledProcedureStepSequence);
        assertThat(step.contains(Tag.CommentsOnTheScheduledProcedureStep)).isTrue();
        assertThat(step.hasValue(Tag.CommentsOnTheScheduledProcedureStep)).isFalse();
    }

    /** The step's comment asked for at the top level is not the step's: zero length there. */
    @Test
    void aCommentAskedForAtTheWrongLevelComesBackEmptyThere() {
        lantir.store(commented());
        Dataset q = new Dataset();
        empty(q, Tag.PatientID, Tag.CommentsOnTheScheduledProcedureStep);

        Dataset answer = lantir.cFind(q).identifiers().get(0);

        assertThat(answer.contains(Tag.CommentsOnTheScheduledProcedureStep)).isTrue();
        assertThat(answer.hasValue(Tag.CommentsOnTheScheduledProcedureStep)).isFalse();
    }

    @Test
    void commentsAreOptionalMatchingKeysWithSingleValueAndWildCards() {
        lantir.store(commented(), WorklistRows.w2().toBuilder()
                .spsComments("Use the 32-channel head coil.").build(), WorklistRows.w4());

        List<String> wildcard = idsMatching(Tag.CommentsOnTheScheduledProcedureStep, "*coil*");
        List<String> single = idsMatching(Tag.CommentsOnTheScheduledProcedureStep,
                "Use the 32-channel head coil.");
        List<String> caseMatters = idsMatching(Tag.CommentsOnTheScheduledProcedureStep,
                "*COIL*");
        List<String> topLevel = idsMatching(Tag.RequestedProcedureComments, "Repeat*mm");

        assertThat(wildcard).containsExactly("1002");
        assertThat(single).containsExactly("1002");
        assertThat(caseMatters).isEmpty();
        assertThat(topLevel).containsExactly("1001");
    }

    private List<String> idsMatching(int tag, String key) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        Dataset step = sps(q);
        if (tag == Tag.CommentsOnTheScheduledProcedureStep) {
            set(step, tag, key);
        } else {
            set(q, tag, key);
        }
        DimseResponses r = lantir.cFind(q);
        // A supported key: no FF01 warning (PS3.4 Table K.4-1).
        assertThat(r.pendingStatuses()).doesNotContain(Status.PENDING_WARNING);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        return r.values(Tag.PatientID);
    }

    /** A backtracking matcher would take hours on this key over a 10240-character value. */
    @Test
    @Timeout(60)
    void aWildCardKeyOfManyStarsOverAFullLengthCommentAnswersPromptly() {
        lantir.store(WorklistRows.w1().toBuilder().spsComments("a".repeat(10240)).build());
        String key = "*a".repeat(30) + "*b";

        assertThat(idsMatching(Tag.CommentsOnTheScheduledProcedureStep, key)).isEmpty();
        assertThat(idsMatching(Tag.CommentsOnTheScheduledProcedureStep, "*a".repeat(30) + "*"))
                .containsExactly("1001");
    }

    @Test
    void aFullLengthCommentIsAcceptedAndReturnedWhole() {
        String comment = "x".repeat(LongText.MAX_CHARACTERS - 1) + "ë";
        lantir.service().add(WorklistRows.w1().toBuilder().requestedProcedureComments(comment)
                .build());

        Dataset answer = lantir.cFind(askForComments()).identifiers().get(0);

        assertThat(answer.getText(Tag.RequestedProcedureComments)).isEqualTo(comment);
    }

    @Test
    void aCommentOverTheLtLimitIsRefusedByHandNamingTheAttributeAndNotTheText() {
        WorklistItem tooLong = WorklistRows.w1().toBuilder()
                .spsComments("secret " + "y".repeat(LongText.MAX_CHARACTERS)).build();

        assertThatThrownBy(() -> lantir.service().add(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Comments on the Scheduled Procedure Step (0040,0400)")
                .hasMessageContaining("10247 characters").hasMessageContaining("10240")
                .hasMessageContaining("PS3.5 Table 6.2-1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThat(lantir.worklist.find(WorklistFilter.all())).isEmpty();
    }

    @Test
    void anEditByHandOverTheLimitChangesNothing() {
        WorklistItem stored = lantir.service().add(commented());
        WorklistItem tooLong = stored.toBuilder()
                .patientComments("z".repeat(LongText.MAX_CHARACTERS + 1)).build();

        assertThatThrownBy(() -> lantir.service().update(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Patient Comments (0010,4000) has 10241 characters");
        assertThat(lantir.service().get(stored.id()).orElseThrow()).isEqualTo(stored);
    }

    @Test
    void aSyncWithACommentOverTheLimitIsRefusedWholeNamingSourceAndKey() {
        WorklistItem fine = WorklistRows.w1().toBuilder().sourceKey("1:1").build();
        WorklistItem tooLong = WorklistRows.w2().toBuilder().sourceKey("2:1")
                .requestedProcedureComments("n".repeat(20000)).build();

        assertThatThrownBy(() -> lantir.service().applySync("redcap", List.of(fine, tooLong),
                true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sync redcap: row 2:1")
                .hasMessageContaining("Requested Procedure Comments (0040,1400)");
        assertThat(lantir.worklist.find(WorklistFilter.all())).isEmpty();
    }

    @Test
    void charactersAreCountedAsCodePoints() {
        String emoji = "\uD83D\uDE00".repeat(LongText.MAX_CHARACTERS);

        assertThat(LongText.fits(emoji)).isTrue();
        assertThat(LongText.fits(emoji + "!")).isFalse();
        assertThat(LongText.fits(null)).isTrue();
    }

    /**
     * A non-ASCII comment in a query that declared no set goes out under a Specific Character
     * Set that holds it, and reads back the same from the bytes (PS3.3 C.12.1.1.2, C17).
     */
    @Test
    void aNonAsciiCommentIsAnsweredUnderACharacterSetThatCarriesIt() throws Exception {
        lantir.store(WorklistRows.w1().toBuilder().spsComments(FRENCH_NOTE).build());

        Dataset answer = lantir.cFind(askForComments()).identifiers().get(0);
        byte[] wire = DicomWriter.write(answer, TS);
        Dataset read = DicomReader.read(wire, TS);

        assertThat(answer.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 100");
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).contains(FRENCH_NOTE);
        assertThat(stepComment(read)).isEqualTo(FRENCH_NOTE);
    }
}
