package org.lantir.dicom.data;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Well-known UIDs (PS3.6 Annex A) and the making of new ones (PS3.5 Chapter 9 and Annex B).
 */
public final class UID {

    public static final String VERIFICATION = "1.2.840.10008.1.1";
    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    public static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";
    public static final String MODALITY_PERFORMED_PROCEDURE_STEP = "1.2.840.10008.3.1.2.3.3";

    /** The UUID-derived root of PS3.5 Annex B.2. */
    public static final String UUID_ROOT = "2.25";

    /** Lantir's Implementation Class UID (PS3.7 Annex D.3.3.2), a fixed 2.25 UUID form. */
    public static final String LANTIR_IMPLEMENTATION_CLASS =
            "2.25.156282301736428813962858186233460547217";

    private static final Pattern VALID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private UID() {
    }

    /**
     * Whether a string is a valid UID: digits and dots, no leading zero in a component, at
     * most 64 characters (PS3.5 §9.1).
     */
    public static boolean isValid(String uid) {
        return uid != null && !uid.isEmpty() && uid.length() <= 64 && VALID.matcher(uid).matches();
    }

    /**
     * A new UID under {@code root}. With the {@link #UUID_ROOT} the result is the Annex B.2
     * form {@code 2.25.<UUID as an unsigned decimal>}; under any other root, the UUID's decimal
     * form is appended and cut so the whole fits 64 characters.
     */
    public static String create(String root) {
        String suffix = uuidDecimal(UUID.randomUUID());
        String uid = root + "." + suffix;
        if (uid.length() > 64) {
            uid = stripLeadingZero(uid.substring(0, 64), root.length() + 1);
        }
        return uid;
    }

    private static String uuidDecimal(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits());
        bytes.putLong(uuid.getLeastSignificantBits());
        return new BigInteger(1, bytes.array()).toString();
    }

    private static String stripLeadingZero(String uid, int suffixStart) {
        if (uid.charAt(suffixStart) != '0') {
            return uid;
        }
        return uid.substring(0, suffixStart) + "1" + uid.substring(suffixStart + 1);
    }
}
