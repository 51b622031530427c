package org.lantir.dicom.net;

import java.util.List;

/**
 * A service class provider plugged into the server: it names the SOP classes it serves and
 * handles their requests. The dispatcher answers requests for other SOP classes itself
 * (0122H for DIMSE-C, 0118H for DIMSE-N) and unknown commands with 0211H (PS3.7 Annex C).
 */
public interface DimseService {

    /** SOP Class UIDs offered as abstract syntaxes (PS3.8 §9.3.2.2.1). */
    List<String> sopClasses();

    /**
     * Handles one request. Runs off the association's reader thread, so a C-CANCEL can be
     * read while it works; it should poll {@link DimseRequest#isCancelled()} between matches.
     */
    void onRequest(DimseRequest request, DimseResponder responder)
            throws DicomServiceException, java.io.IOException;
}
