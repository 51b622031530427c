package org.lantir.dicom.net;

/** The events of the DICOM Upper Layer protocol machine (PS3.8 §9.2.1, Table 9-2). */
public enum UpperLayerEvent {
    EVT1("A-ASSOCIATE request (local user)", true),
    EVT2("Transport connect confirmation (local transport service)", true),
    EVT3("A-ASSOCIATE-AC PDU (received on transport connection)", false),
    EVT4("A-ASSOCIATE-RJ PDU (received on transport connection)", false),
    EVT5("Transport connection indication (local transport service)", true),
    EVT6("A-ASSOCIATE-RQ PDU (received on transport connection)", false),
    EVT7("A-ASSOCIATE response primitive (accept)", true),
    EVT8("A-ASSOCIATE response primitive (reject)", true),
    EVT9("P-DATA request primitive", true),
    EVT10("P-DATA-TF PDU (received on transport connection)", false),
    EVT11("A-RELEASE request primitive", true),
    EVT12("A-RELEASE-RQ PDU (received on transport connection)", false),
    EVT13("A-RELEASE-RP PDU (received on transport connection)", false),
    EVT14("A-RELEASE response primitive", true),
    EVT15("A-ABORT request primitive", true),
    EVT16("A-ABORT PDU (received on transport connection)", false),
    EVT17("Transport connection closed indication (local transport service)", false),
    EVT18("ARTIM timer expired (association reject/release timer)", false),
    EVT19("Unrecognized or invalid PDU received", false);

    private final String description;
    private final boolean local;

    UpperLayerEvent(String description, boolean local) {
        this.description = description;
        this.local = local;
    }

    public String description() {
        return description;
    }

    /**
     * Whether the event is a primitive issued on this side (by the local user or transport).
     * Such an event in a state where Table 9-10 has no entry is a programming error; a peer's
     * PDU, a closed connection or a timer in such a state is not.
     */
    public boolean isLocal() {
        return local;
    }

    /** The standard's short name, e.g. {@code Evt19}. */
    public String shortName() {
        return "Evt" + (ordinal() + 1);
    }
}
