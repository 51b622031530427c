package org.lantir.dicom.net;

import org.lantir.dicom.data.TransferSyntax;

/**
 * A presentation context accepted on an association (PS3.8 §7.1.1.13): its ID, the abstract
 * syntax (SOP class) and the one transfer syntax negotiated for its data sets.
 */
public record PresentationContext(int id, String abstractSyntax,
        TransferSyntax transferSyntax) {
}
