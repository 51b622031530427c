package org.lantir.dicom.net;

import java.io.IOException;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends the responses to one request: any number of pending responses, then
 * exactly one final response. Each response command carries Affected SOP Class UID, Command
 * Field, Message ID Being Responded To, Command Data Set Type and Status (PS3.7 §9.3, §10.3),
 * and for DIMSE-N the Affected SOP Instance UID of the request (PS3.7 §10.3); elements the
 * service passes (e.g. the UID an N-CREATE SCP assigned, PS3.7 §10.1.5.1.4) take precedence.
 *
 * <p>Once the request is cancelled, further pending responses are dropped: the service is
 * expected to stop and answer Cancel (PS3.7 §9.1.2.1.5 / C.5.1).
 */
final class Responder implements DimseResponder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final Association association;
    private final IncomingRequest request;
    private final FinalResponseListener listener;
    private int pendingCount;
    private boolean finalSent;
    private int finalStatus = -1;

    /** Told of the final response just before it is sent, so before the peer can see it. */
    interface FinalResponseListener {
        void finalResponse(IncomingRequest request, int status);
    }

    Responder(Association association, IncomingRequest request,
            FinalResponseListener listener) {
        this.association = association;
        this.request = request;
        this.listener = listener;
    }

    @Override
    public synchronized void pending(int status, Dataset identifier) throws IOException {
        if (finalSent) {
            throw new IllegalStateException("Pending response after the final response");
        }
        if (!Status.isPending(status)) {
            throw new IllegalArgumentException("Status " + Status.toHex(status)
                    + " is not a pending status");
        }
        if (request.isCancelled()) {
            LOG.debug("{} pending response to cancelled message {} dropped",
                    association.name(), request.messageId());
            return;
        }
        send(status, null, identifier, true);
        pendingCount++;
    }

    @Override
    public synchronized void respond(int status, Dataset commandElements, Dataset dataset)
            throws IOException {
        if (finalSent) {
            throw new IllegalStateException("A final response was already sent");
        }
        if (Status.isPending(status)) {
            throw new IllegalArgumentException("A final response cannot be pending");
        }
        finalSent = true;
        finalStatus = status;
        listener.finalResponse(request, status);
        send(status, commandElements, dataset, false);
    }

    synchronized boolean finalSent() {
        return finalSent;
    }

    synchronized int finalStatus() {
        return finalStatus;
    }

    synchronized int pendingCount() {
        return pendingCount;
    }

    /** @param moreFollows a pending response: the final one comes after it */
    private void send(int status, Dataset commandElements, Dataset dataset, boolean moreFollows)
            throws IOException {
        Dataset command = responseCommand(status, commandElements);
        byte[] data = dataset == null ? null
                : DicomWriter.write(dataset, request.transferSyntax());
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} >> {} {}{}", association.name(),
                    Dimse.name(command.getInt(Tag.CommandField, 0)),
                    CommandSet.describe(command), dataset == null ? "" : " data " + dataset);
        }
        association.sendMessage(request.presentationContextId(), command, data, moreFollows);
    }

    private Dataset responseCommand(int status, Dataset commandElements) {
        Dataset command = new Dataset();
        String sopClass = request.sopClassUid();
        if (sopClass != null) {
            command.setString(Tag.AffectedSOPClassUID, VR.UI, sopClass);
        }
        String instance = request.sopInstanceUid();
        if (instance != null && !request.isDimseC()) {
            command.setString(Tag.AffectedSOPInstanceUID, VR.UI, instance);
        }
        if (commandElements != null) {
            for (Element e : commandElements) {
                command.put(e);
            }
        }
        command.setInt(Tag.CommandField, VR.US, request.commandField() | 0x8000);
        command.setInt(Tag.MessageIDBeingRespondedTo, VR.US, request.messageId());
        command.setInt(Tag.Status, VR.US, status);
        command.remove(Tag.MessageID);
        return command;
    }
}
