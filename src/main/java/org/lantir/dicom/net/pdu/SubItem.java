package org.lantir.dicom.net.pdu;

import java.util.Arrays;

/**
 * A User Information sub-item that Lantir keeps without interpreting (PS3.8 §9.3.1: items of
 * unrecognized types are ignored): SOP Class Extended Negotiation (56H), SOP Class Common
 * Extended Negotiation (57H), User Identity (58H, 59H, PS3.7 D.3.3.7) and any unknown type.
 * The value may hold credentials, so {@link #toString()} shows only type and length.
 */
public record SubItem(int type, byte[] value) {

    /** User Identity Negotiation sub-item of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7.1). */
    public static final int USER_IDENTITY_RQ = 0x58;

    public SubItem {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubItem other && other.type == type
                && Arrays.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("SubItem[%02XH, %d bytes]", type, value.length);
    }
}
