package org.lantir.dicom.data;

/** Encoded data that does not follow PS3.5: truncated, a bad length, an invalid value. */
public class DicomFormatException extends Exception {

    public DicomFormatException(String message) {
        super(message);
    }

    public DicomFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
