package org.lantir.dicom.net.pdu;

import java.util.List;

/**
 * P-DATA-TF PDU (PS3.8 §9.3.5, Table 9-22): type 04H, PDU length, then one or more
 * Presentation Data Value items. The PDU length is what the peer's Maximum Length sub-item
 * limits (PS3.8 Annex D.1).
 */
public record PDataTF(List<PDV> pdvs) implements PDU {

    public PDataTF {
        pdvs = List.copyOf(pdvs);
    }

    public static PDataTF of(PDV... pdvs) {
        return new PDataTF(List.of(pdvs));
    }

    @Override
    public int type() {
        return P_DATA_TF;
    }

    /** The value of the PDU-length field: the sum of the PDV items. */
    public int pduLength() {
        int length = 0;
        for (PDV pdv : pdvs) {
            length += pdv.encodedLength();
        }
        return length;
    }
}
