package org.lantir.dicom.net;

/** Command Field values (0000,0100) of PS3.7 §9.3 and §10.3 (Table E.1-1). */
public final class Dimse {

    public static final int C_STORE_RQ = 0x0001;
    public static final int C_STORE_RSP = 0x8001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_GET_RSP = 0x8010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_FIND_RSP = 0x8020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_MOVE_RSP = 0x8021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int C_ECHO_RSP = 0x8030;
    public static final int N_EVENT_REPORT_RQ = 0x0100;
    public static final int N_EVENT_REPORT_RSP = 0x8100;
    public static final int N_GET_RQ = 0x0110;
    public static final int N_GET_RSP = 0x8110;
    public static final int N_SET_RQ = 0x0120;
    public static final int N_SET_RSP = 0x8120;
    public static final int N_ACTION_RQ = 0x0130;
    public static final int N_ACTION_RSP = 0x8130;
    public static final int N_CREATE_RQ = 0x0140;
    public static final int N_CREATE_RSP = 0x8140;
    public static final int N_DELETE_RQ = 0x0150;
    public static final int N_DELETE_RSP = 0x8150;
    public static final int C_CANCEL_RQ = 0x0FFF;

    /** Command Data Set Type (0000,0800) meaning "no data set" (PS3.7 §E.2). */
    public static final int NO_DATASET = 0x0101;

    private Dimse() {
    }

    public static boolean isResponse(int commandField) {
        return (commandField & 0x8000) != 0;
    }

    /** The standard's name of a command, e.g. {@code C-FIND-RQ}. */
    public static String name(int commandField) {
        switch (commandField) {
            case C_STORE_RQ: return "C-STORE-RQ";
            case C_STORE_RSP: return "C-STORE-RSP";
            case C_GET_RQ: return "C-GET-RQ";
            case C_GET_RSP: return "C-GET-RSP";
            case C_FIND_RQ: return "C-FIND-RQ";
            case C_FIND_RSP: return "C-FIND-RSP";
            case C_MOVE_RQ: return "C-MOVE-RQ";
            case C_MOVE_RSP: return "C-MOVE-RSP";
            case C_ECHO_RQ: return "C-ECHO-RQ";
            case C_ECHO_RSP: return "C-ECHO-RSP";
            case N_EVENT_REPORT_RQ: return "N-EVENT-REPORT-RQ";
            case N_EVENT_REPORT_RSP: return "N-EVENT-REPORT-RSP";
            case N_GET_RQ: return "N-GET-RQ";
            case N_GET_RSP: return "N-GET-RSP";
            case N_SET_RQ: return "N-SET-RQ";
            case N_SET_RSP: return "N-SET-RSP";
            case N_ACTION_RQ: return "N-ACTION-RQ";
            case N_ACTION_RSP: return "N-ACTION-RSP";
            case N_CREATE_RQ: return "N-CREATE-RQ";
            case N_CREATE_RSP: return "N-CREATE-RSP";
            case N_DELETE_RQ: return "N-DELETE-RQ";
            case N_DELETE_RSP: return "N-DELETE-RSP";
            case C_CANCEL_RQ: return "C-CANCEL-RQ";
            default: return String.format("command %04XH", commandField);
        }
    }
}
