package org.lantir.ui.mpps;

/** DICOM person names (PS3.5 §6.2, VR PN) as a person reads them on screen. */
final class PersonNames {

    private PersonNames() {
    }

    /**
     * {@code "DOE^JANE^^DR"} becomes {@code "DOE, JANE"}: family name, then given and middle
     * names; prefix, suffix and the ideographic and phonetic groups are left out.
     */
    static String readable(String pn) {
        if (pn == null || pn.isBlank()) {
            return "";
        }
        String alphabetic = pn.split("=", -1)[0];
        String[] parts = alphabetic.split("\\^", -1);
        String family = parts[0].strip();
        StringBuilder given = new StringBuilder();
        for (int i = 1; i < Math.min(parts.length, 3); i++) {
            if (!parts[i].isBlank()) {
                given.append(given.length() == 0 ? "" : " ").append(parts[i].strip());
            }
        }
        if (given.length() == 0) {
            return family;
        }
        return family.isEmpty() ? given.toString() : family + ", " + given;
    }
}
