package org.lantir.dicom.net;

/** The states of the DICOM Upper Layer protocol machine (PS3.8 §9.2.1, Table 9-1). */
public enum UpperLayerState {
    STA1("Idle"),
    STA2("Transport connection open (awaiting A-ASSOCIATE-RQ PDU)"),
    STA3("Awaiting local A-ASSOCIATE response primitive"),
    STA4("Awaiting transport connection opening to complete"),
    STA5("Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU"),
    STA6("Association established and ready for data transfer"),
    STA7("Awaiting A-RELEASE-RP PDU"),
    STA8("Awaiting local A-RELEASE response primitive"),
    STA9("Release collision requestor side; awaiting A-RELEASE response"),
    STA10("Release collision acceptor side; awaiting A-RELEASE-RP PDU"),
    STA11("Release collision requestor side; awaiting A-RELEASE-RP PDU"),
    STA12("Release collision acceptor side; awaiting A-RELEASE response primitive"),
    STA13("Awaiting transport connection close indication (association no longer exists)");

    private final String description;

    UpperLayerState(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The standard's short name, e.g. {@code Sta6}. */
    public String shortName() {
        return "Sta" + (ordinal() + 1);
    }

    /** Whether an association exists: from Sta6 (established) to Sta12 (release collision). */
    public boolean isAssociationEstablished() {
        return compareTo(STA6) >= 0 && compareTo(STA12) <= 0;
    }
}
