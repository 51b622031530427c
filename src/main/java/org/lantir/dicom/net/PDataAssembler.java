package org.lantir.dicom.net;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.PDUException;
import org.lantir.dicom.net.pdu.PDV;
import org.lantir.dicom.net.pdu.PDataTF;

/**
 * Reassembles DIMSE messages from PDV fragments (PS3.8 §9.3.5.1 and Annex E): the command
 * fragments up to the one marked last, then, when Command Data Set Type announces one, the
 * data set fragments up to the last, all on one accepted presentation context.
 *
 * <p>A fragment that breaks these rules is a P-DATA-TF the association cannot accept: an
 * unaccepted context ID is an invalid-PDU-parameter value, a data fragment before its command
 * (or a command fragment inside a data set, or a context switch inside a message) an
 * unexpected-PDU parameter (PS3.8 Table 9-26).
 */
final class PDataAssembler {

    /** A message larger than this is refused: worklist and MPPS data sets are small. */
    static final long MAX_MESSAGE_LENGTH = 64L << 20;

    private final IntPredicate acceptedContext;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private int contextId = -1;
    private Dataset commandSet;

    PDataAssembler(IntPredicate acceptedContext) {
        this.acceptedContext = acceptedContext;
    }

    /**
     * Adds the fragments of one P-DATA-TF PDU.
     *
     * @return the messages it completes, in order
     * @throws PDUException when the fragments break PS3.8 Annex E
     */
    List<DimseMessage> add(PDataTF pdu) throws PDUException {
        List<DimseMessage> completed = new ArrayList<>();
        for (PDV pdv : pdu.pdvs()) {
            DimseMessage message = add(pdv);
            if (message != null) {
                completed.add(message);
            }
        }
        return completed;
    }

    private DimseMessage add(PDV pdv) throws PDUException {
        checkContext(pdv);
        if (commandSet == null) {
            return addCommandFragment(pdv);
        }
        if (pdv.isCommand()) {
            throw unexpected("A command fragment arrived inside a data set");
        }
        append(data, pdv);
        return pdv.isLast() ? complete(data.toByteArray()) : null;
    }

    private DimseMessage addCommandFragment(PDV pdv) throws PDUException {
        if (!pdv.isCommand()) {
            throw unexpected("A data set fragment arrived before its command");
        }
        append(command, pdv);
        if (!pdv.isLast()) {
            return null;
        }
        commandSet = decodeCommand(command.toByteArray());
        command.reset();
        return CommandSet.hasDataset(commandSet) ? null : complete(null);
    }

    private void checkContext(PDV pdv) throws PDUException {
        int id = pdv.presentationContextId();
        if (!acceptedContext.test(id)) {
            throw new PDUException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    "PDV on presentation context " + id + ", which was not accepted");
        }
        if (contextId == -1) {
            contextId = id;
        } else if (contextId != id) {
            throw unexpected("PDV on context " + id + " inside a message on context "
                    + contextId);
        }
    }

    private static void append(ByteArrayOutputStream buffer, PDV pdv) throws PDUException {
        if (buffer.size() + (long) pdv.fragment().length > MAX_MESSAGE_LENGTH) {
            throw new PDUException(AAbort.REASON_NOT_SPECIFIED, "DIMSE message longer than "
                    + MAX_MESSAGE_LENGTH + " bytes");
        }
        buffer.writeBytes(pdv.fragment());
    }

    private static Dataset decodeCommand(byte[] bytes) throws PDUException {
        try {
            return CommandSet.decode(bytes);
        } catch (DicomFormatException e) {
            throw new PDUException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    "Undecodable command set: " + e.getMessage());
        }
    }

    private DimseMessage complete(byte[] dataset) {
        DimseMessage message = new DimseMessage(contextId, commandSet, dataset);
        commandSet = null;
        contextId = -1;
        data.reset();
        return message;
    }

    private static PDUException unexpected(String message) {
        return new PDUException(AAbort.UNEXPECTED_PDU_PARAMETER, message);
    }
}
