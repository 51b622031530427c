package org.lantir.worklist;

import org.lantir.dicom.data.Dataset;

/**
 * One matching key of a C-FIND identifier, applied to one level of a worklist item (the top
 * level, a Scheduled Procedure Step item, a code item). Universal keys make no matcher.
 */
interface KeyMatcher {

    boolean matches(Dataset level);
}
