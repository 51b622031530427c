package org.lantir.dicom.net;

import java.io.IOException;
import java.util.List;
import org.lantir.dicom.data.UID;

/**
 * The Verification SOP Class as SCP (PS3.4 Annex A): answers C-ECHO with success. Registered
 * on every {@link DicomServer} so consoles can check a worklist or MPPS destination
 * (see interop case C19 D).
 */
public final class VerificationService implements DimseService {

    @Override
    public List<String> sopClasses() {
        return List.of(UID.VERIFICATION);
    }

    @Override
    public void onRequest(DimseRequest request, DimseResponder responder)
            throws DicomServiceException, IOException {
        if (request.commandField() != Dimse.C_ECHO_RQ) {
            // PS3.7 C.4.17: unrecognized operation.
            throw new DicomServiceException(Status.UNRECOGNIZED_OPERATION,
                    "Verification supports C-ECHO only");
        }
        responder.respond(Status.SUCCESS, null, null);
    }
}
