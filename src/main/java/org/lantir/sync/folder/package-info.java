/**
 * Folder sources: files dropped in a folder feed the worklist. A {@code csv_folder} reads CSV
 * files whose header row names worklist fields ({@link org.lantir.sync.folder.CsvColumn});
 * a {@code wl_folder} reads DICOM worklist files as dcmtk's wlmscpfs and Orthanc's worklists
 * plugin serve them, keeping every attribute the row has no column for
 * ({@link org.lantir.worklist.ExtraAttributes}). Both are
 * {@link org.lantir.sync.folder.FolderSource}s: a {@link org.lantir.sync.folder.FolderCatalog}
 * reads a file again only when its time, size and content changed, and each delivery is the
 * folder's whole current set, so a deleted file's SCHEDULED rows leave.
 * {@link org.lantir.sync.folder.FolderImport} reads the same files once for
 * {@code lantir import}.
 *
 * <p>Reasons for skipped rows name the file, the line and column (CSV) or the item and
 * attribute (DICOM), never a value: they reach the log and the event log.
 */
package org.lantir.sync.folder;
