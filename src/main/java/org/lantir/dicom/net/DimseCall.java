package org.lantir.dicom.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.Tag;

/**
 * One request an SCU has sent and the responses still to come (PS3.7 §9.1, §10.1). Pending
 * responses go to the consumer given when the call was made, on the thread that awaits.
 */
public final class DimseCall {

    /** Put in the queue when the association ends. */
    private static final DimseMessage ENDED = new DimseMessage(0, new Dataset(), null);

    private final ClientAssociation association;
    private final int messageId;
    private final PresentationContext context;
    private final Consumer<Dataset> onPending;
    private final BlockingQueue<DimseMessage> responses = new LinkedBlockingQueue<>();
    private volatile IOException failure;
    private DimseResponse result;

    DimseCall(ClientAssociation association, int messageId, PresentationContext context,
            Consumer<Dataset> onPending) {
        this.association = association;
        this.messageId = messageId;
        this.context = context;
        this.onPending = onPending;
    }

    /** Message ID (0000,0110) of the request. */
    public int messageId() {
        return messageId;
    }

    /** Sends a C-CANCEL-RQ for this request (PS3.7 §9.3.2.3); the final response follows. */
    public void cancel() throws IOException {
        association.cancel(this);
    }

    PresentationContext context() {
        return context;
    }

    void responded(DimseMessage message) {
        responses.add(message);
    }

    void ended(IOException cause) {
        failure = cause;
        responses.add(ENDED);
    }

    /**
     * Waits for the final response, passing each pending response's data set on.
     *
     * @throws SocketTimeoutException when a response does not come within the DIMSE timeout;
     *         the association is then aborted
     * @throws AssociationAbortedException when the association ends first
     */
    public DimseResponse await() throws IOException {
        while (result == null) {
            DimseMessage message = next(association.dimseTimeout());
            Dataset dataset = decode(message);
            int status = message.command().getInt(Tag.Status, -1);
            if (Status.isPending(status)) {
                if (onPending != null) {
                    onPending.accept(dataset);
                }
                continue;
            }
            association.finished(this);
            result = new DimseResponse(status, message.command(), dataset);
        }
        return result;
    }

    private DimseMessage next(Duration timeout) throws IOException {
        DimseMessage message;
        try {
            message = responses.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted waiting for message " + messageId);
        }
        if (message == null) {
            association.timedOut(this);
            throw new SocketTimeoutException("No response to message " + messageId
                    + " within " + timeout);
        }
        if (message == ENDED) {
            throw failure;
        }
        return message;
    }

    private Dataset decode(DimseMessage message) throws IOException {
        if (message.data() == null) {
            return null;
        }
        try {
            return DicomReader.read(message.data(), context.transferSyntax());
        } catch (DicomFormatException malformed) {
            throw new IOException("Malformed data set in the response to message " + messageId
                    + ": " + malformed.getMessage(), malformed);
        }
    }
}
