package org.lantir.sync.folder;

/**
 * How the files of a folder source become worklist rows: CSV ({@link CsvFiles}) or DICOM
 * worklist files ({@link WorklistFiles}).
 */
interface FileFormat {

    /** The files a folder source reads when its config names no {@code glob}. */
    String defaultGlob();

    /** The largest file read; a larger one is reported and skipped. */
    long maxFileBytes();

    /**
     * Reads one file. Never throws for what the file holds: a bad line or a file that is no
     * data set is a {@link FileRows.Skip} with its reason.
     *
     * @param fileName the file's name in the folder, part of every source key and reason
     */
    FileRows read(String fileName, byte[] content);
}
