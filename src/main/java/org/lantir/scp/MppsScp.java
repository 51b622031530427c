package org.lantir.scp;

import java.io.IOException;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.DicomServiceException;
import org.lantir.dicom.net.Dimse;
import org.lantir.dicom.net.DimseRequest;
import org.lantir.dicom.net.DimseResponder;
import org.lantir.dicom.net.DimseService;
import org.lantir.dicom.net.Status;
import org.lantir.worklist.MppsException;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modality Performed Procedure Step SCP (PS3.4 F.7; SOP Class 1.2.840.10008.3.1.2.3.3):
 * N-CREATE and N-SET go to the worklist service, which checks them against PS3.4 Table
 * F.7.2-1 and stores them; a refusal becomes the failure status with its Attribute Identifier
 * List, Error Comment and Error ID (PS3.7 Annex C). The N-CREATE response always carries the
 * Affected SOP Instance UID, minted by Lantir when the SCU gave none (PS3.7 §10.1.5.1.4, C23).
 */
public final class MppsScp implements DimseService {

    private static final Logger LOG = LoggerFactory.getLogger(MppsScp.class);

    private final WorklistService service;

    public MppsScp(WorklistService service) {
        this.service = service;
    }

    @Override
    public List<String> sopClasses() {
        return List.of(UID.MODALITY_PERFORMED_PROCEDURE_STEP);
    }

    @Override
    public void onRequest(DimseRequest request, DimseResponder responder)
            throws DicomServiceException, IOException {
        String callingAe = request.association().callingAeTitle();
        Dataset attrs = request.dataset() == null ? new Dataset() : request.dataset();
        MppsInstance instance;
        try {
            instance = handle(request, attrs, callingAe);
        } catch (MppsException e) {
            LOG.info("{} MPPS {} for {} refused: {} ({})", request.association().name(),
                    Dimse.name(request.commandField()), instanceOf(request.sopInstanceUid()),
                    e.getMessage(), Status.toHex(e.status()));
            throw toServiceException(e);
        } catch (RuntimeException e) {
            LOG.error("{} MPPS {} for {} failed", request.association().name(),
                    Dimse.name(request.commandField()), instanceOf(request.sopInstanceUid()), e);
            // PS3.7 C.4.10: processing failure; the store's transaction left nothing changed.
            throw new DicomServiceException(Status.PROCESSING_FAILURE, "MPPS store failure");
        }
        Dataset command = new Dataset();
        command.setString(Tag.AffectedSOPInstanceUID, VR.UI, instance.sopInstanceUid());
        responder.respond(Status.SUCCESS, command, null);
    }

    private MppsInstance handle(DimseRequest request, Dataset attrs, String callingAe)
            throws MppsException, DicomServiceException {
        switch (request.commandField()) {
            case Dimse.N_CREATE_RQ:
                return service.createMpps(request.sopInstanceUid(), attrs, callingAe);
            case Dimse.N_SET_RQ:
                if (request.sopInstanceUid() == null) {
                    throw new MppsException(Status.NO_SUCH_SOP_INSTANCE,
                            "N-SET without Requested SOP Instance UID");
                }
                return service.setMpps(request.sopInstanceUid(), attrs, callingAe);
            default:
                // PS3.7 C.4.17: the MPPS SOP Class has no other operation Lantir serves.
                throw new DicomServiceException(Status.UNRECOGNIZED_OPERATION,
                        Dimse.name(request.commandField()) + " is not served for MPPS");
        }
    }

    /**
     * The SOP Instance UID a request names, for the log; an N-CREATE may name none and leave
     * it to Lantir to mint (PS3.7 §10.1.5.1.4), which a failed one never got to.
     */
    static String instanceOf(String sopInstanceUid) {
        if (sopInstanceUid != null) {
            return "SOP Instance UID " + sopInstanceUid;
        }
        return "a new instance (no Affected SOP Instance UID given; Lantir mints one)";
    }

    private static DicomServiceException toServiceException(MppsException e) {
        DicomServiceException failure = new DicomServiceException(e.status(), e.getMessage());
        if (e.attributes().length > 0) {
            failure.attributeIdentifierList(e.attributes());
        }
        if (e.errorId() != null) {
            failure.errorId(e.errorId());
        }
        return failure;
    }
}
