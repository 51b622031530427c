package org.lantir.dicom.net.pdu;

/** A-RELEASE-RP PDU (PS3.8 §9.3.7, Table 9-25): type 06H, length 4, four reserved bytes. */
public record AReleaseRP() implements PDU {

    @Override
    public int type() {
        return A_RELEASE_RP;
    }
}
