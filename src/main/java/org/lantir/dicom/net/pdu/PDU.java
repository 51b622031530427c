package org.lantir.dicom.net.pdu;

/**
 * A DICOM Upper Layer protocol data unit (PS3.8 §9.3): the seven PDU types and their PDU-type
 * codes (PS3.8 Table 9-11 to Table 9-26). All multi-byte fields are big endian (PS3.8 §9.3.1).
 */
public sealed interface PDU
        permits AAssociateRQ, AAssociateAC, AAssociateRJ, PDataTF, AReleaseRQ, AReleaseRP,
        AAbort {

    /** PDU-type 01H (PS3.8 §9.3.2). */
    int A_ASSOCIATE_RQ = 0x01;
    /** PDU-type 02H (PS3.8 §9.3.3). */
    int A_ASSOCIATE_AC = 0x02;
    /** PDU-type 03H (PS3.8 §9.3.4). */
    int A_ASSOCIATE_RJ = 0x03;
    /** PDU-type 04H (PS3.8 §9.3.5). */
    int P_DATA_TF = 0x04;
    /** PDU-type 05H (PS3.8 §9.3.6). */
    int A_RELEASE_RQ = 0x05;
    /** PDU-type 06H (PS3.8 §9.3.7). */
    int A_RELEASE_RP = 0x06;
    /** PDU-type 07H (PS3.8 §9.3.8). */
    int A_ABORT = 0x07;

    /** The PDU-type code. */
    int type();

    /** The standard's name of a PDU type, e.g. {@code A-ASSOCIATE-RQ}. */
    static String typeName(int type) {
        switch (type) {
            case A_ASSOCIATE_RQ: return "A-ASSOCIATE-RQ";
            case A_ASSOCIATE_AC: return "A-ASSOCIATE-AC";
            case A_ASSOCIATE_RJ: return "A-ASSOCIATE-RJ";
            case P_DATA_TF: return "P-DATA-TF";
            case A_RELEASE_RQ: return "A-RELEASE-RQ";
            case A_RELEASE_RP: return "A-RELEASE-RP";
            case A_ABORT: return "A-ABORT";
            default: return String.format("PDU type %02XH", type);
        }
    }
}
