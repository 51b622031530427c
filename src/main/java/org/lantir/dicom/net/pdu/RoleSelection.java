package org.lantir.dicom.net.pdu;

/**
 * An SCP/SCU Role Selection sub-item (54H, PS3.7 Annex D.3.3.4, PS3.8 Annex D.3.3.4): for one
 * SOP class, whether the requestor may act as SCU and as SCP. In an A-ASSOCIATE-AC the values
 * say which of the proposed roles the acceptor granted.
 */
public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {
}
