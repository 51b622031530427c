package org.lantir.dicom.net;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;

/** Small hand-written services for the loopback tests. */
final class FakeServices {

    private FakeServices() {
    }

    /** MWL C-FIND: answers every query with the given matches, then success. */
    static final class Worklist implements DimseService {
        final List<Dataset> matches;
        final List<DimseRequest> requests = new CopyOnWriteArrayList<>();

        Worklist(Dataset... matches) {
            this.matches = List.of(matches);
        }

        @Override
        public List<String> sopClasses() {
            return List.of(UID.MODALITY_WORKLIST_FIND);
        }

        @Override
        public void onRequest(DimseRequest request, DimseResponder responder)
                throws DicomServiceException, IOException {
            requests.add(request);
            if (request.commandField() != Dimse.C_FIND_RQ) {
                throw new DicomServiceException(Status.UNRECOGNIZED_OPERATION, "C-FIND only");
            }
            for (Dataset match : matches) {
                responder.pending(Status.PENDING, match);
            }
            responder.respond(Status.SUCCESS, null, null);
        }
    }

    /** MWL C-FIND that sends one match, then works until cancelled; never answers itself. */
    static final class SlowWorklist implements DimseService {
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public List<String> sopClasses() {
            return List.of(UID.MODALITY_WORKLIST_FIND);
        }

        @Override
        public void onRequest(DimseRequest request, DimseResponder responder)
                throws IOException {
            responder.pending(Status.PENDING, match("DOE^JANE"));
            started.countDown();
            while (!request.isCancelled()) {
                responder.pending(Status.PENDING, match("DOE^JOHN"));
                sleep();
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** MPPS N-CREATE / N-SET: mints a UID when none is given; keeps what it received. */
    static final class Mpps implements DimseService {
        final List<DimseRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public List<String> sopClasses() {
            return List.of(UID.MODALITY_PERFORMED_PROCEDURE_STEP);
        }

        @Override
        public void onRequest(DimseRequest request, DimseResponder responder)
                throws DicomServiceException, IOException {
            requests.add(request);
            if (request.commandField() == Dimse.N_SET_RQ) {
                responder.respond(Status.SUCCESS, null, null);
                return;
            }
            if (request.commandField() != Dimse.N_CREATE_RQ) {
                throw new DicomServiceException(Status.UNRECOGNIZED_OPERATION, "N-CREATE only");
            }
            Dataset elements = null;
            if (request.sopInstanceUid() == null) {
                elements = new Dataset().setString(Tag.AffectedSOPInstanceUID, VR.UI,
                        UID.create(UID.UUID_ROOT));
            }
            responder.respond(Status.SUCCESS, elements, null);
        }
    }

    static Dataset match(String patientName) {
        Dataset match = new Dataset();
        match.setString(Tag.PatientName, patientName);
        match.setString(Tag.PatientID, "1001");
        return match;
    }
}
