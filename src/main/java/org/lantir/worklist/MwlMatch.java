package org.lantir.worklist;

import org.lantir.dicom.data.Dataset;

/**
 * One worklist row that matched a C-FIND query, with its response identifier ready to send.
 *
 * @param item the matching row
 * @param response the requested return keys with the row's values (PS3.4 K.2.2.1.2)
 */
public record MwlMatch(WorklistItem item, Dataset response) {
}
