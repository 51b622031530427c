package org.lantir.worklist;

import java.util.ArrayList;
import java.util.List;
import org.lantir.dicom.data.VR;

/**
 * The limit of the LT (Long Text) VR, at most 10240 characters (PS3.5 Table 6.2-1), for the
 * worklist's three comment attributes: Patient Comments (0010,4000), Requested Procedure
 * Comments (0040,1400) and Comments on the Scheduled Procedure Step (0040,0400) (PS3.4 Table
 * K.6-1).
 *
 * <p>An over-long comment is refused where it comes in, with an error that names the
 * attribute, and never cut: a cut comment may lose the one sentence the technologist needs,
 * and nobody would know. Characters are Unicode code points, as SQLite's {@code length()}
 * counts them. Messages give attribute names and lengths only, never the text, which may
 * speak about the patient.
 */
public final class LongText {

    /** PS3.5 Table 6.2-1: LT holds at most 10240 characters. */
    public static final int MAX_CHARACTERS = VR.LT.maxLength();

    private LongText() {
    }

    /** Whether a value fits in an LT: null (no value) or at most 10240 characters. */
    public static boolean fits(String value) {
        return value == null || length(value) <= MAX_CHARACTERS;
    }

    /** The number of characters (code points) of a value. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * The row's comments that do not fit, each as its attribute's name and length, e.g.
     * {@code "Patient Comments (0010,4000) has 10241 characters"}; empty when all fit.
     */
    public static List<String> overLimit(WorklistItem item) {
        List<String> problems = new ArrayList<>();
        check(problems, item.patientComments(), "Patient Comments (0010,4000)");
        check(problems, item.requestedProcedureComments(),
                "Requested Procedure Comments (0040,1400)");
        check(problems, item.spsComments(),
                "Comments on the Scheduled Procedure Step (0040,0400)");
        return problems;
    }

    /**
     * Refuses a row with an over-long comment.
     *
     * @param where what brings the row in, for the message (e.g. "Sync redcap_main: row 3:1")
     * @throws IllegalArgumentException naming the attributes, their lengths and the limit
     */
    static void require(WorklistItem item, String where) {
        List<String> problems = overLimit(item);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + String.join(", ", problems)
                    + "; an LT value holds at most " + MAX_CHARACTERS
                    + " characters (PS3.5 Table 6.2-1)");
        }
    }

    private static void check(List<String> problems, String value, String attribute) {
        if (!fits(value)) {
            problems.add(attribute + " has " + length(value) + " characters");
        }
    }
}
