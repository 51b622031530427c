package org.lantir.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.DicomServiceException;
import org.lantir.dicom.net.DimseResponder;
import org.lantir.dicom.net.DimseService;
import org.lantir.dicom.net.Status;

/**
 * Runs one request through a service the way the dispatcher does (a thrown
 * {@link DicomServiceException} becomes the final response, no final response means success)
 * and keeps every response.
 */
public final class DimseResponses implements DimseResponder {

    private final List<Integer> pendingStatuses = new ArrayList<>();
    private final List<Dataset> identifiers = new ArrayList<>();
    private Integer status;
    private Dataset command = new Dataset();

    public static DimseResponses call(DimseService service, FakeDimseRequest request) {
        DimseResponses responses = new DimseResponses();
        request.countPendingsWith(responses.identifiers::size);
        try {
            service.onRequest(request, responses);
        } catch (DicomServiceException e) {
            responses.status = e.status();
            responses.command = e.responseCommandElements();
        } catch (IOException e) {
            throw new AssertionError("no I/O happens in this harness", e);
        }
        if (responses.status == null) {
            responses.status = Status.SUCCESS;
        }
        return responses;
    }

    @Override
    public void pending(int pendingStatus, Dataset identifier) {
        if (status != null) {
            throw new AssertionError("pending response after the final one");
        }
        pendingStatuses.add(pendingStatus);
        identifiers.add(identifier);
    }

    @Override
    public void respond(int finalStatus, Dataset commandElements, Dataset dataset) {
        if (status != null) {
            throw new AssertionError("two final responses");
        }
        status = finalStatus;
        command = commandElements == null ? new Dataset() : commandElements;
    }

    public int status() {
        return status;
    }

    public List<Integer> pendingStatuses() {
        return pendingStatuses;
    }

    public List<Dataset> identifiers() {
        return identifiers;
    }

    /** One value per pending response: the first value of {@code tag}, "" when empty. */
    public List<String> values(int tag) {
        List<String> values = new ArrayList<>();
        for (Dataset identifier : identifiers) {
            values.add(identifier.getString(tag, ""));
        }
        return values;
    }

    public Dataset command() {
        return command;
    }

    public String errorComment() {
        return command.getString(Tag.ErrorComment);
    }

    public String affectedSopInstanceUid() {
        return command.getString(Tag.AffectedSOPInstanceUID);
    }

    public int[] attributeIdentifierList() {
        return command.getTags(Tag.AttributeIdentifierList);
    }

    public int[] offendingElements() {
        return command.getTags(Tag.OffendingElement);
    }

    public int errorId() {
        return command.getInt(Tag.ErrorID, -1);
    }
}
