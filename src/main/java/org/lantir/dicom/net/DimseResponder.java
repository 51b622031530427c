package org.lantir.dicom.net;

import java.io.IOException;
import org.lantir.dicom.data.Dataset;

/**
 * Sends the responses to one DIMSE request. A service sends any number of pending responses
 * (C-FIND) and then exactly one final response; if it returns without one, the dispatcher
 * answers {@link Status#SUCCESS}, and if it throws {@link DicomServiceException} the
 * dispatcher answers with that status.
 */
public interface DimseResponder {

    /** Sends a pending response carrying an identifier (PS3.7 §9.1.2.1.6). */
    void pending(int status, Dataset identifier) throws IOException;

    /**
     * Sends the final response.
     *
     * @param commandElements extra command elements (e.g. Affected SOP Instance UID, Error
     *        Comment), or null
     * @param dataset the response data set, or null for none
     */
    void respond(int status, Dataset commandElements, Dataset dataset) throws IOException;
}
