package org.lantir.dicom.net;

import org.lantir.dicom.data.Dataset;

/**
 * One reassembled DIMSE message (PS3.7 §6.3): the command set and, when the command announces
 * one, the encoded data set (PS3.8 Annex E). The data set stays encoded until the receiver
 * decodes it in the presentation context's transfer syntax.
 *
 * @param data the data set bytes, or null when the command has none
 */
record DimseMessage(int presentationContextId, Dataset command, byte[] data) {

    int commandField() {
        return command.getInt(org.lantir.dicom.data.Tag.CommandField, -1);
    }
}
