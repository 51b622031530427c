package org.lantir.worklist;

import java.util.ArrayList;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.Status;

/**
 * The checks of an MPPS N-CREATE before anything is stored (PS3.4 F.7.2.1.3, Table F.7.2-1):
 * Type 1 attributes present (else 0120H) and with a value (else 0121H), each naming the tags;
 * Performed Procedure Step Status {@code IN PROGRESS} (else 0106H); an SCU-given SOP Instance
 * UID well formed (else 0117H, PS3.7 C.4.9).
 */
final class MppsCreateRules {

    private MppsCreateRules() {
    }

    static void check(String sopInstanceUid, Dataset attrs) throws MppsException {
        checkPresent(attrs);
        checkValues(attrs);
        checkScheduledSteps(attrs);
        checkStatus(attrs);
        if (sopInstanceUid != null && !UID.isValid(sopInstanceUid)) {
            throw new MppsException(Status.INVALID_OBJECT_INSTANCE,
                    "Affected SOP Instance UID is not a valid UID");
        }
    }

    /** Type 2 attributes the N-CREATE left out; Lantir accepts them but says so. */
    static List<Integer> missingType2(Dataset attrs) {
        List<Integer> missing = new ArrayList<>();
        for (int tag : MppsAttributes.CREATE_TYPE_2) {
            if (!attrs.contains(tag)) {
                missing.add(tag);
            }
        }
        return missing;
    }

    private static void checkPresent(Dataset attrs) throws MppsException {
        List<Integer> missing = new ArrayList<>();
        for (int tag : MppsAttributes.CREATE_TYPE_1) {
            if (!attrs.contains(tag)) {
                missing.add(tag);
            }
        }
        if (!missing.isEmpty()) {
            throw new MppsException(Status.MISSING_ATTRIBUTE,
                    "Missing Type 1 attribute(s) " + names(missing), toArray(missing));
        }
    }

    private static void checkValues(Dataset attrs) throws MppsException {
        List<Integer> empty = new ArrayList<>();
        for (int tag : MppsAttributes.CREATE_TYPE_1) {
            if (!attrs.hasValue(tag)) {
                empty.add(tag);
            }
        }
        if (!empty.isEmpty()) {
            throw new MppsException(Status.MISSING_ATTRIBUTE_VALUE,
                    "Type 1 attribute(s) without value " + names(empty), toArray(empty));
        }
    }

    private static void checkScheduledSteps(Dataset attrs) throws MppsException {
        for (Dataset step : attrs.getSequence(Tag.ScheduledStepAttributesSequence)) {
            for (int tag : MppsAttributes.CREATE_STEP_TYPE_1) {
                if (!step.contains(tag)) {
                    throw new MppsException(Status.MISSING_ATTRIBUTE, "Scheduled Step"
                            + " Attributes item lacks " + Tag.toString(tag), tag);
                }
                if (!step.hasValue(tag)) {
                    throw new MppsException(Status.MISSING_ATTRIBUTE_VALUE, "Scheduled Step"
                            + " Attributes item has empty " + Tag.toString(tag), tag);
                }
            }
        }
    }

    private static void checkStatus(Dataset attrs) throws MppsException {
        String status = attrs.getString(Tag.PerformedProcedureStepStatus);
        if (!MppsAttributes.IN_PROGRESS.equals(status)) {
            // PS3.4 F.7.2.1.3: an N-CREATE must start the step IN PROGRESS.
            throw new MppsException(Status.INVALID_ATTRIBUTE_VALUE,
                    "N-CREATE status must be IN PROGRESS",
                    Tag.PerformedProcedureStepStatus);
        }
    }

    static String names(List<Integer> tags) {
        StringBuilder text = new StringBuilder();
        for (int tag : tags) {
            text.append(Tag.toString(tag));
        }
        return text.toString();
    }

    static int[] toArray(List<Integer> tags) {
        return tags.stream().mapToInt(Integer::intValue).toArray();
    }
}
