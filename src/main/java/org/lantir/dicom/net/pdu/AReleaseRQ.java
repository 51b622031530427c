package org.lantir.dicom.net.pdu;

/** A-RELEASE-RQ PDU (PS3.8 §9.3.6, Table 9-24): type 05H, length 4, four reserved bytes. */
public record AReleaseRQ() implements PDU {

    @Override
    public int type() {
        return A_RELEASE_RQ;
    }
}
