/**
 * The worklist domain: scheduled procedure steps and their statuses, the Modality Worklist
 * query (PS3.4 Annex K, matching rules of C.2.2.2, Table K.6-1), the Modality Performed
 * Procedure Step rules and correlation (PS3.4 F.7, Table F.7.2-1), identifier minting
 * (PS3.5 §9, Annex B.2), and {@link org.lantir.worklist.WorklistService}, the one entry point
 * used by the DICOM services, the sync, the command line and later the window and REST API.
 *
 * <p>Rows taken over from the Python tool's database are marked as imported
 * ({@link org.lantir.worklist.ImportedRows}); the first sync of their source adopts them
 * ({@code ImportAdoption}), so a session stays one row, with the Study Instance UID a scanner
 * may already hold.
 *
 * <p>Checked against DICOM PS3.4 and PS3.5 2024e. Knows nothing of sockets, JSON or JavaFX;
 * uses {@code org.lantir.dicom.data} for data sets and values.
 */
package org.lantir.worklist;
