package org.lantir.dicom.net.pdu;

import java.util.List;

/**
 * The User Information item (50H, PS3.8 §9.3.2.3 and Annex D) of an A-ASSOCIATE-RQ or -AC:
 * Maximum Length (51H, PS3.8 D.1), Implementation Class UID (52H) and Implementation Version
 * Name (55H) (PS3.7 D.3.3.2), Asynchronous Operations Window (53H, PS3.7 D.3.3.3), SCP/SCU Role
 * Selection (54H, PS3.7 D.3.3.4), and other sub-items kept as received.
 *
 * @param maxLength the largest P-DATA-TF variable field the sender accepts; 0 = no limit
 * @param implementationVersionName null when absent
 * @param asyncOperationsWindow null when absent
 */
public record UserInformation(long maxLength, String implementationClassUid,
        String implementationVersionName, AsyncOperationsWindow asyncOperationsWindow,
        List<RoleSelection> roleSelections, List<SubItem> otherSubItems) {

    public UserInformation {
        roleSelections = List.copyOf(roleSelections);
        otherSubItems = List.copyOf(otherSubItems);
    }

    /** User information with only the mandatory sub-items. */
    public static UserInformation of(long maxLength, String implementationClassUid,
            String implementationVersionName) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersionName,
                null, List.of(), List.of());
    }
}
