package org.lantir.scu;

import java.util.List;

/**
 * What a modality does over DICOM, for checking a server by hand: verify it (C-ECHO), ask
 * for its worklist (C-FIND), report a step (MPPS N-CREATE, then N-SET). Each call opens its
 * own association and releases it; every answer, refusal or network failure comes back as a
 * value, so callers show it instead of catching it.
 *
 * <p>An AE title that is not a valid AE value is the caller's mistake and fails with
 * {@link IllegalArgumentException} before anything is sent.
 */
public interface ModalitySimulator {

    /** C-ECHO (PS3.4 Annex A). */
    EchoResult echo(ScuTarget target);

    /** C-ECHO, then a Modality Worklist C-FIND (PS3.4 Annex K) on the same association. */
    QueryResult query(ScuTarget target, WorklistKeys keys);

    /**
     * MPPS N-CREATE with status IN PROGRESS (PS3.4 F.7.2.1).
     *
     * @param sopInstanceUid the instance's UID, or null to let the SCP assign one
     */
    MppsResult createMpps(ScuTarget target, String sopInstanceUid, MppsStep step);

    /** The final MPPS N-SET: COMPLETED or DISCONTINUED, with end date and time (F.7.2.2). */
    MppsResult setMpps(ScuTarget target, String sopInstanceUid, FinalStatus status);

    /** The statuses an N-SET may end a step with (PS3.3 C.4.14). */
    enum FinalStatus { COMPLETED, DISCONTINUED }

    /**
     * Why no answer came: the server refused the association, or it could not be reached
     * (or dropped the association) before answering.
     *
     * @param detail the failure as the network layer put it
     */
    record Failure(Kind kind, String detail) {

        public enum Kind { REFUSED, UNREACHABLE }

        /** In words for the console, e.g. "MWL_SCP@127.0.0.1:104 refused the association: …". */
        public String describe(ScuTarget target) {
            return kind == Kind.REFUSED
                    ? target + " refused the association: " + detail
                    : "Cannot reach " + target + ": " + detail;
        }
    }

    /** @param echo the answer, or null when {@code failure} says why none came */
    record EchoResult(ScuTarget target, DimseReply echo, Failure failure) {
    }

    /**
     * @param echo the C-ECHO's answer, or null when the association failed first
     * @param answers the matches, in the order the server sent them
     * @param find the C-FIND's final answer, or null when the association failed first
     * @param failure null when both answers came
     */
    record QueryResult(ScuTarget target, DimseReply echo, List<WorklistAnswer> answers,
            DimseReply find, Failure failure) {

        public QueryResult {
            answers = List.copyOf(answers);
        }
    }

    /**
     * @param sopInstanceUid the MPPS instance: the one the SCP assigned or the caller sent
     * @param reply the answer, or null when {@code failure} says why none came
     */
    record MppsResult(ScuTarget target, String sopInstanceUid, DimseReply reply,
            Failure failure) {
    }
}
