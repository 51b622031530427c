package org.lantir.worklist;

import java.util.ArrayList;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;

/**
 * The checks of an MPPS N-SET before anything changes (PS3.4 F.7.2.2, Table F.7.2-1): a step
 * already COMPLETED or DISCONTINUED may no longer be updated (0110H with Error ID A710H,
 * F.7.2.2.3); attributes "Not allowed" in N-SET are refused (0105H, C27); the status may only
 * be IN PROGRESS, COMPLETED or DISCONTINUED (0106H); a final status needs the final state
 * Type 1 attributes, PPS End Date and Time, with values (0121H, F.7.2.2.2).
 */
final class MppsSetRules {

    /** Error ID of PS3.4 F.7.2.2.3: Performed Procedure Step Object may no longer be updated. */
    static final int NO_LONGER_UPDATABLE = 0xA710;

    private MppsSetRules() {
    }

    static void checkUpdatable(MppsInstance stored) throws MppsException {
        if (MppsAttributes.isFinal(stored.status())) {
            throw new MppsException(Status.PROCESSING_FAILURE, "Step is " + stored.status()
                    + " and may no longer be updated").errorId(NO_LONGER_UPDATABLE);
        }
    }

    static void checkModifications(Dataset modifications) throws MppsException {
        List<Integer> refused = new ArrayList<>();
        for (Element e : modifications) {
            if (MppsAttributes.NOT_ALLOWED_IN_SET.contains(e.tag())) {
                refused.add(e.tag());
            }
        }
        if (!refused.isEmpty()) {
            throw new MppsException(Status.NO_SUCH_ATTRIBUTE, "Not allowed in N-SET: "
                    + MppsCreateRules.names(refused), MppsCreateRules.toArray(refused));
        }
        checkStatus(modifications);
    }

    private static void checkStatus(Dataset modifications) throws MppsException {
        if (!modifications.contains(Tag.PerformedProcedureStepStatus)) {
            return;
        }
        String status = modifications.getString(Tag.PerformedProcedureStepStatus);
        if (status == null) {
            throw new MppsException(Status.MISSING_ATTRIBUTE_VALUE,
                    "Performed Procedure Step Status is empty", Tag.PerformedProcedureStepStatus);
        }
        if (!status.equals(MppsAttributes.IN_PROGRESS) && !MppsAttributes.isFinal(status)) {
            throw new MppsException(Status.INVALID_ATTRIBUTE_VALUE,
                    "Status must be IN PROGRESS, COMPLETED or DISCONTINUED",
                    Tag.PerformedProcedureStepStatus);
        }
    }

    /** Checks the merged attribute set when it ends the step. */
    static void checkFinalState(Dataset merged) throws MppsException {
        if (!MppsAttributes.isFinal(merged.getString(Tag.PerformedProcedureStepStatus))) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int tag : MppsAttributes.FINAL_STATE_TYPE_1) {
            if (!merged.hasValue(tag)) {
                missing.add(tag);
            }
        }
        if (!missing.isEmpty()) {
            throw new MppsException(Status.MISSING_ATTRIBUTE_VALUE, "Final state needs "
                    + MppsCreateRules.names(missing), MppsCreateRules.toArray(missing));
        }
    }
}
