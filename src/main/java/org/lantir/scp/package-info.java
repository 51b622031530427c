/**
 * The DICOM services Lantir provides on top of {@code org.lantir.dicom.net}: the Modality
 * Worklist Information Model – FIND SCP (PS3.4 Annex K) and the Modality Performed Procedure
 * Step SCP (PS3.4 F.7). They turn DIMSE requests into calls of
 * {@link org.lantir.worklist.WorklistService} and its answers into DIMSE statuses (PS3.7
 * Annex C, PS3.4 Table K.4-1). Checked against DICOM PS3.4 and PS3.7 2024e.
 */
package org.lantir.scp;
