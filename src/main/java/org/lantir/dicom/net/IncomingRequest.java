package org.lantir.dicom.net;

import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;

/** A DIMSE request as the dispatcher hands it to a {@link DimseService}. */
final class IncomingRequest implements DimseRequest {

    private final AssociationInfo association;
    private final PresentationContext context;
    private final Dataset command;
    private final byte[] encodedDataset;
    private Dataset dataset;
    private volatile boolean cancelled;

    IncomingRequest(AssociationInfo association, PresentationContext context, Dataset command,
            byte[] encodedDataset) {
        this.association = association;
        this.context = context;
        this.command = command;
        this.encodedDataset = encodedDataset;
    }

    @Override
    public AssociationInfo association() {
        return association;
    }

    @Override
    public int presentationContextId() {
        return context.id();
    }

    @Override
    public TransferSyntax transferSyntax() {
        return context.transferSyntax();
    }

    @Override
    public int commandField() {
        return command.getInt(Tag.CommandField, -1);
    }

    @Override
    public int messageId() {
        return command.getInt(Tag.MessageID, -1);
    }

    @Override
    public String sopClassUid() {
        return CommandSet.sopClassUid(command);
    }

    @Override
    public String sopInstanceUid() {
        return CommandSet.sopInstanceUid(command);
    }

    @Override
    public Dataset command() {
        return command;
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    byte[] encodedDataset() {
        return encodedDataset;
    }

    void setDataset(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    /** Whether the command is a DIMSE-C one (Command Field below 0100H). */
    boolean isDimseC() {
        return (commandField() & 0x7FFF) < Dimse.N_EVENT_REPORT_RQ;
    }
}
