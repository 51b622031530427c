package org.lantir.worklist;

import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Element;

/**
 * A key on an attribute Lantir has no column for (e.g. Admission ID, Scheduled Procedure
 * Step Location), matched against the rows that hold it: rows read from a DICOM worklist
 * file, which keep every attribute of the file ({@link ExtraAttributes}). A row that does
 * not hold the attribute is not judged by the key, as before such rows existed, and the
 * answer says with FF01 that a key was not applied to every row (PS3.4 Table K.4-1). A row
 * holding it with no value does not match (PS3.4 K.2.2.1.1.1); a multi-valued one matches
 * when one of its values does.
 */
final class ExtraKeyMatcher implements KeyMatcher {

    private final int tag;
    private final ValueMatcher matcher;
    private final boolean multiValued;

    ExtraKeyMatcher(int tag, ValueMatcher matcher, boolean multiValued) {
        this.tag = tag;
        this.matcher = matcher;
        this.multiValued = multiValued;
    }

    int tag() {
        return tag;
    }

    @Override
    public boolean matches(Dataset level) {
        Element stored = level.get(tag);
        if (stored == null) {
            return true;
        }
        if (!(stored.value() instanceof String text) || text.isBlank()) {
            return false;
        }
        String[] values = multiValued ? text.split("\\\\", -1) : new String[] {text};
        for (String value : values) {
            if (!value.isBlank() && matcher.matches(value.strip())) {
                return true;
            }
        }
        return false;
    }
}
