package org.lantir.testing;

import java.net.InetSocketAddress;
import java.util.function.IntSupplier;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.AssociationInfo;
import org.lantir.dicom.net.Dimse;
import org.lantir.dicom.net.DimseRequest;

/** A DIMSE request as the dispatcher would hand it to a service. */
public final class FakeDimseRequest implements DimseRequest {

    private final AssociationInfo association;
    private final int commandField;
    private final String sopClassUid;
    private final String sopInstanceUid;
    private final Dataset dataset;
    private IntSupplier pendingsSent = () -> 0;
    private int cancelAfter = -1;

    public FakeDimseRequest(String callingAe, int commandField, String sopClassUid,
            String sopInstanceUid, Dataset dataset) {
        this.association = new AssociationInfo("LANTIR<-" + callingAe + "#1", callingAe,
                "LANTIR", new InetSocketAddress("127.0.0.1", 40000));
        this.commandField = commandField;
        this.sopClassUid = sopClassUid;
        this.sopInstanceUid = sopInstanceUid;
        this.dataset = dataset;
    }

    public static FakeDimseRequest cFind(String callingAe, Dataset identifier) {
        return new FakeDimseRequest(callingAe, Dimse.C_FIND_RQ, UID.MODALITY_WORKLIST_FIND,
                null, identifier);
    }

    public static FakeDimseRequest nCreate(String callingAe, String uid, Dataset attrs) {
        return new FakeDimseRequest(callingAe, Dimse.N_CREATE_RQ,
                UID.MODALITY_PERFORMED_PROCEDURE_STEP, uid, attrs);
    }

    public static FakeDimseRequest nSet(String callingAe, String uid, Dataset attrs) {
        return new FakeDimseRequest(callingAe, Dimse.N_SET_RQ,
                UID.MODALITY_PERFORMED_PROCEDURE_STEP, uid, attrs);
    }

    /** A C-CANCEL arrives once this many pending responses have gone out. */
    public FakeDimseRequest cancelAfter(int pendings) {
        this.cancelAfter = pendings;
        return this;
    }

    void countPendingsWith(IntSupplier sent) {
        this.pendingsSent = sent;
    }

    @Override
    public AssociationInfo association() {
        return association;
    }

    @Override
    public int presentationContextId() {
        return 1;
    }

    @Override
    public TransferSyntax transferSyntax() {
        return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    @Override
    public int commandField() {
        return commandField;
    }

    @Override
    public int messageId() {
        return 7;
    }

    @Override
    public String sopClassUid() {
        return sopClassUid;
    }

    @Override
    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    @Override
    public Dataset command() {
        return new Dataset();
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public boolean isCancelled() {
        return cancelAfter >= 0 && pendingsSent.getAsInt() >= cancelAfter;
    }
}
