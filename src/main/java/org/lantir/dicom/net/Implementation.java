package org.lantir.dicom.net;

import org.lantir.dicom.data.UID;

/**
 * Lantir's Implementation Class UID and Implementation Version Name (PS3.7 Annex D.3.3.2),
 * sent in every A-ASSOCIATE-RQ and -AC.
 */
public final class Implementation {

    public static final String CLASS_UID = UID.LANTIR_IMPLEMENTATION_CLASS;

    /** "LANTIR_" and the jar's version, at most 16 characters (an SH value). */
    public static final String VERSION_NAME = versionName();

    private Implementation() {
    }

    private static String versionName() {
        String version = Implementation.class.getPackage().getImplementationVersion();
        String name = version == null ? "LANTIR" : "LANTIR_" + version;
        return name.length() > 16 ? name.substring(0, 16) : name;
    }
}
