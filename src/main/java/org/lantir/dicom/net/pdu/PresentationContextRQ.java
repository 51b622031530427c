package org.lantir.dicom.net.pdu;

import java.util.List;

/**
 * A Presentation Context item of an A-ASSOCIATE-RQ (item type 20H, PS3.8 §9.3.2.2, Table 9-13):
 * an odd context ID, one Abstract Syntax sub-item (30H) and one or more Transfer Syntax
 * sub-items (40H), in the requestor's order of preference.
 */
public record PresentationContextRQ(int id, String abstractSyntax,
        List<String> transferSyntaxes) {

    public PresentationContextRQ {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("Presentation context ID " + id
                    + " outside 1-255 (PS3.8 §9.3.2.2)");
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    public static PresentationContextRQ of(int id, String abstractSyntax,
            String... transferSyntaxes) {
        return new PresentationContextRQ(id, abstractSyntax, List.of(transferSyntaxes));
    }

    @Override
    public String toString() {
        return id + ":" + abstractSyntax + transferSyntaxes;
    }
}
