package org.lantir.dicom.net;

import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;

/**
 * A DIMSE request that a service refuses or cannot complete. The dispatcher turns it into the
 * response's Status, with Error Comment (0000,0902) (at most 64 characters, PS3.7 Annex C),
 * and Offending Element (0000,0901) or Attribute Identifier List (0000,1005), or Error ID
 * (0000,0903) when given.
 */
public class DicomServiceException extends Exception {

    private final int status;
    private int[] offendingElements = new int[0];
    private int[] attributeIdentifierList = new int[0];
    private Integer errorId;

    public DicomServiceException(int status, String errorComment) {
        super(errorComment);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public DicomServiceException offendingElements(int... tags) {
        this.offendingElements = tags.clone();
        return this;
    }

    public DicomServiceException attributeIdentifierList(int... tags) {
        this.attributeIdentifierList = tags.clone();
        return this;
    }

    public DicomServiceException errorId(int id) {
        this.errorId = id;
        return this;
    }

    /** The command elements this failure adds to the response. */
    public Dataset responseCommandElements() {
        Dataset cmd = new Dataset();
        String comment = getMessage();
        if (comment != null && !comment.isEmpty()) {
            cmd.setString(Tag.ErrorComment, VR.LO,
                    comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        if (offendingElements.length > 0) {
            cmd.setTags(Tag.OffendingElement, offendingElements);
        }
        if (attributeIdentifierList.length > 0) {
            cmd.setTags(Tag.AttributeIdentifierList, attributeIdentifierList);
        }
        if (errorId != null) {
            cmd.setInt(Tag.ErrorID, VR.US, errorId);
        }
        return cmd;
    }
}
