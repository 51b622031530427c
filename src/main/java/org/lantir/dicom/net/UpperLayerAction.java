package org.lantir.dicom.net;

/**
 * The actions of the DICOM Upper Layer protocol machine (PS3.8 §9.2.2, Tables 9-6 to 9-9),
 * with the state each leads to. AE-6 and AR-8 choose their next state at run time (null here).
 */
public enum UpperLayerAction {
    AE_1("Issue TRANSPORT CONNECT request primitive to local transport service",
            UpperLayerState.STA4),
    AE_2("Send A-ASSOCIATE-RQ PDU", UpperLayerState.STA5),
    AE_3("Issue A-ASSOCIATE confirmation (accept) primitive", UpperLayerState.STA6),
    AE_4("Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection",
            UpperLayerState.STA1),
    AE_5("Issue Transport connection response primitive; start ARTIM timer",
            UpperLayerState.STA2),
    AE_6("Stop ARTIM timer; if A-ASSOCIATE-RQ acceptable by service-provider issue A-ASSOCIATE"
            + " indication, else send A-ASSOCIATE-RJ PDU and start ARTIM timer", null),
    AE_7("Send A-ASSOCIATE-AC PDU", UpperLayerState.STA6),
    AE_8("Send A-ASSOCIATE-RJ PDU and start ARTIM timer", UpperLayerState.STA13),
    DT_1("Send P-DATA-TF PDU", UpperLayerState.STA6),
    DT_2("Send P-DATA indication primitive", UpperLayerState.STA6),
    AR_1("Send A-RELEASE-RQ PDU", UpperLayerState.STA7),
    AR_2("Issue A-RELEASE indication primitive", UpperLayerState.STA8),
    AR_3("Issue A-RELEASE confirmation primitive, and close transport connection",
            UpperLayerState.STA1),
    AR_4("Issue A-RELEASE-RP PDU and start ARTIM timer", UpperLayerState.STA13),
    AR_5("Stop ARTIM timer", UpperLayerState.STA1),
    AR_6("Issue P-DATA indication", UpperLayerState.STA7),
    AR_7("Issue P-DATA-TF PDU", UpperLayerState.STA8),
    AR_8("Issue A-RELEASE indication (release collision)", null),
    AR_9("Send A-RELEASE-RP PDU", UpperLayerState.STA11),
    AR_10("Issue A-RELEASE confirmation primitive", UpperLayerState.STA12),
    AA_1("Send A-ABORT PDU (service-user source) and start (or restart) ARTIM timer",
            UpperLayerState.STA13),
    AA_2("Stop ARTIM timer if running; close transport connection", UpperLayerState.STA1),
    AA_3("Issue A-ABORT or A-P-ABORT indication and close transport connection",
            UpperLayerState.STA1),
    AA_4("Issue A-P-ABORT indication primitive", UpperLayerState.STA1),
    AA_5("Stop ARTIM timer", UpperLayerState.STA1),
    AA_6("Ignore PDU", UpperLayerState.STA13),
    AA_7("Send A-ABORT PDU", UpperLayerState.STA13),
    AA_8("Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start"
            + " ARTIM timer", UpperLayerState.STA13);

    private final String description;
    private final UpperLayerState nextState;

    UpperLayerAction(String description, UpperLayerState nextState) {
        this.description = description;
        this.nextState = nextState;
    }

    public String description() {
        return description;
    }

    /** The next state, or null when the action decides it (AE-6, AR-8). */
    public UpperLayerState nextState() {
        return nextState;
    }

    /** The standard's short name, e.g. {@code AA-8}. */
    public String shortName() {
        return name().replace('_', '-');
    }
}
